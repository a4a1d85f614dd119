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
	done, cancel := context.WithCancel(bg)
	cancel()
	for range 5000 { // enough for the walk to look at the context
		e := data.Event{Type: "CONSULT", Article: a}
		if err := s.PutEvent(bg, &e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.EventsByFirstArticle(done); err != context.Canceled {
		t.Fatalf("a cancelled count: %v", err)
	}
}
