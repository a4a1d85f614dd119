package app

import (
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"dossier/data"
)

func ids(t *EventTable) []string {
	var out []string
	for i := range t.Len() {
		out = append(out, t.ID(i))
	}
	return out
}

// The table sorts texts alphabetically, the killed most first with the
// unreported last, grades best first with the ungraded last, and keeps
// the order of equal rows.
func TestEventTableSorts(t *testing.T) {
	n := func(k int) *int { return &k }
	tab := NewEventTable(
		EventRow{ID: "e1", Date: "2025-03-01", Place: "Kabul", Size: data.Size{Fatalities: n(3)}, Grade: data.Grade{Reliability: "B", Credibility: "?"}},
		EventRow{ID: "e2", Date: "2025-01-01", Place: "Aleppo", Grade: data.Grade{Reliability: "A", Credibility: "2"}},
		EventRow{ID: "e3", Date: "", Place: "Kabul", Size: data.Size{Fatalities: n(40)}},
		EventRow{ID: "e4", Date: "2025-01-01", Place: "Mosul", Size: data.Size{Fatalities: n(0)}, Grade: data.Grade{Reliability: "B", Credibility: "2"}},
	)
	for _, c := range []struct {
		col  EventColumn
		want []string
	}{
		{ColumnDate, []string{"e3", "e2", "e4", "e1"}},
		{ColumnPlace, []string{"e2", "e3", "e1", "e4"}}, // e3 stays before e1: the order by date
		{ColumnKilled, []string{"e3", "e1", "e4", "e2"}},
		{ColumnGrade, []string{"e2", "e4", "e1", "e3"}},
	} {
		tab.SortBy(c.col)
		if got := ids(tab); !slices.Equal(got, c.want) {
			t.Errorf("sorted by column %d: %v, want %v", c.col, got, c.want)
		}
	}
	if r := tab.Row(0); r.ID != "e2" || r.Place != "Aleppo" || r.Grade.String() != "A2" || r.Size.Fatalities != nil {
		t.Errorf("row 0 is %+v", r)
	}
	if r := tab.Row(3); r.Size.Fatalities == nil || *r.Size.Fatalities != 40 || r.Date != "" {
		t.Errorf("row 3 is %+v", r)
	}
}

// Change puts a changed event's row in place, adds a new one and drops
// one that is gone, and a sort after new texts arrived puts them in their
// place.
func TestEventTableChanges(t *testing.T) {
	tab := NewEventTable(EventRow{ID: "e1", Place: "Mosul"}, EventRow{ID: "e2", Place: "Kabul"}, EventRow{ID: "e4", Place: "Gaza"})
	tab.SortBy(ColumnPlace)
	tab.Change(map[string]*EventRow{"e1": {ID: "e1", Place: "Aleppo"}, "e3": {ID: "e3", Place: "Basra"}, "e2": nil, "e9": nil})
	if got := ids(tab); !slices.Equal(got, []string{"e4", "e1", "e3"}) {
		t.Fatalf("after the change: %v", got)
	}
	tab.SortBy(ColumnPlace)
	if got := ids(tab); !slices.Equal(got, []string{"e1", "e3", "e4"}) || tab.Row(0).Place != "Aleppo" {
		t.Fatalf("sorted again: %v (%+v)", got, tab.Rows())
	}
}

// A row costs about a hundred bytes when its texts repeat, as a large
// store's do: a million rows fit in some 100 MB. The bytes are counted
// from what the table holds (a heap measure is thrown off by what other
// tests leave for the collector).
func TestEventTableRowsAreSmall(t *testing.T) {
	const rows = 100_000
	places := []string{"Kabul", "Aleppo", "Mosul", "Basra", "Gaza"}
	tab := NewEventTable()
	for i := range rows {
		tab.add(EventRow{ID: fmt.Sprintf("ev-%020d", i), Date: fmt.Sprintf("2025-01-%02d", i%28+1), Type: "ASSAULT",
			Actors: fmt.Sprintf("Actor %d", i%2000), Recipients: fmt.Sprintf("Actor %d", (i*7)%2000),
			Place: places[i%len(places)], Article: fmt.Sprintf("Dispatch %d", i/10), ArticleID: fmt.Sprintf("ar-%d", i/10)})
	}
	const stringHeader, mapEntry = 16, 48 // a string's header; a map entry of string and int32, with overhead
	held := cap(tab.rows) * int(unsafe.Sizeof(tableRow{}))
	for _, r := range tab.rows {
		held += len(r.id)
	}
	for _, w := range tab.words {
		held += stringHeader + len(w) + mapEntry
	}
	perRow := float64(held) / rows
	if perRow > 150 {
		t.Fatalf("a row holds %.0f bytes, want at most 150", perRow)
	}
	t.Logf("%.0f bytes a row", perRow)
}
