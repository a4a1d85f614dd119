package search

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/upsidedown"
	"github.com/dgraph-io/badger/v4"

	"dossier/data/badgerkv"
	"dossier/data/badgerstore"
	"dossier/data/folder"
)

// storage is where an index lives: bleve's own files in a folder (scorch:
// the fastest), or, for an encrypted database, an encrypted Badger
// database in that folder, so that no word of an article is on disk in the
// clear.
type storage interface {
	// open opens the index, creating an empty one when there is none.
	open() (bleve.Index, error)
	// wipe removes the index; it is closed.
	wipe() error
	// close releases what the storage holds; the index is closed.
	close() error
}

// files is a scorch index in a folder.
type files struct{ path string }

func (f files) open() (bleve.Index, error) {
	idx, err := bleve.Open(f.path)
	if err == nil {
		return idx, nil
	}
	if err := f.wipe(); err != nil {
		return nil, err
	}
	idx, err = bleve.New(f.path, languageMapping())
	if err != nil {
		return nil, fmt.Errorf("create the search index %s: %w", f.path, err)
	}
	return idx, nil
}

func (f files) wipe() error {
	if err := folder.Remove(f.path); err != nil {
		return fmt.Errorf("remove the old search index %s: %w", f.path, err)
	}
	return nil
}

func (files) close() error { return nil }

// sealed is an index kept in an encrypted Badger database (see badgerkv).
type sealed struct {
	db     *badger.DB
	handle string
}

var handles atomic.Int64

// openSealed opens (or creates) the encrypted index folder at path. A
// folder holding anything else (a plain index from before the database was
// encrypted, or one sealed with an older passphrase) is removed first.
func openSealed(path string, key []byte) (*sealed, error) {
	db, err := openBadger(path, key)
	if err != nil {
		if err := folder.Remove(path); err != nil {
			return nil, fmt.Errorf("remove the old search index %s: %w", path, err)
		}
		if db, err = openBadger(path, key); err != nil {
			return nil, fmt.Errorf("create the search index %s: %w", path, err)
		}
	}
	s := &sealed{db: db, handle: fmt.Sprintf("%s#%d", path, handles.Add(1))}
	badgerkv.Use(s.handle, db)
	return s, nil
}

// openBadger opens a Badger folder with key, refusing a folder that holds
// bleve's plain files.
func openBadger(path string, key []byte) (*badger.DB, error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err == nil {
		return nil, errors.New("a plain search index")
	}
	opts := badgerstore.LaptopOptions(badger.DefaultOptions(path)).WithEncryptionKey(key).WithIndexCacheSize(16 << 20).WithSyncWrites(false)
	return badger.Open(opts)
}

func (s *sealed) open() (bleve.Index, error) {
	return bleve.NewUsing("", languageMapping(), upsidedown.Name, badgerkv.Name, map[string]interface{}{"db": s.handle})
}

func (s *sealed) wipe() error { return s.db.DropAll() }

func (s *sealed) close() error {
	badgerkv.Forget(s.handle)
	return s.db.Close()
}
