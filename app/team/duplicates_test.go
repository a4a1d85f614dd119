package team_test

import (
	"testing"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"
)

// twin makes the event at index copy a second report of the one at index
// of, on st.
func twin(t *testing.T, st data.Store, articleID string, of, copy int) (string, string) {
	t.Helper()
	evs, _ := st.Events(data.EventQuery{Article: articleID})
	a, b := evs[of], evs[copy]
	b.Type, b.Mode, b.CAMEO, b.Date, b.Location, b.Actors, b.Recipients = a.Type, a.Mode, a.CAMEO, a.Date, a.Location, a.Actors, a.Recipients
	if err := st.PutEvent(bg, &b); err != nil {
		t.Fatal(err)
	}
	return a.ID, b.ID
}

// sourcesOf is what an event cites, as a line.
func sourcesOf(t *testing.T, st data.Store, id string) (int, int) {
	t.Helper()
	e, err := st.Event(id)
	if err != nil {
		t.Fatalf("%s at %s: %v", id, st.Analyst().Name, err)
	}
	return len(e.Evidence), len(e.Merged)
}

// Two analysts merge the same pair of duplicate events, each on their own
// laptop: after a bundle each way they hold the same event with the same
// sources and no conflict. A second pair merged on one laptop reaches the
// other through the hub as a merge.
func TestMergedEventsTravelByBundleAndHub(t *testing.T) {
	a, b := analystDB(t, "Analyst A"), analystDB(t, "Analyst B")
	sa, sb := app.NewSession(a, "a"), app.NewSession(b, "b")
	id, _ := sa.LoadSample()
	keep, other := twin(t, a, id, 0, 1)
	carry(t, a, b, "", nil)
	for _, s := range []*app.Session{sa, sb} {
		if err := s.MergeEvents(keep, other); err != nil {
			t.Fatal(err)
		}
	}
	carry(t, a, b, "last", nil)
	carry(t, b, a, "last", nil)
	for _, st := range []data.Store{a, b} {
		if open, _ := st.Conflicts(); len(open) != 0 {
			t.Fatalf("the same merge on both laptops is a conflict at %s: %+v", st.Analyst().Name, open)
		}
		if _, err := st.Event(other); data.ErrorCode(err) != data.ENotFound {
			t.Fatalf("the merged event is still at %s", st.Analyst().Name)
		}
	}
	ea, ma := sourcesOf(t, a, keep)
	eb, mb := sourcesOf(t, b, keep)
	if ea != eb || ma != 1 || mb != 1 {
		t.Fatalf("the kept event cites %d spans at a and %d at b (merged %d, %d)", ea, eb, ma, mb)
	}

	srv, _ := startHub(t)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "desk", Passphrase: []byte("team secret")}
	ha, hb := syncer(t, a, cfg), syncer(t, b, cfg)
	once(t, ha)
	once(t, hb)
	evs, _ := b.Events(data.EventQuery{Article: id})
	if len(evs) != 3 {
		t.Fatalf("%d events left at b", len(evs))
	}
	keep2, other2 := twin(t, b, id, 1, 2)
	if err := sb.MergeEvents(keep2, other2); err != nil {
		t.Fatal(err)
	}
	once(t, hb)
	once(t, ha)
	if _, err := a.Event(other2); data.ErrorCode(err) != data.ENotFound {
		t.Fatal("the second merge did not reach a through the hub")
	}
	e2a, m2a := sourcesOf(t, a, keep2)
	e2b, _ := sourcesOf(t, b, keep2)
	if e2a != e2b || m2a != 1 {
		t.Fatalf("through the hub the kept event cites %d spans at a, %d at b (merged %d)", e2a, e2b, m2a)
	}
	if n, _ := a.Counts(); n.Events != 2 {
		t.Fatalf("a holds %d events", n.Events)
	}
}
