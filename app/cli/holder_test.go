package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// held opens a database as a window does, answering commands beside it.
func held(t *testing.T) (*app.Session, string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("skipped on Windows: Wine has no Unix sockets")
	}
	db := filepath.Join(storetest.TempDir(t), "db")
	st, err := badgerstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	sess := app.NewSession(st, db)
	h, err := Hold(sess)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(); st.Close() })
	return sess, db
}

// While a window holds the database, commands are run by it: a put is a
// step of the window's own undo history and reaches its change feed as
// the command line's; list prints what the window holds; the socket is
// the user's alone.
func TestCommandsBesideTheWindow(t *testing.T) {
	sess, db := held(t)
	if fi, err := os.Stat(socketPath(db)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the socket: %v, mode %v; want 0600", err, fi.Mode().Perm())
	}
	var mu sync.Mutex
	var origins []data.Origin
	cancel := sess.Subscribe(func(cs []data.Change) {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range cs {
			origins = append(origins, c.Origin)
		}
	})
	defer cancel()

	code, out, errOut := run(t, `{"name": "Sergei Shoigu", "kind": "person"}`, "--db", db, "put", "actor")
	if code != 0 || !strings.HasPrefix(out, "ac-") {
		t.Fatalf("put beside the window: %d %q %q", code, out, errOut)
	}
	id := strings.TrimSpace(out)
	if a, err := sess.Actor(id); err != nil || a.Name != "Sergei Shoigu" {
		t.Fatalf("the window does not hold the actor put: %v %v", a, err)
	}
	if !sess.CanUndo() || sess.UndoLabel() != "new actor Sergei Shoigu" {
		t.Fatalf("the put is not the window's to undo: %v %q", sess.CanUndo(), sess.UndoLabel())
	}
	code, out, _ = run(t, "", "--db", db, "list", "actors", "--json")
	var actors []data.Actor
	if code != 0 || json.Unmarshal([]byte(out), &actors) != nil || len(actors) != 1 || actors[0].ID != id {
		t.Fatalf("list beside the window: %d %s", code, out)
	}
	mu.Lock()
	fromCommand := len(origins) > 0 && origins[0] == data.OriginCommand
	mu.Unlock()
	if !fromCommand {
		t.Errorf("the window's change feed said %v, want the command line", origins)
	}
	if _, err := sess.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Actor(id); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("undone in the window, the actor put is still there: %v", err)
	}
}

// What one command prints, the next reads on its standard input: a record
// shown, changed and put back beside the window, at the version it was
// read at; a command the window does not run says why.
func TestPipelineBesideTheWindow(t *testing.T) {
	sess, db := held(t)
	a := &data.Actor{Name: "Wang Yi", Kind: data.KindPerson}
	if err := sess.SaveActor(a); err != nil {
		t.Fatal(err)
	}
	_, shown, _ := run(t, "", "--db", db, "show", a.ID, "--json")
	changed := strings.Replace(shown, `"Wang Yi"`, `"Wang Yi (minister)"`, 1)
	if code, out, errOut := run(t, changed, "--db", db, "put", "actor"); code != 0 {
		t.Fatalf("show | put beside the window: %d %q %q", code, out, errOut)
	}
	if got, _ := sess.Actor(a.ID); got.Name != "Wang Yi (minister)" || got.Version != 2 {
		t.Errorf("after show | put: %q version %d", got.Name, got.Version)
	}
	if code, _, _ := run(t, shown, "--db", db, "put", "actor"); code == 0 {
		t.Error("a record put back at an old version was taken")
	}
	if code, _, errOut := run(t, "", "--db", db, "check"); code != ExitFailed || !strings.Contains(errOut, "close the window first") {
		t.Errorf("check beside the window: %d %q", code, errOut)
	}
}
