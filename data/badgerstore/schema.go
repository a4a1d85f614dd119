package badgerstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// SchemaVersion is the layout this build writes.
const SchemaVersion = 4

// migrations[v] upgrades a database from schema v to v+1. A step may be
// cut off by a crash and run again: each is idempotent, and the schema
// version is raised only once it is complete.
// Version 0 is a database from before versions were stored.
var migrations = map[int]func(s *Store) error{
	0: func(*Store) error { return nil },
	1: versionHeaders,
	2: signUnsigned,
	3: writeBriefs,
}

// indexOnly are the steps that add or change index entries alone: the
// records and their change log stay as they were, so the log keeps its
// epoch and the search index need not be built again.
var indexOnly = map[int]bool{3: true}

// writeBriefs writes the brief of every event (see brief.go), a chunk of
// events at a time: a read left open over a million writes would hold
// every memtable they fill.
func writeBriefs(s *Store) error {
	for after := ""; ; {
		briefs, last, err := s.briefsAfter(after)
		if err != nil {
			return err
		}
		wb := s.db.NewWriteBatch()
		for _, b := range briefs {
			if err := wb.Set(b[0], b[1]); err != nil {
				wb.Cancel()
				return err
			}
		}
		if err := wb.Flush(); err != nil {
			return err
		}
		if len(briefs) < briefChunk {
			return nil
		}
		after = last
	}
}

// briefChunk is how many briefs writeBriefs writes at a time (a variable
// for tests).
var briefChunk = 20000

// briefsAfter makes the briefs of up to briefChunk events after the event
// key after, and returns them (key and value) with the last event's key.
func (s *Store) briefsAfter(after string) (briefs [][2][]byte, last string, err error) {
	full := errors.New("chunk full")
	err = s.db.View(func(txn *badger.Txn) error {
		return eachJSONAfter(txn, eventKey(""), after, func(e *data.Event) error {
			briefs = append(briefs, [2][]byte{[]byte(eventBrief(e.ID)), encodeBrief(e)})
			last = eventKey(e.ID)
			if len(briefs) == briefChunk {
				return full
			}
			return nil
		})
	})
	if errors.Is(err, full) {
		err = nil
	}
	return briefs, last, err
}

// signUnsigned gives every record whose state carries no signature (all,
// in a database from before changes were signed) a new version, the same
// content, by this database's analyst and signed, so that its history can
// still reach colleagues who check signatures. Two databases that do this
// to the same record settle it alike (the same content, see adopt).
func signUnsigned(s *Store) error {
	ids, err := s.recordIDs()
	if err != nil {
		return err
	}
	for start := 0; start < len(ids); start += mergeChunk {
		err := s.write(data.WithOrigin(context.Background(), data.OriginCommand), func(w *writer) error {
			for _, id := range ids[start:min(len(ids), start+mergeChunk)] {
				if err := w.signAgain(id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// versionHeaders gives actors and article headers, which had no version
// before schema 2, version 1.
func versionHeaders(s *Store) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		for _, prefix := range []string{actorKey(""), articleKey("")} {
			err := eachJSON(txn, prefix, func(rec *map[string]any) error {
				if v, _ := (*rec)["version"].(float64); v > 0 {
					return nil
				}
				(*rec)["version"] = 1
				b, err := json.Marshal(rec)
				if err != nil {
					return err
				}
				return wb.Set([]byte(prefix+(*rec)["id"].(string)), b)
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// migrate brings the database to SchemaVersion, one step at a time.
func (s *Store) migrate() error {
	for {
		v, err := s.schemaVersion()
		if err != nil {
			return err
		}
		if v == SchemaVersion {
			return nil
		}
		if v > SchemaVersion {
			return data.Errorf(data.EInvalid, "This database was written by a newer Dossier (schema %d; this one reads up to %d). Update Dossier to open it.", v, SchemaVersion)
		}
		if err := migrations[v](s); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
		}
		if err := s.update(func(txn *badger.Txn) error {
			if indexOnly[v] {
				return txn.Set([]byte(schemaKey), []byte(strconv.Itoa(v+1)))
			}
			if err := newEpoch(txn); err != nil { // a migration may change records outside the log
				return err
			}
			return txn.Set([]byte(schemaKey), []byte(strconv.Itoa(v+1)))
		}); err != nil {
			return err
		}
	}
}

func (s *Store) schemaVersion() (int, error) {
	v := 0
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(schemaKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		b, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		v, err = strconv.Atoi(string(b))
		return err
	})
	return v, err
}
