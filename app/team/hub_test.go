package team_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"
	"dossier/data/storetest"
)

// startHub runs a NATS server with JetStream in this process, its data in
// a temporary folder; change, when given, adjusts its options.
func startHub(t testing.TB, change ...func(*server.Options)) (*server.Server, string) {
	t.Helper()
	opts := &server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true}
	for _, c := range change {
		c(opts)
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("the hub did not start")
	}
	t.Cleanup(srv.Shutdown)
	return srv, opts.StoreDir
}

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
		if open, _ := st.(data.Replica).Conflicts(); len(open) != 1 || open[0].ID != mine.ID {
			t.Fatalf("%s's conflicts: %+v", st.Analyst().Name, open)
		}
	}
	open, _ := b.(data.Replica).Conflicts()
	if err := b.(data.Replica).Resolve(bg, mine.ID, open[0].Mine.Body); err != nil { // b keeps its date
		t.Fatal(err)
	}
	once(t, sb)
	once(t, sa)
	for _, st := range []data.Store{a, b} {
		if open, _ := st.(data.Replica).Conflicts(); len(open) != 0 {
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
