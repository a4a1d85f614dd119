package app

import (
	"sort"

	"dossier/app/suggest"
)

// Kinds of mention the reader highlights.
const (
	MentionActor = "actor"
	MentionPlace = "place"
)

// Mention is a stretch of an article's text (code points, half-open) naming
// a known actor or a place.
type Mention struct {
	Start, End int
	Kind       string
	Ref        string // actor id, or gazetteer id / country code
}

// Mentions finds the register's actors (by name and alias), the countries
// and the larger gazetteer places in text; a known actor wins over a place
// of the same name.
func (s *Session) Mentions(text string) ([]Mention, error) {
	actors, err := s.st.Actors()
	if err != nil {
		return nil, err
	}
	var out []Mention
	for _, sg := range suggest.Mentions(text, actors) {
		m := Mention{Start: sg.Start, End: sg.End, Kind: MentionPlace, Ref: sg.PlaceID}
		switch {
		case sg.ActorID != "":
			m.Kind, m.Ref = MentionActor, sg.ActorID
		case m.Ref == "":
			m.Ref = sg.Country
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}
