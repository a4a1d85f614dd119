package app

import (
	"cmp"
	"maps"
	"slices"

	"dossier/data"
)

// EventColumn is a column of the all-events table, in the window's order.
type EventColumn int

const (
	ColumnDate EventColumn = iota
	ColumnType
	ColumnActors
	ColumnRecipients
	ColumnPlace
	ColumnCountry
	ColumnKilled
	ColumnGrade
	ColumnArticle
	ColumnFlags
)

// EventTable is the all-events table's rows, kept small: the texts of its
// cells (dates, types, names, places, titles) repeat from event to event,
// so each is kept once and a row holds their numbers. A million rows take
// about 100 MB instead of the 500 MB of as many EventRows, and sorting
// compares numbers.
type EventTable struct {
	rows   []tableRow
	words  []string
	wordOf map[string]int32
	grades []data.Grade
	gradeN map[data.Grade]int32
	ranks  []int32 // each word's place among the words in order; nil when words were added since
}

// the texts of a row, by their place in tableRow.text
const (
	textDate = iota
	textType
	textActors
	textRecipients
	textPlace
	textCountry
	textArticle
	textArticleID
	textFlags
	texts
)

// tableRow is one event's row: its id, and numbers for the rest.
type tableRow struct {
	id     string
	text   [texts]int32
	killed int32 // -1: not reported
	grade  int32
	quad   int8
}

// columnText is the text a column shows and sorts by, when it is one.
var columnText = map[EventColumn]int{
	ColumnDate: textDate, ColumnType: textType, ColumnActors: textActors, ColumnRecipients: textRecipients,
	ColumnPlace: textPlace, ColumnCountry: textCountry, ColumnArticle: textArticle, ColumnFlags: textFlags,
}

// NewEventTable makes a table of these rows.
func NewEventTable(rows ...EventRow) *EventTable {
	t := &EventTable{wordOf: map[string]int32{}, gradeN: map[data.Grade]int32{}}
	for _, r := range rows {
		t.add(r)
	}
	return t
}

// Len is the number of rows.
func (t *EventTable) Len() int { return len(t.rows) }

// ID is the event of row i.
func (t *EventTable) ID(i int) string { return t.rows[i].id }

// Row is row i as the window shows it (of its size, only the fatalities).
func (t *EventTable) Row(i int) EventRow {
	c := t.rows[i]
	w := func(k int) string { return t.words[c.text[k]] }
	r := EventRow{ID: c.id, Date: w(textDate), Type: w(textType), Actors: w(textActors), Recipients: w(textRecipients),
		Place: w(textPlace), Country: w(textCountry), Article: w(textArticle), ArticleID: w(textArticleID), Flags: w(textFlags),
		QuadClass: int(c.quad), Grade: t.grades[c.grade]}
	if c.killed >= 0 {
		k := int(c.killed)
		r.Size.Fatalities = &k
	}
	return r
}

// Rows are all the rows, in order.
func (t *EventTable) Rows() []EventRow {
	rows := make([]EventRow, len(t.rows))
	for i := range rows {
		rows[i] = t.Row(i)
	}
	return rows
}

// Sample is every step-th row, about n of them, as the timeline draws
// them.
func (t *EventTable) Sample(n int) ([]EventRow, error) {
	var rows []EventRow
	for i, step := 0, sampleStep(t.Len(), n); i < t.Len(); i += step {
		rows = append(rows, t.Row(i))
	}
	return rows, nil
}

// Change puts the rows of changed events in place, adds those of new ones
// (at the end, in the order of their ids) and drops those of events a nil
// row says are gone or no longer selected, in one pass over the table.
func (t *EventTable) Change(rows map[string]*EventRow) {
	if len(rows) == 0 {
		return
	}
	seen := make(map[string]bool, len(rows))
	kept := t.rows[:0]
	for _, c := range t.rows {
		r, changed := rows[c.id]
		switch {
		case !changed:
			kept = append(kept, c)
			continue
		case r != nil:
			kept = append(kept, t.compact(*r))
		}
		seen[c.id] = true
	}
	t.rows = kept
	for _, id := range slices.Sorted(maps.Keys(rows)) {
		if r := rows[id]; r != nil && !seen[id] {
			t.add(*r)
		}
	}
}

func (t *EventTable) add(r EventRow) { t.rows = append(t.rows, t.compact(r)) }

// SortBy orders the rows by a column, keeping the order of equal rows:
// texts alphabetically (empty first), the killed most first and
// unreported last, grades best first (A1, then B before ?) and ungraded
// last.
func (t *EventTable) SortBy(col EventColumn) {
	rank := t.ranker(col)
	type key struct {
		rank int64
		at   int32
	}
	keys := make([]key, len(t.rows))
	for i, c := range t.rows {
		keys[i] = key{rank(c), int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.at, b.at)) })
	sorted := make([]tableRow, len(t.rows))
	for i, k := range keys {
		sorted[i] = t.rows[k.at]
	}
	t.rows = sorted
}

// ranker is what a row sorts by in a column.
func (t *EventTable) ranker(col EventColumn) func(tableRow) int64 {
	switch col {
	case ColumnKilled:
		return func(c tableRow) int64 {
			if c.killed < 0 {
				return data.MaxCount + 1
			}
			return -int64(c.killed)
		}
	case ColumnGrade:
		order := make([]int64, len(t.grades))
		for i, g := range t.grades {
			order[i] = gradeRank(g)
		}
		return func(c tableRow) int64 { return order[c.grade] }
	}
	k := columnText[col]
	ranks := t.wordRanks()
	return func(c tableRow) int64 { return int64(ranks[c.text[k]]) }
}

// gradeRank puts A1 first, a source's letter before the information's
// number, an unknown part (?) after every known one, and ungraded last.
func gradeRank(g data.Grade) int64 {
	if g == (data.Grade{}) {
		return 1 << 20
	}
	part := func(s string) int64 {
		if s == "" {
			return 0xff
		}
		return int64(s[0])
	}
	return part(g.Reliability)<<8 | part(g.Credibility)
}

// wordRanks numbers the words in alphabetical order.
func (t *EventTable) wordRanks() []int32 {
	if t.ranks != nil {
		return t.ranks
	}
	order := make([]int32, len(t.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(t.words[a], t.words[b]) })
	t.ranks = make([]int32, len(t.words))
	for r, w := range order {
		t.ranks[w] = int32(r)
	}
	return t.ranks
}

// compact turns a row into numbers, adding the texts it brings.
func (t *EventTable) compact(r EventRow) tableRow {
	c := tableRow{id: r.ID, killed: -1, quad: int8(r.QuadClass)}
	for k, s := range [texts]string{r.Date, r.Type, r.Actors, r.Recipients, r.Place, r.Country, r.Article, r.ArticleID, r.Flags} {
		c.text[k] = t.word(s)
	}
	if f := r.Size.Fatalities; f != nil {
		c.killed = int32(min(max(*f, 0), data.MaxCount))
	}
	g, ok := t.gradeN[r.Grade]
	if !ok {
		g = int32(len(t.grades))
		t.grades = append(t.grades, r.Grade)
		t.gradeN[r.Grade] = g
	}
	c.grade = g
	return c
}

func (t *EventTable) word(s string) int32 {
	if n, ok := t.wordOf[s]; ok {
		return n
	}
	n := int32(len(t.words))
	t.words = append(t.words, s)
	t.wordOf[s] = n
	t.ranks = nil
	return n
}
