package badgerstore

import (
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
	"dossier/data/storetest"
)

// A database folder taken to another machine, at the same path, forks to
// a new identity as a copy in another folder does; reopened where it now
// lives, it keeps that identity.
func TestDatabaseOnAnotherMachineForks(t *testing.T) {
	dir := storetest.TempDir(t)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	first := s.Analyst()
	s.Close()
	machineID = func() string { return "another laptop" }
	defer func() { machineID = systemMachineID }()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	moved := s.Analyst()
	s.Close()
	if moved.ID == first.ID || len(s.Notices()) != 1 || moved.Name != first.Name {
		t.Fatalf("on another machine: %+v, %q (was %+v)", moved, s.Notices(), first)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Analyst().ID != moved.ID || len(s.Notices()) != 0 {
		t.Fatalf("reopened there: %+v, %q", s.Analyst(), s.Notices())
	}
}

// A database from before changes were signed (no signing key, its
// records unsigned, schema 2) gets a key and an identity of its own on
// opening, says so, and signs every record again as a new version: all of
// it then travels and verifies.
func TestUnsignedDatabaseIsSignedOnUpgrade(t *testing.T) {
	dir := storetest.TempDir(t)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := s.AddArticles(bg, []*data.Article{{Title: "A", Text: "Sergei Shoigu met Wang Yi.", Hash: "a"}})
	act := data.Actor{Name: "Wang Yi", Kind: data.KindPerson}
	s.PutActor(bg, &act)
	ev := data.Event{Type: "CONSULT", Article: res[0].ID, Actors: []string{act.ID}}
	s.PutEvent(bg, &ev)
	s.DeleteEvent(bg, ev.ID, ev.Version)
	legacy := "an-" + strings.Repeat("0", 21)
	err = s.db.Update(func(txn *badger.Txn) error {
		for _, k := range keys(txn, "sy/sg/") {
			txn.Delete([]byte(k))
		}
		txn.Delete([]byte(signerKey))
		txn.Set([]byte(analystKey), []byte(legacy))
		return txn.Set([]byte(schemaKey), []byte("2"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Analyst().ID == legacy || !strings.Contains(strings.Join(s.Notices(), " "), "now signs your changes") {
		t.Fatalf("after the upgrade: %+v, %q", s.Analyst(), s.Notices())
	}
	n := 0
	s.Changed(0, func(v data.Version) error {
		n++
		if err := v.Verify(); err != nil || v.Rev.By != s.Analyst().ID {
			t.Errorf("%s %s: %v (by %s)", v.Record, v.ID, err, v.Rev.By)
		}
		return nil
	})
	if n != 3 {
		t.Fatalf("%d records travel", n)
	}
}

// Ids a script chose (ev-sync0001) are written here and taken in by a
// colleague by the same rule; an id no record may have is refused here
// with the rule in words.
func TestChosenIDsTravel(t *testing.T) {
	a, b := openTemp(t), openTemp(t)
	defer a.Close()
	defer b.Close()
	res, _ := a.AddArticles(bg, []*data.Article{{Title: "A", Text: "Delegates met.", Hash: "a"}})
	act := data.Actor{ID: "ac-sync0001", Name: "Delegates", Kind: data.KindOther}
	if err := a.PutActor(bg, &act); err != nil {
		t.Fatal(err)
	}
	ev := data.Event{ID: "ev-sync0001", Type: "AGREE", Article: res[0].ID, Actors: []string{act.ID}}
	if err := a.PutEvent(bg, &ev); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"ev-", "ac-sync0002", "ev-a b", "ev-" + strings.Repeat("x", 62)} {
		e := data.Event{ID: bad, Type: "AGREE", Article: res[0].ID}
		if err := a.PutEvent(bg, &e); data.ErrorCode(err) != data.EInvalid || !strings.Contains(err.Error(), "cannot be an id") {
			t.Errorf("event id %q: %v", bad, err)
		}
	}
	var vs []data.Version
	a.Changed(0, func(v data.Version) error { vs = append(vs, v); return nil })
	rep, err := b.Merge(bg, vs, nil)
	if err != nil || rep.Added != 3 || rep.SetAside != 0 {
		t.Fatalf("merged %d versions: %+v, %v", len(vs), rep, err)
	}
	if got, err := b.Event(ev.ID); err != nil || got.Actors[0] != act.ID {
		t.Fatalf("the colleague's event: %+v, %v", got, err)
	}
}

func openTemp(t *testing.T) *Store {
	s, err := Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
