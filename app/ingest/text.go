package ingest

import (
	"errors"
	"strings"
	"unicode/utf16"

	"dossier/data"
)

// parseText reads plain text or Markdown in any common encoding.
func parseText(raw []byte, markdown bool) (*data.Article, error) {
	text, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	a := &data.Article{Text: text}
	if markdown {
		a.Title = markdownTitle(text)
	}
	return a, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns a text file's bytes into a string (see decodeAs), UTF-16
// without a byte order mark included. Binary data is refused.
func decodeText(raw []byte) (string, error) {
	if s, ok := byBOM(raw); ok {
		return s, nil
	}
	if be, ok := looksUTF16(raw); ok {
		return decodeUTF16(raw, be), nil
	}
	if looksBinary(raw) {
		return "", errors.New("binary data, not text (is it an image, archive or program?)")
	}
	return decodeAs(raw, ""), nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// looksUTF16 spots BOM-less UTF-16 of Latin-script text: most odd (LE) or
// even (BE) bytes are zero and the others are not.
func looksUTF16(b []byte) (bigEndian, ok bool) {
	n := min(len(b), 4096) &^ 1
	if n < 8 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			zeroEven++
		}
		if b[i+1] == 0 {
			zeroOdd++
		}
	}
	half := n / 2
	switch {
	case zeroOdd > half*7/10 && zeroEven < half/10:
		return false, true
	case zeroEven > half*7/10 && zeroOdd < half/10:
		return true, true
	}
	return false, false
}

// looksBinary reports NUL bytes or many control characters near the start.
func looksBinary(b []byte) bool {
	n := min(len(b), 8192)
	ctrl := 0
	for _, c := range b[:n] {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl > n/20
}

// markdownTitle is the first "# " heading, if any.
func markdownTitle(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if t, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}
