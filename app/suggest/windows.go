package suggest

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A long article is read by its date patterns only around the words they
// start from: a month's or a weekday's name, a digit, 年. Running a pattern
// of many alternatives over 50,000 characters steps the regexp machine
// through every byte; running it over the few hundred bytes around each cue
// finds the same dates for a fraction of the cost.

// window is a stretch of a text, in bytes.
type window struct{ from, to int }

// Margins of a window around a cue, in bytes: wider than any date
// expression reaches before and after the word it starts from ("au mois de
// décembre 2023", "2 марта 2025 года").
const (
	cueBefore = 32
	cueAfter  = 56
)

// cues are the words a pattern's matches hold: each starts a word, and,
// where whole is set, is one only when whole matches the text from it
// ("mai" is a month, "mairie" is not).
type cues struct {
	words []string // in lower case
	whole *regexp.Regexp
}

// wholeWord is a pattern that matches a text starting with one of forms
// as a whole word.
func wholeWord(forms string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:` + forms + `)(?:[^\p{L}]|$)`)
}

// cueWindows are the stretches of text around every place where folded (the
// text folded to lower case, byte for byte the same length) holds one of
// the cues, widened to whole words and merged where they meet. Nil means
// the text must be read whole (it folds to another length).
func cueWindows(text, folded string, c cues) []window {
	if len(folded) != len(text) {
		return nil
	}
	var at []int
	for _, word := range c.words {
		for i := 0; ; {
			j := strings.Index(folded[i:], word)
			if j < 0 {
				break
			}
			if p := i + j; c.startsWord(text, folded, p) {
				at = append(at, p)
			}
			i += j + len(word)
		}
	}
	slices.Sort(at)
	out := []window{}
	for _, p := range at {
		w := window{wordBack(text, max(p-cueBefore, 0)), wordOn(text, min(p+cueAfter, len(text)))}
		if n := len(out); n > 0 && w.from <= out[n-1].to {
			out[n-1].to = max(out[n-1].to, w.to)
			continue
		}
		out = append(out, w)
	}
	return out
}

// startsWord reports whether a cue found at p is one: digits and Han
// characters are, where they stand; a word must start there, and be whole.
func (c cues) startsWord(text, folded string, p int) bool {
	if r, _ := utf8.DecodeRuneInString(folded[p:]); unicode.IsDigit(r) || unicode.Is(unicode.Han, r) {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(folded[:p]); p > 0 && inWord(r) {
		return false
	}
	return c.whole == nil || c.whole.MatchString(text[p:min(p+64, len(text))])
}

// digits are the cues of patterns that may start from a number.
var digits = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

// wordBack moves a window's start back to a code point's start outside a
// word, so that a pattern sees the same word boundary there as in the
// whole text (Han characters are not joined into words: Chinese has no
// spaces, and its patterns need none).
func wordBack(text string, i int) int {
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !inWord(r) {
			break
		}
		i -= n
	}
	return i
}

// wordOn moves a window's end on to the end of the word it cuts.
func wordOn(text string, i int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !inWord(r) {
			break
		}
		i += n
	}
	return i
}

func inWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') && !unicode.Is(unicode.Han, r)
}

// matchesIn returns re's matches (with their groups) in each window of
// text, as byte offsets into the whole text, in order; nil windows mean
// the whole text.
func matchesIn(re *regexp.Regexp, text string, windows []window) [][]int {
	if windows == nil {
		return re.FindAllStringSubmatchIndex(text, -1)
	}
	var out [][]int
	for _, w := range windows {
		for _, m := range re.FindAllStringSubmatchIndex(text[w.from:w.to], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += w.from
				}
			}
			out = append(out, m)
		}
	}
	return out
}
