package badgerstore

import (
	"context"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// PutActor validates and stores an actor with its name index, if it is
// still at the version it was read at.
func (s *Store) PutActor(ctx context.Context, a *data.Actor) error {
	return s.Commit(ctx, &data.Batch{Actors: []*data.Actor{a}})
}

func (w *writer) putActor(a *data.Actor) error {
	if a.ID == "" {
		a.ID = data.NewID(data.ActorPrefix)
	}
	if !data.IsID(a.ID, data.ActorPrefix) {
		return badID(a.ID, data.ActorPrefix)
	}
	var old data.Actor
	cur, err := w.current(data.RecordActor, a.ID, &old)
	if err != nil {
		return err
	}
	if err := w.expect(data.RecordActor, a.ID, a.Name, a.Version, cur); err != nil {
		return err
	}
	rec := *a // what is stored; a learns its version once committed
	if cur.found {
		if err := deleteKeys(w.txn, actorIndexKeys(&old)); err != nil {
			return err
		}
		rec.Created = old.Created
	} else if rec.Created.IsZero() {
		rec.Created = w.now
	}
	if a.MergedInto != "" {
		if ok, err := exists(w.txn, actorKey(a.MergedInto)); err != nil || !ok {
			return data.Errorf(data.EInvalid, "The actor is merged into an unknown actor %q.", a.MergedInto)
		}
	}
	rec.Updated, rec.UpdatedBy = w.now, w.by
	if rec.Version, err = w.written(data.RecordActor, a.ID, cur, data.Change{}); err != nil {
		return err
	}
	w.done = append(w.done, func() { a.Created, a.Revision = rec.Created, rec.Revision })
	if err := setJSON(w.txn, actorKey(a.ID), &rec); err != nil {
		return err
	}
	return setKeys(w.txn, actorIndexKeys(&rec))
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
		return nil, notFound(data.RecordActor, id)
	}
	return &a, err
}

// Actors returns every actor in creation order.
func (s *Store) Actors() ([]data.Actor, error) {
	var out []data.Actor
	err := s.scan(func(txn *badger.Txn) error {
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
	err := s.scan(func(txn *badger.Txn) error {
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
func (s *Store) DeleteActor(ctx context.Context, id string, version int) error {
	return s.Commit(ctx, &data.Batch{Deletes: []data.Ref{{Record: data.RecordActor, ID: id, Version: version}}})
}

func (w *writer) deleteActor(id string, version int) error {
	var a data.Actor
	cur, err := w.current(data.RecordActor, id, &a)
	switch {
	case err != nil:
		return err
	case !cur.found:
		return w.absent(data.RecordActor, id, version, cur)
	}
	if err := w.expect(data.RecordActor, id, a.Name, version, cur); err != nil {
		return err
	}
	if n := countKeys(w.txn, eventsByActor(id)); n > 0 {
		return data.Errorf(data.EInvalid, "%s takes part in %d event(s); remove them from those events first.", a.Name, n)
	}
	if err := deleteKeys(w.txn, actorIndexKeys(&a)); err != nil {
		return err
	}
	return w.bury(data.RecordActor, id, a.Name, cur, data.Change{})
}
