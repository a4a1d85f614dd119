package team_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

var bg = context.Background()

// analystDB is one analyst's database, named.
func analystDB(t testing.TB, name string) data.Store {
	t.Helper()
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetAnalystName(bg, name)
	return st
}

// carry writes a bundle from one database and imports it into another.
func carry(t *testing.T, from, to data.Store, since team.Since, pass []byte) data.MergeReport {
	t.Helper()
	var key *team.Key
	if pass != nil {
		var err error
		if key, err = team.NewKDF(pass); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	res, err := team.ExportBundle(from, &buf, since, key)
	if err != nil {
		t.Fatal(err)
	}
	team.MarkExported(from, res)
	b, err := team.ReadBundle(&buf, pass)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := team.ImportBundle(bg, to, b, false)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// A round trip between two analysts: the coded sample travels, an event
// edited on both laptops becomes a conflict on both, the same bundle twice
// changes nothing, and a settlement travels back.
func TestBundleRoundTripWithAConflict(t *testing.T) {
	a, b := analystDB(t, "Analyst A"), analystDB(t, "Analyst B")
	id, _ := app.NewSession(a, "a").LoadSample()
	if rep := carry(t, a, b, "", nil); rep.Added != 11 || rep.Conflicts != 0 {
		t.Fatalf("first bundle: %s", team.Line(rep))
	}
	if storetest.Dump(a) != storetest.Dump(b) {
		t.Fatal("the databases differ after the first bundle")
	}
	evA, _ := a.Events(data.EventQuery{Article: id})
	evB, _ := b.Event(evA[0].ID)
	evA[0].Date.Start = "2025-02-27"
	evB.Date.Start = "2025-03-01"
	a.PutEvent(bg, &evA[0])
	b.PutEvent(bg, evB)
	if rep := carry(t, b, a, "last", nil); rep.Conflicts != 1 || rep.Added+rep.Updated != 0 {
		t.Fatalf("b's changes at a: %s", team.Line(rep))
	}
	again := carry(t, b, a, "", nil)
	if again.Conflicts+again.Added+again.Updated != 0 {
		t.Fatalf("the same changes twice: %s", team.Line(again))
	}
	if rep := carry(t, a, b, "last", nil); rep.Conflicts != 1 {
		t.Fatalf("a's changes at b: %s", team.Line(rep))
	}
	open, _ := a.Conflicts()
	if len(open) != 1 || open[0].ID != evA[0].ID {
		t.Fatalf("a's conflicts: %+v", open)
	}
	if err := a.Resolve(bg, evA[0].ID, open[0].Theirs[0].Body); err != nil { // keep b's date
		t.Fatal(err)
	}
	if rep := carry(t, a, b, "last", nil); rep.Updated != 1 || rep.Conflicts != 0 {
		t.Fatalf("the settlement at b: %s", team.Line(rep))
	}
	for _, st := range []data.Store{a, b} {
		if e, _ := st.Event(evA[0].ID); e.Date.Start != "2025-03-01" {
			t.Fatalf("settled date %s", e.Date.Start)
		}
		if open, _ := st.Conflicts(); len(open) != 0 {
			t.Fatalf("still open: %+v", open)
		}
	}
	if storetest.Dump(a) != storetest.Dump(b) {
		t.Fatal("the databases differ after the settlement")
	}
	if name := b.AnalystName(a.Analyst().ID); name != "Analyst A" {
		t.Fatalf("b knows a as %q", name)
	}
}

// A bundle with one byte changed, or opened with the wrong team
// passphrase, is refused whole and changes nothing.
func TestDamagedBundlesAreRefused(t *testing.T) {
	a, b := analystDB(t, "Analyst A"), analystDB(t, "Analyst B")
	app.NewSession(a, "a").LoadSample()
	for _, pass := range [][]byte{nil, []byte("team passphrase")} {
		var key *team.Key
		if pass != nil {
			key, _ = team.NewKDF(pass)
		}
		var buf bytes.Buffer
		team.ExportBundle(a, &buf, "", key)
		raw := buf.Bytes()
		for _, at := range []int{len(raw) / 2, len(raw) - 3, len(team.BundleMagic) + 5} {
			altered := bytes.Clone(raw)
			altered[at] ^= 0x20
			_, err := team.ReadBundle(bytes.NewReader(altered), pass)
			if err == nil || !strings.Contains(data.ErrorMessage(err), "damaged or was altered") && !strings.Contains(data.ErrorMessage(err), "not a Dossier bundle") && !strings.Contains(data.ErrorMessage(err), "passphrase is wrong") {
				t.Fatalf("byte %d changed (sealed %v): %v", at, pass != nil, err)
			}
		}
		if pass != nil {
			_, err := team.ReadBundle(bytes.NewReader(raw), []byte("not the team's"))
			if err == nil || !strings.Contains(data.ErrorMessage(err), "team passphrase is wrong") {
				t.Fatalf("a wrong team passphrase: %v", err)
			}
			if _, err := team.ReadBundle(bytes.NewReader(raw), nil); data.ErrorCode(err) != data.ENeedPassphrase {
				t.Fatalf("no team passphrase: %v", err)
			}
			if bytes.Contains(raw, []byte("Shoigu")) {
				t.Fatal("a sealed bundle holds a name in the clear")
			}
		}
	}
	if c, _ := b.Counts(); c != (data.Counts{}) {
		t.Fatalf("refused bundles changed the database: %+v", c)
	}
}
