package app

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/data/codebook"
)

// Kinds of mention the reader highlights.
const (
	MentionActor = "actor"
	MentionPlace = "place"
)

// Mention is a stretch of an article's text (code points, half-open) naming
// a known actor or a place.
type Mention struct {
	Start, End int
	Kind       string
	Ref        string // actor id, or gazetteer id / country code
}

// Mentions finds the register's actors (by name and alias) and the
// gazetteer's larger places and the countries in text.
func (s *Session) Mentions(text string) ([]Mention, error) {
	actors, err := s.st.Actors()
	if err != nil {
		return nil, err
	}
	ix := newRuneIndex(text)
	var out []Mention
	for _, a := range actors {
		if a.MergedInto != "" {
			continue
		}
		for _, n := range a.Names() {
			for _, b := range wordOccurrences(text, n) {
				out = append(out, Mention{ix.runeAt(b), ix.runeAt(b + len(n)), MentionActor, a.ID})
			}
		}
	}
	for _, p := range placeMentions(text, ix) {
		if !overlapsAny(p, out) { // a known actor wins over a place of the same name
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

func overlapsAny(m Mention, ms []Mention) bool {
	for _, o := range ms {
		if m.Start < o.End && o.Start < m.End {
			return true
		}
	}
	return false
}

// wordOccurrences returns the byte offsets where name occurs in text as whole words.
func wordOccurrences(text, name string) []int {
	var out []int
	if len(name) < 2 {
		return nil
	}
	for from := 0; ; {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return out
		}
		b := from + i
		if wordBoundary(text, b-1, true) && wordBoundary(text, b+len(name), false) {
			out = append(out, b)
		}
		from = b + len(name)
	}
}

func wordBoundary(text string, at int, before bool) bool {
	if at < 0 || at >= len(text) {
		return true
	}
	var r rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(text[:at+1])
	} else {
		r, _ = utf8.DecodeRuneInString(text[at:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// placeMentions looks up runs of one to three capitalised words.
func placeMentions(text string, ix runeIndex) []Mention {
	words := capitalisedWords(text)
	var out []Mention
	for i := 0; i < len(words); i++ {
		for n := min(3, len(words)-i); n >= 1; n-- {
			if !adjacent(text, words[i:i+n]) {
				continue
			}
			start, end := words[i][0], words[i+n-1][1]
			if ref, ok := placeRef(text[start:end]); ok {
				out = append(out, Mention{ix.runeAt(start), ix.runeAt(end), MentionPlace, ref})
				i += n - 1
				break
			}
		}
	}
	return out
}

// notPlaces are capitalised words that open sentences, not place names,
// though some city has them as an alternate name.
var notPlaces = map[string]bool{"The": true, "This": true, "That": true, "These": true, "Their": true, "They": true,
	"In": true, "On": true, "At": true, "As": true, "Both": true, "However": true, "Its": true, "His": true, "Her": true, "President": true, "Minister": true}

func placeRef(name string) (string, bool) {
	if notPlaces[name] || len(name) < 3 {
		return "", false
	}
	for _, c := range codebook.SearchCountries(name) {
		if strings.EqualFold(c.Name, name) {
			return c.Alpha3, true
		}
	}
	if ps := codebook.PlacesNamed(name); len(ps) > 0 && (ps[0].Feature == "PPLC" || ps[0].Population >= 100000) {
		return ps[0].ID, true
	}
	return "", false
}

// capitalisedWords returns byte ranges of words starting with a capital.
func capitalisedWords(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text + " " {
		letter := unicode.IsLetter(r) || r == '-' || r == '\''
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if first, _ := utf8.DecodeRuneInString(text[start:]); unicode.IsUpper(first) {
				out = append(out, [2]int{start, i})
			}
			start = -1
		}
	}
	return out
}

// adjacent reports words separated by single spaces only.
func adjacent(text string, ws [][2]int) bool {
	for i := 1; i < len(ws); i++ {
		if text[ws[i-1][1]:ws[i][0]] != " " {
			return false
		}
	}
	return true
}

// runeIndex converts byte offsets at rune starts to code-point offsets.
type runeIndex []int32

func newRuneIndex(text string) runeIndex {
	ix := make(runeIndex, len(text)+1)
	n := int32(0)
	for i := range text {
		ix[i] = n
		n++
	}
	ix[len(text)] = n
	return ix
}

func (ix runeIndex) runeAt(b int) int { return int(ix[b]) }
