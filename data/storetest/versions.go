package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dossier/data"
)

// testStaleWrites: a write carrying a version that is no longer the stored
// one is refused with a sentence naming the record, its version and who
// changed it, and changes nothing, for all three kinds of record.
func testStaleWrites(t *testing.T, s data.Store) {
	if err := s.SetAnalystName(bg, "Analyst B"); err != nil {
		t.Fatal(err)
	}
	art := addArticle(t, s, "Talks in Beijing", articleText)
	wang := putActor(t, s, data.Actor{Name: "Wang Yi", Kind: data.KindPerson})
	ev := data.Event{Type: "CONSULT", Article: art, Actors: []string{wang}, Date: data.EventDate{Start: "2025-02-28"}}
	if err := s.PutEvent(bg, &ev); err != nil {
		t.Fatal(err)
	}
	before := Dump(s)

	// Two writers read version 1; the first saves, the second is refused.
	a1, _ := s.Actor(wang)
	a2, _ := s.Actor(wang)
	a1.Notes = "first"
	if err := s.PutActor(bg, a1); err != nil || a1.Version != 2 {
		t.Fatalf("first save: %v, version %d", err, a1.Version)
	}
	a2.Notes = "second"
	refused(t, s.PutActor(bg, a2), "Wang Yi was changed since you opened it (version 2, by Analyst B")
	if got, _ := s.Actor(wang); got.Notes != "first" || got.Version != 2 || got.UpdatedBy != s.Analyst().ID {
		t.Fatalf("after the refused save: %+v", got)
	}

	e1, _ := s.Event(ev.ID)
	e2, _ := s.Event(ev.ID)
	e1.Notes = "first"
	if err := s.PutEvent(bg, e1); err != nil {
		t.Fatal(err)
	}
	e2.Notes = "second"
	refused(t, s.PutEvent(bg, e2), "The CONSULT event of 2025-02-28 was changed since you opened it (version 2")
	refused(t, s.DeleteEvent(bg, ev.ID, 1), "version 2")

	h1, _ := s.Article(art)
	h2, _ := s.Article(art)
	h1.Status = data.StatusDone
	if err := s.UpdateArticle(bg, h1); err != nil {
		t.Fatal(err)
	}
	h2.Notes = "stale"
	refused(t, s.UpdateArticle(bg, h2), "“Talks in Beijing” was changed since you opened it")
	if got, _ := s.Article(art); got.Notes != "" || got.Status != data.StatusDone || got.Version != 2 {
		t.Fatalf("article after the refused save: %+v", got)
	}

	// A new record may not take the id of a stored one.
	clash := data.Actor{ID: wang, Name: "Someone else"}
	refused(t, s.PutActor(bg, &clash), "already exists")
	if Dump(s) == before {
		t.Fatal("the accepted writes changed nothing")
	}
}

// testDeletedRecords: a deletion leaves the record's last version, so that
// an edit based on it is refused and only a write that knows of the
// deletion (undoing it) brings the record back.
func testDeletedRecords(t *testing.T, s data.Store) {
	art := addArticle(t, s, "A", articleText)
	ev := data.Event{Type: "AGREE", Article: art}
	if err := s.PutEvent(bg, &ev); err != nil {
		t.Fatal(err)
	}
	stale := ev
	if err := s.DeleteEvent(bg, ev.ID, ev.Version); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Version(ev.ID); v != 2 {
		t.Fatalf("a deleted event's version is %d, want 2", v)
	}
	stale.Notes = "edited in another window"
	refused(t, s.PutEvent(bg, &stale), "was deleted since you opened it")
	back := ev
	back.Version = 2
	if err := s.PutEvent(bg, &back); err != nil || back.Version != 3 {
		t.Fatalf("bringing the event back: %v, version %d", err, back.Version)
	}
	if n, _ := s.EventCount(art); n != 1 {
		t.Fatalf("the event back is not indexed: %d", n)
	}
}

// testFeed: every committed write is published once, with its versions,
// its origin and what an event cites; refused writes publish nothing.
func testFeed(t *testing.T, s data.Store) {
	var got []data.Change
	cancel := s.Subscribe(func(cs []data.Change) { got = append(got, cs...) })
	ctx := data.WithOrigin(context.Background(), data.OriginWindow)
	art := addArticle(t, s, "A", articleText)
	who := data.Actor{Name: "Xi Jinping", Kind: data.KindPerson}
	ev := data.Event{Type: "CONSULT", Article: art, Actors: []string{}}
	if err := s.Commit(ctx, &data.Batch{Actors: []*data.Actor{&who}}); err != nil {
		t.Fatal(err)
	}
	ev.Actors = []string{who.ID}
	if err := s.PutEvent(ctx, &ev); err != nil {
		t.Fatal(err)
	}
	stale := ev
	stale.Version = 7
	s.PutEvent(ctx, &stale) // refused: publishes nothing
	if err := s.DeleteEvent(ctx, ev.ID, ev.Version); err != nil {
		t.Fatal(err)
	}
	cancel()
	s.PutActor(ctx, &data.Actor{Name: "After cancel"})
	want := []data.Change{
		{Record: data.RecordArticle, ID: art, Old: 0, New: 1, Origin: data.OriginCommand},
		{Record: data.RecordActor, ID: who.ID, Old: 0, New: 1, Origin: data.OriginWindow},
		{Record: data.RecordEvent, ID: ev.ID, Old: 0, New: 1, Origin: data.OriginWindow, Articles: []string{art}, Actors: []string{who.ID}},
		{Record: data.RecordEvent, ID: ev.ID, Old: 1, New: 0, Origin: data.OriginWindow, Articles: []string{art}, Actors: []string{who.ID}},
	}
	if len(got) != len(want) {
		t.Fatalf("published %d changes, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Record != w.Record || g.ID != w.ID || g.Old != w.Old || g.New != w.New || g.Origin != w.Origin || g.By != s.Analyst().ID ||
			strings.Join(g.Articles, ",") != strings.Join(w.Articles, ",") || strings.Join(g.Actors, ",") != strings.Join(w.Actors, ",") {
			t.Fatalf("change %d = %+v, want %+v", i, g, w)
		}
	}
	if !got[3].Deleted() || !got[2].Touches(data.RecordArticle, art) || !got[2].Touches(data.RecordActor, who.ID) {
		t.Fatal("Deleted or Touches answer wrongly")
	}
}

func refused(t *testing.T, err error, fragment string) {
	t.Helper()
	if !errors.Is(err, data.ErrConflict) || data.ErrorCode(err) != data.EConflict {
		t.Fatalf("want a conflict, got %v", err)
	}
	if !strings.Contains(data.ErrorMessage(err), fragment) {
		t.Fatalf("conflict reads %q, want it to say %q", data.ErrorMessage(err), fragment)
	}
}
