package badgerstore

import (
	"errors"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// The change log's epoch ("m/epoch"): a fresh id whenever the log may have
// gone back or been replaced, so that whoever marked a position in it
// (the search index) knows when catching up from that position would miss
// changes. It is made anew with each identity (a new database, a copy
// found elsewhere, a restore), after changes were found lost, and after a
// migration; a database from before epochs gets one as it opens.
const epochKey = "m/epoch"

func newEpoch(txn *badger.Txn) error { return txn.Set([]byte(epochKey), []byte(data.NewID("ep"))) }

// ensureEpoch gives a database from before epochs its first.
func (s *Store) ensureEpoch() error {
	p, err := s.Position()
	if err != nil || p.Epoch != "" {
		return err
	}
	return s.update(newEpoch)
}

// Position is the change log's epoch and the last number every earlier
// change has reached the store by: a bulk import's numbers are taken
// before its records are written, so while one is under way the position
// stays before its first.
func (s *Store) Position() (data.LogPosition, error) {
	var p data.LogPosition
	err := s.reserved.before(func() error {
		return s.db.View(func(txn *badger.Txn) error {
			var err error
			if p.Epoch, err = getString(txn, epochKey); err != nil && !errors.Is(err, errNotFound) {
				return err
			}
			p.Seq, err = seqIn(txn)
			return err
		})
	}, &p.Seq)
	return p, err
}

// ChangedRecords calls fn with the kind and id of every record changed
// after seq, oldest change first.
func (s *Store) ChangedRecords(after uint64, fn func(kind data.RecordKind, id string) error) error {
	return s.scan(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("sq/")})
		defer it.Close()
		for it.Seek([]byte(logKey(after + 1))); it.Valid(); it.Next() {
			id, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if err := fn(kindOfID(string(id)), string(id)); err != nil {
				return err
			}
		}
		return nil
	})
}

// reservations are the first numbers of the bulk imports under way.
type reservations struct {
	mu     sync.Mutex
	firsts []uint64
}

// take runs reserve, which takes numbers and returns the first, and holds
// that first until release: no position is read in between.
func (r *reservations) take(reserve func() (uint64, error)) (uint64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	first, err := reserve()
	if err == nil {
		r.firsts = append(r.firsts, first)
	}
	return first, err
}

func (r *reservations) release(first uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if i := slices.Index(r.firsts, first); i >= 0 {
		r.firsts = slices.Delete(r.firsts, i, i+1)
	}
}

// before runs read, which sets *seq to the last number taken, and moves
// *seq back before the first reservation still held.
func (r *reservations) before(read func() error, seq *uint64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := read(); err != nil {
		return err
	}
	if len(r.firsts) > 0 {
		if first := slices.Min(r.firsts); first <= *seq {
			*seq = first - 1
		}
	}
	return nil
}
