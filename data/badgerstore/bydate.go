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

// EventsByDate calls fn with the id and start date of each event between
// q's dates, in order of date and then id, from the date index alone: no
// event is read. Without dates, every event: those without a date first,
// in order of id (they are not in the date index; found by setting the
// date index beside the briefs, which are one per event). fn's error,
// or the context's once it is done, stops the walk.
func (s *Store) EventsByDate(ctx context.Context, q data.EventQuery, fn func(id, date string) error) error {
	return s.scan(func(txn *badger.Txn) error {
		if q.From != "" || q.To != "" {
			return eachDated(txn, q, func(n int, id, date string) error {
				if err := stopAt(ctx, n); err != nil {
					return err
				}
				return fn(id, date)
			})
		}
		type datedEvent struct{ id, date string }
		var dated []datedEvent
		counted := make(chan int, 1)
		go func() { counted <- countKeys(txn, eventBrief("")) }()
		err := eachDated(txn, q, func(n int, id, date string) error {
			dated = append(dated, datedEvent{id, date})
			return stopAt(ctx, n)
		})
		all := <-counted
		if err != nil {
			return err
		}
		if all > len(dated) {
			ids := make([]string, len(dated))
			for i, d := range dated {
				ids[i] = d.id
			}
			if err := eachUndated(txn, ids, func(id string) error { return fn(id, "") }); err != nil {
				return err
			}
		}
		for n, d := range dated {
			if err := stopAt(ctx, n); err != nil {
				return err
			}
			if err := fn(d.id, d.date); err != nil {
				return err
			}
		}
		return nil
	})
}

// eachDated walks the date index between q's dates (a date compared as
// text, as matchesQuery does), calling fn with each key's number, event
// and date.
func eachDated(txn *badger.Txn, q data.EventQuery, fn func(n int, id, date string) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(dateIndex)})
	defer it.Close()
	n := 0
	for it.Seek([]byte(eventsByDate(q.From))); it.Valid(); it.Next() {
		k := string(it.Item().Key()[len(dateIndex):])
		slash := strings.LastIndexByte(k, '/')
		if slash < 0 {
			continue
		}
		date, id := k[:slash], k[slash+1:]
		switch {
		case q.To != "" && date > q.To && !strings.HasPrefix(date, q.To):
			return nil
		case q.From != "" && date < q.From, q.To != "" && date > q.To:
			continue
		}
		if err := fn(n, id, date); err != nil {
			return err
		}
		n++
	}
	return nil
}

// eachUndated calls fn with each event that has a brief but no date key,
// in order of id: dated is every event the date index holds.
func eachUndated(txn *badger.Txn, dated []string, fn func(id string) error) error {
	slices.Sort(dated)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(eventBrief(""))})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		id := string(it.Item().Key()[len(eventBrief("")):])
		if _, found := slices.BinarySearch(dated, id); !found {
			if err := fn(id); err != nil {
				return err
			}
		}
	}
	return nil
}

// EventBriefs reads the briefs of these events, in their order; an event
// that is gone has none (nil).
func (s *Store) EventBriefs(ids []string) ([]*data.Event, error) {
	out := make([]*data.Event, len(ids))
	err := s.scan(func(txn *badger.Txn) error {
		for i, id := range ids {
			var e data.Event
			err := readBrief(txn, id, &e)
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			out[i] = &e
		}
		return nil
	})
	return out, err
}

// EventsByFirstArticle counts the events by the article each cites first,
// reading only that from each brief, in place.
func (s *Store) EventsByFirstArticle(ctx context.Context) (map[string]int, error) {
	counts := map[string]*int{} // looked up by the brief's bytes, not a copy of them
	err := s.scan(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(eventBrief(""))})
		defer it.Close()
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			n++
			if err := stopAt(ctx, n); err != nil {
				return err
			}
			err := it.Item().Value(func(b []byte) error {
				a, err := firstArticle(b)
				if c := counts[string(a)]; c != nil {
					*c++
				} else if len(a) > 0 {
					one := 1
					counts[string(a)] = &one
				}
				return err
			})
			if err != nil {
				return fmt.Errorf("read %s (dossier check mends it): %w", it.Item().Key(), err)
			}
		}
		return nil
	})
	out := make(map[string]int, len(counts))
	for a, c := range counts {
		out[a] = *c
	}
	return out, err
}

// EachEventSpot walks every event's brief, reading only what a map
// places and shows of it (decodeSpot), decoded on every core, in order of
// id. fn's error, or the context's once it is done, stops the walk.
func (s *Store) EachEventSpot(ctx context.Context, fn func(*data.Event) error) error {
	return s.scan(func(txn *badger.Txn) error {
		n := 0
		return eachDecoded(txn, eventBrief(""), "", newSpotDecoder, func(e *data.Event) error {
			n++
			if err := stopAt(ctx, n); err != nil {
				return err
			}
			return fn(e)
		})
	})
}

// stopAt is the context's error at every 4,096th step n of a long walk, nil
// at the others: often enough to stop within milliseconds, seldom enough
// to cost nothing.
func stopAt(ctx context.Context, n int) error {
	if n%4096 == 0 {
		return ctx.Err()
	}
	return nil
}
