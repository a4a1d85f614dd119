package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	dateparser "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"dossier/data"
)

const (
	monthNames = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	maxTitle   = 140
)

var (
	isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dmyDate = regexp.MustCompile(`(?i)\b(\d{1,2})\s+` + monthNames + `,?\s+(\d{4})\b`)
	mdyDate = regexp.MustCompile(`(?i)\b` + monthNames + `\s+(\d{1,2}),?\s+(\d{4})\b`)
	// words a dateline may hold beside its date
	datelineWords = regexp.MustCompile(`(?i)\b(date|dated|published|posted|updated|last|on|at|by|the)\b|[^\p{L}\p{N}]+`)
)

// fillFromText finds the published date in a dateline among the first lines
// and, when the format gave no title, takes the first line that is not one.
// A dateline without its year (a wire's "MOSCOW, March 2 (Reuters) -") is
// read only at the head of the first line, in the year that puts it nearest
// before ref.
func fillFromText(a *data.Article, ref time.Time) {
	lines := firstLines(a.Text, 4)
	dateline := -1
	if a.Published == "" {
		for i, l := range lines {
			if day, raw, ok := datelineDate(l, a.Language); ok {
				a.Published, a.PublishedRaw, dateline = day, raw, i
				break
			}
			if day, raw, ok := datelineDate(datelineHead(l), a.Language); ok { // the line goes on: it is text too
				a.Published, a.PublishedRaw = day, raw
				break
			}
		}
	}
	if a.Published == "" && len(lines) > 0 {
		if day, raw, ok := wireDateline(lines[0], a.Language, ref); ok {
			a.Published, a.PublishedRaw = day, raw
			if head, _ := wireHead(lines[0]); utf8.RuneCountInString(lines[0])-utf8.RuneCountInString(head) < 20 {
				dateline = 0 // "MOSCOW, March 2 (Reuters) -" alone on its line is no title
			}
		}
	}
	if a.Title != "" {
		a.Title = shortTitle(a.Title)
		return
	}
	for i, l := range lines {
		if i != dateline {
			a.Title = shortTitle(strings.TrimLeft(l, "# "))
			return
		}
	}
}

func firstLines(text string, n int) []string {
	var out []string
	for _, l := range strings.SplitN(text, "\n", 64) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// datelineDate reads a line that is a date and little else ("date
// 2025-03-02", "Published: 2 March 2025", "Москва, 3 марта 2025 г.") and
// returns the day and the date as written. lang, the article's language
// when known, helps read dates in other languages.
func datelineDate(line, lang string) (day, raw string, ok bool) {
	if utf8.RuneCountInString(line) > 100 || !hasYear(line) {
		return "", "", false
	}
	day, raw = findDate(line)
	if day == "" {
		day, raw = foreignDate(line, lang)
	}
	if day == "" {
		return "", "", false
	}
	rest := datelineWords.ReplaceAllString(strings.Replace(line, raw, " ", 1), " ")
	return day, raw, len(strings.Fields(rest)) <= 3
}

// datelineHead is the dateline at the head of a line that goes on as the
// article's first sentence ("MOSCOW, March 2, 2025. Russian Defence
// Minister…", "PARIS, 2 mars 2025 – Le ministre…"): the line up to the
// first stop, dash or colon after its year, when that comes early; "" when
// there is none.
func datelineHead(line string) string {
	rs := []rune(line)
	year := -1
	for i, run := 0, 0; i < len(rs) && i < 80; i++ {
		if unicode.IsDigit(rs[i]) {
			if run++; run == 4 {
				year = i
				break
			}
		} else {
			run = 0
		}
	}
	if year < 0 {
		return ""
	}
	for i := year + 1; i < len(rs) && i < year+12; i++ {
		switch rs[i] {
		case '.', ':', '–', '—', '-', '(', '|':
			if i+1 == len(rs) || unicode.IsSpace(rs[i+1]) || rs[i] != '.' {
				return string(rs[:i])
			}
		}
	}
	return ""
}

// hasYear reports four digits in a row (in any script), which every date
// form here has.
func hasYear(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// foreignDate finds a full date written in another language ("2 mars
// 2025", "3 марта 2025 г.", "2025年3月2日", "2 de marzo de 2025") with
// go-dateparser, which knows the month names and date orders of some 200
// languages (from Unicode's CLDR). Only a day with its year counts.
//
// The library is given the line without Spanish opening marks (¡ ¿), which
// are never part of a date and make its sentence splitter slice out of
// range (go-dateparser v1.4.7); any other panic of the library on an odd
// line means "no date here", never a failed import.
func foreignDate(line, lang string) (day, raw string) {
	defer func() {
		if recover() != nil {
			day, raw = "", ""
		}
	}()
	cfg := &dateparser.Configuration{CurrentTime: time.Now(), Languages: dateLanguages(lang, line)}
	_, found, err := dateparser.Search(cfg, invertedMarks.Replace(line))
	if err != nil {
		return "", ""
	}
	for _, f := range found {
		if (f.Date.Period == date.Day || f.Date.Period.IsTime()) && hasYear(f.Text) && !f.Date.Time.IsZero() {
			return f.Date.Time.Format(data.DateLayout), strings.TrimSpace(f.Text)
		}
	}
	return "", ""
}

// invertedMarks blanks the marks that open a Spanish question or
// exclamation; a date found without them is still a piece of the line.
var invertedMarks = strings.NewReplacer("¡", " ", "¿", " ")

// dateLanguages are the languages a dateline is read in: the article's,
// when known, and English (datelines often mix them); for an English
// article, or one whose language is not known, the languages news is
// mostly written in with the line's script (nil, letting the library guess
// among all it knows, only for another script: guessing is most of the
// cost of an import).
func dateLanguages(lang, line string) []string {
	if lang != "" && lang != "en" {
		return []string{lang, "en"}
	}
	for _, s := range scriptLanguages {
		if strings.ContainsFunc(line, func(r rune) bool { return unicode.Is(s.script, r) }) {
			return s.languages
		}
	}
	return nil
}

// scriptLanguages are, for each script, the languages whose datelines an
// English or unknown article may carry, the scripts other than Latin
// first (a Cyrillic dateline may hold Latin letters, not the other way).
var scriptLanguages = []struct {
	script    *unicode.RangeTable
	languages []string
}{
	{unicode.Cyrillic, []string{"ru", "uk", "bg", "sr", "en"}},
	{unicode.Arabic, []string{"ar", "fa", "ur", "en"}},
	{unicode.Han, []string{"zh", "ja", "en"}},
	{unicode.Latin, []string{"en", "fr", "es", "de", "it", "pt", "nl"}},
}

// findDate returns the first full date in s as YYYY-MM-DD with the text it
// was read from, or "" when there is none.
func findDate(s string) (day, raw string) {
	if m := isoDate.FindString(s); m != "" {
		if t, err := time.Parse(data.DateLayout, m); err == nil {
			return t.Format(data.DateLayout), m
		}
	}
	for _, re := range []*regexp.Regexp{dmyDate, mdyDate} {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		d, mon, y := m[1], m[2], m[3]
		if re == mdyDate {
			d, mon = m[2], m[1]
		}
		t, err := time.Parse("2 Jan 2006", fmt.Sprintf("%s %s %s", d, strings.ToUpper(mon[:1])+strings.ToLower(mon[1:3]), y))
		if err == nil {
			return t.Format(data.DateLayout), m[0]
		}
	}
	return "", ""
}

// shortTitle keeps a title readable: a first line of several sentences
// becomes its first sentence; a long one is cut at a word before maxTitle characters with an ellipsis.
func shortTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if end := sentenceEnd(s); end >= 20 && end < len(s) && utf8.RuneCountInString(s[:end]) <= maxTitle {
		return s[:end]
	}
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	r := []rune(s)[:maxTitle]
	cut := strings.LastIndex(string(r), " ")
	if cut < maxTitle/2 {
		cut = len(string(r))
	}
	return strings.TrimRight(string(r)[:cut], " ,;:-") + "…"
}

// sentenceEnd returns the byte offset after the first sentence's end, or 0.
// A full stop after an initial, an abbreviation or "U.S." ends nothing.
func sentenceEnd(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if strings.IndexByte(".!?", s[i]) < 0 || s[i+1] != ' ' {
			continue
		}
		word := s[strings.LastIndexByte(s[:i], ' ')+1 : i]
		if s[i] == '.' && (len(word) <= 1 || strings.Contains(word, ".") || abbreviations[word]) {
			continue
		}
		return i + 1
	}
	return 0
}

var abbreviations = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Gen": true,
	"Col": true, "Lt": true, "Sgt": true, "Prof": true, "Sen": true, "Rep": true, "Gov": true, "Pres": true, "No": true, "vs": true}
