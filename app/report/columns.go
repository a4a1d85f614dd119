package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"dossier/data"
	"dossier/data/codebook"
)

// lookup holds the records an event row refers to.
type lookup struct {
	actors      map[string]data.Actor
	actorByName map[string]string // normalised name or alias → id
	articles    map[string]data.Article
	byTitle     map[string]string // article title → id
}

func newLookup(st Records) (*lookup, error) {
	acts, err := st.Actors()
	if err != nil {
		return nil, err
	}
	arts, err := st.Articles()
	if err != nil {
		return nil, err
	}
	l := &lookup{actors: map[string]data.Actor{}, actorByName: map[string]string{}, articles: map[string]data.Article{}, byTitle: map[string]string{}}
	for _, a := range acts {
		l.actors[a.ID] = a
		for _, n := range a.Names() {
			if _, taken := l.actorByName[data.NormaliseName(n)]; !taken || a.MergedInto == "" {
				l.actorByName[data.NormaliseName(n)] = a.ID
			}
		}
	}
	for _, a := range arts {
		l.articles[a.ID] = a
		l.byTitle[a.Title] = a.ID
	}
	return l, nil
}

func (l *lookup) actorName(id string) string {
	if a, ok := l.actors[id]; ok {
		return a.Name
	}
	return id
}

// kinds of cell, for styles and parsing
type cellKind int

const (
	textCell cellKind = iota
	wrapCell
	dateCell
	timeCell
	numberCell
	boolCell
)

// column is one column of the Events sheet: how to show a field, and, for
// the fields an analyst may edit in Excel, how to read it back.
type column struct {
	header string
	width  float64
	kind   cellKind
	get    func(l *lookup, e *data.Event) any
	set    func(l *lookup, e *data.Event, v string) error // nil: read-only
}

func joinParties(l *lookup, ids []string, f func(data.Actor) string) string {
	var out []string
	for _, id := range ids {
		a, ok := l.actors[id]
		if !ok {
			out = append(out, id)
			continue
		}
		out = append(out, f(a))
	}
	return strings.Join(out, "; ")
}

func names(a data.Actor) string   { return a.Name }
func country(a data.Actor) string { return a.Country }
func sector(a data.Actor) string  { return a.Sector }

// parties reads "Name; Name" back into actor ids.
func parties(l *lookup, v string) ([]string, error) {
	var ids []string
	for _, n := range strings.Split(v, ";") {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		id, ok := l.actorByName[data.NormaliseName(n)]
		if !ok {
			return nil, fmt.Errorf("unknown actor %q: add it in Dossier first, or use a name or alias of the register", n)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func excelDate(d string) any {
	if t, err := time.Parse(data.DateLayout, d); err == nil {
		return t
	}
	return nil
}

func location(e *data.Event) *data.Location {
	if e.Location == nil {
		e.Location = &data.Location{}
	}
	return e.Location
}

func locField(e *data.Event, f func(*data.Location) any) any {
	if e.Location == nil {
		return nil
	}
	return f(e.Location)
}

func cameoField(code string, f func(codebook.CAMEOCode) any) any {
	if c, ok := codebook.CAMEO(code); ok {
		return f(c)
	}
	return nil
}

func parseFloat(v string) (float64, error) {
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", v)
	}
	return f, nil
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no":
		return false, nil
	case "1", "true", "yes", "x":
		return true, nil
	}
	return false, fmt.Errorf("%q is not TRUE or FALSE", v)
}

// flag makes the get and set of one boolean flag column.
func flag(name string) column {
	return column{header: strings.ToUpper(name[:1]) + name[1:], width: 11, kind: boolCell,
		get: func(_ *lookup, e *data.Event) any { return e.Flags.Has(name) },
		set: func(_ *lookup, e *data.Event, v string) (err error) { *e.Flags.Flag(name), err = parseBool(v); return },
	}
}

// count makes the get and set of one count of people: an empty cell is
// not reported, 0 none.
func count(name string) column {
	return column{header: strings.ToUpper(name[:1]) + name[1:], width: 10, kind: numberCell,
		get: func(_ *lookup, e *data.Event) any {
			if n := *e.Size.Field(name); n != nil {
				return *n
			}
			return nil
		},
		set: func(_ *lookup, e *data.Event, v string) (err error) {
			*e.Size.Field(name), err = data.ParseCount(v)
			return
		},
	}
}

// scale is an ACLED precision as a number, nil when there is none.
func scale(p string) any {
	if n, err := strconv.Atoi(p); err == nil {
		return n
	}
	return nil
}

// eventColumns is the Events sheet, left to right.
var eventColumns = []column{
	{header: "ID", width: 20, get: func(_ *lookup, e *data.Event) any { return e.ID }},
	{header: "Version", width: 9, kind: numberCell, get: func(_ *lookup, e *data.Event) any { return e.Version }},
	{header: "Date", width: 12, kind: dateCell, get: func(_ *lookup, e *data.Event) any { return excelDate(e.Date.Start) },
		set: func(_ *lookup, e *data.Event, v string) error { e.Date.Start = v; return nil }},
	{header: "End date", width: 12, kind: dateCell, get: func(_ *lookup, e *data.Event) any { return excelDate(e.Date.End) },
		set: func(_ *lookup, e *data.Event, v string) error { e.Date.End = v; return nil }},
	{header: "Precision", width: 10, get: func(_ *lookup, e *data.Event) any { return e.Date.Precision },
		set: func(_ *lookup, e *data.Event, v string) error { e.Date.Precision = v; return nil }},
	{header: "Date as written", width: 18, get: func(_ *lookup, e *data.Event) any { return e.Date.Raw },
		set: func(_ *lookup, e *data.Event, v string) error { e.Date.Raw = v; return nil }},
	{header: "Type", width: 12, get: func(_ *lookup, e *data.Event) any { return e.Type },
		set: func(_ *lookup, e *data.Event, v string) error { e.Type = strings.ToUpper(v); return nil }},
	{header: "Mode", width: 12, get: func(_ *lookup, e *data.Event) any { return e.Mode },
		set: func(_ *lookup, e *data.Event, v string) error { e.Mode = v; return nil }},
	{header: "Contexts", width: 16, get: func(_ *lookup, e *data.Event) any { return strings.Join(e.Contexts, "; ") },
		set: func(_ *lookup, e *data.Event, v string) error { e.Contexts = splitTrim(v); return nil }},
	{header: "CAMEO", width: 8, get: func(_ *lookup, e *data.Event) any { return e.CAMEO },
		set: func(_ *lookup, e *data.Event, v string) error { e.CAMEO = v; return nil }},
	{header: "CAMEO name", width: 24, get: func(_ *lookup, e *data.Event) any {
		return cameoField(e.CAMEO, func(c codebook.CAMEOCode) any { return c.Name })
	}},
	{header: "QuadClass", width: 10, kind: numberCell, get: func(_ *lookup, e *data.Event) any {
		return cameoField(e.CAMEO, func(c codebook.CAMEOCode) any { return c.QuadClass })
	}},
	{header: "Goldstein", width: 10, kind: numberCell, get: func(_ *lookup, e *data.Event) any {
		return cameoField(e.CAMEO, func(c codebook.CAMEOCode) any { return c.Goldstein })
	}},
	{header: "Actors", width: 24, get: func(l *lookup, e *data.Event) any { return joinParties(l, e.Actors, names) },
		set: func(l *lookup, e *data.Event, v string) (err error) { e.Actors, err = parties(l, v); return }},
	{header: "Actor countries", width: 10, get: func(l *lookup, e *data.Event) any { return joinParties(l, e.Actors, country) }},
	{header: "Actor sectors", width: 10, get: func(l *lookup, e *data.Event) any { return joinParties(l, e.Actors, sector) }},
	{header: "Recipients", width: 24, get: func(l *lookup, e *data.Event) any { return joinParties(l, e.Recipients, names) },
		set: func(l *lookup, e *data.Event, v string) (err error) { e.Recipients, err = parties(l, v); return }},
	{header: "Recipient countries", width: 10, get: func(l *lookup, e *data.Event) any { return joinParties(l, e.Recipients, country) }},
	{header: "Recipient sectors", width: 10, get: func(l *lookup, e *data.Event) any { return joinParties(l, e.Recipients, sector) }},
	{header: "Place", width: 16, get: func(_ *lookup, e *data.Event) any { return locField(e, func(l *data.Location) any { return l.Name }) },
		set: func(_ *lookup, e *data.Event, v string) error { location(e).Name = v; return nil }},
	{header: "Latitude", width: 10, kind: numberCell, get: func(_ *lookup, e *data.Event) any { return locField(e, func(l *data.Location) any { return l.Lat }) },
		set: func(_ *lookup, e *data.Event, v string) (err error) { location(e).Lat, err = parseFloat(v); return }},
	{header: "Longitude", width: 10, kind: numberCell, get: func(_ *lookup, e *data.Event) any { return locField(e, func(l *data.Location) any { return l.Lon }) },
		set: func(_ *lookup, e *data.Event, v string) (err error) { location(e).Lon, err = parseFloat(v); return }},
	{header: "Country", width: 9, get: func(_ *lookup, e *data.Event) any {
		return locField(e, func(l *data.Location) any { return l.Country })
	},
		set: func(_ *lookup, e *data.Event, v string) error { location(e).Country = strings.ToUpper(v); return nil }},
	{header: "Admin1", width: 8, get: func(_ *lookup, e *data.Event) any { return locField(e, func(l *data.Location) any { return l.Admin1 }) },
		set: func(_ *lookup, e *data.Event, v string) error { location(e).Admin1 = v; return nil }},
	{header: "Time precision (ACLED)", width: 10, kind: numberCell, get: func(_ *lookup, e *data.Event) any { return scale(timePrecision(e.Date)) }},
	{header: "Geo precision (ACLED)", width: 10, kind: numberCell, get: func(_ *lookup, e *data.Event) any { return scale(geoPrecision(e.Location)) }},
	{header: "Sources", width: 9, kind: numberCell, get: func(_ *lookup, e *data.Event) any { return len(e.Articles()) }},
	{header: "ACLED event type", width: 18, get: func(l *lookup, e *data.Event) any { return acledOf(l, e).event }},
	{header: "ACLED sub-event type", width: 22, get: func(l *lookup, e *data.Event) any { return acledOf(l, e).sub }},
	{header: "Inter1 (ACLED)", width: 14, get: func(l *lookup, e *data.Event) any { return acledOf(l, e).inter1 }},
	{header: "Inter2 (ACLED)", width: 14, get: func(l *lookup, e *data.Event) any { return acledOf(l, e).inter2 }},
	count("fatalities"), count("injured"), count("arrested"),
	flag(data.FlagHistorical), flag(data.FlagFuture), flag(data.FlagHypothetical), flag(data.FlagNegated),
	{header: "Confidence", width: 11, get: func(_ *lookup, e *data.Event) any { return e.Confidence },
		set: func(_ *lookup, e *data.Event, v string) error { e.Confidence = strings.ToLower(v); return nil }},
	{header: "Reliability", width: 11, get: func(l *lookup, e *data.Event) any { return l.reliability(firstArticle(e)) }},
	{header: "Credibility", width: 11, get: func(_ *lookup, e *data.Event) any { return e.Credibility },
		set: func(_ *lookup, e *data.Event, v string) error { return setCredibility(e, v) }},
	{header: "Grade", width: 8, get: func(l *lookup, e *data.Event) any { return e.Grade(l.reliability).String() }},
	{header: "Evidence", width: 60, kind: wrapCell, get: func(_ *lookup, e *data.Event) any { return evidenceQuotes(e) }},
	{header: "Article", width: 30, get: func(l *lookup, e *data.Event) any { return l.articles[firstArticle(e)].Title },
		set: func(l *lookup, e *data.Event, v string) error { return setArticle(l, e, v) }},
	{header: "Article date", width: 12, kind: dateCell, get: func(l *lookup, e *data.Event) any { return excelDate(l.articles[firstArticle(e)].Published) }},
	{header: "Article URL", width: 30, get: func(l *lookup, e *data.Event) any { return l.articles[firstArticle(e)].URL }},
	{header: "Notes", width: 30, kind: wrapCell, get: func(_ *lookup, e *data.Event) any { return e.Notes },
		set: func(_ *lookup, e *data.Event, v string) error { e.Notes = v; return nil }},
	{header: "Coder", width: 10, get: func(_ *lookup, e *data.Event) any { return e.Coder },
		set: func(_ *lookup, e *data.Event, v string) error { e.Coder = v; return nil }},
	{header: "Last change", width: 18, kind: timeCell, get: func(_ *lookup, e *data.Event) any { return e.Updated.UTC().Truncate(time.Second) }},
}

// reliability is the grade of an article's source ("" when not graded).
func (l *lookup) reliability(articleID string) string { return l.articles[articleID].Reliability }

// setCredibility takes a credibility as a workbook brings it back: "2",
// or 2 written by a spreadsheet as "2.0".
func setCredibility(e *data.Event, v string) error {
	v = strings.TrimSuffix(strings.TrimSpace(v), ".0")
	if err := data.CheckCredibility(v); err != nil {
		return err
	}
	e.Credibility = v
	return nil
}

func evidenceQuotes(e *data.Event) string {
	var qs []string
	for _, s := range e.Evidence {
		qs = append(qs, s.Quote)
	}
	return strings.Join(qs, " … ")
}

func firstArticle(e *data.Event) string {
	if a := e.Articles(); len(a) > 0 {
		return a[0]
	}
	return ""
}

func setArticle(l *lookup, e *data.Event, title string) error {
	if title == "" || l.articles[firstArticle(e)].Title == title {
		return nil
	}
	id, ok := l.byTitle[title]
	if !ok {
		return fmt.Errorf("no article is titled %q", title)
	}
	e.Article = id
	return nil
}

func splitTrim(v string) []string {
	var out []string
	for _, x := range strings.Split(v, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// columnName is "C (Date)": the letter and header an analyst looks for.
func columnName(i int) string { return columnLetter(i) + " (" + eventColumns[i].header + ")" }

func columnLetter(i int) string {
	s := ""
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}
