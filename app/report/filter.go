package report

import (
	"fmt"
	"slices"
	"strings"

	"dossier/data"
)

// Filter chooses the events to export. Empty fields do not filter.
type Filter struct {
	From, To string   // YYYY-MM-DD, inclusive, on the event's start date
	Actors   []string // actor ids: events where any of them takes part
	Types    []string // PLOVER types
	Events   []string // explicit event ids (the window's selection)
	Article  string   // events coded from or citing this article
	// MinFatalities, above 0, keeps the events reported to have killed at
	// least so many.
	MinFatalities int
	// MinGrade keeps the events graded at least so well (data.Grade.AtLeast).
	MinGrade data.Grade
}

// Describe says in words what the filter selects, for the Summary sheet.
func (f Filter) Describe(actorName func(string) string) string {
	var parts []string
	if f.From != "" || f.To != "" {
		parts = append(parts, "dates "+orOpen(f.From)+" to "+orOpen(f.To))
	}
	if len(f.Actors) > 0 {
		var names []string
		for _, id := range f.Actors {
			names = append(names, actorName(id))
		}
		parts = append(parts, "actors "+strings.Join(names, ", "))
	}
	if len(f.Types) > 0 {
		parts = append(parts, "types "+strings.Join(f.Types, ", "))
	}
	if len(f.Events) > 0 {
		parts = append(parts, "a selection of events")
	}
	if f.Article != "" {
		parts = append(parts, "one article")
	}
	if f.MinFatalities > 0 {
		parts = append(parts, fmt.Sprintf("at least %d killed", f.MinFatalities))
	}
	if g := f.MinGrade.String(); g != "" {
		parts = append(parts, "graded "+g+" or better")
	}
	if f.all() {
		return "all events"
	}
	return strings.Join(parts, "; ")
}

func orOpen(d string) string {
	if d == "" {
		return "…"
	}
	return d
}

// all reports whether the filter selects every event.
func (f Filter) all() bool {
	return f.From == "" && f.To == "" && f.Article == "" && f.MinFatalities <= 0 && f.MinGrade == data.Grade{} && len(f.Actors)+len(f.Types)+len(f.Events) == 0
}

func (f Filter) query() data.EventQuery {
	q := data.EventQuery{From: f.From, To: f.To, Article: f.Article}
	if len(f.Actors) == 1 {
		q.Actor = f.Actors[0]
	}
	return q
}

func (f Filter) keeps(e *data.Event, reliability func(string) string) bool {
	return (f.MinGrade == data.Grade{} || e.Grade(reliability).AtLeast(f.MinGrade)) &&
		(len(f.Types) == 0 || containsFold(f.Types, e.Type)) &&
		(len(f.Events) == 0 || containsFold(f.Events, e.ID)) &&
		(len(f.Actors) == 0 || overlaps(f.Actors, e.Parties())) &&
		(f.MinFatalities <= 0 || e.Size.Fatalities != nil && *e.Size.Fatalities >= f.MinFatalities)
}

// eachEvent walks the events the filter selects.
func (f Filter) eachEvent(st Records, fn func(*data.Event) error) error {
	reliability := func(string) string { return "" }
	if f.MinGrade != (data.Grade{}) {
		arts, err := st.Articles()
		if err != nil {
			return err
		}
		byID := make(map[string]string, len(arts))
		for _, a := range arts {
			byID[a.ID] = a.Reliability
		}
		reliability = func(id string) string { return byID[id] }
	}
	return st.EachEvent(f.query(), func(e *data.Event) error {
		if f.keeps(e, reliability) {
			return fn(e)
		}
		return nil
	})
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if containsFold(b, x) {
			return true
		}
	}
	return false
}
