package badgerkv

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"

	"dossier/data/badgerstore"
)

// Sealed is an encrypted Badger database that holds one bleve index: open
// the index with store Name and config {"db": s.Handle()}.
type Sealed struct {
	db     *badger.DB
	handle string
}

var handles atomic.Int64

// ErrPlainIndex: the folder holds bleve's own, unencrypted files.
var ErrPlainIndex = errors.New("a plain search index")

// OpenSealed opens (or creates) the encrypted database at path with key,
// with the laptop's sizes and without waiting for each write to reach the
// disk (an index is derived data). A folder holding a plain index is
// refused with ErrPlainIndex.
func OpenSealed(path string, key []byte) (*Sealed, error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err == nil {
		return nil, ErrPlainIndex
	}
	opts := badgerstore.LaptopOptions(badger.DefaultOptions(path)).WithEncryptionKey(key).WithIndexCacheSize(16 << 20).WithSyncWrites(false)
	db, err := badger.Open(opts)
	if err != nil {
		return nil, err
	}
	s := &Sealed{db: db, handle: fmt.Sprintf("%s#%d", path, handles.Add(1))}
	Use(s.handle, db)
	return s, nil
}

// Handle names the database for bleve's config.
func (s *Sealed) Handle() string { return s.handle }

// Wipe removes everything the database holds.
func (s *Sealed) Wipe() error { return s.db.DropAll() }

// Close forgets the handle and closes the database.
func (s *Sealed) Close() error {
	Forget(s.handle)
	return s.db.Close()
}
