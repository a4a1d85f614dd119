package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// PutEvent validates e, checks what it cites and the version it was read
// at, and stores it with its indexes. On return e carries its id, version
// and times.
func (s *Store) PutEvent(ctx context.Context, e *data.Event) error {
	return s.Commit(ctx, &data.Batch{Events: []*data.Event{e}})
}

// CheckEvent validates e and its references without storing it.
func (s *Store) CheckEvent(e *data.Event) error {
	if err := validateEvent(e); err != nil {
		return err
	}
	return s.db.View(func(txn *badger.Txn) error {
		w := &writer{s: s, txn: txn}
		old, cur, err := w.currentEvent(e.ID)
		if err != nil {
			return err
		}
		if err := w.expect(data.RecordEvent, e.ID, data.EventName(e), e.Version, cur); err != nil {
			return err
		}
		return checkEventReferences(txn, e, old)
	})
}

// currentEvent reads the stored event (nil when there is none) and what a
// write of it is checked against.
func (w *writer) currentEvent(id string) (*data.Event, stored, error) {
	if id == "" {
		return nil, stored{}, nil
	}
	var old data.Event
	cur, err := w.current(data.RecordEvent, id, &old)
	if !cur.found {
		return nil, cur, err
	}
	return &old, cur, err
}

func (w *writer) putEvent(e *data.Event) error {
	if e.ID == "" {
		e.ID = data.NewID(data.EventPrefix)
	}
	if !data.IsID(e.ID, data.EventPrefix) {
		return badID(e.ID, data.EventPrefix)
	}
	before, cur, err := w.currentEvent(e.ID)
	if err != nil {
		return err
	}
	if err := w.expect(data.RecordEvent, e.ID, data.EventName(e), e.Version, cur); err != nil {
		return err
	}
	if err := checkEventReferences(w.txn, e, before); err != nil {
		return err
	}
	rec := *e // what is stored; e learns its version once committed
	change := data.Change{Articles: e.Articles(), Actors: e.Parties()}
	if before != nil {
		if err := deleteEventIndexes(w.txn, before); err != nil {
			return err
		}
		rec.Created = before.Created
		change.Articles, change.Actors = union(change.Articles, before.Articles()), union(change.Actors, before.Parties())
	} else if rec.Created.IsZero() {
		rec.Created = w.now
	}
	rec.Updated, rec.UpdatedBy = w.now, w.by
	if rec.Version, err = w.written(data.RecordEvent, e.ID, cur, change); err != nil {
		return err
	}
	w.done = append(w.done, func() { e.Created, e.Revision = rec.Created, rec.Revision })
	if err := setJSON(w.txn, eventKey(e.ID), &rec); err != nil {
		return err
	}
	return indexEvent(w.txn, &rec)
}

// union appends to a the ids of b it lacks.
func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// checkEventReferences makes sure every cited actor and article exists and
// every evidence span lies inside its article; it fills missing quotes.
// Spans the stored version (old) already cites are not read again: an
// article's text never changes, so a keystroke in the notes of an event of
// a long article costs no re-reading of it.
func checkEventReferences(txn *badger.Txn, e *data.Event, old *data.Event) error {
	for _, id := range e.Parties() {
		ok, err := exists(txn, actorKey(id))
		if err != nil {
			return err
		}
		if !ok {
			return data.Errorf(data.EInvalid, "The event cites an unknown actor %q: add the actor first.", id)
		}
	}
	if e.Article != "" {
		if ok, err := exists(txn, articleKey(e.Article)); err != nil || !ok {
			return data.Errorf(data.EInvalid, "The event is coded from an unknown article %q.", e.Article)
		}
	}
	for _, id := range e.Reports {
		if ok, err := exists(txn, articleKey(id)); err != nil || !ok {
			return data.Errorf(data.EInvalid, "The event is reported by an unknown article %q.", id)
		}
	}
	texts := map[string][]rune{}
	for i := range e.Evidence {
		sp := &e.Evidence[i]
		if q, ok := citedBefore(old, *sp); ok {
			sp.Quote = q
			continue
		}
		text, ok := texts[sp.Article]
		if !ok {
			t, err := articleText(txn, sp.Article)
			if errors.Is(err, badger.ErrKeyNotFound) {
				return data.Errorf(data.EInvalid, "The event's evidence cites an unknown article %q.", sp.Article)
			}
			if err != nil {
				return err
			}
			text = []rune(t)
			texts[sp.Article] = text
		}
		if sp.End > len(text) {
			return data.Errorf(data.EInvalid, "Evidence %d-%d lies outside article %q, which has %d characters.", sp.Start, sp.End, sp.Article, len(text))
		}
		quote := string(text[sp.Start:sp.End])
		if sp.Quote != "" && sp.Quote != quote {
			return data.Errorf(data.EInvalid, "Evidence %d-%d of article %q reads %q, not %q.", sp.Start, sp.End, sp.Article, quote, sp.Quote)
		}
		sp.Quote = quote
	}
	return nil
}

// citedBefore finds a span in the stored version, with its quote.
func citedBefore(old *data.Event, sp data.Span) (string, bool) {
	if old == nil {
		return "", false
	}
	for _, o := range old.Evidence {
		if o.Article == sp.Article && o.Start == sp.Start && o.End == sp.End && (sp.Quote == "" || sp.Quote == o.Quote) {
			return o.Quote, true
		}
	}
	return "", false
}

// An indexEntry is a key of an index and its value (nil for most).
type indexEntry struct {
	key   string
	value []byte
}

// eventIndex is every index entry of e: the keys that find it by article,
// party and date, with empty values, and its brief.
func eventIndex(e *data.Event) []indexEntry {
	var ix []indexEntry
	for _, a := range e.Articles() {
		ix = append(ix, indexEntry{key: eventsByArticle(a) + e.ID})
	}
	for _, a := range e.Parties() {
		ix = append(ix, indexEntry{key: eventsByActor(a) + e.ID})
	}
	if e.Date.Start != "" {
		ix = append(ix, indexEntry{key: eventsByDate(e.Date.Start) + e.ID})
	}
	return append(ix, indexEntry{eventBrief(e.ID), encodeBrief(e)})
}

func setKeys(txn *badger.Txn, ks []string) error {
	for _, k := range ks {
		if err := txn.Set([]byte(k), nil); err != nil {
			return err
		}
	}
	return nil
}

func deleteKeys(txn *badger.Txn, ks []string) error {
	for _, k := range ks {
		if err := txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

// indexEvent writes e's index entries.
func indexEvent(txn *badger.Txn, e *data.Event) error {
	for _, x := range eventIndex(e) {
		if err := txn.Set([]byte(x.key), x.value); err != nil {
			return err
		}
	}
	return nil
}

// deleteEventIndexes removes e's index entries.
func deleteEventIndexes(txn *badger.Txn, e *data.Event) error {
	for _, x := range eventIndex(e) {
		if err := txn.Delete([]byte(x.key)); err != nil {
			return err
		}
	}
	return nil
}

// Event returns one event.
func (s *Store) Event(id string) (*data.Event, error) {
	var e data.Event
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, eventKey(id), &e) })
	if errors.Is(err, errNotFound) {
		return nil, notFound(data.RecordEvent, id)
	}
	return &e, err
}

// Events answers q from the most selective index, then filters the rest.
func (s *Store) Events(q data.EventQuery) ([]data.Event, error) {
	var out []data.Event
	err := s.EachEvent(q, func(e *data.Event) error { out = append(out, *e); return nil })
	return out, err
}

// EachEvent walks the events q selects, reading one at a time.
func (s *Store) EachEvent(q data.EventQuery, fn func(*data.Event) error) error {
	read := func(txn *badger.Txn, id string, e *data.Event) error { return getJSON(txn, eventKey(id), e) }
	return s.eachSelected(q, fn, read, func(txn *badger.Txn, keep func(*data.Event) error) error {
		return eachJSON(txn, eventKey(""), keep)
	})
}

// EachEventBrief walks the briefs of the events q selects (see brief.go):
// the tables, the timeline, the network, the map and the counts of sources
// need no more, and read them several times faster than whole events.
func (s *Store) EachEventBrief(q data.EventQuery, fn func(*data.Event) error) error {
	return s.eachSelected(q, fn, readBrief, eachBrief)
}

// eachSelected answers q from the most selective index, reading each
// event it names with read, or walks them all; then filters the rest.
func (s *Store) eachSelected(q data.EventQuery, fn func(*data.Event) error, read func(*badger.Txn, string, *data.Event) error,
	all func(*badger.Txn, func(*data.Event) error) error) error {
	return s.scan(func(txn *badger.Txn) error {
		keep := func(e *data.Event) error {
			if matchesQuery(e, q) {
				return fn(e)
			}
			return nil
		}
		var indexKeys []string
		switch {
		case q.Article != "":
			indexKeys = keys(txn, eventsByArticle(q.Article))
		case q.Actor != "":
			indexKeys = keys(txn, eventsByActor(q.Actor))
		case q.From != "" || q.To != "":
			indexKeys = eventsInDateRange(txn, q)
		default:
			return all(txn, keep)
		}
		for _, k := range indexKeys {
			var e data.Event
			if err := read(txn, lastSegment(k), &e); err != nil {
				return err
			}
			if err := keep(&e); err != nil {
				return err
			}
		}
		return nil
	})
}

// readBrief reads the brief of event id.
func readBrief(txn *badger.Txn, id string, e *data.Event) error {
	item, err := txn.Get([]byte(eventBrief(id)))
	if err == nil {
		err = item.Value(func(b []byte) error { return decodeBrief(b, e) })
	}
	if err != nil {
		return fmt.Errorf("read %s (dossier check mends it): %w", eventBrief(id), err)
	}
	return nil
}

// eachBrief walks every event's brief, decoded on every core.
func eachBrief(txn *badger.Txn, fn func(*data.Event) error) error {
	return eachDecoded(txn, eventBrief(""), "", newBriefDecoder, fn)
}

// eventsInDateRange lists the date index's keys from q.From up to q.To.
func eventsInDateRange(txn *badger.Txn, q data.EventQuery) []string {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(dateIndex)})
	defer it.Close()
	var ks []string
	for it.Seek([]byte(eventsByDate(q.From))); it.Valid(); it.Next() {
		k := string(it.Item().Key())
		if q.To != "" && k > eventsByDate(q.To)+"\xff" {
			break
		}
		ks = append(ks, k)
	}
	return ks
}

func matchesQuery(e *data.Event, q data.EventQuery) bool {
	if q.Article != "" && !slices.Contains(e.Articles(), q.Article) {
		return false
	}
	if q.Actor != "" && !slices.Contains(e.Parties(), q.Actor) {
		return false
	}
	if q.From != "" && (e.Date.Start == "" || e.Date.Start < q.From) {
		return false
	}
	return q.To == "" || (e.Date.Start != "" && e.Date.Start <= q.To)
}

// DeleteEvent removes an event read at version, with its index entries.
func (s *Store) DeleteEvent(ctx context.Context, id string, version int) error {
	return s.Commit(ctx, &data.Batch{Deletes: []data.Ref{{Record: data.RecordEvent, ID: id, Version: version}}})
}

func (w *writer) deleteEvent(id string, version int) error {
	e, cur, err := w.currentEvent(id)
	switch {
	case err != nil:
		return err
	case e == nil:
		return w.absent(data.RecordEvent, id, version, cur)
	}
	if err := w.expect(data.RecordEvent, id, data.EventName(e), version, cur); err != nil {
		return err
	}
	if err := deleteEventIndexes(w.txn, e); err != nil {
		return err
	}
	return w.bury(data.RecordEvent, id, data.EventName(e), cur, data.Change{Articles: e.Articles(), Actors: e.Parties()})
}

// EventCountsByActor counts index keys, reading no event.
func (s *Store) EventCountsByActor() (map[string]int, error) { return s.countIndex("ix/ev-ac/") }

// EventCountsByArticle counts index keys, reading no event.
func (s *Store) EventCountsByArticle() (map[string]int, error) { return s.countIndex("ix/ev-ar/") }

// EventCount counts the events citing one article or actor.
func (s *Store) EventCount(id string) (int, error) {
	prefix := eventsByArticle(id)
	if kindOfID(id) == data.RecordActor {
		prefix = eventsByActor(id)
	}
	n := 0
	err := s.db.View(func(txn *badger.Txn) error { n = countKeys(txn, prefix); return nil })
	return n, err
}

// countIndex counts the keys under prefix by their first segment.
func (s *Store) countIndex(prefix string) (map[string]int, error) {
	counts := map[string]int{}
	err := s.scan(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key()[len(prefix):])
			if i := strings.IndexByte(k, '/'); i > 0 {
				counts[k[:i]]++
			}
		}
		return nil
	})
	return counts, err
}
