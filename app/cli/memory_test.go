//go:build !race

package cli

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// Memory goals at a million events (issue 28): a list streamed in at most
// 100 MB, an export in at most 400 MB. At 100,000 events, each command's
// heap must stay under twice its goal, or this fails: the start of a
// command (opening the database and its session), list --json, and the
// exports to CSV and Excel. Run without -race (make test runs it so), as
// the race detector's shadow memory would be counted. What is measured is
// the heap a command holds, as each garbage collection finds it
// (PeakLive), not the garbage waiting between collections.
func TestMemoryAt100kEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: writes 100,000 events")
	}
	db := storetest.TempDir(t)
	st, err := badgerstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := storetest.Generate(st, 500, 100000); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Badger goes on compacting what was written in the commands that
	// follow (tens of MB more, whatever the command), and two short ones
	// do not always see it through: a read of everything first does, as
	// in .ci/scale, so that each figure is the command's own.
	quiet := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
	Main([]string{"--db", db, "list", "events", "--json"}, quiet)
	Main([]string{"--db", db, "analyst"}, quiet)
	out := storetest.TempDir(t)
	for _, c := range []struct {
		what  string
		args  []string
		limit uint64
	}{
		{"start-up", []string{"analyst"}, 200 << 20},
		{"list --json", []string{"list", "events", "--json"}, 200 << 20},
		{"export .csv", []string{"export", filepath.Join(out, "all.csv")}, 800 << 20},
		{"export .xlsx", []string{"export", filepath.Join(out, "all.xlsx")}, 800 << 20},
	} {
		code := -1
		var errOut strings.Builder
		peak := storetest.PeakLive(func() {
			code = Main(append([]string{"--db", db}, c.args...), Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errOut})
		})
		if code != ExitOK {
			t.Fatalf("%s: exit %d %s", c.what, code, errOut.String())
		}
		t.Logf("%s on 100,000 events: heap rose %d MB (limit %d MB)", c.what, peak>>20, c.limit>>20)
		if peak > c.limit {
			t.Errorf("%s on 100,000 events: the heap rose %d MB, past %d MB (twice the goal at a million)", c.what, peak>>20, c.limit>>20)
		}
	}
}
