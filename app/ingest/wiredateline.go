package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"dossier/data"
)

// A wire dateline gives the day without its year: "MOSCOW, March 2
// (Reuters) -", "МОСКВА, 2 марта. /ТАСС/.", "PARIS, 2 mars (AFP) -",
// "新华社北京3月2日电". The year is the one that puts the day nearest before
// the article's reference time (its file's date, or the import), allowing a
// day of clock and time-zone slack: a dispatch dated 31 December read on
// 2 January is last year's.

// hanDay is a day in a Chinese dateline: 3月2日 (digits in either width).
var hanDay = regexp.MustCompile(`([0-9０-９]{1,2})月([0-9０-９]{1,2})日`)

// wireHeadEnds are where a wire dateline's head stops: the agency's
// parenthesis or slashes, a dash, a colon, or 电 ("wire") after a Chinese
// date.
const wireHeadEnds = "(/–—-:电"

// wireDateline reads a yearless dateline at the head of line and returns
// the day and the date as written.
func wireDateline(line, lang string, ref time.Time) (day, raw string, ok bool) {
	head, stop := wireHead(line)
	if head == "" || hasYear(head) {
		return "", "", false
	}
	var month, dom int
	if m := hanDay.FindStringSubmatch(head); m != nil {
		month, dom, raw = wideAtoi(m[1]), wideAtoi(m[2]), m[0]
	} else if month, dom, raw = yearlessDate(head, lang, ref); raw == "" {
		return "", "", false
	}
	at := strings.LastIndex(head, raw)
	if at < 0 || strings.TrimRight(head[at+len(raw):], " ,.电") != "" {
		return "", "", false // the date ends the head
	}
	place := datelineWords.ReplaceAllString(head[:at], " ")
	if n := len(strings.Fields(place)); n == 0 || n > 3 || !startsAsAPlace(place) {
		return "", "", false
	}
	if stop == '.' && strings.ToUpper(place) != place {
		return "", "", false // "Talks resume March 2. …" is a sentence; "МОСКВА, 2 марта. /ТАСС/" a dateline
	}
	t, ok := nearestBefore(month, dom, ref)
	if !ok {
		return "", "", false
	}
	return t.Format(data.DateLayout), raw, true
}

// wireHead is the start of line up to where a wire dateline ends, when that
// comes within its first 60 characters, and the mark it ends at; "" otherwise.
func wireHead(line string) (head string, stop rune) {
	for i, r := range line {
		if utf8.RuneCountInString(line[:i]) > 60 {
			return "", 0
		}
		if strings.ContainsRune(wireHeadEnds, r) || r == '.' && (i+1 == len(line) || line[i+1] == ' ') {
			if r == '-' && (i+1 == len(line) || line[i+1] != ' ') {
				continue // a hyphen inside a name
			}
			if r == '电' {
				return line[:i+len("电")], r
			}
			return line[:i], r
		}
	}
	return "", 0
}

// startsAsAPlace reports a head whose words before the date begin with a
// capital or are written in a script without case (a city, an agency).
func startsAsAPlace(rest string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(rest))
	return unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// yearlessDate finds a day and month written in the article's language
// (or English) in head.
func yearlessDate(head, lang string, ref time.Time) (month, dom int, raw string) {
	defer func() {
		if recover() != nil {
			month, dom, raw = 0, 0, ""
		}
	}()
	cfg := &dateparser.Configuration{CurrentTime: ref, Languages: dateLanguages(lang, head),
		PreferredDateSource: dateparser.Past, RequiredParts: []string{"day", "month"}}
	_, found, err := dateparser.Search(cfg, invertedMarks.Replace(head))
	if err != nil {
		return 0, 0, ""
	}
	for _, f := range found {
		text := strings.TrimSpace(f.Text)
		if f.Date.Period == date.Day && !f.Date.Time.IsZero() && hasLetter(text) && hasDigit(text) {
			return int(f.Date.Time.Month()), f.Date.Time.Day(), text
		}
	}
	return 0, 0, ""
}

// nearestBefore is the date of that month and day nearest before ref (with
// a day's slack); false for a day no year has (31 April).
func nearestBefore(month, dom int, ref time.Time) (time.Time, bool) {
	if month < 1 || month > 12 || dom < 1 || dom > 31 {
		return time.Time{}, false
	}
	limit := ref.AddDate(0, 0, 1)
	for y := limit.Year(); y >= limit.Year()-4; y-- { // 29 February waits up to four years
		t := time.Date(y, time.Month(month), dom, 0, 0, 0, 0, time.UTC)
		if t.Day() == dom && !t.After(limit) {
			return t, true
		}
	}
	return time.Time{}, false
}

func wideAtoi(s string) int {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		return r
	}, s)
	n, _ := strconv.Atoi(s)
	return n
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
func hasDigit(s string) bool  { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }
