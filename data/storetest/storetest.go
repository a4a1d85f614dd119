// Package storetest is the conformance suite every data.Store implementation
// runs: the same records in, the same answers out, the same refusals.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"dossier/data"
)

// Opener returns a new, empty store for one test; the suite closes it.
type Opener func(t *testing.T) data.Store

// Run runs the whole suite against stores from open.
func Run(t *testing.T, open Opener) {
	tests := map[string]func(*testing.T, data.Store){
		"ArticlesAndDuplicates":   testArticles,
		"ArticleHeaderUpdate":     testArticleUpdate,
		"ActorNamesAndAliases":    testActorNames,
		"EventValidation":         testEventValidation,
		"EventDerivedFields":      testEventDerived,
		"EventIndexes":            testEventIndexes,
		"EventsByDate":            testEventsByDate,
		"EventsByFirstArticle":    testEventsByFirstArticle,
		"EachEventSpot":           testEachEventSpot,
		"DeletesRespectCitations": testDeletes,
		"PutEventsIsAllOrNothing": testPutEvents,
		"StaleWritesAreRefused":   testStaleWrites,
		"DeletedRecords":          testDeletedRecords,
		"FeedPublishesCommits":    testFeed,
	}
	for name, fn := range tests {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			fn(t, s)
		})
	}
}

var bg = context.Background()

const articleText = "Sergei Shoigu met Wang Yi in Beijing on Friday."

func addArticle(t *testing.T, s data.Store, title, text string) string {
	t.Helper()
	res, err := s.AddArticles(context.Background(), []*data.Article{{Title: title, Text: text, Hash: "h:" + text, File: title + ".txt"}})
	if err != nil {
		t.Fatalf("AddArticles: %v", err)
	}
	return res[0].ID
}

func putActor(t *testing.T, s data.Store, a data.Actor) string {
	t.Helper()
	if err := s.PutActor(bg, &a); err != nil {
		t.Fatalf("PutActor(%s): %v", a.Name, err)
	}
	return a.ID
}

func mustFail(t *testing.T, err error, code, fragment string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want an error mentioning %q, got none", fragment)
	}
	if data.ErrorCode(err) != code || !strings.Contains(data.ErrorMessage(err), fragment) {
		t.Fatalf("want %s error mentioning %q, got %s: %v", code, fragment, data.ErrorCode(err), err)
	}
}

func testArticles(t *testing.T, s data.Store) {
	arts := []*data.Article{
		{Title: "One", Text: articleText, Hash: "h1", File: "one.txt"},
		{Title: "Two", Text: "Другой текст — ünïcode", Hash: "h2", File: "two.txt"},
		{Title: "One again", Text: articleText, Hash: "h1", File: "copy.txt"},
	}
	res, err := s.AddArticles(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Duplicate || res[1].Duplicate || !res[2].Duplicate || res[2].ID != res[0].ID || res[2].DuplicateOf != "One" {
		t.Fatalf("results = %+v", res)
	}
	again, _ := s.AddArticles(context.Background(), []*data.Article{{Title: "Two later", Text: "x", Hash: "h2"}})
	if !again[0].Duplicate || again[0].ID != res[1].ID {
		t.Fatalf("second call did not see the stored duplicate: %+v", again)
	}
	got, err := s.Article(res[1].ID)
	if err != nil || got.Text != arts[1].Text || got.Length != 22 || got.Status != data.StatusNew {
		t.Fatalf("Article = %+v, %v", got, err)
	}
	list, _ := s.Articles()
	if len(list) != 2 || list[0].Text != "" || list[0].Title != "One" {
		t.Fatalf("Articles = %+v", list)
	}
	if _, err := s.Article("ar-missing"); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("missing article: %v", err)
	}
	c, _ := s.Counts()
	if c.Articles != 2 {
		t.Fatalf("Counts = %+v", c)
	}
}

func testArticleUpdate(t *testing.T, s data.Store) {
	id := addArticle(t, s, "Draft", articleText)
	a, _ := s.Article(id)
	a.Title, a.Status, a.Text = "Final title", data.StatusDone, "ignored"
	if err := s.UpdateArticle(bg, a); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Article(id)
	if got.Title != "Final title" || got.Status != data.StatusDone || got.Text != articleText {
		t.Fatalf("after update: %+v", got)
	}
	a.Status = "finished"
	mustFail(t, s.UpdateArticle(bg, a), data.EInvalid, "finished")
	a.Status, a.Reliability = data.StatusDone, "G"
	mustFail(t, s.UpdateArticle(bg, a), data.EInvalid, `"G" is not a source reliability`)
}

func testActorNames(t *testing.T, s data.Store) {
	id := putActor(t, s, data.Actor{Name: "Sergei Shoigu", Kind: data.KindPerson, Country: "RU", Aliases: []string{"Shoigu", "shoigu", " "}})
	a, _ := s.Actor(id)
	if a.Country != "RUS" || len(a.Aliases) != 1 {
		t.Fatalf("actor not tidied: %+v", a)
	}
	for _, name := range []string{"SHOIGU", "Sergei  Shoigu", "Sérgei Shoigu"} {
		if got, _ := s.ActorsNamed(name); len(got) != 1 || got[0].ID != id {
			t.Fatalf("ActorsNamed(%q) = %+v", name, got)
		}
	}
	a.Aliases = []string{"S. K. Shoigu"}
	if err := s.PutActor(bg, a); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ActorsNamed("Shoigu"); len(got) != 0 {
		t.Fatalf("old alias still indexed: %+v", got)
	}
	if got, _ := s.ActorsNamed("s k shoigu"); len(got) != 1 {
		t.Fatalf("new alias not indexed")
	}
	mustFail(t, s.PutActor(bg, &data.Actor{Name: "X", Country: "ZZZ"}), data.EInvalid, "ZZZ")
	mustFail(t, s.PutActor(bg, &data.Actor{Name: "  "}), data.EInvalid, "name")
	mustFail(t, s.PutActor(bg, &data.Actor{Name: "X", Roles: []data.Role{{Post: "P", Start: "2024", End: "2020"}}}), data.EInvalid, "before")
}

func testEventValidation(t *testing.T, s data.Store) {
	art := addArticle(t, s, "A", articleText)
	shoigu := putActor(t, s, data.Actor{Name: "Sergei Shoigu", Kind: data.KindPerson})
	base := func() data.Event {
		return data.Event{Type: "CONSULT", Actors: []string{shoigu}, Evidence: []data.Span{{Article: art, Start: 0, End: 13}}}
	}
	cases := []struct {
		name     string
		edit     func(e *data.Event)
		fragment string
	}{
		{"unknown actor", func(e *data.Event) { e.Recipients = []string{"ac-nobody"} }, "ac-nobody"},
		{"unknown article", func(e *data.Event) { e.Evidence[0].Article = "ar-nowhere" }, "ar-nowhere"},
		{"span outside text", func(e *data.Event) { e.Evidence[0].End = 500 }, "outside"},
		{"wrong quote", func(e *data.Event) { e.Evidence[0].Quote = "Wang Yi" }, "Wang Yi"},
		{"end before start", func(e *data.Event) { e.Date = data.EventDate{Start: "2025-02-28", End: "2025-01-01"} }, "before"},
		{"bad date", func(e *data.Event) { e.Date = data.EventDate{Start: "28/02/2025"} }, "28/02/2025"},
		{"unknown type", func(e *data.Event) { e.Type = "PARTY" }, "PARTY"},
		{"unknown CAMEO", func(e *data.Event) { e.CAMEO = "999" }, "999"},
		{"wrong mode", func(e *data.Event) { e.Mode = "airstrike" }, "airstrike"},
		{"credibility off the scale", func(e *data.Event) { e.Credibility = "7" }, `"7" is not an information credibility`},
		{"killed below none", func(e *data.Event) { n := -1; e.Size.Fatalities = &n }, "not a count of people"},
	}
	for _, c := range cases {
		e := base()
		c.edit(&e)
		mustFail(t, s.PutEvent(bg, &e), data.EInvalid, c.fragment)
	}
	if n, _ := s.Counts(); n.Events != 0 {
		t.Fatalf("a refused event was stored: %+v", n)
	}
}

func testEventDerived(t *testing.T, s data.Store) {
	art := addArticle(t, s, "A", articleText)
	e := data.Event{CAMEO: "042", Date: data.EventDate{Start: "2023-12", Raw: "In December 2023"},
		Evidence: []data.Span{{Article: art, Start: 18, End: 25}}}
	if err := s.PutEvent(bg, &e); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Event(e.ID)
	if got.Type != "CONSULT" || got.Mode != "visit" || got.Version != 1 {
		t.Fatalf("type not derived: %+v", got)
	}
	if got.Date.Start != "2023-12-01" || got.Date.End != "2023-12-31" || got.Date.Precision != "month" {
		t.Fatalf("date = %+v", got.Date)
	}
	if got.Evidence[0].Quote != "Wang Yi" {
		t.Fatalf("quote = %q", got.Evidence[0].Quote)
	}
	got.Notes = "checked"
	if err := s.PutEvent(bg, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Event(e.ID)
	if again.Version != 2 || again.Notes != "checked" || !again.Created.Equal(got.Created) {
		t.Fatalf("update: %+v", again)
	}
}

func testEventIndexes(t *testing.T, s data.Store) {
	a1, a2 := addArticle(t, s, "A", articleText), addArticle(t, s, "B", "Another text about talks.")
	x := putActor(t, s, data.Actor{Name: "Russia", Kind: data.KindGovernment})
	y := putActor(t, s, data.Actor{Name: "China", Kind: data.KindGovernment})
	mk := func(date string, actors []string, art string) string {
		e := data.Event{Type: "CONSULT", Date: data.EventDate{Start: date}, Actors: actors, Evidence: []data.Span{{Article: art, Start: 0, End: 5}}}
		if err := s.PutEvent(bg, &e); err != nil {
			t.Fatal(err)
		}
		return e.ID
	}
	e1 := mk("2025-02-28", []string{x, y}, a1)
	e2 := mk("2025-03-15", []string{x}, a2)
	e3 := mk("2024-01-01", []string{y}, a1)
	check := func(q data.EventQuery, want ...string) {
		t.Helper()
		got, err := s.Events(q)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, e := range got {
			ids[e.ID] = true
		}
		if len(got) != len(want) {
			t.Fatalf("Events(%+v) = %d events, want %v", q, len(got), want)
		}
		for _, w := range want {
			if !ids[w] {
				t.Fatalf("Events(%+v) lacks %s", q, w)
			}
		}
		briefsMatch(t, s, q, got)
	}
	noEvidence := data.Event{Type: "AGREE", Article: a2}
	if err := s.PutEvent(bg, &noEvidence); err != nil {
		t.Fatal(err)
	}
	check(data.EventQuery{Article: a2}, e2, noEvidence.ID)
	s.DeleteEvent(bg, noEvidence.ID, noEvidence.Version)
	mustFail(t, s.PutEvent(bg, &data.Event{Type: "AGREE", Article: "ar-nowhere"}), data.EInvalid, "ar-nowhere")
	check(data.EventQuery{}, e1, e2, e3)
	check(data.EventQuery{Article: a1}, e1, e3)
	check(data.EventQuery{Actor: x}, e1, e2)
	check(data.EventQuery{From: "2025-01-01", To: "2025-02-28"}, e1)
	check(data.EventQuery{From: "2025-01-01"}, e1, e2)
	check(data.EventQuery{Actor: y, To: "2024-12-31"}, e3)
	moved, _ := s.Event(e3)
	moved.Actors, moved.Date.Start = []string{x}, "2025-02-01"
	if err := s.PutEvent(bg, moved); err != nil {
		t.Fatal(err)
	}
	check(data.EventQuery{Actor: y}, e1)
	check(data.EventQuery{From: "2025-02-01", To: "2025-02-01"}, e3)
	if err := s.DeleteEvent(bg, e1, 1); err != nil {
		t.Fatal(err)
	}
	check(data.EventQuery{Article: a1}, e3)
	check(data.EventQuery{Actor: y})
}

// briefsMatch checks that EachEventBrief selects the events evs, in the
// same order, each as its Brief.
func briefsMatch(t *testing.T, s data.Store, q data.EventQuery, evs []data.Event) {
	t.Helper()
	i := 0
	err := s.EachEventBrief(q, func(b *data.Event) error {
		if i >= len(evs) {
			t.Fatalf("EachEventBrief(%+v) gives more than the %d events", q, len(evs))
		}
		if want := evs[i].Brief(); !reflect.DeepEqual(*b, want) {
			t.Fatalf("EachEventBrief(%+v) #%d:\n got %+v\nwant %+v", q, i, *b, want)
		}
		i++
		return nil
	})
	if err != nil || i != len(evs) {
		t.Fatalf("EachEventBrief(%+v): %d of %d events, %v", q, i, len(evs), err)
	}
}

func testDeletes(t *testing.T, s data.Store) {
	art := addArticle(t, s, "Cited", articleText)
	who := putActor(t, s, data.Actor{Name: "Wang Yi"})
	e := data.Event{Type: "CONSULT", Actors: []string{who}, Evidence: []data.Span{{Article: art, Start: 0, End: 6}}}
	if err := s.PutEvent(bg, &e); err != nil {
		t.Fatal(err)
	}
	mustFail(t, s.DeleteArticle(bg, art, 1), data.EInvalid, "Cited")
	mustFail(t, s.DeleteActor(bg, who, 1), data.EInvalid, "Wang Yi")
	if err := s.DeleteEvent(bg, e.ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(bg, art, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteActor(bg, who, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddArticles(context.Background(), []*data.Article{{Title: "Back", Text: articleText, Hash: "h:" + articleText}}); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Counts(); c != (data.Counts{Articles: 1}) {
		t.Fatalf("after deletes: %+v (a deleted article's hash must not block re-import)", c)
	}
	mustFail(t, s.DeleteEvent(bg, "ev-never", 1), data.ENotFound, "ev-never")
	if err := s.DeleteEvent(bg, e.ID, 1); data.ErrorCode(err) != data.EConflict || !strings.Contains(data.ErrorMessage(err), "deleted since") {
		t.Fatalf("deleting a deleted event: %v", err)
	}
}

func testPutEvents(t *testing.T, s data.Store) {
	art := addArticle(t, s, "A", articleText)
	good := &data.Event{Type: "CONSULT", Article: art}
	bad := &data.Event{Type: "CONSULT", Actors: []string{"ac-missing"}}
	mustFail(t, s.Commit(bg, &data.Batch{Events: []*data.Event{good, bad}}), data.EInvalid, "ac-missing")
	if n, _ := s.Counts(); n.Events != 0 {
		t.Fatal("half of a refused batch was stored")
	}
	other := &data.Event{Type: "AGREE", Article: art}
	if err := s.Commit(bg, &data.Batch{Events: []*data.Event{good, other}}); err != nil {
		t.Fatal(err)
	}
	seen := 0
	stop := errors.New("stop")
	err := s.EachEvent(data.EventQuery{Article: art}, func(*data.Event) error { seen++; return stop })
	if err != stop || seen != 1 {
		t.Fatalf("EachEvent did not stop: %v after %d", err, seen)
	}
}

// Dump is every event and actor of st as JSON, less the fields every write
// changes (version, update time), for tests that compare whole stores
// before and after undo, redo or a refused edit.
func Dump(st data.Store) string {
	evs, _ := st.Events(data.EventQuery{})
	acts, _ := st.Actors()
	for i := range evs {
		evs[i].Version, evs[i].Updated = 0, evs[i].Created
	}
	for i := range acts {
		acts[i].Version, acts[i].Updated = 0, acts[i].Created
	}
	b, _ := json.Marshal([]any{evs, acts})
	return string(b)
}
