package badgerstore

import (
	"context"
	"errors"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// Analysts: "m/analyst" holds the id of this database's analyst, created
// with the database; "an/<id>" holds each known analyst (this one, and
// colleagues whose changes arrived) with a display name.
const analystKey = "m/analyst"

func analystRecordKey(id string) string { return "an/" + id }

// loadAnalyst reads this database's analyst, creating one the first time.
func (s *Store) loadAnalyst() error {
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(analystKey))
		if err != nil {
			return err
		}
		id, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		s.analyst = data.Analyst{ID: string(id)}
		return getJSON(txn, analystRecordKey(string(id)), &s.analyst)
	})
	if errors.Is(err, badger.ErrKeyNotFound) || errors.Is(err, errNotFound) {
		return s.createAnalyst()
	}
	return err
}

// createAnalyst writes this database's analyst: the one it has (after a
// restore), else a new one named after the computer account.
func (s *Store) createAnalyst() error {
	a := s.analyst
	if a.ID == "" {
		a = data.Analyst{ID: data.NewID(data.AnalystPrefix), Name: data.DefaultAnalystName()}
	}
	err := s.update(func(txn *badger.Txn) error {
		if err := txn.Set([]byte(analystKey), []byte(a.ID)); err != nil {
			return err
		}
		return setJSON(txn, analystRecordKey(a.ID), a)
	})
	if err == nil {
		s.analyst = a
	}
	return err
}

// Analyst is who works on this database.
func (s *Store) Analyst() data.Analyst { return s.analyst }

// SetAnalystName changes this analyst's display name.
func (s *Store) SetAnalystName(ctx context.Context, name string) error {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return data.Errorf(data.EInvalid, "Give a name for yourself, as your colleagues will see it.")
	}
	a := s.analyst
	a.Name = name
	if err := s.update(func(txn *badger.Txn) error { return setJSON(txn, analystRecordKey(a.ID), a) }); err != nil {
		return err
	}
	s.analyst = a
	s.names.Store(a.ID, a.DisplayName())
	return nil
}

// AnalystName is the display name of an analyst known here ("" for none).
func (s *Store) AnalystName(id string) string {
	if id == "" {
		return ""
	}
	if n, ok := s.names.Load(id); ok {
		return n.(string)
	}
	a := data.Analyst{ID: id}
	s.db.View(func(txn *badger.Txn) error { return getJSON(txn, analystRecordKey(id), &a) })
	s.names.Store(id, a.DisplayName())
	return a.DisplayName()
}
