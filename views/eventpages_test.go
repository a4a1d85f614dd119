package views

import (
	"context"
	"reflect"
	"testing"

	"dossier/app"
	"dossier/data"
	"dossier/data/storetest"
)

// TestEventsTableReadAPageAtATime: past wholeTableRows events (lowered
// here), the Events tab sorted by date holds only the events' ids and
// reads the rows it shows; it shows what the whole table would, the
// timeline draws the same marks, an event saved meanwhile takes its
// place by date, and sorting by another column or filtering by more than
// dates reads the table whole.
func TestEventsTableReadAPageAtATime(t *testing.T) {
	was := wholeTableRows
	wholeTableRows = 10
	t.Cleanup(func() { wholeTableRows = was })
	f := newFixture(t)
	if err := storetest.Generate(f.st, 5, 600); err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.tabs.Select(f.wb.tab.events)
	f.settle()
	tab := f.wb.allEvents
	if _, paged := tab.rows.(*app.EventPages); !paged {
		t.Fatalf("600 events sorted by date are read whole (%T)", tab.rows)
	}
	whole, err := f.wb.sess.EventTable(context.Background(), app.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	whole.SortBy(app.ColumnDate)
	if tab.count.Text != "600 events" || !reflect.DeepEqual(tab.rows.Rows(), whole.Rows()) {
		t.Fatalf("a page at a time, the table says %q and its rows differ from the whole table's", tab.count.Text)
	}
	if got := tab.table.cols[0].cell(599); got != whole.Row(599).Date {
		t.Fatalf("the last row's date cell reads %q, want %q", got, whole.Row(599).Date)
	}
	if len(f.wb.timeline.marks) != 600 {
		t.Fatalf("the timeline draws %d marks of 600 events", len(f.wb.timeline.marks))
	}

	arts, _ := f.st.Articles()
	early := data.Event{Type: "AGREE", Article: arts[0].ID, Date: data.EventDate{Start: "2001-02-03"}}
	if err := f.st.PutEvent(context.Background(), &early); err != nil {
		t.Fatal(err)
	}
	f.settle()
	if _, paged := tab.rows.(*app.EventPages); !paged || tab.rows.Len() != 601 || tab.rows.ID(0) != early.ID || tab.count.Text != "601 events" {
		t.Fatalf("after a new event of 2001: %d rows (%T), the first %s, the count %q", tab.rows.Len(), tab.rows, tab.rows.ID(0), tab.count.Text)
	}

	tab.sortBy(int(app.ColumnType))
	f.settle()
	sorted, whole2 := tab.rows.(*app.EventTable)
	if !whole2 || tab.rows.Len() != 601 || tab.table.cols[1].cell(0) != "ACCUSE" {
		t.Fatalf("sorted by type: %T, %d rows, the first of type %q", tab.rows, tab.rows.Len(), tab.table.cols[1].cell(0))
	}
	tab.sortBy(int(app.ColumnDate))
	if tab.rows != eventList(sorted) || tab.rows.ID(0) != early.ID {
		t.Fatal("sorted by date again, the whole table was not sorted in place")
	}
	tab.typ.SetSelected("AGREE")
	f.settle()
	if _, whole3 := tab.rows.(*app.EventTable); !whole3 || tab.rows.Len() == 0 || tab.rows.Len() >= 601 {
		t.Fatalf("filtered by type: %T, %d rows", tab.rows, tab.rows.Len())
	}
	tab.typ.SetSelected(anyChoice)
	f.settle()
	if _, paged := tab.rows.(*app.EventPages); !paged || tab.rows.Len() != 601 {
		t.Fatalf("the type filter cleared: %T, %d rows", tab.rows, tab.rows.Len())
	}
}
