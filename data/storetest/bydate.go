package storetest

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/data"
)

// testEventsByDate: the date index lists the events by date and then id,
// those without a date first when no dates are asked, and the briefs of a
// page of them read back in its order.
func testEventsByDate(t *testing.T, s data.Store) {
	art := addArticle(t, s, "A", articleText)
	mk := func(date string) string {
		e := data.Event{Type: "CONSULT", Date: data.EventDate{Start: date}, Evidence: []data.Span{{Article: art, Start: 0, End: 5}}}
		if err := s.PutEvent(bg, &e); err != nil {
			t.Fatal(err)
		}
		return e.ID
	}
	march, undated1, feb, undated2, march2 := mk("2025-03-15"), mk(""), mk("2025-02-28"), mk(""), mk("2025-03-15")
	undated := []string{undated1, undated2}
	slices.Sort(undated)
	sameDay := []string{march, march2}
	slices.Sort(sameDay)
	list := func(q data.EventQuery) string {
		var got []string
		err := s.EventsByDate(bg, q, func(id, date string) error { got = append(got, id+" "+date); return nil })
		if err != nil {
			t.Fatalf("EventsByDate(%+v): %v", q, err)
		}
		return strings.Join(got, ", ")
	}
	for _, c := range []struct {
		q    data.EventQuery
		want []string
	}{
		{data.EventQuery{}, []string{undated[0] + " ", undated[1] + " ", feb + " 2025-02-28", sameDay[0] + " 2025-03-15", sameDay[1] + " 2025-03-15"}},
		{data.EventQuery{From: "2025-03-01"}, []string{sameDay[0] + " 2025-03-15", sameDay[1] + " 2025-03-15"}},
		{data.EventQuery{To: "2025-03-14"}, []string{feb + " 2025-02-28"}},
		{data.EventQuery{From: "2025-02-28", To: "2025-02-28"}, []string{feb + " 2025-02-28"}},
		{data.EventQuery{From: "2026-01-01"}, nil},
	} {
		if got, want := list(c.q), strings.Join(c.want, ", "); got != want {
			t.Errorf("EventsByDate(%+v):\n got %s\nwant %s", c.q, got, want)
		}
	}
	if err := s.DeleteEvent(bg, undated2, 1); err != nil {
		t.Fatal(err)
	}
	briefs, err := s.EventBriefs([]string{feb, undated2, march})
	if err != nil || len(briefs) != 3 || briefs[1] != nil {
		t.Fatalf("EventBriefs: %v, %v", briefs, err)
	}
	for i, id := range []string{feb, march} {
		e, _ := s.Event(id)
		if b := briefs[i*2]; b == nil || !reflect.DeepEqual(*b, e.Brief()) {
			t.Errorf("EventBriefs #%d: %+v, want %+v", i*2, b, e.Brief())
		}
	}
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if err := s.EventsByDate(ctx, data.EventQuery{}, func(string, string) error { return nil }); err == nil {
		t.Error("EventsByDate went on with a cancelled context")
	}
}

// testEventsByFirstArticle: events are counted by the first article they
// cite, their article before their evidence's before their reports; an
// event citing none and a deleted event are not counted.
func testEventsByFirstArticle(t *testing.T, s data.Store) {
	a, b, c := addArticle(t, s, "A", articleText), addArticle(t, s, "B", articleText+" B"), addArticle(t, s, "C", articleText+" C")
	span := func(art string) []data.Span { return []data.Span{{Article: art, Start: 0, End: 5}} }
	var gone string
	for i, e := range []data.Event{
		{Article: a, Evidence: span(b), Reports: []string{c}},
		{Evidence: span(b), Reports: []string{a}},
		{Evidence: span(b)},
		{Reports: []string{c}},
		{},
		{Article: c},
	} {
		e.Type = "CONSULT"
		if err := s.PutEvent(bg, &e); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		gone = e.ID
	}
	if err := s.DeleteEvent(bg, gone, 1); err != nil {
		t.Fatal(err)
	}
	got, err := s.EventsByFirstArticle(bg)
	if want := map[string]int{a: 1, b: 2, c: 1}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("EventsByFirstArticle: %v %v, want %v", got, err, want)
	}
	stopsWhenCancelled(t, s, a, "count", func(ctx context.Context) error {
		_, err := s.EventsByFirstArticle(ctx)
		return err
	})
}

// stopsWhenCancelled adds enough events (citing article) for a walk of
// them to look at its context, and fails unless walk, given a context
// already cancelled, stops with its error.
func stopsWhenCancelled(t *testing.T, s data.Store, article, what string, walk func(context.Context) error) {
	t.Helper()
	for range 5000 {
		e := data.Event{Type: "CONSULT", Article: article}
		if err := s.PutEvent(bg, &e); err != nil {
			t.Fatal(err)
		}
	}
	done, cancel := context.WithCancel(bg)
	cancel()
	if err := walk(done); err != context.Canceled {
		t.Fatalf("a cancelled %s: %v", what, err)
	}
}

// testEachEventSpot: every event is read with what a map shows of it, a
// placed one with its place's name, country and coordinates, an unplaced
// one without a place, a deleted one not at all; in order of id; a
// cancelled walk stops.
func testEachEventSpot(t *testing.T, s data.Store) {
	a := addArticle(t, s, "A", articleText)
	killed := 3
	placed := data.Event{Article: a, Type: "ASSAULT", CAMEO: "190", Date: data.EventDate{Start: "2024-03-01", Precision: "day"},
		Size: data.Size{Fatalities: &killed}, Notes: "a note",
		Location: &data.Location{Name: "Kharkiv", PlaceID: "706483", Country: "UKR", Admin1: "Kharkivska", Lat: 49.98, Lon: 36.25}}
	unplaced := data.Event{Article: a, Type: "CONSULT"}
	gone := data.Event{Article: a, Type: "CONSULT"}
	for _, e := range []*data.Event{&placed, &unplaced, &gone} {
		if err := s.PutEvent(bg, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteEvent(bg, gone.ID, 1); err != nil {
		t.Fatal(err)
	}
	got := map[string]data.Event{}
	var order []string
	err := s.EachEventSpot(bg, func(e *data.Event) error {
		got[e.ID], order = *e, append(order, e.ID)
		return nil
	})
	if err != nil || len(got) != 2 || !slices.IsSorted(order) {
		t.Fatalf("EachEventSpot: %v, %v", order, err)
	}
	p := got[placed.ID]
	l := p.Location
	if p.Type != "ASSAULT" || p.CAMEO != "190" || p.Date.Start != "2024-03-01" || p.Size.Fatalities == nil || *p.Size.Fatalities != 3 ||
		l == nil || l.Name != "Kharkiv" || l.Country != "UKR" || l.Lat != 49.98 || l.Lon != 36.25 {
		t.Fatalf("the placed event read as %+v, its place %+v", p, l)
	}
	if u := got[unplaced.ID]; u.Type != "CONSULT" || u.Location != nil {
		t.Fatalf("the unplaced event read as %+v", u)
	}
	stopsWhenCancelled(t, s, a, "walk", func(ctx context.Context) error {
		return s.EachEventSpot(ctx, func(*data.Event) error { return nil })
	})
}
