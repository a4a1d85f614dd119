package badgerstore

import (
	"errors"
	"time"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// PutActor validates and stores an actor with its name index.
func (s *Store) PutActor(a *data.Actor) error {
	if err := validateActor(a); err != nil {
		return err
	}
	if a.ID == "" {
		a.ID = data.NewID(data.ActorPrefix)
	}
	return s.update(func(txn *badger.Txn) error {
		var old data.Actor
		switch err := getJSON(txn, actorKey(a.ID), &old); {
		case err == nil:
			if err := deleteKeys(txn, actorIndexKeys(&old)); err != nil {
				return err
			}
			a.Created = old.Created
		case errors.Is(err, errNotFound):
			if a.Created.IsZero() {
				a.Created = time.Now().UTC()
			}
		default:
			return err
		}
		if a.MergedInto != "" {
			if ok, err := exists(txn, actorKey(a.MergedInto)); err != nil || !ok {
				return data.Errorf(data.EInvalid, "The actor is merged into an unknown actor %q.", a.MergedInto)
			}
		}
		a.Updated = time.Now().UTC()
		if err := setJSON(txn, actorKey(a.ID), a); err != nil {
			return err
		}
		return setKeys(txn, actorIndexKeys(a))
	})
}

func actorIndexKeys(a *data.Actor) []string {
	seen := map[string]bool{}
	var ks []string
	for _, n := range a.Names() {
		k := actorsByName(data.NormaliseName(n)) + a.ID
		if !seen[k] {
			seen[k] = true
			ks = append(ks, k)
		}
	}
	return ks
}

// Actor returns one actor.
func (s *Store) Actor(id string) (*data.Actor, error) {
	var a data.Actor
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, actorKey(id), &a) })
	if errors.Is(err, errNotFound) {
		return nil, notFound("actor", id)
	}
	return &a, err
}

// Actors returns every actor in creation order.
func (s *Store) Actors() ([]data.Actor, error) {
	var out []data.Actor
	err := s.db.View(func(txn *badger.Txn) error {
		return eachJSON(txn, actorKey(""), func(a *data.Actor) error { out = append(out, *a); return nil })
	})
	return out, err
}

// ActorsNamed looks a name up in the name and alias index.
func (s *Store) ActorsNamed(name string) ([]data.Actor, error) {
	norm := data.NormaliseName(name)
	if norm == "" {
		return nil, nil
	}
	var out []data.Actor
	err := s.db.View(func(txn *badger.Txn) error {
		for _, k := range keys(txn, actorsByName(norm)) {
			var a data.Actor
			if err := getJSON(txn, actorKey(lastSegment(k)), &a); err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// DeleteActor removes an actor that no event cites.
func (s *Store) DeleteActor(id string) error {
	return s.update(func(txn *badger.Txn) error {
		var a data.Actor
		if err := getJSON(txn, actorKey(id), &a); err != nil {
			if errors.Is(err, errNotFound) {
				return notFound("actor", id)
			}
			return err
		}
		if n := countKeys(txn, eventsByActor(id)); n > 0 {
			return data.Errorf(data.EInvalid, "%s takes part in %d event(s); remove them from those events first.", a.Name, n)
		}
		if err := deleteKeys(txn, actorIndexKeys(&a)); err != nil {
			return err
		}
		return txn.Delete([]byte(actorKey(id)))
	})
}
