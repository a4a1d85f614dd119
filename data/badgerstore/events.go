package badgerstore

import (
	"errors"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// PutEvent validates e, checks what it cites, and stores it with its indexes.
// On return e carries its id, version and times.
func (s *Store) PutEvent(e *data.Event) error { return s.PutEvents([]*data.Event{e}) }

// PutEvents stores events in one transaction: all of them, or none.
func (s *Store) PutEvents(events []*data.Event) error {
	for _, e := range events {
		if err := validateEvent(e); err != nil {
			return err
		}
		if e.ID == "" {
			e.ID = data.NewID(data.EventPrefix)
		}
	}
	return s.update(func(txn *badger.Txn) error {
		for _, e := range events {
			if err := putEvent(txn, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// CheckEvent validates e and its references without storing it.
func (s *Store) CheckEvent(e *data.Event) error {
	if err := validateEvent(e); err != nil {
		return err
	}
	return s.db.View(func(txn *badger.Txn) error { return checkEventReferences(txn, e) })
}

func putEvent(txn *badger.Txn, e *data.Event) error {
	if err := checkEventReferences(txn, e); err != nil {
		return err
	}
	var old data.Event
	switch err := getJSON(txn, eventKey(e.ID), &old); {
	case err == nil:
		if err := deleteEventIndexes(txn, &old); err != nil {
			return err
		}
		e.Created, e.Version = old.Created, old.Version+1
	case errors.Is(err, errNotFound):
		if e.Created.IsZero() {
			e.Created = time.Now().UTC()
		}
		e.Version = 1
	default:
		return err
	}
	e.Updated = time.Now().UTC()
	if err := setJSON(txn, eventKey(e.ID), e); err != nil {
		return err
	}
	return setKeys(txn, eventIndexKeys(e))
}

// checkEventReferences makes sure every cited actor and article exists and
// every evidence span lies inside its article; it fills missing quotes.
func checkEventReferences(txn *badger.Txn, e *data.Event) error {
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
	texts := map[string][]rune{}
	for i := range e.Evidence {
		sp := &e.Evidence[i]
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

func eventIndexKeys(e *data.Event) []string {
	var ks []string
	for _, a := range e.Articles() {
		ks = append(ks, eventsByArticle(a)+e.ID)
	}
	for _, a := range e.Parties() {
		ks = append(ks, eventsByActor(a)+e.ID)
	}
	if e.Date.Start != "" {
		ks = append(ks, eventsByDate(e.Date.Start)+e.ID)
	}
	return ks
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

func deleteEventIndexes(txn *badger.Txn, e *data.Event) error {
	return deleteKeys(txn, eventIndexKeys(e))
}

// Event returns one event.
func (s *Store) Event(id string) (*data.Event, error) {
	var e data.Event
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, eventKey(id), &e) })
	if errors.Is(err, errNotFound) {
		return nil, notFound("event", id)
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
	return s.db.View(func(txn *badger.Txn) error {
		keep := func(e *data.Event) error {
			if matchesQuery(e, q) {
				return fn(e)
			}
			return nil
		}
		switch {
		case q.Article != "":
			return eventsFromIndex(txn, keys(txn, eventsByArticle(q.Article)), keep)
		case q.Actor != "":
			return eventsFromIndex(txn, keys(txn, eventsByActor(q.Actor)), keep)
		case q.From != "" || q.To != "":
			return eventsInDateRange(txn, q, keep)
		}
		return eachJSON(txn, eventKey(""), keep)
	})
}

func eventsFromIndex(txn *badger.Txn, indexKeys []string, fn func(*data.Event) error) error {
	for _, k := range indexKeys {
		var e data.Event
		if err := getJSON(txn, eventKey(lastSegment(k)), &e); err != nil {
			return err
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

// eventsInDateRange walks the date index from q.From up to q.To.
func eventsInDateRange(txn *badger.Txn, q data.EventQuery, fn func(*data.Event) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("ix/ev-dt/")})
	defer it.Close()
	var ks []string
	for it.Seek([]byte(eventsByDate(q.From))); it.Valid(); it.Next() {
		k := string(it.Item().Key())
		if q.To != "" && k > eventsByDate(q.To)+"\xff" {
			break
		}
		ks = append(ks, k)
	}
	return eventsFromIndex(txn, ks, fn)
}

func matchesQuery(e *data.Event, q data.EventQuery) bool {
	if q.Article != "" && !contains(e.Articles(), q.Article) {
		return false
	}
	if q.Actor != "" && !contains(e.Parties(), q.Actor) {
		return false
	}
	if q.From != "" && (e.Date.Start == "" || e.Date.Start < q.From) {
		return false
	}
	return q.To == "" || (e.Date.Start != "" && e.Date.Start <= q.To)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// DeleteEvent removes an event and its index entries.
func (s *Store) DeleteEvent(id string) error {
	return s.update(func(txn *badger.Txn) error {
		var e data.Event
		if err := getJSON(txn, eventKey(id), &e); err != nil {
			if errors.Is(err, errNotFound) {
				return notFound("event", id)
			}
			return err
		}
		if err := deleteEventIndexes(txn, &e); err != nil {
			return err
		}
		return txn.Delete([]byte(eventKey(id)))
	})
}

// EventCountsByActor counts index keys, reading no event.
func (s *Store) EventCountsByActor() (map[string]int, error) { return s.countIndex("ix/ev-ac/") }

// EventCountsByArticle counts index keys, reading no event.
func (s *Store) EventCountsByArticle() (map[string]int, error) { return s.countIndex("ix/ev-ar/") }

// countIndex counts the keys under prefix by their first segment.
func (s *Store) countIndex(prefix string) (map[string]int, error) {
	counts := map[string]int{}
	err := s.db.View(func(txn *badger.Txn) error {
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
