// Package badgerkv lets bleve keep a search index in a Badger database, so
// that the index of an encrypted Dossier database is encrypted too (Badger
// encrypts every value and key on disk). It implements bleve's key-value
// store interface (upsidedown_store_api) over one Badger database:
// readers are Badger read transactions, batches are written through a
// WriteBatch, and merges (bleve's term counts) are read, merged and
// written back.
package badgerkv

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/registry"
	store "github.com/blevesearch/upsidedown_store_api"
	"github.com/dgraph-io/badger/v4"
)

// Name is the bleve key-value store name to ask for.
const Name = "dossier-badger"

// dbs are the Badger databases bleve may open, by the handle given to Use.
var (
	mu  sync.Mutex
	dbs = map[string]*badger.DB{}
)

func init() {
	registry.RegisterKVStore(Name, open)
}

// Use makes db available to bleve under handle: an index created with
// store Name and config {"db": handle} lives in it. Forget undoes it.
func Use(handle string, db *badger.DB) {
	mu.Lock()
	defer mu.Unlock()
	dbs[handle] = db
}

// Forget makes handle unknown again.
func Forget(handle string) {
	mu.Lock()
	defer mu.Unlock()
	delete(dbs, handle)
}

// open is bleve's constructor for the store.
func open(mo store.MergeOperator, config map[string]interface{}) (store.KVStore, error) {
	handle, _ := config["db"].(string)
	mu.Lock()
	db := dbs[handle]
	mu.Unlock()
	if db == nil {
		return nil, fmt.Errorf("badgerkv: no database %q", handle)
	}
	return &kvStore{db: db, mo: mo}, nil
}

type kvStore struct {
	db *badger.DB
	mo store.MergeOperator
}

// Close leaves the database open: its owner closes it.
func (s *kvStore) Close() error { return nil }

func (s *kvStore) Reader() (store.KVReader, error) {
	return &reader{txn: s.db.NewTransaction(false)}, nil
}

func (s *kvStore) Writer() (store.KVWriter, error) { return &writer{s: s}, nil }

// reader is one consistent view of the database.
type reader struct{ txn *badger.Txn }

func (r *reader) Get(key []byte) ([]byte, error) {
	item, err := r.txn.Get(key)
	if err == badger.ErrKeyNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return item.ValueCopy(nil)
}

func (r *reader) MultiGet(keys [][]byte) ([][]byte, error) { return store.MultiGet(r, keys) }

func (r *reader) PrefixIterator(prefix []byte) store.KVIterator {
	it := &iterator{it: r.txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false}), prefix: prefix}
	it.Seek(prefix)
	return it
}

func (r *reader) RangeIterator(start, end []byte) store.KVIterator {
	it := &iterator{it: r.txn.NewIterator(badger.IteratorOptions{PrefetchValues: false}), start: start, end: end}
	it.Seek(start)
	return it
}

func (r *reader) Close() error {
	r.txn.Discard()
	return nil
}

// iterator walks keys in order within a prefix or a [start, end) range.
type iterator struct {
	it         *badger.Iterator
	prefix     []byte
	start, end []byte
}

func (i *iterator) Seek(key []byte) {
	for _, floor := range [][]byte{i.start, i.prefix} {
		if floor != nil && bytes.Compare(key, floor) < 0 {
			key = floor
		}
	}
	i.it.Seek(key)
}

func (i *iterator) Next() { i.it.Next() }

func (i *iterator) Valid() bool {
	if !i.it.Valid() {
		return false
	}
	k := i.it.Item().Key()
	switch {
	case i.prefix != nil && !bytes.HasPrefix(k, i.prefix):
		return false
	case i.end != nil && bytes.Compare(k, i.end) >= 0:
		return false
	}
	return true
}

func (i *iterator) Key() []byte {
	if !i.Valid() {
		return nil
	}
	return i.it.Item().KeyCopy(nil)
}

func (i *iterator) Value() []byte {
	if !i.Valid() {
		return nil
	}
	v, err := i.it.Item().ValueCopy(nil)
	if err != nil {
		return nil
	}
	return v
}

func (i *iterator) Current() ([]byte, []byte, bool) {
	if !i.Valid() {
		return nil, nil, false
	}
	return i.Key(), i.Value(), true
}

func (i *iterator) Close() error {
	i.it.Close()
	return nil
}

// writer writes bleve's batches.
type writer struct{ s *kvStore }

func (w *writer) NewBatch() store.KVBatch { return store.NewEmulatedBatch(w.s.mo) }

func (w *writer) NewBatchEx(o store.KVBatchOptions) ([]byte, store.KVBatch, error) {
	return make([]byte, o.TotalBytes), w.NewBatch(), nil
}

// ExecuteBatch applies merges (reading the values they merge into) and
// the batch's sets and deletes. A batch may be larger than one Badger
// transaction holds, so it goes through a WriteBatch: the index is derived
// data, checked against the database's stamp at every start.
func (w *writer) ExecuteBatch(batch store.KVBatch) error {
	b, ok := batch.(*store.EmulatedBatch)
	if !ok {
		return fmt.Errorf("badgerkv: wrong type of batch")
	}
	merged, err := w.merge(b.Merger.Merges)
	if err != nil {
		return err
	}
	wb := w.s.db.NewWriteBatch()
	defer wb.Cancel()
	for k, v := range merged {
		if err := wb.Set([]byte(k), v); err != nil {
			return err
		}
	}
	for _, op := range b.Ops {
		if op.V != nil {
			err = wb.Set(append([]byte(nil), op.K...), append([]byte(nil), op.V...))
		} else {
			err = wb.Delete(append([]byte(nil), op.K...))
		}
		if err != nil {
			return err
		}
	}
	return wb.Flush()
}

// merge reads the current value of each merged key and merges into it.
func (w *writer) merge(merges map[string][][]byte) (map[string][]byte, error) {
	out := make(map[string][]byte, len(merges))
	err := w.s.db.View(func(txn *badger.Txn) error {
		for k, ops := range merges {
			var existing []byte
			item, err := txn.Get([]byte(k))
			switch {
			case err == nil:
				if existing, err = item.ValueCopy(nil); err != nil {
					return err
				}
			case err != badger.ErrKeyNotFound:
				return err
			}
			v, ok := w.s.mo.FullMerge([]byte(k), existing, ops)
			if !ok {
				return fmt.Errorf("badgerkv: merge of %q failed", k)
			}
			out[k] = v
		}
		return nil
	})
	return out, err
}

func (w *writer) Close() error { return nil }
