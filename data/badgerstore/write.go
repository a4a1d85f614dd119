package badgerstore

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// writer is one read-write transaction: it checks versions, stamps the
// records it writes, and collects the changes to publish once committed.
type writer struct {
	s       *Store
	txn     *badger.Txn
	now     time.Time
	by      string
	origin  data.Origin
	changes []data.Change
	done    []func() // run once committed: the callers' records learn their new versions
	seq     uint64   // the change log's last number, once read
	dirty   []string // records whose state changed: this analyst's are signed at the end
	// arriving: what a preview takes as brought by an earlier part of the
	// same exchange (see Preview).
	arriving map[string]bool
	decoded  map[data.Rev]map[string]data.Decoded // what arriving versions decoded to (see admit)
}

// write runs fn in one transaction (retried whole on Badger's own
// conflicts) and publishes its changes once it is committed.
func (s *Store) write(ctx context.Context, fn func(w *writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var w *writer
	err := s.update(func(txn *badger.Txn) error {
		w = &writer{s: s, txn: txn, now: time.Now().UTC(), by: s.identity.analyst.ID, origin: data.OriginOf(ctx)}
		if err := fn(w); err != nil {
			return err
		}
		return w.signWritten()
	})
	if err != nil {
		return err
	}
	if w.seq > 0 {
		s.witness(w.seq)
	}
	for _, fn := range w.done {
		fn()
	}
	s.feed.Publish(w.changes)
	return nil
}

// Subscribe hears every committed write.
func (s *Store) Subscribe(fn func([]data.Change)) func() { return s.feed.Subscribe(fn) }

// tombstone is what a deleted record leaves: its last version, so that a
// write based on an older one is refused and undoing the deletion (or a
// colleague's copy of it) can be told apart from a new record.
type tombstone struct {
	Version   int       `json:"version"`
	Updated   time.Time `json:"updated"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Name      string    `json:"name,omitempty"`
}

func tombKey(id string) string { return "tb/" + id }

// stored is what a write is checked against: the record's version now.
type stored struct {
	found   bool // the record exists
	version int  // its version, or a deleted record's last, or 0
	by      string
	at      time.Time
	name    string
}

// revised records carry a revision (data.Revision).
type revised interface{ Rev() *data.Revision }

// current reads the stored record of id into rec, and returns what a write
// is checked against: its revision, else a deleted record's tombstone.
func (w *writer) current(kind data.RecordKind, id string, rec revised) (stored, error) {
	switch err := getJSON(w.txn, recordKey(kind, id), rec); {
	case err == nil:
		r := rec.Rev()
		return stored{found: true, version: r.Version, by: r.UpdatedBy, at: r.Updated}, nil
	case errors.Is(err, errNotFound):
		return w.tomb(id)
	default:
		return stored{}, err
	}
}

// absent explains a write to a record that is not stored: there is none,
// or it was deleted since the writer read it (nothing to do when the
// writer knew: a deletion made twice).
func (w *writer) absent(kind data.RecordKind, id string, version int, cur stored) error {
	if cur.version == 0 {
		return notFound(kind, id)
	}
	return w.expect(kind, id, "the "+string(kind)+" "+id, version, cur)
}

// tomb reads a deleted record's tombstone, if any.
func (w *writer) tomb(id string) (stored, error) {
	var t tombstone
	switch err := getJSON(w.txn, tombKey(id), &t); {
	case errors.Is(err, errNotFound):
		return stored{}, nil
	case err != nil:
		return stored{}, err
	}
	return stored{version: t.Version, by: t.UpdatedBy, at: t.Updated, name: t.Name}, nil
}

// expect refuses a write based on version given when cur is not at it.
func (w *writer) expect(kind data.RecordKind, id, name string, given int, cur stored) error {
	if given == cur.version {
		return nil
	}
	if cur.name != "" {
		name = cur.name
	}
	return &data.Conflict{Record: kind, ID: id, Name: name, Given: given, Stored: cur.version, Deleted: !cur.found && cur.version > 0,
		By: w.s.AnalystName(cur.by), At: cur.at}
}

// written records a local write of a record that was at cur: the change to
// publish, and what team work keeps of it; it returns the new version.
func (w *writer) written(kind data.RecordKind, id string, cur stored, c data.Change) (int, error) {
	c.Record, c.ID, c.Old, c.New, c.By, c.Origin = kind, id, cur.version, cur.version+1, w.by, w.origin
	w.changes = append(w.changes, c)
	return cur.version + 1, w.descend(id, cur)
}

// bury deletes a record's key and leaves its tombstone at version+1.
func (w *writer) bury(kind data.RecordKind, id, name string, cur stored, c data.Change) error {
	if err := w.txn.Delete([]byte(recordKey(kind, id))); err != nil {
		return err
	}
	c.Record, c.ID, c.Old, c.New, c.By, c.Origin = kind, id, cur.version, 0, w.by, w.origin
	w.changes = append(w.changes, c)
	if err := w.descend(id, cur); err != nil {
		return err
	}
	return setJSON(w.txn, tombKey(id), tombstone{Version: cur.version + 1, Updated: w.now, UpdatedBy: w.by, Name: name})
}

// Version is what a write of id must carry now.
func (s *Store) Version(id string) (int, error) {
	var v int
	err := s.db.View(func(txn *badger.Txn) error {
		var rec struct {
			Version int `json:"version"`
		}
		switch err := getJSON(txn, recordKey(kindOfID(id), id), &rec); {
		case err == nil:
			v = rec.Version
			return nil
		case !errors.Is(err, errNotFound):
			return err
		}
		cur, err := (&writer{txn: txn}).tomb(id)
		v = cur.version
		return err
	})
	return v, err
}

// Commit stores a batch in one transaction: actors, article headers,
// events, then deletions.
func (s *Store) Commit(ctx context.Context, b *data.Batch) error {
	for _, a := range b.Actors {
		if err := validateActor(a); err != nil {
			return err
		}
	}
	for _, a := range b.Articles {
		if err := validateArticle(a); err != nil {
			return err
		}
	}
	for _, e := range b.Events {
		if err := validateEvent(e); err != nil {
			return err
		}
	}
	return s.write(ctx, func(w *writer) error {
		for _, a := range b.Actors {
			if err := w.putActor(a); err != nil {
				return err
			}
		}
		for _, a := range b.Articles {
			if err := w.updateArticle(a); err != nil {
				return err
			}
		}
		for _, e := range b.Events {
			if err := w.putEvent(e); err != nil {
				return err
			}
		}
		return w.deleteAll(b.Deletes)
	})
}

// deleteAll removes events, then actors, then articles.
func (w *writer) deleteAll(refs []data.Ref) error {
	for _, kind := range []data.RecordKind{data.RecordEvent, data.RecordActor, data.RecordArticle} {
		for _, r := range refs {
			if r.Record != kind {
				continue
			}
			var err error
			switch kind {
			case data.RecordEvent:
				err = w.deleteEvent(r.ID, r.Version)
			case data.RecordActor:
				err = w.deleteActor(r.ID, r.Version)
			default:
				err = w.deleteArticle(r.ID, r.Version)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// recordKey is the key of a record of a kind.
func recordKey(kind data.RecordKind, id string) string {
	switch kind {
	case data.RecordEvent:
		return eventKey(id)
	case data.RecordActor:
		return actorKey(id)
	}
	return articleKey(id)
}

// kindOfID tells a record's kind from its id's prefix.
func kindOfID(id string) data.RecordKind {
	switch {
	case strings.HasPrefix(id, data.EventPrefix+"-"):
		return data.RecordEvent
	case strings.HasPrefix(id, data.ActorPrefix+"-"):
		return data.RecordActor
	}
	return data.RecordArticle
}
