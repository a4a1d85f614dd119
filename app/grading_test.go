package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"dossier/data"
	"dossier/data/storetest"
)

// writeArticle writes a saved web page whose site names its source.
func writeArticle(t *testing.T, dir, name, title, source string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	text := `<html><head><title>` + title + `</title><meta property="og:site_name" content="` + source + `"></head><body><article><h1>` + title +
		`</h1><p>` + title + `: the ministry said on Monday that talks would resume in the spring, after the delegations met in the capital to settle the agenda.</p>` +
		`<p>Officials from both sides called the meeting useful and said a date would follow.</p></article></body></html>`
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Grading a source in the register grades every article of it in one
// undoable step; an article imported from it later gets the grade too;
// an article graded apart keeps its own grade, and the register says the
// source's articles disagree.
func TestSourceGradeReachesLaterArticles(t *testing.T) {
	s := newSession(t)
	dir := storetest.TempDir(t)
	first := []string{writeArticle(t, dir, "a.html", "Talks to resume", "Xinhua"), writeArticle(t, dir, "b.html", "Delegations meet", "xinhua "),
		writeArticle(t, dir, "c.html", "Another wire", "Tass")}
	sum, err := s.Import(context.Background(), first, nil)
	if err != nil || sum.Imported != 3 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	source := func(id string) *data.Article { a, _ := s.ArticleHeader(id); return a }
	if source(sum.IDs[0]).Source != "Xinhua" {
		t.Fatalf("the test's articles name no source: %+v", source(sum.IDs[0]))
	}
	n, err := s.GradeSource("XINHUA", "B")
	if err != nil || n != 2 {
		t.Fatalf("grading Xinhua B changed %d articles (%v)", n, err)
	}
	if source(sum.IDs[0]).Reliability != "B" || source(sum.IDs[1]).Reliability != "B" || source(sum.IDs[2]).Reliability != "" {
		t.Fatal("the grade did not reach exactly Xinhua's articles")
	}
	if label, _ := s.Undo(); label != "grade XINHUA B" || source(sum.IDs[0]).Reliability != "" || source(sum.IDs[1]).Reliability != "" {
		t.Fatalf("undo %q left %q %q", label, source(sum.IDs[0]).Reliability, source(sum.IDs[1]).Reliability)
	}
	if _, err := s.Redo(); err != nil || source(sum.IDs[1]).Reliability != "B" {
		t.Fatalf("redo: %v", err)
	}

	later, err := s.Import(context.Background(), []string{writeArticle(t, dir, "d.html", "A later wire", "Xinhua")}, nil)
	if err != nil || len(later.IDs) != 1 || source(later.IDs[0]).Reliability != "B" {
		t.Fatalf("a later Xinhua article is graded %q (%v)", source(later.IDs[0]).Reliability, err)
	}
	apart := *source(sum.IDs[0])
	apart.Reliability = "C"
	if err := s.SaveArticle(&apart, ""); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Sources(context.Background())
	if err != nil || len(rows) != 2 {
		t.Fatalf("sources: %+v %v", rows, err)
	}
	if r := rows[0]; r.Name != "Xinhua" || r.Articles != 3 || r.Reliability() != "B, C" || rows[1].Name != "Tass" || rows[1].Reliability() != "" {
		t.Fatalf("the register reads %+v", rows)
	}
	newest, _ := s.Import(context.Background(), []string{writeArticle(t, dir, "e.html", "The newest wire", "Xinhua")}, nil)
	if got := source(newest.IDs[0]).Reliability; got != "C" {
		t.Fatalf("after grading one article C, the next gets %q: the grade given last should be the one remembered", got)
	}
	if _, err := s.GradeSource("", "B"); err == nil {
		t.Fatal("the articles without a source were graded together")
	}
	if _, err := s.GradeSource("Tass", "G"); data.ErrorCode(err) != data.EInvalid {
		t.Fatalf("grade G: %v", err)
	}
}

// The register counts each event under the source of the first article it
// cites: its article, else its evidence's, else a report's.
func TestSourcesCountEventsByTheirFirstArticle(t *testing.T) {
	s := newSession(t)
	dir := storetest.TempDir(t)
	sum, err := s.Import(context.Background(), []string{writeArticle(t, dir, "a.html", "Talks to resume", "Xinhua"),
		writeArticle(t, dir, "b.html", "Another wire", "Tass")}, nil)
	if err != nil || sum.Imported != 2 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	xinhua, tass := sum.IDs[0], sum.IDs[1]
	for _, e := range []data.Event{
		{Article: xinhua, Evidence: []data.Span{{Article: tass, Start: 0, End: 5}}},
		{Reports: []string{tass}},
		{Evidence: []data.Span{{Article: tass, Start: 0, End: 5}}, Reports: []string{xinhua}},
		{},
	} {
		e.Type = "CONSULT"
		if err := s.Store().PutEvent(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.Sources(context.Background())
	if err != nil || len(rows) != 2 {
		t.Fatalf("sources: %+v %v", rows, err)
	}
	got := map[string]int{rows[0].Name: rows[0].Events, rows[1].Name: rows[1].Events}
	if got["Xinhua"] != 1 || got["Tass"] != 2 {
		t.Fatalf("events by source %v, want Xinhua 1 and Tass 2", got)
	}
}

// An event's row carries its grade, and the filter keeps the events graded
// at least so well.
func TestEventRowsByGrade(t *testing.T) {
	s := newSession(t)
	id, _ := s.LoadSample()
	art, _ := s.ArticleHeader(id)
	art.Reliability = "A"
	if err := s.SaveArticle(art, ""); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.EventsOf(id)
	e := evs[0]
	e.Credibility = "3"
	if err := s.SaveEvent(&e, ""); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.EventRows(EventFilter{MinGrade: data.Grade{Reliability: "B", Credibility: "3"}}); len(rows) != 1 || rows[0].ID != e.ID || rows[0].Grade.String() != "A3" {
		t.Fatalf("graded B3 or better: %+v", rows)
	}
	if rows, _ := s.EventRows(EventFilter{MinGrade: data.Grade{Credibility: "2"}}); len(rows) != 0 {
		t.Fatalf("graded 2 or better: %+v", rows)
	}
	if g, _ := s.Network(context.Background(), EventFilter{MinGrade: data.Grade{Reliability: "A"}}, nil); len(g.Links) == 0 {
		t.Fatal("the link chart of the A-graded events is empty")
	}
}

// TestReadsStopWhenCancelled: the walks the tabs make over every event
// (network, map, events table, sources) stop with the context's error once
// the window no longer wants them, rather than reading on.
func TestReadsStopWhenCancelled(t *testing.T) {
	s := newSession(t)
	if err := storetest.Generate(s.st, 10, 10_000); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, errNet := s.Network(ctx, EventFilter{}, nil)
	_, _, errMap := s.MapSpots(ctx, EventFilter{})
	_, errTable := s.EventTable(ctx, EventFilter{})
	_, errSources := s.Sources(ctx)
	for what, err := range map[string]error{"network": errNet, "map": errMap, "events table": errTable, "sources": errSources} {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the %s, cancelled: %v", what, err)
		}
	}
	if g, err := s.Network(context.Background(), EventFilter{}, nil); err != nil || len(g.Links) == 0 {
		t.Fatalf("not cancelled, the network reads %v", err)
	}
}
