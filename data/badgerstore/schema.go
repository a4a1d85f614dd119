package badgerstore

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// SchemaVersion is the layout this build writes.
const SchemaVersion = 1

// migrations[v] upgrades a database from schema v to v+1 in one transaction.
// Version 0 is a database from before versions were stored.
var migrations = map[int]func(txn *badger.Txn) error{
	0: func(*badger.Txn) error { return nil },
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
		step := migrations[v]
		if err := s.update(func(txn *badger.Txn) error {
			if err := step(txn); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
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
