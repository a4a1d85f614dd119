package team_test

import (
	"testing"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"
)

// gradeSample grades the article's source and its first event on st.
func gradeSample(t *testing.T, st data.Store, articleID, reliability, credibility string) string {
	t.Helper()
	art, err := st.Article(articleID)
	if err != nil {
		t.Fatal(err)
	}
	head := art.Header()
	head.Reliability = reliability
	if err := st.UpdateArticle(bg, &head); err != nil {
		t.Fatal(err)
	}
	evs, _ := st.Events(data.EventQuery{Article: articleID})
	evs[0].Credibility = credibility
	if err := st.PutEvent(bg, &evs[0]); err != nil {
		t.Fatal(err)
	}
	return evs[0].ID
}

// gradeAt is the grade an event has on a database.
func gradeAt(t *testing.T, st data.Store, eventID string) string {
	t.Helper()
	e, err := st.Event(eventID)
	if err != nil {
		t.Fatal(err)
	}
	return e.Grade(func(id string) string {
		a, _ := st.Article(id)
		return a.Reliability
	}).String()
}

// Grades travel like any field: a bundle carries a source's reliability and
// an event's credibility; two analysts grading the same source apart meet
// as a conflict on both sides, settled like any other; the hub carries a
// grade the other way.
func TestGradesTravelByBundleAndHub(t *testing.T) {
	a, b := analystDB(t, "Analyst A"), analystDB(t, "Analyst B")
	id, _ := app.NewSession(a, "a").LoadSample()
	carry(t, a, b, "", nil)
	e1 := gradeSample(t, a, id, "B", "2")
	if rep := carry(t, a, b, "last", nil); rep.Updated != 2 || rep.Conflicts != 0 {
		t.Fatalf("the grades at b: %s", team.Line(rep))
	}
	if g := gradeAt(t, b, e1); g != "B2" {
		t.Fatalf("b reads E1 as %q", g)
	}

	artA, _ := a.Article(id)
	artB, _ := b.Article(id)
	headA, headB := artA.Header(), artB.Header()
	headA.Reliability, headB.Reliability = "C", "D"
	a.UpdateArticle(bg, &headA)
	b.UpdateArticle(bg, &headB)
	if rep := carry(t, b, a, "last", nil); rep.Conflicts != 1 {
		t.Fatalf("two grades of one source at a: %s", team.Line(rep))
	}
	if rep := carry(t, a, b, "last", nil); rep.Conflicts != 1 {
		t.Fatalf("two grades of one source at b: %s", team.Line(rep))
	}
	open, _ := a.Conflicts()
	if len(open) != 1 || open[0].ID != id {
		t.Fatalf("a's conflicts: %+v", open)
	}
	if err := a.Resolve(bg, id, open[0].Theirs[0].Body); err != nil { // a takes b's D
		t.Fatal(err)
	}
	carry(t, a, b, "last", nil)
	for _, st := range []data.Store{a, b} {
		if left, _ := st.Conflicts(); len(left) != 0 || gradeAt(t, st, e1) != "D2" {
			t.Fatalf("%s after the settlement: %q with %d open", st.Analyst().Name, gradeAt(t, st, e1), len(left))
		}
	}

	srv, _ := startHub(t)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "desk", Passphrase: []byte("team secret")}
	sa, sb := syncer(t, a, cfg), syncer(t, b, cfg)
	once(t, sa)
	once(t, sb)
	e, _ := b.Event(e1)
	e.Credibility = "1"
	if err := b.PutEvent(bg, e); err != nil {
		t.Fatal(err)
	}
	once(t, sb)
	once(t, sa)
	if g := gradeAt(t, a, e1); g != "D1" {
		t.Fatalf("through the hub, a reads E1 as %q", g)
	}
}
