package app

import (
	"context"
	"reflect"
	"testing"

	"dossier/data"
	"dossier/data/storetest"
)

// TestEventPagesAreTheTableByDate: the table read a page at a time holds
// the rows the whole table sorted by date holds, row for row (the events
// without a date first), for every filter of dates; its sample is the
// whole table's, and it reads back whole.
func TestEventPagesAreTheTableByDate(t *testing.T) {
	s := newSession(t)
	if err := storetest.Generate(s.st, 20, 2000); err != nil {
		t.Fatal(err)
	}
	arts, _ := s.st.Articles()
	for range 3 {
		undated := data.Event{Type: "AGREE", Article: arts[0].ID}
		if err := s.st.PutEvent(context.Background(), &undated); err != nil {
			t.Fatal(err)
		}
	}
	bg := context.Background()
	for _, f := range []EventFilter{{}, {From: "2020-01-01"}, {To: "2016-06-30"}, {From: "2018-03-01", To: "2018-03-31"}, {From: "2030-01-01"}} {
		want, err := s.EventTable(bg, f)
		if err != nil {
			t.Fatal(err)
		}
		want.SortBy(ColumnDate)
		pages, err := s.EventPages(bg, f)
		if err != nil {
			t.Fatal(err)
		}
		if pages.Len() != want.Len() {
			t.Fatalf("%+v: %d rows a page at a time, %d whole", f, pages.Len(), want.Len())
		}
		for i := range want.Len() {
			if got := pages.Row(pages.Len() - 1 - i); !reflect.DeepEqual(got, want.Row(want.Len()-1-i)) { // from the end: pages are forgotten and read again
				t.Fatalf("%+v, row %d:\n got %+v\nwant %+v", f, want.Len()-1-i, got, want.Row(want.Len()-1-i))
			}
		}
		gotSample, _ := pages.Sample(300)
		wantSample, _ := want.Sample(300)
		if len(gotSample)+len(wantSample) > 0 && !reflect.DeepEqual(gotSample, wantSample) {
			t.Fatalf("%+v: the sample of %d rows differs from the table's (%d)", f, len(gotSample), len(wantSample))
		}
		whole, err := pages.Table(bg)
		if err != nil || whole.Len()+want.Len() > 0 && !reflect.DeepEqual(whole.Rows(), want.Rows()) {
			t.Fatalf("%+v: read whole, the pages differ from the table (%v)", f, err)
		}
	}
	if p, _ := s.EventPages(bg, EventFilter{}); p.Len() != 2003 || p.Row(0).Date != "" || p.Row(3).Date == "" {
		t.Fatalf("%d rows, the first dated %q, the fourth %q: the three events without a date come first", p.Len(), p.Row(0).Date, p.Row(3).Date)
	}
	if _, err := s.EventPages(bg, EventFilter{Types: []string{"AGREE"}}); err == nil {
		t.Fatal("a filter by type was read a page at a time")
	}
}

func TestByDatesOnly(t *testing.T) {
	for f, want := range map[*EventFilter]bool{
		{}:                                       true,
		{From: "2020-01-01", To: "2020-02"}:      true,
		{Types: []string{}, Events: []string{}}:  true,
		{Types: []string{"AGREE"}}:               false,
		{Actor: "ac-x"}:                          false,
		{Country: "RUS"}:                         false,
		{MinFatalities: 1}:                       false,
		{MinGrade: data.Grade{Reliability: "B"}}: false,
		{Events: []string{"ev-1"}}:               false,
	} {
		if f.ByDatesOnly() != want {
			t.Errorf("%+v: ByDatesOnly is %v", *f, !want)
		}
	}
}
