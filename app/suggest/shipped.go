package suggest

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"sync"

	"dossier/assets"
)

// Shipped models: a model per language, trained by `make models`
// (app/suggest/gen) from pinned snapshots of public annotated corpora
// (assets/models/SOURCES.tsv), kept in the binary as
// assets/models/<language>.model. A database's own model starts from the
// one of its articles' language and goes on learning from the analyst's
// decisions (app/learning.go).
//
// The form is written to be the same, byte for byte, each time the same
// model is written: features sorted by hash, weights as 8-bit integers of
// one scale (a weight smaller than half a step is dropped with its
// feature when all of a feature's are), counts sorted by their words, and
// gzip with no time in its header.

// shippedForm is a shipped model as it is written.
type shippedForm struct {
	Version   int
	Name      string // the corpora it was trained from, for the notes
	Scale     float32
	Hashes    []uint64
	Weights   []int8 // numTags a feature, in the order of Hashes
	Trans     [numTags + 1][numTags]float32
	Names     []countedName
	Heads     []countedName
	Unmarked  []countedKey
	Examples  int
	Annotated int
}

type countedName struct {
	Key string
	N   [4]uint16
}

type countedKey struct {
	Key string
	N   uint16
}

const shippedVersion = 1

// EncodeShipped is m in the shipped form, named for the corpora it was
// trained from.
func (m *Model) EncodeShipped(name string) ([]byte, error) {
	f := shippedForm{Version: shippedVersion, Name: name, Trans: m.trans, Examples: m.Examples, Annotated: m.Annotated}
	var most float32
	for _, w := range m.feats.w {
		for _, v := range w {
			most = max(most, float32(math.Abs(float64(v))))
		}
	}
	f.Scale = most / 127
	if f.Scale == 0 {
		f.Scale = 1
	}
	hashes := make([]uint64, 0, len(m.feats.at))
	for h := range m.feats.at {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	for _, h := range hashes {
		var q [numTags]int8
		kept := false
		for t, v := range m.feats.w[m.feats.at[h]] {
			q[t] = int8(math.Round(float64(v / f.Scale)))
			kept = kept || q[t] != 0
		}
		if kept {
			f.Hashes = append(f.Hashes, h)
			f.Weights = append(f.Weights, q[:]...)
		}
	}
	f.Names, f.Heads = sortedNames(m.names), sortedNames(m.heads)
	for k, n := range m.unmarked {
		f.Unmarked = append(f.Unmarked, countedKey{k, n})
	}
	slices.SortFunc(f.Unmarked, func(a, b countedKey) int { return cmp.Compare(a.Key, b.Key) })
	// the corpora's edge votes stay out: where a name begins and ends is
	// the house style of the analyst's team (edges.go), not the corpora's
	var buf bytes.Buffer
	z, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := gob.NewEncoder(z).Encode(&f); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sortedNames(n map[string]*[4]uint16) []countedName {
	out := make([]countedName, 0, len(n))
	for k, c := range n {
		out = append(out, countedName{k, *c})
	}
	slices.SortFunc(out, func(a, b countedName) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// DecodeShipped reads a model EncodeShipped wrote.
func DecodeShipped(b []byte) (*Model, error) {
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("the shipped model is damaged: %w", err)
	}
	var f shippedForm
	if err := gob.NewDecoder(z).Decode(&f); err != nil {
		return nil, fmt.Errorf("the shipped model is damaged: %w", err)
	}
	if f.Version != shippedVersion || len(f.Weights) != len(f.Hashes)*numTags {
		return nil, fmt.Errorf("the shipped model is of another version (%d) or damaged", f.Version)
	}
	m := NewModel()
	m.trans, m.Examples, m.Annotated, m.Base = f.Trans, f.Examples, f.Annotated, f.Name
	m.feats.w = make([]weights, 0, len(f.Hashes))
	for i, h := range f.Hashes {
		var w weights
		for t := range w {
			w[t] = float32(f.Weights[i*numTags+t]) * f.Scale
		}
		m.feats.set(h, w)
	}
	m.sumFeats = make([]weights, len(m.feats.w))
	for _, n := range f.Names {
		m.names[n.Key] = &n.N
	}
	for _, n := range f.Heads {
		m.heads[n.Key] = &n.N
	}
	for _, n := range f.Unmarked {
		m.unmarked[n.Key] = n.N
	}
	return m, nil
}

var shipped = struct {
	sync.Mutex
	byLang map[string]*Model
}{byLang: map[string]*Model{}}

// Shipped is the model Dossier ships for a language (ISO 639-1), or nil
// when it has none. It is shared: learn on a Clone.
func Shipped(lang string) *Model {
	shipped.Lock()
	defer shipped.Unlock()
	if m, ok := shipped.byLang[lang]; ok {
		return m
	}
	var m *Model
	b, err := assets.Files.ReadFile("models/" + lang + ".model")
	if err == nil {
		if m, err = DecodeShipped(b); err == nil {
			m.lang = lang
		}
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		panic(fmt.Sprintf("the model shipped for %q cannot be read: %v", lang, err)) // a build that ships a damaged model is a broken build
	}
	shipped.byLang[lang] = m
	return m
}

// Over is m learned on top of base: the weights and counts of both,
// summed (a perceptron's scores are sums, so this is what m would score
// had it started from base), for a database whose model was learned from
// nothing before Dossier shipped one.
func (m *Model) Over(base *Model) *Model {
	out := base.Clone()
	for f, i := range m.feats.at {
		j, ok := out.feats.at[f]
		if !ok {
			j = out.feats.set(f, weights{})
			out.sumFeats = append(out.sumFeats, weights{})
		}
		for t, w := range m.feats.w[i] {
			out.feats.w[j][t] += w
		}
	}
	for p := range m.trans {
		for t, w := range m.trans[p] {
			out.trans[p][t] += w
		}
	}
	addNames(out.names, m.names)
	addNames(out.heads, m.heads)
	addNames(out.taught, m.taught)
	for k, n := range m.unmarked {
		out.unmarked[k] += n
	}
	out.rejected, out.eventTypes = m.rejected, m.eventTypes
	if len(m.edges) > 0 && out.edges == nil {
		out.edges = edgeVotes{}
	}
	for k, n := range m.edges {
		c := out.edges[k]
		out.edges[k] = [2]uint16{c[0] + n[0], c[1] + n[1]}
	}
	out.Examples += m.Examples
	out.Annotated += m.Annotated
	return out
}

func addNames(into, from map[string]*[4]uint16) {
	for k, c := range from {
		if into[k] == nil {
			into[k] = &[4]uint16{}
		}
		for i := range c {
			into[k][i] += c[i]
		}
	}
}

// Minus is what m learned beyond base (m.Over(base) gives m back): what a
// database keeps of its model, so that each save writes the analyst's
// lessons and not the shipped weights again.
func (m *Model) Minus(base *Model) *Model {
	out := NewModel()
	out.Base, out.lang = base.Base, base.lang
	for f, i := range m.feats.at {
		w := m.feats.w[i]
		if j, ok := base.feats.at[f]; ok {
			for t := range w {
				b := base.feats.w[j][t]
				if w[t] -= b; math.Abs(float64(w[t])) <= 1e-5*max(1, math.Abs(float64(b))) {
					w[t] = 0 // learning's own rounding (averaging runs), not a lesson
				}
			}
		}
		if w != (weights{}) {
			out.feats.set(f, w)
		}
	}
	out.sumFeats = make([]weights, len(out.feats.w))
	for p := range m.trans {
		for t := range m.trans[p] {
			out.trans[p][t] = m.trans[p][t] - base.trans[p][t]
		}
	}
	out.names, out.heads = lessNames(m.names, base.names), lessNames(m.heads, base.heads)
	out.taught = pointedNames(flatNames(m.taught))
	for k, n := range m.unmarked {
		if d := n - min(n, base.unmarked[k]); d > 0 {
			out.unmarked[k] = d
		}
	}
	out.rejected, out.eventTypes = m.rejected, m.eventTypes
	for k, n := range m.edges {
		c := base.edges[k]
		if d := [2]uint16{n[0] - min(n[0], c[0]), n[1] - min(n[1], c[1])}; d != [2]uint16{} {
			if out.edges == nil {
				out.edges = edgeVotes{}
			}
			out.edges[k] = d
		}
	}
	out.Examples, out.Annotated = max(0, m.Examples-base.Examples), max(0, m.Annotated-base.Annotated)
	return out
}

func lessNames(m, base map[string]*[4]uint16) map[string]*[4]uint16 {
	out := map[string]*[4]uint16{}
	for k, c := range m {
		var d [4]uint16
		b := base[k]
		for i := range c {
			d[i] = c[i]
			if b != nil {
				d[i] -= min(c[i], b[i])
			}
		}
		if d != [4]uint16{} {
			out[k] = &d
		}
	}
	return out
}
