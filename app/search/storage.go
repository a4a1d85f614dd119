package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/upsidedown"

	"dossier/data/badgerkv"
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
type sealed struct{ db *badgerkv.Sealed }

// openSealed opens (or creates) the encrypted index folder at path. A
// folder holding anything else (a plain index from before the database was
// encrypted, or one sealed with an older passphrase) is removed first.
func openSealed(path string, key []byte) (*sealed, error) {
	db, err := badgerkv.OpenSealed(path, key)
	if err != nil {
		if err := folder.Remove(path); err != nil {
			return nil, fmt.Errorf("remove the old search index %s: %w", path, err)
		}
		if db, err = badgerkv.OpenSealed(path, key); err != nil {
			return nil, fmt.Errorf("create the search index %s: %w", path, err)
		}
	}
	return &sealed{db}, nil
}

func (s *sealed) open() (bleve.Index, error) {
	return bleve.NewUsing("", languageMapping(), upsidedown.Name, badgerkv.Name, map[string]interface{}{"db": s.db.Handle()})
}

func (s *sealed) wipe() error { return s.db.Wipe() }

func (s *sealed) close() error { return s.db.Close() }
