package team_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"dossier/app"
	"dossier/app/team"
	"dossier/app/team/hubtest"
	"dossier/data"
	"dossier/data/storetest"
)

// startHub runs a hub in this process (see hubtest).
var startHub = hubtest.Start

// syncer connects a database to the hub.
func syncer(t testing.TB, st data.Store, cfg team.HubConfig) *team.Syncer {
	t.Helper()
	s, err := team.Connect(bg, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func once(t testing.TB, s *team.Syncer) team.Exchange {
	t.Helper()
	ex, err := s.Once(bg)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// Two analysts through a hub: the coded sample reaches the second; both
// edit one event; each then holds an open conflict; one settles it and,
// after one more exchange, both agree and none is open.
func TestHubCarriesWorkAndConflicts(t *testing.T) {
	srv, _ := startHub(t)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "desk", Passphrase: []byte("team secret")}
	a, b := analystDB(t, "Analyst A"), analystDB(t, "Analyst B")
	sa, sb := syncer(t, a, cfg), syncer(t, b, cfg)
	id, _ := app.NewSession(a, "a").LoadSample()
	if ex := once(t, sa); ex.Pushed != 11 {
		t.Fatalf("a pushed %d records", ex.Pushed)
	}
	if ex := once(t, sb); ex.Pulled.Added != 11 {
		t.Fatalf("b pulled %+v", ex.Pulled)
	}
	if storetest.Dump(a) != storetest.Dump(b) {
		t.Fatal("b does not hold a's work")
	}
	evs, _ := a.Events(data.EventQuery{Article: id})
	mine, _ := a.Event(evs[0].ID)
	theirs, _ := b.Event(evs[0].ID)
	mine.Date.Start, theirs.Date.Start = "2025-02-27", "2025-03-01"
	a.PutEvent(bg, mine)
	b.PutEvent(bg, theirs)
	once(t, sa)
	once(t, sb) // b's edit meets a's on the hub: a conflict at b, and b's side for the team
	once(t, sa)
	for _, st := range []data.Store{a, b} {
		if open, _ := st.Conflicts(); len(open) != 1 || open[0].ID != mine.ID {
			t.Fatalf("%s's conflicts: %+v", st.Analyst().Name, open)
		}
	}
	open, _ := b.Conflicts()
	if err := b.Resolve(bg, mine.ID, open[0].Mine.Body); err != nil { // b keeps its date
		t.Fatal(err)
	}
	once(t, sb)
	once(t, sa)
	for _, st := range []data.Store{a, b} {
		if open, _ := st.Conflicts(); len(open) != 0 {
			t.Fatalf("%s still has %+v", st.Analyst().Name, open)
		}
		if e, _ := st.Event(mine.ID); e.Date.Start != "2025-03-01" {
			t.Fatalf("%s's date is %s", st.Analyst().Name, e.Date.Start)
		}
	}
	if storetest.Dump(a) != storetest.Dump(b) {
		t.Fatal("the databases differ after the settlement")
	}
}

// walkFiles reads every file under dir.
func walkFiles(t *testing.T, dir string, fn func(path string, b []byte)) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := os.ReadFile(path); err == nil {
				fn(path, b)
			}
		}
		return nil
	})
}
