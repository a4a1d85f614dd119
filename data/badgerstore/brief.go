package badgerstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"dossier/data"
)

// An event's brief is what the tables, the timeline, the network, the map
// and the sources count read of it: every field but its evidence quotes and
// offsets, notes, tags, contexts, merges and revision. It is kept beside the
// event as an index entry (written, removed and checked with its other
// index entries), in a compact binary form that reads about ten times
// faster than the event's JSON: a million rows for the Events tab without
// decoding a million quotes.
//
// The form: a version byte, then the fields in a fixed order, each string
// as a uvarint length and its bytes, each list as a uvarint count and its
// strings, numbers as uvarints (a count of people as the count plus one, 0
// when not reported), coordinates as the bits of a float64.
const briefForm = 1

// encodeBrief writes the brief of e: what e.Brief() keeps, nothing else.
func encodeBrief(e *data.Event) []byte {
	br := e.Brief()
	b := make([]byte, 0, 160)
	b = append(b, briefForm)
	for _, s := range []string{br.ID, br.Article, br.Type, br.Mode, br.CAMEO, br.Date.Start, br.Date.End, br.Date.Precision,
		br.Credibility, br.Confidence} {
		b = appendString(b, s)
	}
	b = appendList(b, br.Actors)
	b = appendList(b, br.Recipients)
	b = binary.AppendUvarint(b, uint64(len(br.Evidence)))
	for _, s := range br.Evidence { // their articles alone, once each
		b = appendString(b, s.Article)
	}
	b = appendList(b, br.Reports)
	b = append(b, flagBits(br.Flags))
	for _, n := range []*int{br.Size.Fatalities, br.Size.Injured, br.Size.Arrested} {
		b = appendCount(b, n)
	}
	if l := br.Location; l == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		for _, s := range []string{l.Name, l.PlaceID, l.Country, l.Admin1, l.Precision} {
			b = appendString(b, s)
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(l.Lat))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(l.Lon))
	}
	return b
}

// decodeBrief reads a brief into e: a data.Event whose evidence spans name
// only their articles.
func decodeBrief(b []byte, e *data.Event) error { return (*words)(nil).decodeBrief(b, e) }

// newBriefDecoder is a decoder of briefs for a walk: one that keeps a
// copy of the words it reads (see words).
func newBriefDecoder() func([]byte, *data.Event) error { return newWords().decodeBrief }

// decodeBrief is decodeBrief taking every string but the id from w.
func (w *words) decodeBrief(b []byte, e *data.Event) error {
	r, err := openBrief(b, w)
	if err != nil {
		return err
	}
	e.ID = string(r.raw())
	for _, s := range []*string{&e.Article, &e.Type, &e.Mode, &e.CAMEO, &e.Date.Start, &e.Date.End, &e.Date.Precision,
		&e.Credibility, &e.Confidence} {
		*s = r.string()
	}
	e.Actors, e.Recipients = r.list(), r.list()
	for _, a := range r.list() {
		e.Evidence = append(e.Evidence, data.Span{Article: a})
	}
	e.Reports = r.list()
	e.Flags = r.flags()
	e.Size = data.Size{Fatalities: r.count(), Injured: r.count(), Arrested: r.count()}
	if r.marker() {
		l := &data.Location{}
		for _, s := range []*string{&l.Name, &l.PlaceID, &l.Country, &l.Admin1, &l.Precision} {
			*s = r.string()
		}
		l.Lat, l.Lon = r.float(), r.float()
		e.Location = l
	}
	return r.end()
}

// newSpotDecoder is a decoder of what a map shows of an event (see
// decodeSpot), for a walk.
func newSpotDecoder() func([]byte, *data.Event) error { return newWords().decodeSpot }

// decodeSpot reads from a brief only what a map places and shows of its
// event: its id, type, CAMEO code, start date and fatalities, and of its
// place (nil when it has none) the name, country and coordinates. The rest
// is passed over in place, neither copied nor looked up.
func (w *words) decodeSpot(b []byte, e *data.Event) error {
	r, err := openBrief(b, w)
	if err != nil {
		return err
	}
	e.ID = string(r.raw())
	r.raw() // article
	e.Type = r.string()
	r.raw() // mode
	e.CAMEO, e.Date.Start = r.string(), r.string()
	for range 4 { // the date's end and precision, credibility, confidence
		r.raw()
	}
	for range 4 { // actors, recipients, the evidence's articles, reports
		r.firstRaw()
	}
	r.flags()
	e.Size.Fatalities = r.count()
	r.count() // injured
	r.count() // arrested
	if r.marker() {
		l := &data.Location{Name: r.string()}
		r.raw() // place id
		l.Country = r.string()
		r.raw() // admin1
		r.raw() // precision
		l.Lat, l.Lon = r.float(), r.float()
		e.Location = l
	}
	return r.end()
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendList(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

func appendCount(b []byte, n *int) []byte {
	if n == nil {
		return append(b, 0)
	}
	return binary.AppendUvarint(b, uint64(max(*n, 0))+1)
}

func flagBits(f data.Flags) byte {
	var bits byte
	for i, n := range data.FlagNames {
		if f.Has(n) {
			bits |= 1 << i
		}
	}
	return bits
}

// openBrief starts reading a brief, taking its strings from w (nil: none
// kept), once its form is known.
func openBrief(b []byte, w *words) (*briefReader, error) {
	r := &briefReader{b: b, words: w}
	if form := r.byte(); form != briefForm {
		return nil, fmt.Errorf("an event brief of form %d, not %d", form, briefForm)
	}
	return r, nil
}

// end is the reader's fault, or a fault when bytes are left over.
func (r *briefReader) end() error {
	if r.err == nil && len(r.b) > 0 {
		r.err = errors.New("an event brief with bytes left over")
	}
	return r.err
}

// briefReader reads a brief's fields; the first fault stops it.
type briefReader struct {
	b     []byte
	err   error
	words *words // nil: none kept
}

// words keeps one copy of each string the briefs of a walk hold, but their
// ids: a type, a date, an actor, a place, an article is written in many
// events, and a walk of a million of them would otherwise make a copy of
// each for each event: at a million, 22 million objects made instead of
// 10 million, and the map's spots held 59 MB more. It keeps at most
// maxWords, and makes a copy of its own of any string after that.
type words struct{ of map[string]string }

const maxWords = 1 << 14

func newWords() *words { return &words{of: map[string]string{}} }

// word is the copy of b kept, or a new one.
func (w *words) word(b []byte) string {
	if w == nil || len(b) == 0 { // an empty string is no copy, and many fields are often empty
		return string(b)
	}
	if s, ok := w.of[string(b)]; ok { // looked up without a copy
		return s
	}
	s := string(b)
	if len(w.of) < maxWords {
		w.of[s] = s
	}
	return s
}

func (r *briefReader) fail(why string) {
	if r.err == nil {
		r.err = errors.New("an event brief " + why)
	}
	r.b = nil
}

func (r *briefReader) byte() byte {
	if len(r.b) == 0 {
		r.fail("cut short")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// flags reads the flags' bits; a bit no flag has is damage.
func (r *briefReader) flags() data.Flags {
	bits := r.byte()
	if bits>>len(data.FlagNames) != 0 {
		r.fail("with a flag no event has")
	}
	var f data.Flags
	for i, n := range data.FlagNames {
		*f.Flag(n) = bits&(1<<i) != 0
	}
	return f
}

// marker reads whether what may be left out follows (1) or not (0).
func (r *briefReader) marker() bool {
	switch r.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail("with a marker neither 0 nor 1")
	return false
}

func (r *briefReader) uvarint() uint64 {
	n, size := binary.Uvarint(r.b)
	if size <= 0 {
		r.fail("cut short")
		return 0
	}
	r.b = r.b[size:]
	return n
}

// string reads a string, from the words kept when it is one of them.
func (r *briefReader) string() string { return r.words.word(r.raw()) }

// raw reads a string's bytes, in place.
func (r *briefReader) raw() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail("cut short")
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

// firstRaw reads a list of strings and returns the first not empty, in
// place (nil when there is none).
func (r *briefReader) firstRaw() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail("cut short")
		return nil
	}
	var first []byte
	for range n {
		if s := r.raw(); first == nil && len(s) > 0 {
			first = s
		}
	}
	return first
}

func (r *briefReader) list() []string {
	n := r.uvarint()
	if n == 0 || n > uint64(len(r.b)) { // each string takes a byte at least
		if n > 0 {
			r.fail("cut short")
		}
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.string()
	}
	return ss
}

func (r *briefReader) count() *int {
	n := r.uvarint()
	if n == 0 || n > data.MaxCount+1 {
		if n > 0 {
			r.fail("with a count beyond any possible")
		}
		return nil
	}
	c := int(n - 1)
	return &c
}

func (r *briefReader) float() float64 {
	if len(r.b) < 8 {
		r.fail("cut short")
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return f
}

// firstArticle reads from a brief the article its event cites first, as
// data.Event.Articles lists them (its article, its evidence's, the reports
// it cites), in place and without decoding the rest; nil when none.
func firstArticle(b []byte) ([]byte, error) {
	r, err := openBrief(b, nil)
	if err != nil {
		return nil, err
	}
	r.raw() // the id
	if a := r.raw(); len(a) > 0 {
		return a, r.err
	}
	for range 8 { // type, mode, CAMEO, three of the date, credibility, confidence
		r.raw()
	}
	r.firstRaw() // actors
	r.firstRaw() // recipients
	first := r.firstRaw()
	if first == nil {
		first = r.firstRaw() // reports
	}
	return first, r.err
}
