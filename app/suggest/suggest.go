// Package suggest reads an article with the analyst: it proposes actors,
// places, nationalities, dates and events, each tied to its words (code
// points, half-open) and with a confidence, for the analyst to accept,
// edit or reject. It follows the article's references too: a pronoun, a
// title without a name or a surname refers to the full name it stands
// for, and events name that person, not the pronoun. Rules and lexicons,
// our own or from the codebooks; no network, no model to download.
package suggest

import (
	"sort"

	"dossier/data"
)

// Kinds of suggestion.
const (
	Person       = "person"
	Organisation = "organisation"
	Location     = "location"
	Nationality  = "nationality"
	Date         = "date"
	Event        = "event"
)

// Suggestion is one proposal. Fields beyond the span depend on the kind.
type Suggestion struct {
	Kind       string  `json:"kind"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Confidence float64 `json:"confidence"`
	// Learned says what the learned model did, beside the rules (empty:
	// the rules alone): see LearnedFound and the others.
	Learned string `json:"learned,omitempty"`

	// dates
	Date      string `json:"date,omitempty"`
	DateEnd   string `json:"date_end,omitempty"` // the last day of a range ("5-6 April 2016")
	DateRaw   string `json:"date_raw,omitempty"` // an event's date as written ("on Friday")
	Precision string `json:"precision,omitempty"`
	// places, nationalities and people
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
	Country string   `json:"country,omitempty"`
	PlaceID string   `json:"place_id,omitempty"`
	// people and organisations
	ActorID string `json:"actor_id,omitempty"` // a known actor of the register
	Role    string `json:"role,omitempty"`
	Sector  string `json:"sector,omitempty"`
	// Name is the name for the register when learned boundaries took in
	// more than the name ("Foreign Minister Rein Aavik" names Rein Aavik).
	Name string `json:"name,omitempty"`
	// RefersTo names who a pronoun, a title or a surname stands for
	// ("he" → "Abboud Qanbar", "the Foreign Secretary" → "Boris
	// Johnson"), when the article says it before or after.
	RefersTo string `json:"refers_to,omitempty"`
	// events
	Type       string   `json:"type,omitempty"`
	Mode       string   `json:"mode,omitempty"`
	CAMEO      string   `json:"cameo,omitempty"`
	Actors     []string `json:"actors,omitempty"`
	Recipients []string `json:"recipients,omitempty"`
	Place      string   `json:"place,omitempty"`
	// Size is the people the event killed, injured and arrested as its
	// sentence says, and SizeWords the words that say so.
	Size      *data.Size `json:"size,omitempty"`
	SizeWords string     `json:"size_words,omitempty"`
}

// What the learned model did to a suggestion.
const (
	LearnedFound      = "found"      // the model found it, the rules did not
	LearnedName       = "name"       // a name taught, offered wherever it stands
	LearnedBoundaries = "boundaries" // the rules' suggestion, its start or end moved as learned
	LearnedType       = "type"       // an event given the code taught for its trigger word
)

// Article reads text published on the date given (YYYY-MM-DD or "") with
// the register's actors, and returns its suggestions in text order.
func Article(text, published string, known []data.Actor) []Suggestion {
	return articleSuggestions(newDocument(text), published, known)
}

// articleSuggestions is Article for a document already read.
func articleSuggestions(d *document, published string, known []data.Actor) []Suggestion {
	out, ents := ruleFindings(d, published, known)
	out = append(out, events(d, ents, out, published)...)
	sortSuggestions(out)
	return out
}

// ruleFindings are the rules' dates and entities, and the entities alone
// in text order: what the events are read from.
func ruleFindings(d *document, published string, known []data.Actor) (out, ents []Suggestion) {
	out = append(out, dates(d, published)...)
	ents = entities(d, known)
	sort.SliceStable(ents, func(i, j int) bool {
		if ents[i].Start != ents[j].Start {
			return ents[i].Start < ents[j].Start
		}
		return ents[i].End > ents[j].End
	})
	return append(out, ents...), ents
}

// sortSuggestions puts suggestions in text order, longer first at a start.
func sortSuggestions(out []Suggestion) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
}

// Mentions finds what is known for sure in text, for the reader to
// highlight: the register's actors by name and alias, and countries and
// the likelier gazetteer places (capitals, cities over 100,000). No guesses.
func Mentions(text string, known []data.Actor) []Suggestion {
	d := newDocument(text)
	c := claims{taken: map[int]bool{}}
	knownActors(d, known, &c)
	places(d, &c)
	var out []Suggestion
	for _, s := range c.out {
		if s.ActorID != "" || s.Confidence >= 0.7 {
			out = append(out, s)
		}
	}
	return out
}

// EventDate is a date or event suggestion's date as an event records it,
// with the words that gave it.
func (s Suggestion) EventDate() data.EventDate {
	raw := s.DateRaw
	if s.Kind == Date {
		raw = s.Text
	}
	return data.EventDate{Start: s.Date, End: s.DateEnd, Precision: s.Precision, Raw: raw}
}
