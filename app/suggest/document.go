package suggest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// document is an article's text with its words and sentences, in code
// points, so that every suggestion's offsets are the reader's.
type document struct {
	text      string
	lower     string // text with ASCII letters in lower case, same byte offsets
	runes     []rune
	words     []token
	sentences []span
}

type token struct {
	start, end int // code points
	text       string
}

type span struct{ start, end int }

func newDocument(text string) *document {
	d := &document{text: text, lower: asciiLower(text), runes: []rune(text)}
	start := -1
	for i := 0; i <= len(d.runes); i++ {
		if i < len(d.runes) && unicode.Is(unicode.Han, d.runes[i]) { // Chinese is read a character at a time
			if start >= 0 {
				d.words = append(d.words, token{start, i, string(d.runes[start:i])})
				start = -1
			}
			d.words = append(d.words, token{i, i + 1, string(d.runes[i])})
			continue
		}
		word := i < len(d.runes) && (unicode.IsLetter(d.runes[i]) || unicode.IsDigit(d.runes[i]) || d.runes[i] == '-' || d.runes[i] == '\'' || d.runes[i] == '’' || (d.runes[i] == '.' && start >= 0 && (i+1 < len(d.runes) && unicode.IsUpper(d.runes[i+1]) || i-start >= 2 && d.runes[i-2] == '.')))
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			end := wordEnd(d.runes, start, i)
			for end > start && strings.ContainsRune("-'’", d.runes[end-1]) {
				end--
			}
			if end > start { // a dash alone is no word
				d.words = append(d.words, token{start, end, string(d.runes[start:end])})
			}
			start = -1
		}
	}
	d.sentences = splitSentences(d.runes)
	return d
}

// clitics are the endings after an apostrophe that are no part of the
// word: a possessive ("Syria’s" names Syria, "IRAQ'S" Iraq) and, after a
// pronoun, a contracted verb ("We’re" is the pronoun "We", as are the
// "they" of "they’ll" and the "I" of "I’m").
var clitics = []string{"s", "re", "ve", "ll", "m", "d"}

// wordEnd is where the word from start to end stops before a clitic.
func wordEnd(rs []rune, start, end int) int {
	for _, c := range clitics {
		at := end - len(c) - 1
		if at <= start || !strings.ContainsRune("'’", rs[at]) || !strings.EqualFold(string(rs[at+1:end]), c) {
			continue
		}
		if _, pronoun := standsIn[strings.ToLower(string(rs[start:at]))]; c == "s" || pronoun {
			return at
		}
	}
	return end
}

// splitSentences ends a sentence at . ! ? (or the full-width 。！？ of
// Chinese and Japanese) or a line break, not after an initial or a short
// abbreviation.
func splitSentences(rs []rune) []span {
	var out []span
	start := 0
	for i := 0; i < len(rs); i++ {
		end := rs[i] == '\n' || rs[i] == '。' || rs[i] == '！' || rs[i] == '？' || ((rs[i] == '.' || rs[i] == '!' || rs[i] == '?') && (i+1 == len(rs) || unicode.IsSpace(rs[i+1])) && !abbreviation(rs, i))
		if end {
			if strings.TrimSpace(string(rs[start:i])) != "" {
				out = append(out, span{start, i + 1})
			}
			start = i + 1
		}
	}
	if strings.TrimSpace(string(rs[start:])) != "" {
		out = append(out, span{start, len(rs)})
	}
	return out
}

func abbreviation(rs []rune, dot int) bool {
	j := dot
	for j > 0 && unicode.IsLetter(rs[j-1]) {
		j--
	}
	w := string(rs[j:dot])
	return utf8.RuneCountInString(w) == 1 && unicode.IsUpper(rs[j]) || map[string]bool{"Mr": true, "Mrs": true, "Dr": true, "Gen": true, "St": true, "Lt": true, "Col": true}[w]
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// sentenceOf returns the sentence holding code point i.
func (d *document) sentenceOf(i int) span {
	k := sort.Search(len(d.sentences), func(k int) bool { return d.sentences[k].end > i })
	if k < len(d.sentences) && d.sentences[k].start <= i {
		return d.sentences[k]
	}
	return span{0, len(d.runes)}
}

func (d *document) slice(start, end int) string { return string(d.runes[start:end]) }

// wordsIn returns the indexes of the first and last words inside a span
// (-1, -1 when none).
func (d *document) wordsIn(s span) (first, last int) {
	first = sort.Search(len(d.words), func(i int) bool { return d.words[i].start >= s.start })
	last = first - 1
	for k := first; k < len(d.words) && d.words[k].end <= s.end; k++ {
		last = k
	}
	if last < first {
		return -1, -1
	}
	return first, last
}

// sentenceIndex returns the number of the sentence holding code point i.
func (d *document) sentenceIndex(i int) int {
	return sort.Search(len(d.sentences), func(k int) bool { return d.sentences[k].end > i })
}

// wordAt returns the index of the word starting at code point i.
func wordAt(d *document, i int) int {
	return sort.Search(len(d.words), func(k int) bool { return d.words[k].start >= i })
}

// asciiLower lowers ASCII letters only, so that byte offsets into the
// result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
