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
	for _, sg := range suggest.ArticleLearned(a.Text, a.Published, known, s.learner.current(articleLanguage(a))) {
		if !containsFold(a.Rejected, suggestionKey(sg)) && !inRegister(sg, names) {
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
	defer s.history.hold()()
	a, err := s.st.Article(articleID)
	if err != nil {
		return err
	}
	h := a.Header()
	h.Rejected = append(h.Rejected, suggestionKey(sg))
	if err := s.saveArticle(&h, ""); err != nil {
		return err
	}
	if isEntity(sg.Kind) {
		ann := suggest.Annotation{Kind: sg.Kind, Start: sg.Start, End: sg.End}
		s.learner.teach(lesson{lang: articleLanguage(a), example: suggest.Example{Text: a.Text, Rejected: []suggest.Annotation{ann}}, reject: &ann})
	}
	return nil
}

// teachAccepted teaches the model an accepted person or organisation.
func (s *Session) teachAccepted(art *data.Article, sg suggest.Suggestion) {
	if isEntity(sg.Kind) && sg.RefersTo == "" {
		s.learner.teach(lesson{lang: articleLanguage(art), example: suggest.Example{Text: art.Text, Entities: []suggest.Annotation{{Kind: sg.Kind, Start: sg.Start, End: sg.End}}}})
	}
}

// isEntity: a kind the model learns (people, organisations, places and
// nationalities).
func isEntity(kind string) bool {
	return kind == suggest.Person || kind == suggest.Organisation || kind == suggest.Location || kind == suggest.Nationality
}

// accepting is what accepting one suggestion writes: the actors it
// creates and the event, committed together.
type accepting struct {
	batch data.Batch
	step  change
	all   []suggest.Suggestion // every suggestion of the article, for what they say of names
}

// AcceptSuggestion stores what a suggestion proposes, as one transaction
// and one undoable step: an event (with the actors it names, created when
// the register lacks them, its place, date and the sentence as evidence),
// or a person or organisation for the register. It returns the new
// record's id.
func (s *Session) AcceptSuggestion(articleID string, sg suggest.Suggestion) (string, error) {
	defer s.history.hold()()
	art, err := s.st.Article(articleID)
	if err != nil {
		return "", err
	}
	acc := &accepting{all: suggest.Article(art.Text, art.Published, nil), step: change{at: time.Now()}}
	var id string
	switch sg.Kind {
	case suggest.Event:
		e := s.eventFrom(art, sg, acc)
		acc.batch.Events = []*data.Event{e}
		acc.step.label, acc.step.kind = "accept suggested event", data.RecordEvent
		id = ""
	case suggest.Person, suggest.Organisation:
		if id = s.actorFor(suggest.PartyName(sg), acc); len(acc.batch.Actors) == 0 {
			s.teachAccepted(art, sg)
			return id, nil // already in the register
		}
		acc.step.label, acc.step.kind = "accept suggested actor", data.RecordActor
	default:
		return "", data.Errorf(data.EInvalid, "Accept a %s from the event form: select its words and use Place or Date.", sg.Kind)
	}
	if err := s.st.Commit(s.ctx(s.origin), &acc.batch); err != nil {
		return "", err
	}
	s.history.push(acc.stepOf())
	s.teachAccepted(art, sg)
	if id == "" {
		id = acc.batch.Events[0].ID
	}
	return id, nil
}

// stepOf is the undo step of what was committed: the event (or the first
// new actor) as the step's record, the other new actors with it.
func (acc *accepting) stepOf() change {
	var recs []change
	for _, a := range acc.batch.Actors {
		recs = append(recs, change{kind: data.RecordActor, id: a.ID, after: snapshot(a), version: a.Version})
	}
	for _, e := range acc.batch.Events {
		recs = append(recs, change{kind: data.RecordEvent, id: e.ID, after: snapshot(e), version: e.Version})
	}
	main := recs[len(recs)-1]
	if acc.step.kind == data.RecordActor {
		main, recs = recs[0], append(recs[1:], recs[0])
	}
	st := acc.step
	st.id, st.after, st.version, st.more = main.id, main.after, main.version, recs[:len(recs)-1]
	return st
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

// eventFrom is the event a suggestion describes; the actors it names that
// the register lacks join the batch.
func (s *Session) eventFrom(art *data.Article, sg suggest.Suggestion, acc *accepting) *data.Event {
	e := &data.Event{Article: art.ID, Type: sg.Type, Mode: sg.Mode, CAMEO: sg.CAMEO, Confidence: "medium",
		Evidence: []data.Span{{Article: art.ID, Start: sg.Start, End: sg.End}}}
	if sg.Date != "" {
		e.Date = sg.EventDate()
	}
	if sg.Size != nil {
		e.Size = *sg.Size
	}
	for _, n := range sg.Actors {
		e.Actors = append(e.Actors, s.actorFor(n, acc))
	}
	for _, n := range sg.Recipients {
		e.Recipients = append(e.Recipients, s.actorFor(n, acc))
	}
	if sg.Place != "" {
		if ps := codebook.PlacesNamed(sg.Place); len(ps) > 0 {
			e.Location = PlaceLocation(sg.Place, ps[0])
		} else if c, ok := codebook.CountryNamed(sg.Place); ok {
			e.Location = &data.Location{Name: sg.Place, Country: c.Alpha3, Lat: c.Lat, Lon: c.Lon, Precision: "country"}
		}
	}
	return e
}

// actorFor finds the register's actor called name (or one this accept
// creates already), or adds to the batch a new one made from what the
// suggestions say of that name (kind, country, sector, role).
func (s *Session) actorFor(name string, acc *accepting) string {
	a := actorNamed(name, acc.all)
	for _, n := range []string{name, a.Name} { // "Shoigu" → Sergei Shoigu, who may be known
		if found, _ := s.st.ActorsNamed(n); len(found) > 0 {
			return found[0].ID
		}
		for _, p := range acc.batch.Actors {
			if data.NormaliseName(p.Name) == data.NormaliseName(n) {
				return p.ID
			}
		}
	}
	a.ID = data.NewID(data.ActorPrefix)
	acc.batch.Actors = append(acc.batch.Actors, &a)
	return a.ID
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
