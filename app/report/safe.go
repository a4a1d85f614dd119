package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxCellText is the most characters an Excel cell holds.
const MaxCellText = 32767

// Notice is something the export changed so that a value fits a spreadsheet.
type Notice struct {
	Sheet  string `json:"sheet"`
	Row    int    `json:"row"`
	Column string `json:"column"`
	What   string `json:"what"`
}

func (n Notice) String() string {
	return fmt.Sprintf("%s row %d, %s: %s", n.Sheet, n.Row, n.Column, n.What)
}

// cutMarker ends a cut text, visibly.
func cutMarker(more int) string {
	return fmt.Sprintf(" … [cut: %d more characters are in Dossier]", more)
}

// safeText removes control characters (keeping tab and line breaks) and
// cuts text to Excel's limit with a marker. It says what it did, if anything.
func safeText(s string) (string, string) {
	if plainText(s) {
		return s, ""
	}
	var what []string
	if strings.IndexFunc(s, isBadControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isBadControl(r) {
				return -1
			}
			return r
		}, s)
		what = append(what, "control characters removed")
	}
	if n := utf8.RuneCountInString(s); n > MaxCellText {
		keep := MaxCellText - utf8.RuneCountInString(cutMarker(n))
		r := []rune(s)
		s = string(r[:keep]) + cutMarker(n-keep)
		what = append(what, fmt.Sprintf("cut from %d to %d characters", n, MaxCellText))
	}
	return s, strings.Join(what, "; ")
}

// plainText is the fast path of safeText: short text whose bytes cannot
// start a control character (C0, DEL, C1 as 0xC2 0x80–0x9F, U+FFFE/U+FFFF
// as 0xEF 0xBF …) needs no change.
func plainText(s string) bool {
	if len(s) > MaxCellText {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\n' && c != '\t' && c != '\r', c == 0x7F, c == 0xC2, c == 0xEF:
			return false
		}
	}
	return true
}

func isBadControl(r rune) bool {
	return (unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r') || r == '\uFFFE' || r == '\uFFFF'
}

// neutralise stops a spreadsheet from reading text as a formula: a cell
// that starts with = + - @ (or a tab or carriage return) gets a leading
// apostrophe, as OWASP advises for CSV.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// webLink reports whether u may become a hyperlink: http(s) only.
func webLink(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
