package suggest

import (
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The learned half of the suggestions: a structured averaged perceptron
// (Collins 2002) that tags each word of a sentence as the beginning or the
// inside of a person, organisation, location or nationality, or as none of
// them, decoded with Viterbi over tag pairs. Its features are the word,
// its shape, affixes and neighbours, and what the rules propose for it
// (so it learns where they are right, and where their boundaries are
// not). It learns from annotated text and from the analyst's decisions —
// those only tell part of a sentence, so a decision is learned as the best
// tagging that agrees with it (a latent-variable update).

// tag is a word's label: 0 is none, then a B and an I per kind.
type tag uint8

var modelKinds = []string{Person, Organisation, Location, Nationality}

const numTags = 1 + 2*4

func beginTag(kind int) tag  { return tag(1 + 2*kind) }
func insideTag(kind int) tag { return tag(2 + 2*kind) }
func (t tag) kind() int      { return (int(t) - 1) / 2 }
func (t tag) begins() bool   { return t > 0 && (t-1)%2 == 0 }

func kindIndex(kind string) int {
	for i, k := range modelKinds {
		if k == kind {
			return i
		}
	}
	return -1
}

// weights are a feature's weight for each tag.
type weights [numTags]float32

// Model is what has been learned. The zero value knows nothing; a Model is
// not safe for concurrent learning (reading while nobody learns is).
type Model struct {
	feats weightTable // by feature hash
	trans [numTags + 1][numTags]float32
	// for averaging: the sums of each update times the step it came at,
	// sumFeats[i] for feats.w[i]
	sumFeats []weights
	sumTrans [numTags + 1][numTags]float32
	steps    float32
	// Examples counts what it learned from; Annotated counts the complete
	// examples among them (annotated text, every entity listed).
	Examples, Annotated int
	// Base names the shipped model this one started from ("" for one
	// that started empty), see shipped.go
	Base string
	// lang is the shipped model's language: out of English, the rules'
	// guesses are no longer offered unless the model agrees (combine)
	lang string
	// names are the entities learned, by their words in lower case: how
	// many examples had each as each kind.
	names map[string]*[4]uint16
	// taught are the names the analyst's own decisions gave
	taught map[string]*[4]uint16
	// heads count the annotated examples that ended a name of each kind
	// with a word in lower case (exampleHeads)
	heads map[string]*[4]uint16
	// unmarked counts the annotated examples that left a learned name or
	// head in lower case unmarked somewhere (unmarkedIn)
	unmarked map[string]uint16
	// rejected counts suggestions turned down, by context (memory.go)
	rejected map[string]uint16
	// eventTypes are the CAMEO codes taught for trigger words (eventtypes.go)
	eventTypes map[string]map[string]uint16
	// edges count where names begin and end (edges.go)
	edges edgeVotes
}

// NewModel is an empty model.
func NewModel() *Model {
	return &Model{feats: weightTable{at: map[uint64]int32{}}, steps: 1, names: map[string]*[4]uint16{}, taught: map[string]*[4]uint16{}, heads: map[string]*[4]uint16{}, unmarked: map[string]uint16{}}
}

// Trained says whether the model has learned anything.
func (m *Model) Trained() bool { return m != nil && m.Examples > 0 }

// wordPieces are the hashes of what features are made of, per word of a
// document, computed once.
type wordPieces struct {
	word, shape, prefix, suffix, suffix2 []uint64
	lexicon                              []uint64 // lexiconClass
}

func piecesOf(d *document) wordPieces {
	n := len(d.words)
	p := wordPieces{word: make([]uint64, n), shape: make([]uint64, n), prefix: make([]uint64, n), suffix: make([]uint64, n), suffix2: make([]uint64, n), lexicon: make([]uint64, n)}
	for i, c := range lexiconClasses(d) {
		p.lexicon[i] = uint64(c)
	}
	for i, w := range d.words {
		lower := strings.ToLower(w.text)
		p.word[i], p.shape[i] = hashString(lower), hashString(shape(w.text))
		p.prefix[i], p.suffix[i], p.suffix2[i] = hashString(prefix(lower, 3)), hashString(suffix(lower, 3)), hashString(suffix(lower, 2))
	}
	return p
}

// featuresPerWord is how many features a word has (one more opens a
// sentence).
const featuresPerWord = 25

// boundary stands for the words beyond a sentence's ends.
var boundary = hashString("<s>")

// featureHashes lists the features of each word of a sentence: rules and
// names are the tags the rules and the learned names give each word. A
// feature is a template number mixed with the hashes of its pieces.
func featureHashes(p wordPieces, first, last int, rules, names []tag) [][]uint64 {
	out := make([][]uint64, last-first+1)
	at := func(hs []uint64, i int) uint64 {
		if i < first || i > last {
			return boundary
		}
		return hs[i]
	}
	ruleAt := func(i int) uint64 {
		if i < first || i > last {
			return numTags + 1
		}
		return uint64(rules[i-first])
	}
	flat := make([]uint64, 0, (last-first+1)*featuresPerWord+1) // one allocation for the sentence
	for i := first; i <= last; i++ {
		w, s, r, n := p.word[i], p.shape[i], ruleAt(i), uint64(names[i-first])
		begin := len(flat)
		flat = append(flat,
			mix(1), mix(2, w), mix(3, s), mix(4, p.prefix[i]), mix(5, p.suffix[i]), mix(6, p.suffix2[i]),
			mix(7, at(p.word, i-1)), mix(8, at(p.word, i+1)), mix(9, at(p.word, i-2)), mix(10, at(p.word, i+2)),
			mix(11, at(p.shape, i-1)), mix(12, at(p.shape, i+1)), mix(13, at(p.word, i-1), w), mix(14, w, at(p.word, i+1)),
			mix(15, at(p.shape, i-1), s, at(p.shape, i+1)),
			mix(16, r), mix(17, ruleAt(i-1)), mix(18, ruleAt(i+1)), mix(19, r, w),
			mix(20, n), mix(21, n, r),
			mix(23, p.lexicon[i]), mix(24, at(p.lexicon, i-1)), mix(25, at(p.lexicon, i+1)), mix(26, p.lexicon[i], s),
		)
		if i == first {
			flat = append(flat, mix(22))
		}
		out[i-first] = flat[begin:len(flat):len(flat)]
	}
	return out
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// mix combines a feature template's number with its pieces' hashes
// (splitmix64 steps).
func mix(template uint64, pieces ...uint64) uint64 {
	h := template * 0x9E3779B97F4A7C15
	for _, p := range pieces {
		h ^= p + 0x9E3779B97F4A7C15 + h<<6 + h>>2
		h ^= h >> 31
		h *= 0xBF58476D1CE4E5B9
	}
	return h ^ h>>29
}

// shape is a word's form with letters and digits abstracted: "Assad" is
// "Xx", "ISIL" "X", "al-Assad" "x-Xx", "2015" "d".
func shape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	if utf8.RuneCountInString(w) <= 2 {
		b.WriteString("~")
	}
	return b.String()
}

func prefix(w string, n int) string {
	r := []rune(w)
	return string(r[:min(n, len(r))])
}

func suffix(w string, n int) string {
	r := []rune(w)
	return string(r[max(0, len(r)-n):])
}

// scores are the weights of every tag for a word with features fs.
func (m *Model) scores(fs []uint64) weights {
	var s weights
	for _, f := range fs {
		if i, ok := m.feats.at[f]; ok {
			w := &m.feats.w[i]
			for t := range s {
				s[t] += w[t]
			}
		}
	}
	return s
}

// allowed says which tags a word may take when decoding (nil: any).
type allowed func(word int, t tag) bool

// viterbi finds the best tags for a sentence's words, and the margin of
// the best over the second best for each word's own tag (a confidence).
func (m *Model) viterbi(fs [][]uint64, ok allowed) []tag {
	n := len(fs)
	if n == 0 {
		return nil
	}
	const neg = -1e30
	score := make([][numTags]float32, n)
	back := make([][numTags]tag, n)
	for i := range n {
		local := m.scores(fs[i])
		for t := tag(0); t < numTags; t++ {
			score[i][t] = neg
			if !legal(i, t, ok) {
				continue
			}
			if i == 0 {
				if !t.begins() && t != 0 {
					continue
				}
				score[i][t] = local[t] + m.trans[numTags][t]
				continue
			}
			for p := tag(0); p < numTags; p++ {
				if score[i-1][p] <= neg || !follows(p, t) {
					continue
				}
				if s := score[i-1][p] + m.trans[p][t] + local[t]; s > score[i][t] {
					score[i][t], back[i][t] = s, p
				}
			}
		}
	}
	best := tag(0)
	for t := tag(1); t < numTags; t++ {
		if score[n-1][t] > score[n-1][best] {
			best = t
		}
	}
	out := make([]tag, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		best = back[i][best]
	}
	return out
}

func legal(i int, t tag, ok allowed) bool { return ok == nil || ok(i, t) }

// follows: an inside tag continues an entity of its own kind.
func follows(prev, t tag) bool {
	if t == 0 || t.begins() {
		return true
	}
	return prev != 0 && prev.kind() == t.kind()
}

// update moves the weights toward the gold tags and away from the guess.
func (m *Model) update(fs [][]uint64, gold, guess []tag) {
	for i := range fs {
		if gold[i] == guess[i] && (i == 0 || gold[i-1] == guess[i-1]) {
			continue
		}
		for _, f := range fs[i] {
			m.add(f, gold[i], 1)
			m.add(f, guess[i], -1)
		}
		pg, pp := tag(numTags), tag(numTags)
		if i > 0 {
			pg, pp = gold[i-1], guess[i-1]
		}
		m.trans[pg][gold[i]]++
		m.sumTrans[pg][gold[i]] += m.steps
		m.trans[pp][guess[i]]--
		m.sumTrans[pp][guess[i]] -= m.steps
	}
}

func (m *Model) add(f uint64, t tag, v float32) {
	i, ok := m.feats.at[f]
	if !ok {
		i = m.feats.set(f, weights{})
		m.sumFeats = append(m.sumFeats, weights{})
	}
	m.feats.w[i][t] += v
	m.sumFeats[i][t] += v * m.steps
}

// weightTable holds the weights of each feature with no pointer in it, so
// that the garbage collector has nothing to scan in a model of a million
// features (with a pointer per feature, every collection while the app
// suggests went through all of them).
type weightTable struct {
	at map[uint64]int32 // a feature's place in w
	w  []weights
}

// set gives feature f its weights and returns its place.
func (t *weightTable) set(f uint64, w weights) int32 {
	if i, ok := t.at[f]; ok {
		t.w[i] = w
		return i
	}
	i := int32(len(t.w))
	t.at[f] = i
	t.w = append(t.w, w)
	return i
}

func (t weightTable) clone() weightTable {
	return weightTable{at: maps.Clone(t.at), w: slices.Clone(t.w)}
}

// weightsCopy is the model with weights and sums of its own to learn
// on; what it knows besides (names, edges) it shares with m.
func (m *Model) weightsCopy() *Model {
	c := *m
	c.feats, c.sumFeats = m.feats.clone(), slices.Clone(m.sumFeats)
	return &c
}

// mixture sums models learned from the same examples in different
// orders, for their average; it keeps the first one's names and counts.
type mixture struct {
	sum *Model
	n   float32
}

func (x *mixture) add(r *Model) {
	x.n++
	if x.sum == nil {
		x.sum = r
		return
	}
	out := x.sum
	for f, i := range r.feats.at {
		j, ok := out.feats.at[f]
		if !ok {
			j = out.feats.set(f, weights{})
		}
		for t, w := range r.feats.w[i] {
			out.feats.w[j][t] += w
		}
	}
	for p := range r.trans {
		for t, w := range r.trans[p] {
			out.trans[p][t] += w
		}
	}
}

// model is the average of the models added.
func (x *mixture) model() *Model {
	out := x.sum
	for i := range out.feats.w {
		for t := range out.feats.w[i] {
			out.feats.w[i][t] /= x.n
		}
	}
	for p := range out.trans {
		for t := range out.trans[p] {
			out.trans[p][t] /= x.n
		}
	}
	out.sumFeats = make([]weights, len(out.feats.w))
	return out
}

// averaged is the model with each weight averaged over the steps it lived
// through, which generalises better than the last weights; a mixture of
// such models is what learning goes on from.
func (m *Model) averaged() *Model {
	out := NewModel()
	out.Examples, out.Annotated, out.names, out.taught, out.heads, out.unmarked = m.Examples, m.Annotated, m.names, m.taught, m.heads, m.unmarked
	out.Base, out.lang = m.Base, m.lang
	out.rejected, out.eventTypes, out.edges = m.rejected, m.eventTypes, m.edges
	for f, i := range m.feats.at {
		w, s := &m.feats.w[i], &m.sumFeats[i]
		var a weights
		nonzero := false
		for t := range w {
			a[t] = w[t] - s[t]/m.steps
			nonzero = nonzero || a[t] != 0
		}
		if nonzero {
			out.feats.set(f, a)
		}
	}
	for p := range m.trans {
		for t := range m.trans[p] {
			out.trans[p][t] = m.trans[p][t] - m.sumTrans[p][t]/m.steps
		}
	}
	return out
}
