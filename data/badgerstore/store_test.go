package badgerstore

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/data"
	"dossier/data/storetest"

	"github.com/dgraph-io/badger/v4"
)

func TestConformanceInMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) data.Store {
		s, err := OpenInMemory()
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestConformanceOnDisk(t *testing.T) {
	storetest.Run(t, func(t *testing.T) data.Store {
		s, err := Open(storetest.TempDir(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestRecordsSurviveReopen(t *testing.T) {
	dir := storetest.TempDir(t)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := s.AddArticles(context.Background(), []*data.Article{{Title: "Kept", Text: "Kept text.", Hash: "k"}})
	a := data.Actor{Name: "Xi Jinping", Kind: data.KindPerson}
	if err := s.PutActor(bg, &a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Article(res[0].ID); err != nil || got.Text != "Kept text." {
		t.Fatalf("article after reopen: %+v %v", got, err)
	}
	if got, _ := s.ActorsNamed("xi jinping"); len(got) != 1 {
		t.Fatal("actor index lost on reopen")
	}
	if v, _ := s.schemaVersion(); v != SchemaVersion {
		t.Fatalf("schema version = %d", v)
	}
}

func TestSecondOpenIsExplained(t *testing.T) {
	dir := storetest.TempDir(t)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = Open(dir)
	if data.ErrorCode(err) != data.ELocked {
		t.Fatalf("second open: %v", err)
	}
	msg := data.ErrorMessage(err)
	if !strings.Contains(msg, "already open in another Dossier window") || !strings.Contains(msg, dir) {
		t.Fatalf("message = %q", msg)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dir := storetest.TempDir(t)
	s, _ := Open(dir)
	s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(schemaKey), []byte("99")) })
	s.Close()
	_, err := Open(dir)
	if err == nil || !strings.Contains(err.Error(), "newer Dossier") {
		t.Fatalf("want a newer-schema refusal, got %v", err)
	}
}

func TestCheckMendsIndexes(t *testing.T) {
	s, _ := OpenInMemory()
	defer s.Close()
	res, _ := s.AddArticles(context.Background(), []*data.Article{{Title: "A", Text: "Some words here.", Hash: "a"}})
	who := data.Actor{Name: "Wang Yi"}
	s.PutActor(bg, &who)
	e := data.Event{Type: "CONSULT", Actors: []string{who.ID}, Evidence: []data.Span{{Article: res[0].ID, Start: 0, End: 4}}}
	s.PutEvent(bg, &e)
	if rep, err := s.Check(); err != nil || len(rep.Repaired)+len(rep.Problems) != 0 {
		t.Fatalf("a sound database: %+v %v", rep, err)
	}
	s.db.Update(func(txn *badger.Txn) error {
		txn.Delete([]byte(eventsByActor(who.ID) + e.ID))
		txn.Set([]byte(eventsByDate("1999-01-01")+"ev-stray"), nil)
		txn.Set([]byte(textKey("ar-cutoff")), []byte("half an import"))
		return nil
	})
	rep, err := s.Check()
	if err != nil || len(rep.Repaired) != 3 || len(rep.Problems) != 0 {
		t.Fatalf("repairs: %+v %v", rep, err)
	}
	for _, damage := range []func(txn *badger.Txn) error{
		func(txn *badger.Txn) error { return txn.Delete([]byte(eventBrief(e.ID))) },
		func(txn *badger.Txn) error {
			return txn.Set([]byte(eventBrief(e.ID)), encodeBrief(&data.Event{ID: e.ID, Type: "ASSAULT"}))
		},
	} {
		s.db.Update(damage)
		if rep, err := s.Check(); err != nil || len(rep.Repaired) != 1 || !strings.Contains(rep.Repaired[0], "ix/ev-br/"+e.ID) {
			t.Fatalf("a damaged brief: %+v %v", rep, err)
		}
		if got := briefTypes(t, s); got != "CONSULT" {
			t.Fatalf("the brief after check says %q", got)
		}
	}
	if got, _ := s.Events(data.EventQuery{Actor: who.ID}); len(got) != 1 {
		t.Fatal("the missing index entry was not rebuilt")
	}
	if rep, _ := s.Check(); len(rep.Repaired) != 0 {
		t.Fatalf("a second check still repairs: %+v", rep)
	}
}

// briefTypes lists the types the events' briefs give.
func briefTypes(t *testing.T, s *Store) string {
	t.Helper()
	var types []string
	if err := s.EachEventBrief(data.EventQuery{}, func(e *data.Event) error { types = append(types, e.Type); return nil }); err != nil {
		t.Fatal(err)
	}
	return strings.Join(types, " ")
}

// A database of schema 3, whose events have no briefs, gains them on
// opening, and keeps the epoch of its change log (what colleagues and
// the search index have read of it stays read).
func TestSchemaThreeGainsBriefs(t *testing.T) {
	dir := storetest.TempDir(t)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := s.AddArticles(bg, []*data.Article{{Title: "A", Text: "Some words here.", Hash: "a"}})
	for _, ty := range []string{"CONSULT", "AGREE"} {
		if err := s.PutEvent(bg, &data.Event{Type: ty, Article: res[0].ID}); err != nil {
			t.Fatal(err)
		}
	}
	epoch := func() string {
		t.Helper()
		p, err := s.Position()
		if err != nil {
			t.Fatal(err)
		}
		return p.Epoch
	}
	before := epoch()
	s.db.Update(func(txn *badger.Txn) error {
		for _, k := range keys(txn, eventBrief("")) {
			txn.Delete([]byte(k))
		}
		return txn.Set([]byte(schemaKey), []byte("3"))
	})
	if got := briefTypes(t, s); got != "" {
		t.Fatalf("briefs left: %q", got)
	}
	s.Close()
	defer func(n int) { briefChunk = n }(briefChunk)
	briefChunk = 1 // a chunk for each event, and an empty one
	if s, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := briefTypes(t, s); len(got) != len("CONSULT AGREE") {
		t.Fatalf("briefs after migration: %q", got)
	}
	if v, _ := s.schemaVersion(); v != SchemaVersion || epoch() != before {
		t.Fatalf("schema %d, epoch %s (was %s)", v, epoch(), before)
	}
}

// TestEmptyMemtableLeftByAKillOpens: a zero-length memtable file, as a
// SIGKILL between its creation and its sizing leaves, must not stop the
// database from opening (found by the crash harness).
func TestEmptyMemtableLeftByAKillOpens(t *testing.T) {
	dir := storetest.TempDir(t)
	s, _ := Open(dir)
	a := data.Actor{Name: "Kept"}
	s.PutActor(bg, &a)
	s.Close()
	os.WriteFile(filepath.Join(dir, "00099.mem"), nil, 0o600)
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got, _ := s.Actor(a.ID); got == nil || got.Name != "Kept" {
		t.Fatal("the record is lost")
	}
}

var bg = context.Background()

// A database from before records had versions (schema 1) opens with every
// actor and article header versioned (1, then signed again as 2: see
// signUnsigned), and writes based on it succeed.
func TestSchemaOneGainsVersions(t *testing.T) {
	dir := storetest.TempDir(t)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := s.AddArticles(bg, []*data.Article{{Title: "Old", Text: "Old text.", Hash: "old"}})
	err = s.db.Update(func(txn *badger.Txn) error {
		for _, kv := range [][2]string{
			{actorKey("ac-old"), `{"id":"ac-old","name":"Old Actor","kind":"person"}`},
			{articleKey(res[0].ID), `{"id":"` + res[0].ID + `","title":"Old","status":"new","hash":"old"}`},
			{schemaKey, "1"},
		} {
			if err := txn.Set([]byte(kv[0]), []byte(kv[1])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, _ := s.Actor("ac-old")
	h, _ := s.Article(res[0].ID)
	if a.Version != 2 || h.Version != 2 {
		t.Fatalf("after migration: actor version %d, article version %d", a.Version, h.Version)
	}
	a.Notes = "edited"
	if err := s.PutActor(bg, a); err != nil || a.Version != 3 {
		t.Fatalf("editing a migrated actor: %v (version %d)", err, a.Version)
	}
}

func TestTeamInMemory(t *testing.T) {
	storetest.RunTeam(t, func(t *testing.T) data.Store {
		s, err := OpenInMemory()
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestTeamOnDisk(t *testing.T) {
	storetest.RunTeam(t, func(t *testing.T) data.Store {
		s, err := Open(storetest.TempDir(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
