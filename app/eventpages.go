package app

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"dossier/data"
)

// EventPages is the all-events table sorted by date, kept small for a
// million events: it holds each event's id and date, from the date index,
// and reads the rest of a row (from the event's brief) only when it is
// shown, a page of rows at a time, keeping the pages read last. It is the
// table as EventTable sorted by date would hold it, row for row; it cannot
// be sorted otherwise or changed (a table that must be is read whole).
type EventPages struct {
	ids   idList
	days  []int32 // each row's date, by its place in dates
	dates []string
	read  func(ids []string) ([]EventRow, error)

	mu      sync.Mutex
	pages   map[int][]EventRow
	order   []int // the pages kept, the one read first first
	sample  []EventRow
	sampled int // the sample's size asked for (0: none read)
}

const (
	pageRows  = 256 // rows read together
	keptPages = 64  // pages kept (16,384 rows, a few screens of scrolling)
)

// ByDatesOnly says whether the filter selects by dates alone, so that
// EventPages can answer it.
func (f EventFilter) ByDatesOnly() bool {
	f.From, f.To = "", ""
	if len(f.Types) == 0 {
		f.Types = nil
	}
	if len(f.Events) == 0 {
		f.Events = nil
	}
	return reflect.DeepEqual(f, EventFilter{})
}

// selectsAll says whether the filter keeps every event.
func (f EventFilter) selectsAll() bool { return f.ByDatesOnly() && f.From == "" && f.To == "" }

// EventPages is the all-events table of the events between the filter's
// dates, sorted by date (see EventPages): f must select by dates alone
// (ByDatesOnly). It reads the date index, not the events, and stops with
// the context's error once the context is cancelled.
func (s *Session) EventPages(ctx context.Context, f EventFilter) (*EventPages, error) {
	if !f.ByDatesOnly() {
		return nil, fmt.Errorf("the events table cannot be read a page at a time with this filter: %+v", f)
	}
	actors, heads, err := s.rowNames()
	if err != nil {
		return nil, err
	}
	p, err := s.datedIDs(ctx, f)
	if err != nil {
		return nil, err
	}
	p.pages, p.read = map[int][]EventRow{}, func(ids []string) ([]EventRow, error) {
		briefs, err := s.st.EventBriefs(ids)
		rows := make([]EventRow, len(ids))
		for i, e := range briefs {
			if rows[i].ID = ids[i]; e != nil {
				rows[i] = eventRow(e, actors, heads)
			}
		}
		return rows, err
	}
	return p, nil
}

// datedIDs are the ids and dates of the events between the filter's
// dates, in order of date.
func (s *Session) datedIDs(ctx context.Context, f EventFilter) (*EventPages, error) {
	p := &EventPages{}
	dateOf := map[string]int32{}
	err := s.st.EventsByDate(ctx, data.EventQuery{From: f.From, To: f.To}, func(id, date string) error {
		d, ok := dateOf[date]
		if !ok {
			d = int32(len(p.dates))
			dateOf[date] = d
			p.dates = append(p.dates, date)
		}
		p.ids.add(id)
		p.days = append(p.days, d)
		return nil
	})
	return p, err
}

// idList keeps many short ids in one string, each found by where it
// ends: a million ids as a million strings of their own took 33 MB, in
// one string they take 21 MB (int32 ends hold 2 GB of ids, some hundred
// million events).
type idList struct {
	all  strings.Builder
	ends []int32
}

func (l *idList) add(id string) {
	l.all.WriteString(id)
	l.ends = append(l.ends, int32(l.all.Len()))
}

func (l *idList) len() int { return len(l.ends) }

// at is id i, a part of the one string (no copy).
func (l *idList) at(i int) string {
	start := int32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.all.String()[start:l.ends[i]]
}

// slice is the ids from i up to j.
func (l *idList) slice(i, j int) []string {
	out := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		out = append(out, l.at(k))
	}
	return out
}

// Len is the number of rows.
func (p *EventPages) Len() int { return p.ids.len() }

// ID is the event of row i.
func (p *EventPages) ID(i int) string { return p.ids.at(i) }

// Row is row i, read with its page unless that was read lately. A page
// that cannot be read shows its rows' ids and dates, and says so in their
// type, and is read again when next shown.
func (p *EventPages) Row(i int) EventRow {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := i / pageRows
	rows, ok := p.pages[n]
	if !ok {
		start := n * pageRows
		end := min(start+pageRows, p.Len())
		var err error
		if rows, err = p.read(p.ids.slice(start, end)); err != nil {
			r := EventRow{ID: p.ID(i), Date: p.dates[p.days[i]], Type: "(could not be read: " + err.Error() + ")"}
			return r
		}
		p.keep(n, rows)
	}
	return rows[i%pageRows]
}

// keep keeps a page read, forgetting the one read first beyond keptPages.
func (p *EventPages) keep(n int, rows []EventRow) {
	if len(p.order) == keptPages {
		delete(p.pages, p.order[0])
		p.order = p.order[1:]
	}
	p.pages[n] = rows
	p.order = append(p.order, n)
}

// Table reads every row into a table of its own, in the same order: a
// small table is better held whole, sorted by any column at once and
// changed in place. The context's error stops it.
func (p *EventPages) Table(ctx context.Context) (*EventTable, error) {
	t := NewEventTable()
	for start := 0; start < p.Len(); start += pageRows {
		if err := ctx.Err(); err != nil {
			return t, err
		}
		rows, err := p.read(p.ids.slice(start, min(start+pageRows, p.Len())))
		if err != nil {
			return t, err
		}
		for _, r := range rows {
			t.add(r)
		}
	}
	return t, nil
}

// Rows are all the rows, in order: for a small table (a test's).
func (p *EventPages) Rows() []EventRow {
	rows := make([]EventRow, p.Len())
	for i := range rows {
		rows[i] = p.Row(i)
	}
	return rows
}

// Sample is every step-th row of the table, as the timeline draws them
// (see EventTable.Sample), read together once and kept.
func (p *EventPages) Sample(n int) ([]EventRow, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sampled == n {
		return p.sample, nil
	}
	var ids []string
	for i, step := 0, sampleStep(p.Len(), n); i < p.Len(); i += step {
		ids = append(ids, p.ID(i))
	}
	rows, err := p.read(ids)
	if err != nil {
		return nil, err
	}
	p.sample, p.sampled = rows, n
	return rows, nil
}

// sampleStep is the step between the rows of a sample of about n rows.
func sampleStep(rows, n int) int { return max(1, rows/max(n, 1)) }
