package views

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/team"
	"dossier/app/team/hubtest"
	"dossier/data"
	"dossier/data/badgerstore"
)

// E1's date is edited on two databases; the colleague's bundle makes a
// conflict that the Conflicts view shows side by side; the analyst takes
// the colleague's date and keeps their own notes, and the result is one
// new version.
func TestSettleAConflictInTheWindow(t *testing.T) {
	f := newFixture(t)
	f.wb.sess.SetAnalystName("Analyst A")
	id, _ := f.wb.sess.LoadSample()
	colleague, err := badgerstore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer colleague.Close()
	colleague.SetAnalystName(context.Background(), "Analyst B")
	carryBundle(t, f.st, colleague)
	evs, _ := f.st.Events(data.EventQuery{Article: id})
	e1 := evs[0]
	mine, theirs := e1, e1
	mine.Date.Start, mine.Notes = "2025-02-27", "checked against the wire copy"
	theirs.Date.Start = "2025-03-01"
	if err := f.wb.sess.SaveEvent(&mine, ""); err != nil {
		t.Fatal(err)
	}
	if err := colleague.PutEvent(context.Background(), &theirs); err != nil {
		t.Fatal(err)
	}
	carryBundle(t, colleague, f.st)
	f.settle()
	c := f.wb.conflicts
	if c.item.Text != "Conflicts (1)" || len(c.open) != 1 || c.open[0].ID != e1.ID {
		t.Fatalf("the Conflicts tab: %q, %+v", c.item.Text, c.open)
	}
	f.wb.tabs.Select(c.item)
	f.settle()
	if !strings.Contains(c.head.Text, "yours: version 2 by Analyst A") || !strings.Contains(c.head.Text, "theirs: version 2 by Analyst B") {
		t.Fatalf("the heading: %q", c.head.Text)
	}
	date, notes := c.picks["date"], c.picks["notes"]
	if date == nil || notes == nil || len(c.picks) != 2 {
		t.Fatalf("fields to choose: %v", keysOf(c.picks))
	}
	date.SetSelected(sideTheirs)
	test.Tap(widgetButton(t, f.wb, "Keep the fields chosen"))
	f.settle()
	got, _ := f.st.Event(e1.ID)
	if got.Date.Start != "2025-03-01" || got.Notes != "checked against the wire copy" || got.Version != 3 {
		t.Fatalf("settled: date %s, notes %q, version %d", got.Date.Start, got.Notes, got.Version)
	}
	if open, _ := f.wb.sess.Conflicts(); len(open) != 0 || c.item.Text != "Conflicts" {
		t.Fatalf("still open: %+v (tab %q)", open, c.item.Text)
	}
	if !strings.Contains(f.wb.bar.Text, "Settled") {
		t.Fatalf("the bar says %q", f.wb.bar.Text)
	}
}

func carryBundle(t *testing.T, from, to data.Store) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := team.ExportBundle(from, &buf, "", nil); err != nil {
		t.Fatal(err)
	}
	b, err := team.ReadBundle(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := team.ImportBundle(context.Background(), to, b, false); err != nil {
		t.Fatal(err)
	}
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// File ▸ Team ▸ Connect reaches a hub, remembers it, and the status bar
// says so; a colleague's change pushed to the hub arrives in the window.
func TestConnectToTheTeamHub(t *testing.T) {
	srv, _ := hubtest.Start(t)
	f := newFixture(t)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "desk", Passphrase: []byte("team secret")}
	f.wb.team.connect(cfg)
	f.settle()
	defer f.wb.team.disconnect()
	if !f.wb.sess.Syncing() {
		t.Fatalf("not connected: %q", f.wb.team.status.Text)
	}
	if got := f.wb.sess.HubSettings(); got.Server != cfg.Server || got.Team != "desk" || got.Passphrase != nil {
		t.Fatalf("remembered %+v (no passphrase in an unencrypted database)", got)
	}
	colleague, _ := badgerstore.Open(t.TempDir())
	defer colleague.Close()
	app.NewSession(colleague, "b").LoadSample()
	s, err := team.Connect(context.Background(), colleague, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.Once(context.Background())
	s.Close()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		f.settle()
		if len(f.wb.code.articles.all) == 1 && strings.Contains(f.wb.team.status.Text, "connected") {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the colleague's article did not arrive: %d articles, status %q", len(f.wb.code.articles.all), f.wb.team.status.Text)
}
