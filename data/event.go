package data

import (
	"slices"
	"time"
)

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
	PrecisionRange = "range"
)

// Precisions lists the date precisions in the order a picker shows them.
var Precisions = []string{PrecisionDay, PrecisionWeek, PrecisionMonth, PrecisionYear, PrecisionRange}

// Confidence levels.
var Confidences = []string{"high", "medium", "low"}

// EventDate is when an event happened. Start and End are YYYY-MM-DD; a month
// is stored as its first and last day with precision "month".
type EventDate struct {
	Start     string `json:"start,omitempty"`
	End       string `json:"end,omitempty"`
	Precision string `json:"precision,omitempty"`
	Raw       string `json:"raw,omitempty"`
}

// Location is where an event happened.
type Location struct {
	Name      string  `json:"name,omitempty"`     // as written in the article
	PlaceID   string  `json:"place_id,omitempty"` // gazetteer id
	Lat       float64 `json:"lat,omitempty"`
	Lon       float64 `json:"lon,omitempty"`
	Country   string  `json:"country,omitempty"` // ISO 3166 alpha-3
	Admin1    string  `json:"admin1,omitempty"`
	Precision string  `json:"precision,omitempty"` // city, region, country
}

// Event flags by name, each spelt once.
const (
	FlagHistorical   = "historical"
	FlagFuture       = "future"
	FlagHypothetical = "hypothetical"
	FlagNegated      = "negated"
)

// FlagNames lists the flags in the order forms, tables and reports show them.
var FlagNames = []string{FlagHistorical, FlagFuture, FlagHypothetical, FlagNegated}

// Flags qualify an event.
type Flags struct {
	Historical   bool `json:"historical,omitempty"`
	Future       bool `json:"future,omitempty"`
	Hypothetical bool `json:"hypothetical,omitempty"`
	Negated      bool `json:"negated,omitempty"`
}

// Flag is the flag with that name (nil for none).
func (f *Flags) Flag(name string) *bool {
	switch name {
	case FlagHistorical:
		return &f.Historical
	case FlagFuture:
		return &f.Future
	case FlagHypothetical:
		return &f.Hypothetical
	case FlagNegated:
		return &f.Negated
	}
	return nil
}

// Has reports whether the flag named is set.
func (f Flags) Has(name string) bool {
	p := f.Flag(name)
	return p != nil && *p
}

// Names lists the flags set, in FlagNames order.
func (f Flags) Names() []string {
	var out []string
	for _, n := range FlagNames {
		if f.Has(n) {
			out = append(out, n)
		}
	}
	return out
}

// Span is evidence: a half-open range of code points in an article's text.
type Span struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Quote   string `json:"quote,omitempty"`
}

// Event is who did what to whom, when and where, coded PLOVER first with the
// CAMEO code beside it.
type Event struct {
	ID         string    `json:"id"`
	Article    string    `json:"article,omitempty"` // the article it was coded from
	Type       string    `json:"type"`
	Mode       string    `json:"mode,omitempty"`
	Contexts   []string  `json:"contexts,omitempty"`
	CAMEO      string    `json:"cameo,omitempty"`
	Date       EventDate `json:"date"`
	Actors     []string  `json:"actors,omitempty"`
	Recipients []string  `json:"recipients,omitempty"`
	Location   *Location `json:"location,omitempty"`
	Flags      Flags     `json:"flags"`
	Size       Size      `json:"size"`
	Confidence string    `json:"confidence,omitempty"`
	// Credibility is the information's credibility, 1–6 (see Grade), ""
	// when not graded.
	Credibility string   `json:"credibility,omitempty"`
	Notes       string   `json:"notes,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Coder       string   `json:"coder,omitempty"`
	Evidence    []Span   `json:"evidence,omitempty"`
	// Reports are further articles that report the event without a quote
	// of it: those of duplicates merged into it.
	Reports []string `json:"reports,omitempty"`
	// Merged are the ids of the duplicates merged into the event; each is
	// deleted, and found again through here.
	Merged []string `json:"merged,omitempty"`
	// Distinct are events the analyst said are not duplicates of this one,
	// so that they are not offered as a pair again.
	Distinct []string  `json:"distinct,omitempty"`
	Created  time.Time `json:"created"`
	Revision
}

// Brief returns the event as EachEventBrief gives it: every field but the
// evidence's quotes and offsets (its spans name only their articles, once
// each), the notes, tags, contexts, coder, merges, distinct events, the
// date's raw text, creation and revision.
func (e *Event) Brief() Event {
	b := Event{ID: e.ID, Article: e.Article, Type: e.Type, Mode: e.Mode, CAMEO: e.CAMEO,
		Date:   EventDate{Start: e.Date.Start, End: e.Date.End, Precision: e.Date.Precision},
		Actors: e.Actors, Recipients: e.Recipients, Flags: e.Flags, Size: e.Size,
		Confidence: e.Confidence, Credibility: e.Credibility, Reports: e.Reports}
	if e.Location != nil {
		l := *e.Location
		b.Location = &l
	}
	for _, s := range e.Evidence {
		if !slices.ContainsFunc(b.Evidence, func(c Span) bool { return c.Article == s.Article }) {
			b.Evidence = append(b.Evidence, Span{Article: s.Article})
		}
	}
	return b
}

// Articles returns the ids of the article the event was coded from, of
// the articles its evidence cites and of those that report it, once each:
// its sources.
func (e *Event) Articles() []string {
	ids := make([]string, 0, 1+len(e.Evidence)+len(e.Reports))
	if e.Article != "" {
		ids = append(ids, e.Article)
	}
	for _, s := range e.Evidence {
		ids = appendNew(ids, s.Article)
	}
	for _, id := range e.Reports {
		ids = appendNew(ids, id)
	}
	return ids
}

// Cites reports whether the event was coded from, or cites, an article.
func (e *Event) Cites(article string) bool {
	return article != "" && slices.Contains(e.Articles(), article)
}

// Parties returns actors then recipients, once each.
func (e *Event) Parties() []string {
	ids := make([]string, 0, len(e.Actors)+len(e.Recipients))
	for _, id := range e.Actors {
		ids = appendNew(ids, id)
	}
	for _, id := range e.Recipients {
		ids = appendNew(ids, id)
	}
	return ids
}

// appendNew appends id unless it is empty or already there; lists of an
// event's parties and articles are short, so a scan beats a map.
func appendNew(ids []string, id string) []string {
	if id == "" {
		return ids
	}
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}
