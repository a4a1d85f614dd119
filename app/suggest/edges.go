package suggest

import (
	"strings"
	"unicode"
)

// Where a name begins and ends is a house style. re3d's annotators put a
// title inside a person's name ("President Obama", "Foreign Secretary
// Boris Johnson") and leave "the" out of most organisations; another team
// may do the opposite. The model learns it one edge word at a time: when a
// rule's suggestion overlaps an entity the analyst or annotated text gave,
// each word just outside the suggestion is counted as taken in or not, and
// each word at its edge as kept or dropped, by the suggestion's kind and
// the word. Suggestions then grow or shrink where a word has been taken in
// (or dropped) at least twice as often as not, and at least minEdgeVotes
// times: a move seen made and not made about as often is no house style
// (a plain majority moved Location boundaries wrongly on sources never
// seen).

// edgeMove is a way a suggestion's boundary can move by one word.
type edgeMove string

const (
	growLeft    edgeMove = "<+" // the word before belongs to the name
	shrinkLeft  edgeMove = "<-" // the first word does not
	growRight   edgeMove = "+>" // the word after belongs to the name
	shrinkRight edgeMove = "->" // the last word does not
)

// minEdgeVotes is how often a move must have been seen made before it is
// made unasked.
const minEdgeVotes = 2

// maxEdgeWords is how far a boundary moves at most.
const maxEdgeWords = 4

func edgeKey(kind string, move edgeMove, word string) string {
	return kind + "|" + string(move) + "|" + strings.ToLower(word)
}

// edgeVotes counts, for a kind, move and word: [not made, made].
type edgeVotes map[string][2]uint16

func (v edgeVotes) add(key string, made bool) {
	c := v[key]
	i := 0
	if made {
		i = 1
	}
	if c[i] < ^uint16(0) {
		c[i]++
	}
	v[key] = c
}

// says: the move was made at least minEdgeVotes times and twice as often
// as not.
func (v edgeVotes) says(key string) bool {
	c := v[key]
	return c[1] >= minEdgeVotes && c[1] > 2*c[0]
}

// decides says whether to make a move over a word: as the word has been
// seen, or when it never has, as words of its shape have.
func (v edgeVotes) decides(kind string, move edgeMove, w string) bool {
	if key := edgeKey(kind, move, w); v[key] != [2]uint16{} {
		return v.says(key)
	}
	return v.says(edgeKey(kind, move, edgeShape(w)))
}

// edgeShape is a word's kind of writing: capitalised, upper or lower case,
// or a number.
func edgeShape(w string) string {
	switch r := []rune(w); {
	case len(r) == 0:
		return "#none"
	case unicode.IsDigit(r[0]):
		return "#number"
	case strings.ToUpper(w) == w:
		return "#upper"
	case unicode.IsUpper(r[0]):
		return "#capital"
	}
	return "#lower"
}

// bridges are words that join a name's parts but never end one: a
// boundary that grows over them must grow further. An article may begin a
// name ("the Harbour Council"), so it ends none only on the right.
var bridges = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "to": true, "at": true, "on": true, "a": true, "an": true, "by": true, "de": true}

var articles = map[string]bool{"the": true, "a": true, "an": true}

// learnEdges counts the moves that take the rules' entity suggestions to
// the entities an example gives.
func (m *Model) learnEdges(d *document, rules []Suggestion, ex Example) {
	if m.edges == nil {
		m.edges = edgeVotes{}
	}
	for _, s := range rules {
		if kindIndex(s.Kind) < 0 || s.RefersTo != "" {
			continue
		}
		if a, ok := matching(s, ex.Entities); ok {
			walkEdges(d, s, func(move edgeMove, word token) bool {
				made := moveMatches(move, word, a)
				m.edges.add(edgeKey(s.Kind, move, word.text), made)
				m.edges.add(edgeKey(s.Kind, move, edgeShape(word.text)), made)
				return made
			})
		}
	}
}

// moveMatches says whether the entity a takes (or drops) the word as the
// move would.
func moveMatches(move edgeMove, w token, a Annotation) bool {
	switch move {
	case growLeft:
		return a.Start <= w.start
	case growRight:
		return a.End >= w.end
	case shrinkLeft:
		return a.Start >= w.end
	default:
		return a.End <= w.start
	}
}

// matching is the entity of s's kind with s's boundaries, else the one
// overlapping it most.
func matching(s Suggestion, ents []Annotation) (Annotation, bool) {
	best, most := Annotation{}, 0
	for _, a := range ents {
		if a.Kind != s.Kind {
			continue
		}
		overlap := min(s.End, a.End) - max(s.Start, a.Start)
		if a.Start == s.Start && a.End == s.End {
			return a, true
		}
		if overlap > most {
			best, most = a, overlap
		}
	}
	return best, most > 0
}

// walkEdges offers each move of s's boundaries, one word at a time, to
// decide: growing first (the words just outside, while they join the name
// with nothing but a space) and, when a side did not grow, shrinking (the
// words at its edge, while at least one word stays).
func walkEdges(d *document, s Suggestion, decide func(edgeMove, token) bool) (start, end int) {
	first, last := d.wordsIn(span{s.Start, s.End})
	if first < 0 {
		return s.Start, s.End
	}
	lo, hi := first, last
	for i := first - 1; i >= 0 && first-i <= maxEdgeWords && joined(d, i, i+1) && decide(growLeft, d.words[i]); i-- {
		lo = i
	}
	for lo < first && bridges[strings.ToLower(d.words[lo].text)] && !articles[strings.ToLower(d.words[lo].text)] {
		lo++
	}
	for i := last + 1; i < len(d.words) && i-last <= maxEdgeWords && joined(d, i-1, i) && decide(growRight, d.words[i]); i++ {
		hi = i
	}
	for hi > last && bridges[strings.ToLower(d.words[hi].text)] {
		hi--
	}
	if lo == first {
		for lo < hi && lo-first < maxEdgeWords && decide(shrinkLeft, d.words[lo]) {
			lo++
		}
	}
	if hi == last {
		for hi > lo && last-hi < maxEdgeWords && decide(shrinkRight, d.words[hi]) {
			hi--
		}
	}
	start, end = s.Start, s.End
	if lo != first {
		start = d.words[lo].start
	}
	if hi != last {
		end = d.words[hi].end
	}
	return start, end
}

// joined says whether words i and j (= i+1) are apart by spaces only, in
// one line (a dash alone between them is no word, see newDocument).
func joined(d *document, i, j int) bool {
	for _, r := range d.runes[d.words[i].end:d.words[j].start] {
		if r == '\n' || !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// adjustEdges moves the boundaries of entity suggestions as learned,
// never into another suggestion.
func (m *Model) adjustEdges(d *document, out []Suggestion, grown renames) []Suggestion {
	if len(m.edges) == 0 {
		return out
	}
	for i, s := range out {
		if kindIndex(s.Kind) < 0 || s.RefersTo != "" {
			continue
		}
		start, end := walkEdges(d, s, func(move edgeMove, w token) bool {
			return m.edges.decides(s.Kind, move, w.text) && !claimed(out, i, w)
		})
		out[i] = grown.move(d, s, start, end)
	}
	sortSuggestions(out)
	return out
}

// claimed says whether a word lies in an entity suggestion other than
// out[i].
func claimed(out []Suggestion, i int, w token) bool {
	for k, o := range out {
		if k != i && kindIndex(o.Kind) >= 0 && o.Start < w.end && w.start < o.End {
			return true
		}
	}
	return false
}

// moved is s with the boundaries learned. A name that grew keeps its own
// words as the name for the register: the title or the words taken in
// are the analyst's style of marking the mention, not the actor's name.
// An organisation that took in a word with a capital took in part of its
// name ("Crossing Authority" grown to "the Northern Crossing Authority").
func moved(d *document, s Suggestion, start, end int) Suggestion {
	if start == s.Start && end == s.End {
		return s
	}
	if start <= s.Start && s.End <= end && s.Name == "" && !(s.Kind == Organisation && takesInACapital(d, s, start, end)) {
		s.Name = PartyName(s)
	}
	s.Start, s.End, s.Text = start, end, d.slice(start, end)
	if s.Learned == "" {
		s.Learned = LearnedBoundaries
	}
	return s
}

// renames are the names learned boundaries changed, old to new: an
// organisation that took in part of its name.
type renames map[string]string

// move is moved, noting a changed name.
func (r renames) move(d *document, s Suggestion, start, end int) Suggestion {
	m := moved(d, s, start, end)
	if old, name := PartyName(s), PartyName(m); old != name && s.Kind == Organisation && s.RefersTo == "" {
		r[old] = name
	}
	return m
}

// follow makes what referred to an old name — a pronoun, an event's
// party, another mention of the same words — refer to the new one.
func (r renames) follow(out []Suggestion) {
	if len(r) == 0 {
		return
	}
	to := func(name string) string {
		if n, ok := r[name]; ok {
			return n
		}
		return name
	}
	for i := range out {
		s := &out[i]
		switch {
		case s.RefersTo != "":
			s.RefersTo = to(s.RefersTo)
		case s.Kind == Organisation && to(PartyName(*s)) != PartyName(*s):
			s.Name = to(PartyName(*s))
		}
		for k := range s.Actors {
			s.Actors[k] = to(s.Actors[k])
		}
		for k := range s.Recipients {
			s.Recipients[k] = to(s.Recipients[k])
		}
	}
}

// takesInACapital: of the words from start to end, one outside s is
// written with a capital.
func takesInACapital(d *document, s Suggestion, start, end int) bool {
	first, last := d.wordsIn(span{start, end})
	for i := first; i >= 0 && i <= last; i++ {
		if w := d.words[i]; (w.end <= s.Start || w.start >= s.End) && isCapitalised(w.text) {
			return true
		}
	}
	return false
}
