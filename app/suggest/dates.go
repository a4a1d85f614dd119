package suggest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"dossier/app/when"
	"dossier/data"
)

const (
	months     = `January|February|March|April|May|June|July|August|September|October|November|December`
	monthWords = months + `|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.`
	weekdays   = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
)

// rangeEnd is one end of a date range: "5", "6 April 2016", "March",
// "May 2024", "2011".
const rangeEnd = `(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:` + monthWords + `)(?:,?\s+\d{4})?)?|(?:` + monthWords + `)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|(?:19|20)\d{2})`

// datePatterns find date expressions, an ISO date first (so that
// "2025-03-02" is one day, not a range from 2025 to March); a leading
// preposition is kept in the
// span, as analysts record "on Friday", and each match is resolved against
// the article's date. The confidence falls with the vagueness.
var datePatterns = []struct {
	re         *regexp.Regexp
	confidence float64
	cues       cues // every match holds one (cueWindows)
}{
	{regexp.MustCompile(`\b(?:(?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y)\s+)?\d{4}-\d{2}-\d{2}\b`), 0.95, cues{words: digits}},
	{regexp.MustCompile(`\b(?:(?:[Ff]rom|[Bb]etween)\s+)?` + rangeEnd + `\s*(?:-|–|—|\s(?:to|and|until)\s)\s*` + rangeEnd + `\b`), 0.85, cues{words: append(lowerStems(monthWords), digits...), whole: englishMonthWord}},
	{regexp.MustCompile(`\b(?:(?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:` + monthWords + `)(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4})?\b`), 0.9, cues{words: lowerStems(monthWords), whole: englishMonthWord}},
	{regexp.MustCompile(`\b(?:[Oo]n\s+|[Ll]ast\s+|[Nn]ext\s+)?(?:` + weekdays + `)\b`), 0.8, cues{words: lowerStems(weekdays)}},
	{regexp.MustCompile(`\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|(?:[Ll]ast|[Nn]ext)\s+(?:week|month|year)|[Ll]ast\s+night|[Tt]his\s+(?:morning|evening))\b`), 0.75, cues{words: []string{"today", "yesterday", "tomorrow", "last", "next", "this"}}},
	{regexp.MustCompile(`\b(?:[Ii]n|[Ss]ince)\s+(?:19|20)\d{2}\b`), 0.7, cues{words: digits}},
}

// englishMonthWord tells a month's name from the verbs and words it starts
// ("may", "march", "decide").
var englishMonthWord = regexp.MustCompile(`^(?:` + monthWords + `)(?:[^\p{L}]|$)`)

// lowerStems are the literals a pattern's matches start with, in lower case.
func lowerStems(pattern string) []string {
	out := stems(pattern)
	for i := range out {
		out[i] = strings.ToLower(out[i])
	}
	return out
}

// dates proposes every date expression that resolves.
func dates(d *document, published string) []Suggestion {
	return datesRead(d, published, len(d.text) > cueBefore+cueAfter) // a short text is read whole
}

// datesRead is dates, reading a long text only around its cues.
func datesRead(d *document, published string, long bool) []Suggestion {
	var out []Suggestion
	taken := map[int]bool{}
	for _, p := range datePatterns {
		runes := runeCounter{text: d.text}
		var windows []window
		if long {
			windows = cueWindows(d.text, d.lower, p.cues)
		}
		for _, m := range matchesIn(p.re, d.text, windows) {
			start := runes.at(m[0])
			end := start + utf8.RuneCountInString(d.text[m[0]:m[1]])
			if overlapsTaken(taken, start, end) {
				continue
			}
			raw := d.text[m[0]:m[1]]
			r, err := when.Resolve(ahead(d, start, raw), published)
			if err != nil {
				continue
			}
			for i := start; i < end; i++ {
				taken[i] = true
			}
			out = append(out, Suggestion{Kind: Date, Start: start, End: end, Text: raw, Confidence: p.confidence, Date: dateValue(r.Start, r.Precision), DateEnd: rangeLast(r), Precision: r.Precision})
		}
	}
	return append(out, foreignDates(d, published, taken, long)...)
}

func overlapsTaken(taken map[int]bool, start, end int) bool {
	for i := start; i < end; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

// dateValue writes a date at its precision: 2025-02-28, 2023-12 or 2024.
func dateValue(start, precision string) string {
	switch precision {
	case "month":
		return start[:7]
	case "year":
		return start[:4]
	}
	return start
}

// future marks a sentence that tells what is to come.
var future = regexp.MustCompile(`\b(?:will|shall|is to|are to|is due to|are due to|plans? to|is expected to|are expected to|is scheduled to|are scheduled to)\b`)

// ahead reads a bare weekday in a sentence about what is to come ("will
// travel to Rome on Friday") as the next such day, not the last.
func ahead(d *document, start int, raw string) string {
	day := strings.TrimPrefix(strings.TrimPrefix(raw, "on "), "On ")
	if !weekday.MatchString(day) {
		return raw
	}
	s := d.sentenceOf(start)
	before := d.slice(s.start, start)
	if future.MatchString(asciiLower(before)) {
		return "next " + day
	}
	return raw
}

var weekday = regexp.MustCompile(`^(?:` + weekdays + `)$`)

// rangeLast is the last day of a range, "" for a single date.
func rangeLast(r data.EventDate) string {
	if r.Precision != data.PrecisionRange {
		return ""
	}
	return r.End
}
