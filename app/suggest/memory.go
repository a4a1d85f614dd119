package suggest

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"maps"
	"strings"
)

// What the model keeps besides its weights: the suggestions the analyst
// turned down, by their words and the words on either side, so that one
// rejected again and again in the same context is no longer offered.

// rejectionsToStop is how many times a suggestion must be turned down, in
// the same words and context, before it is not offered any more.
const rejectionsToStop = 3

// Reject notes that the analyst turned down an entity in text.
func (m *Model) Reject(text string, a Annotation) {
	d := newDocument(text)
	if key := contextKey(d, a.Kind, a.Start, a.End); key != "" {
		if m.rejected == nil {
			m.rejected = map[string]uint16{}
		}
		m.rejected[key]++
	}
}

// stopped: this suggestion was turned down often enough in this context.
func (m *Model) stopped(d *document, s Suggestion) bool {
	return m.rejected[contextKey(d, s.Kind, s.Start, s.End)] >= rejectionsToStop
}

// contextKey is a suggestion's kind, words and the word on either side.
func contextKey(d *document, kind string, start, end int) string {
	first, last := d.wordsIn(span{start, end})
	if first < 0 {
		return ""
	}
	before, after := "", ""
	if first > 0 {
		before = strings.ToLower(d.words[first-1].text)
	}
	if last+1 < len(d.words) {
		after = strings.ToLower(d.words[last+1].text)
	}
	return kind + "|" + before + "|" + nameKey(d, first, last) + "|" + after
}

// saved is a model as it is kept in the database.
type saved struct {
	Version   int
	Feats     map[uint64]weights
	Trans     [numTags + 1][numTags]float32
	Names     map[string][4]uint16
	Taught    map[string][4]uint16
	Heads     map[string][4]uint16
	Unmarked  map[string]uint16
	Rejected  map[string]uint16
	Events    map[string]map[string]uint16
	Edges     map[string][2]uint16
	Examples  int
	Annotated int
	Base      string // the shipped model it started from (absent from models saved before there were any)
}

const savedVersion = 1

// MarshalBinary is the model, compressed, for the database.
func (m *Model) MarshalBinary() ([]byte, error) {
	s := saved{Version: savedVersion, Feats: map[uint64]weights{}, Trans: m.trans, Unmarked: m.unmarked, Rejected: m.rejected, Events: m.eventTypes, Edges: m.edges, Examples: m.Examples, Annotated: m.Annotated, Base: m.Base}
	for f, i := range m.feats.at {
		s.Feats[f] = m.feats.w[i]
	}
	s.Names, s.Taught, s.Heads = flatNames(m.names), flatNames(m.taught), flatNames(m.heads)
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	if err := gob.NewEncoder(z).Encode(&s); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// UnmarshalModel reads a model MarshalBinary wrote.
func UnmarshalModel(b []byte) (*Model, error) {
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("the learned model is damaged: %w", err)
	}
	var s saved
	if err := gob.NewDecoder(z).Decode(&s); err != nil {
		return nil, fmt.Errorf("the learned model is damaged: %w", err)
	}
	if s.Version != savedVersion {
		return nil, fmt.Errorf("the learned model was written by another version of Dossier (%d)", s.Version)
	}
	m := NewModel()
	m.trans, m.rejected, m.eventTypes, m.edges, m.Examples, m.Annotated, m.Base = s.Trans, s.Rejected, s.Events, s.Edges, s.Examples, s.Annotated, s.Base
	for f, w := range s.Feats {
		m.feats.set(f, w)
	}
	m.sumFeats = make([]weights, len(m.feats.w))
	m.names, m.taught = pointedNames(s.Names), pointedNames(s.Taught)
	if s.Unmarked != nil { // models saved before they were kept have none
		m.heads, m.unmarked = pointedNames(s.Heads), s.Unmarked
	}
	return m, nil
}

func flatNames(n map[string]*[4]uint16) map[string][4]uint16 {
	out := make(map[string][4]uint16, len(n))
	for k, c := range n {
		out[k] = *c
	}
	return out
}

func pointedNames(n map[string][4]uint16) map[string]*[4]uint16 {
	out := make(map[string]*[4]uint16, len(n))
	for k, c := range n {
		c := c
		out[k] = &c
	}
	return out
}

// Clone is a copy of the model to learn on while the original is in use.
func (m *Model) Clone() *Model {
	c := NewModel()
	c.trans, c.Examples, c.Annotated, c.steps, c.Base, c.lang = m.trans, m.Examples, m.Annotated, m.steps, m.Base, m.lang
	c.feats, c.sumFeats = m.feats.clone(), make([]weights, len(m.feats.w))
	c.names, c.taught, c.heads = pointedNames(flatNames(m.names)), pointedNames(flatNames(m.taught)), pointedNames(flatNames(m.heads))
	maps.Copy(c.unmarked, m.unmarked)
	if m.eventTypes != nil {
		c.eventTypes = make(map[string]map[string]uint16, len(m.eventTypes))
		for w, codes := range m.eventTypes {
			c.eventTypes[w] = make(map[string]uint16, len(codes))
			for k, n := range codes {
				c.eventTypes[w][k] = n
			}
		}
	}
	if m.edges != nil {
		c.edges = make(edgeVotes, len(m.edges))
		for k, n := range m.edges {
			c.edges[k] = n
		}
	}
	if m.rejected != nil {
		c.rejected = make(map[string]uint16, len(m.rejected))
		for k, n := range m.rejected {
			c.rejected[k] = n
		}
	}
	return c
}
