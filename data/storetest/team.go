package storetest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"dossier/data"
)

// RunTeam runs the team-work suite: two databases (two analysts) exchange
// their changes through Changed and Merge.
func RunTeam(t *testing.T, open Opener) {
	tests := map[string]func(*testing.T, data.Store, data.Store){
		"ChangesTravelOnce":        testChangesTravel,
		"ConcurrentEditsConflict":  testConcurrentEdits,
		"DeletionsTravel":          testDeletionsTravel,
		"MergedActorsEventsFollow": testMergedActors,
		"SameTextIsOneArticle":     testSameText,
		"OutboxHoldsLocalChanges":  testOutbox,
		"OutboxCitedFirst":         testOutboxCitedFirst,
	}
	for name, fn := range tests {
		t.Run(name, func(t *testing.T) {
			a, b := open(t), open(t)
			defer a.Close()
			defer b.Close()
			fn(t, a, b)
		})
	}
}

var fromBundle = data.WithOrigin(context.Background(), data.OriginBundle)

// exchange merges everything from's database holds into to's.
func exchange(t *testing.T, from, to data.Store) data.MergeReport {
	t.Helper()
	var vs []data.Version
	if _, err := from.Changed(0, func(v data.Version) error { vs = append(vs, v); return nil }); err != nil {
		t.Fatal(err)
	}
	rep, err := to.Merge(fromBundle, vs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// shared is what every database must agree on: events and actors, less
// what is local (the time the import happened here, the file name).
func shared(st data.Store) string { return Dump(st) }

func testChangesTravel(t *testing.T, a, b data.Store) {
	art := addArticle(t, a, "Talks", articleText)
	who := putActor(t, a, data.Actor{Name: "Wang Yi", Kind: data.KindPerson})
	ev := data.Event{Type: "CONSULT", Article: art, Actors: []string{who}, Evidence: []data.Span{{Article: art, Start: 18, End: 25}}}
	if err := a.PutEvent(bg, &ev); err != nil {
		t.Fatal(err)
	}
	if rep := exchange(t, a, b); rep.Added != 3 || rep.Conflicts != 0 {
		t.Fatalf("first exchange: %+v", rep)
	}
	got, err := b.Event(ev.ID)
	if err != nil || got.Evidence[0].Quote != "Wang Yi" || got.Version != 1 || got.UpdatedBy != a.Analyst().ID {
		t.Fatalf("the event on the second database: %+v %v", got, err)
	}
	if text, _ := b.Article(art); text.Text != articleText {
		t.Fatal("the article's text did not travel")
	}
	if rep := exchange(t, a, b); rep.Unchanged != 3 || rep.Added+rep.Updated+rep.Conflicts != 0 {
		t.Fatalf("the same changes again: %+v", rep)
	}
	got.Notes = "edited on the second laptop"
	if err := b.PutEvent(bg, got); err != nil {
		t.Fatal(err)
	}
	if rep := exchange(t, b, a); rep.Updated != 1 || rep.Conflicts != 0 {
		t.Fatalf("back to the first: %+v", rep)
	}
	if shared(a) != shared(b) {
		t.Fatalf("the databases differ:\n%s\n%s", shared(a), shared(b))
	}
}

func testConcurrentEdits(t *testing.T, a, b data.Store) {
	who := putActor(t, a, data.Actor{Name: "Wang Yi", Kind: data.KindPerson})
	exchange(t, a, b)
	mine, _ := a.Actor(who)
	mine.Notes = "Foreign Minister"
	a.PutActor(bg, mine)
	theirs, _ := b.Actor(who)
	theirs.Country = "CHN"
	b.PutActor(bg, theirs)
	if rep := exchange(t, b, a); rep.Conflicts != 1 || len(rep.Conflicted) != 1 || rep.Conflicted[0] != who {
		t.Fatalf("a's view of b's edit: %+v", rep)
	}
	if rep := exchange(t, a, b); rep.Conflicts != 1 {
		t.Fatalf("b's view of a's edit: %+v", rep)
	}
	if got, _ := a.Actor(who); got.Notes != "Foreign Minister" || got.Country != "" {
		t.Fatalf("a conflict overwrote a's state: %+v", got)
	}
	open, _ := a.Conflicts()
	if len(open) != 1 || len(open[0].Theirs) != 1 || !strings.Contains(string(open[0].Theirs[0].Body), "CHN") {
		t.Fatalf("a's open conflicts: %+v", open)
	}
	// a settles it, field by field: its notes, b's country.
	var body map[string]any
	json.Unmarshal(open[0].Mine.Body, &body)
	body["country"] = "CHN"
	chosen, _ := json.Marshal(body)
	if err := a.Resolve(bg, who, chosen); err != nil {
		t.Fatal(err)
	}
	if rep := exchange(t, a, b); rep.Updated != 1 {
		t.Fatalf("the settlement reaching b: %+v", rep)
	}
	for _, st := range []data.Store{a, b} {
		if open, _ := st.Conflicts(); len(open) != 0 {
			t.Fatalf("a conflict is still open: %+v", open)
		}
		if got, _ := st.Actor(who); got.Notes != "Foreign Minister" || got.Country != "CHN" || got.Version != 3 {
			t.Fatalf("settled actor: %+v", got)
		}
	}
	if rep := exchange(t, b, a); rep.Unchanged == 0 || rep.Updated+rep.Conflicts != 0 {
		t.Fatalf("b's changes back to a after the settlement: %+v", rep)
	}
}

func testDeletionsTravel(t *testing.T, a, b data.Store) {
	art := addArticle(t, a, "Talks", articleText)
	gone := data.Event{Type: "AGREE", Article: art}
	edited := data.Event{Type: "CONSULT", Article: art}
	a.PutEvent(bg, &gone)
	a.PutEvent(bg, &edited)
	exchange(t, a, b)
	a.DeleteEvent(bg, gone.ID, 1)
	a.DeleteEvent(bg, edited.ID, 1)
	e, _ := b.Event(edited.ID)
	e.Notes = "still needed"
	b.PutEvent(bg, e)
	rep := exchange(t, a, b)
	if rep.Updated != 1 || rep.Conflicts != 1 {
		t.Fatalf("deletions reaching b: %+v", rep)
	}
	if _, err := b.Event(gone.ID); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("the deleted event is still on b: %v", err)
	}
	if got, _ := b.Event(edited.ID); got == nil || got.Notes != "still needed" {
		t.Fatal("a deletion overwrote an edit made since")
	}
}

func testMergedActors(t *testing.T, a, b data.Store) {
	art := addArticle(t, a, "Talks", articleText)
	dup := putActor(t, a, data.Actor{Name: "S. Shoigu", Kind: data.KindPerson})
	keep := putActor(t, a, data.Actor{Name: "Sergei Shoigu", Kind: data.KindPerson})
	exchange(t, a, b)
	// b codes an event with the duplicate while a merges it away.
	ev := data.Event{Type: "CONSULT", Article: art, Actors: []string{dup}}
	b.PutEvent(bg, &ev)
	tomb, _ := a.Actor(dup)
	tomb.MergedInto = keep
	if err := a.PutActor(bg, tomb); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	if got, _ := b.Event(ev.ID); len(got.Actors) != 1 || got.Actors[0] != keep {
		t.Fatalf("b's event still cites the merged actor: %+v", got.Actors)
	}
	exchange(t, b, a)
	if got, _ := a.Event(ev.ID); got == nil || got.Actors[0] != keep {
		t.Fatal("the re-pointed event did not reach a")
	}
	for _, st := range []data.Store{a, b} { // the tables read the re-pointed event too
		evs, _ := st.Events(data.EventQuery{Actor: keep})
		if len(evs) != 1 {
			t.Fatalf("%d events of the kept actor", len(evs))
		}
		briefsMatch(t, st, data.EventQuery{Actor: keep}, evs)
	}
	if shared(a) != shared(b) {
		t.Fatal("the databases differ after the merge travelled")
	}
}

func testSameText(t *testing.T, a, b data.Store) {
	idA := addArticle(t, a, "Talks", articleText)
	idB := addArticle(t, b, "Talks (copy)", articleText)
	if idA != idB {
		t.Fatalf("the same text has two ids: %s, %s", idA, idB)
	}
	evA, evB := data.Event{Type: "CONSULT", Article: idA}, data.Event{Type: "AGREE", Article: idB}
	a.PutEvent(bg, &evA)
	b.PutEvent(bg, &evB)
	exchange(t, a, b)
	exchange(t, b, a)
	for _, st := range []data.Store{a, b} {
		arts, _ := st.Articles()
		evs, _ := st.Events(data.EventQuery{Article: idA})
		if len(arts) != 1 || len(evs) != 2 {
			t.Fatalf("%d articles and %d events, want one article with both events", len(arts), len(evs))
		}
		briefsMatch(t, st, data.EventQuery{Article: idA}, evs)
		if open, _ := st.Conflicts(); len(open) != 0 {
			t.Fatalf("importing the same text is not a conflict: %+v", open)
		}
	}
}

func testOutbox(t *testing.T, a, b data.Store) {
	who := putActor(t, a, data.Actor{Name: "Wang Yi", Kind: data.KindPerson})
	ra, rb := a, b
	waiting, _ := ra.Outbox()
	if len(waiting) != 1 || waiting[0].ID != who {
		t.Fatalf("a's outbox: %+v", waiting)
	}
	var vs []data.Version
	ra.Changed(0, func(v data.Version) error { vs = append(vs, v); return nil })
	rb.Merge(data.WithOrigin(context.Background(), data.OriginColleague), vs, map[string]string{"hub": "7"})
	if w, _ := rb.Outbox(); len(w) != 0 {
		t.Fatalf("what came from the hub waits to go back to it: %+v", w)
	}
	if m, _ := rb.Mark("hub"); m != "7" {
		t.Fatalf("the mark written with the merge: %q", m)
	}
	actor, _ := a.Actor(who)
	actor.Notes = "changed again"
	a.PutActor(bg, actor)
	ra.Pushed(waiting) // pushed before the second change: it stays
	if w, _ := ra.Outbox(); len(w) != 1 || w[0].Seq == waiting[0].Seq {
		t.Fatalf("a change made after the push left the outbox: %+v", w)
	}
	w, _ := ra.Outbox()
	ra.Pushed(w)
	if w, _ := ra.Outbox(); len(w) != 0 {
		t.Fatalf("pushed changes stay in the outbox: %+v", w)
	}
}

// An event waits behind the actor and article it cites even when the actor
// changed last; deletions wait behind the events that cited what they
// delete.
func testOutboxCitedFirst(t *testing.T, a, _ data.Store) {
	art := addArticle(t, a, "Talks", articleText)
	who := putActor(t, a, data.Actor{Name: "Wang Yi", Kind: data.KindPerson})
	ev := data.Event{Type: "CONSULT", Article: art, Actors: []string{who}}
	if err := a.PutEvent(bg, &ev); err != nil {
		t.Fatal(err)
	}
	actor, _ := a.Actor(who)
	actor.Notes = "changed after the event"
	a.PutActor(bg, actor)
	if got := outboxOrder(a); got != art+" "+who+" "+ev.ID {
		t.Fatalf("waiting to be pushed, in order: %s", got)
	}
	a.Pushed(mustOutbox(a))
	gone := putActor(t, a, data.Actor{Name: "Nobody", Kind: data.KindPerson})
	if err := a.DeleteActor(bg, gone, 1); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteEvent(bg, ev.ID, 1); err != nil {
		t.Fatal(err)
	}
	if got := outboxOrder(a); got != ev.ID+" "+gone {
		t.Fatalf("deletions waiting, in order: %s", got)
	}
}

func mustOutbox(st data.Store) []data.Pending {
	w, _ := st.Outbox()
	return w
}

func outboxOrder(st data.Store) string {
	var ids []string
	for _, p := range mustOutbox(st) {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, " ")
}
