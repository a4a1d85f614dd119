package app

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"dossier/app/suggest"
	"dossier/data"
	"dossier/data/codebook"
)

// Suggestions proposes records for an article, leaving out those the
// analyst rejected before. Nothing is stored.
func (s *Session) Suggestions(articleID string) ([]suggest.Suggestion, error) {
	a, err := s.st.Article(articleID)
	if err != nil {
		return nil, err
	}
	known, err := s.st.Actors()
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, k := range known {
		for _, n := range k.Names() {
			names[data.NormaliseName(n)] = true
		}
	}
	var out []suggest.Suggestion
	for _, sg := range suggest.Article(a.Text, a.Published, known) {
		if !contains(a.Rejected, suggestionKey(sg)) && !inRegister(sg, names) {
			out = append(out, sg)
		}
	}
	return out, nil
}

// inRegister: a person or organisation the register already holds, by
// itself or through the name it refers to, has nothing left to accept.
func inRegister(sg suggest.Suggestion, names map[string]bool) bool {
	if sg.Kind != suggest.Person && sg.Kind != suggest.Organisation {
		return false
	}
	return sg.ActorID != "" || names[data.NormaliseName(suggest.PartyName(sg))]
}

func suggestionKey(sg suggest.Suggestion) string {
	return fmt.Sprintf("%s %d %d", sg.Kind, sg.Start, sg.End)
}

// RejectSuggestion remembers, with the article, that a suggestion is not
// wanted; it is one undoable step.
func (s *Session) RejectSuggestion(articleID string, sg suggest.Suggestion) error {
	a, err := s.st.Article(articleID)
	if err != nil {
		return err
	}
	h := a.Header()
	h.Rejected = append(h.Rejected, suggestionKey(sg))
	return s.SaveArticle(&h, "")
}

// AcceptSuggestion stores what a suggestion proposes, as one undoable step:
// an event (with the actors it names, created when the register lacks
// them, its place, date and the sentence as evidence), or a person or
// organisation for the register. It returns the new record's id.
func (s *Session) AcceptSuggestion(articleID string, sg suggest.Suggestion) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	art, err := s.st.Article(articleID)
	if err != nil {
		return "", err
	}
	all := suggest.Article(art.Text, art.Published, nil)
	step := change{at: time.Now()}
	switch sg.Kind {
	case suggest.Event:
		e, err := s.eventFrom(art, sg, all, &step)
		if err != nil {
			return "", err
		}
		step.label, step.kind, step.id, step.after = "accept suggested event", "event", e.ID, snapshot(e)
	case suggest.Person, suggest.Organisation:
		id, err := s.actorFor(suggest.PartyName(sg), all, &step)
		if err != nil {
			return "", err
		}
		if len(step.more) == 0 {
			return id, nil // already in the register
		}
		step.label, step.kind, step.id, step.after, step.more = "accept suggested actor", "actor", id, step.more[0].after, step.more[1:]
	default:
		return "", data.Errorf(data.EInvalid, "Accept a %s from the event form: select its words and use Place or Date.", sg.Kind)
	}
	s.history.push(step)
	for _, c := range append([]change{step}, step.more...) {
		s.reindexRecord(c.kind, c.id)
	}
	return step.id, nil
}

// SuggestedActor is the actor a person or organisation suggestion stands
// for, as accepting it would create it, for the analyst to edit first.
func (s *Session) SuggestedActor(articleID string, sg suggest.Suggestion) (data.Actor, error) {
	art, err := s.st.Article(articleID)
	if err != nil {
		return data.Actor{}, err
	}
	return actorNamed(suggest.PartyName(sg), suggest.Article(art.Text, art.Published, nil)), nil
}

// eventFrom stores the event a suggestion describes.
func (s *Session) eventFrom(art *data.Article, sg suggest.Suggestion, all []suggest.Suggestion, step *change) (*data.Event, error) {
	e := &data.Event{Article: art.ID, Type: sg.Type, Mode: sg.Mode, CAMEO: sg.CAMEO, Confidence: "medium",
		Evidence: []data.Span{{Article: art.ID, Start: sg.Start, End: sg.End}}}
	if sg.Date != "" {
		e.Date = sg.EventDate()
	}
	for _, n := range sg.Actors {
		id, err := s.actorFor(n, all, step)
		if err != nil {
			return nil, err
		}
		e.Actors = append(e.Actors, id)
	}
	for _, n := range sg.Recipients {
		id, err := s.actorFor(n, all, step)
		if err != nil {
			return nil, err
		}
		e.Recipients = append(e.Recipients, id)
	}
	if sg.Place != "" {
		if ps := codebook.PlacesNamed(sg.Place); len(ps) > 0 {
			e.Location = PlaceLocation(sg.Place, ps[0])
		} else if c, ok := codebook.CountryNamed(sg.Place); ok {
			e.Location = &data.Location{Name: sg.Place, Country: c.Alpha3, Lat: c.Lat, Lon: c.Lon, Precision: "country"}
		}
	}
	if err := s.st.PutEvent(e); err != nil {
		return nil, err
	}
	return e, nil
}

// actorFor finds the register's actor called name, or creates it from
// what the suggestions say of that name (kind, country, sector, role).
func (s *Session) actorFor(name string, all []suggest.Suggestion, step *change) (string, error) {
	if found, _ := s.st.ActorsNamed(name); len(found) > 0 {
		return found[0].ID, nil
	}
	a := actorNamed(name, all)
	if a.Name != name { // "Shoigu" → Sergei Shoigu, who may be known
		if found, _ := s.st.ActorsNamed(a.Name); len(found) > 0 {
			return found[0].ID, nil
		}
	}
	if err := s.st.PutActor(&a); err != nil {
		return "", err
	}
	step.more = append(step.more, change{kind: "actor", id: a.ID, after: snapshot(&a)})
	return a.ID, nil
}

// actorNamed describes the actor a name stands for from the suggestions
// that mention it, the mentions by that very name first: a person with
// country, sector and role; a country acting, as its government; else an
// organisation.
func actorNamed(name string, all []suggest.Suggestion) data.Actor {
	a := data.Actor{Name: name, Kind: data.KindOrganisation}
	var exact, others []suggest.Suggestion
	for _, sg := range all {
		if sg.Text == name {
			exact = append(exact, sg)
		} else if suggest.PartyName(sg) == name || strings.HasSuffix(sg.Text, " "+name) {
			others = append(others, sg)
		}
	}
	for _, sg := range append(exact, others...) {
		switch {
		case sg.Kind == suggest.Person && (sg.Country != "" || sg.Role != "" || sg.RefersTo == ""):
			a.Kind, a.Country, a.Sector = data.KindPerson, sg.Country, sg.Sector
			if sg.Role != "" {
				a.Roles = []data.Role{{Post: sg.Role}}
			}
			if sg.Text != name && sg.RefersTo == "" {
				a.Name, a.Aliases = sg.Text, []string{name}
			}
			return a
		case sg.Kind == suggest.Person:
			a.Kind = data.KindPerson
		case sg.Country != "" && (sg.Kind == suggest.Location && sg.PlaceID == "" || sg.Kind == suggest.Organisation && sg.Sector == "GOV" && sg.RefersTo == name):
			a.Kind, a.Country = data.KindGovernment, sg.Country
			return a
		case sg.Kind == suggest.Organisation && a.Kind == data.KindOrganisation:
			a.Country, a.Sector = cmp.Or(a.Country, sg.Country), cmp.Or(a.Sector, sg.Sector)
		}
	}
	return a
}
