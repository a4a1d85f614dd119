package app

import (
	"strings"
	"testing"

	"dossier/app/suggest"
	"dossier/data"
)

// offered reports whether a suggestion of kind with text is made for the
// article.
func offered(t *testing.T, s *Session, articleID, kind, text string) bool {
	t.Helper()
	ss, err := s.Suggestions(articleID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sg := range ss {
		if sg.Kind == kind && sg.Text == text {
			return true
		}
	}
	return false
}

func suggestionOf(t *testing.T, s *Session, articleID, kind, text string) suggest.Suggestion {
	t.Helper()
	ss, _ := s.Suggestions(articleID)
	for _, sg := range ss {
		if sg.Kind == kind && sg.Text == text {
			return sg
		}
	}
	t.Fatalf("no %s %q suggested", kind, text)
	return suggest.Suggestion{}
}

// TestRejectedThreeTimesIsNoLongerOffered: a place turned down in three
// articles, in the same words around it, is not offered in a fourth; in
// other words it still is.
func TestRejectedThreeTimesIsNoLongerOffered(t *testing.T) {
	s := newSession(t)
	var ids []string
	for _, text := range []string{
		"Officials in Geneva said the talks on the border would resume next week.",
		"Officials in Geneva said the ministers had not met since the spring.",
		"Officials in Geneva said the convoy had reached the river crossing.",
		"Officials in Geneva said no date had been set for the next round.",
		"The delegations flew to Geneva on Monday for another round of talks.",
	} {
		id, _, err := s.AddText(text)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for _, id := range ids[:3] {
		if err := s.RejectSuggestion(id, suggestionOf(t, s, id, suggest.Location, "Geneva")); err != nil {
			t.Fatal(err)
		}
		s.SettleLearning()
	}
	if offered(t, s, ids[3], suggest.Location, "Geneva") {
		t.Error("rejected in three articles, still offered in a fourth with the same context")
	}
	if !offered(t, s, ids[4], suggest.Location, "Geneva") {
		t.Error("not offered in another context either")
	}
}

// TestNameCodedByHandIsOfferedElsewhere: a name the suggestions do not see,
// coded by the analyst in one article, is offered in a new one.
func TestNameCodedByHandIsOfferedElsewhere(t *testing.T) {
	s := newSession(t)
	const text = "The envoys met for talks with ul-Tarvo and agreed to meet again after the holiday."
	first, _, _ := s.AddText(text)
	second, _, _ := s.AddText("Before leaving the capital, ul-Tarvo said the crossing would open within a month.")
	if offered(t, s, second, suggest.Person, "ul-Tarvo") {
		t.Fatal("the rules or the shipped model already offer ul-Tarvo: the test needs a name they miss")
	}
	at := strings.Index(text, "ul-Tarvo")
	if err := s.Teach(first, suggest.Person, at, at+len("ul-Tarvo")); err != nil {
		t.Fatal(err)
	}
	s.SettleLearning()
	if !offered(t, s, second, suggest.Person, "ul-Tarvo") {
		t.Error("a name coded by hand is not offered in a new article")
	}
	// the model is kept in the database (what it learned beyond the
	// shipped model, not the shipped weights again): a new session has it
	kept, _ := s.st.Mark(modelMark("en"))
	if len(kept) == 0 || len(kept) > 64<<10 {
		t.Errorf("the database keeps %d bytes of model for one lesson", len(kept))
	}
	t.Logf("one lesson keeps %d bytes", len(kept))
	again := NewSession(s.st, "test")
	if !offered(t, again, second, suggest.Person, "ul-Tarvo") {
		t.Error("what was learned was not kept in the database")
	}
}

// TestCodedEventTeachesItsType: an event coded as an accusation from a
// sentence whose verb the rules read as a threat teaches the verb: the
// next such sentence is suggested as an accusation.
func TestCodedEventTeachesItsType(t *testing.T) {
	s := newSession(t)
	first, _, _ := s.AddText("The foreign ministry warned the neighbouring government on Monday.")
	second, _, _ := s.AddText("The interior ministry warned the border guards on Tuesday.")
	cameoOf := func(id string) string {
		ss, _ := s.Suggestions(id)
		for _, sg := range ss {
			if sg.Kind == suggest.Event {
				return sg.CAMEO + sg.Learned
			}
		}
		return ""
	}
	if got := cameoOf(second); got != "130" {
		t.Fatalf("the rules read %q, want a threat (130): the test needs them to", got)
	}
	quote := "The foreign ministry warned the neighbouring government on Monday."
	e := &data.Event{Type: "ACCUSE", CAMEO: "112", Evidence: []data.Span{{Article: first, Start: 0, End: len(quote), Quote: quote}}}
	if err := s.SaveEvent(e, ""); err != nil {
		t.Fatal(err)
	}
	s.SettleLearning()
	if got := cameoOf(second); got != "112"+suggest.LearnedType {
		t.Errorf("after coding an accusation, the next \"warned\" is suggested as %q", got)
	}
}

// TestTitledNamesKeepTheRegisterClean: an analyst who codes people with
// their titles teaches suggestions to take titles in; accepting one still
// puts the person, not the title, in the register.
func TestTitledNamesKeepTheRegisterClean(t *testing.T) {
	s := newSession(t)
	for _, coded := range [][2]string{
		{"On Monday Foreign Minister Alar Tamm met the visiting delegation in Brussels.", "Foreign Minister Alar Tamm"},
		{"Later Foreign Minister Ines Kallas wrote to the delegation again.", "Foreign Minister Ines Kallas"},
	} {
		id, _, _ := s.AddText(coded[0])
		at := strings.Index(coded[0], coded[1])
		if err := s.Teach(id, suggest.Person, at, at+len(coded[1])); err != nil {
			t.Fatal(err)
		}
	}
	s.SettleLearning()
	id, _, _ := s.AddText("In Vilnius Foreign Minister Rein Aavik thanked the delegation for its help.")
	ss, err := s.Suggestions(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, sg := range ss {
		if sg.Kind != suggest.Person {
			continue
		}
		if sg.Text != "Foreign Minister Rein Aavik" || sg.Learned != suggest.LearnedBoundaries {
			t.Fatalf("the person suggested: %q (%s)", sg.Text, sg.Learned)
		}
		actor, err := s.AcceptSuggestion(id, sg)
		if err != nil {
			t.Fatal(err)
		}
		if a, _ := s.st.Actor(actor); a == nil || a.Name != "Rein Aavik" || a.Kind != data.KindPerson || len(a.Roles) == 0 || a.Roles[0].Post != "Foreign Minister" {
			t.Fatalf("the register holds %+v", a)
		}
		return
	}
	t.Fatalf("no person suggested: %+v", ss)
}

// An article's suggestions come from the model of its language: a German
// article is read by the German model (the rules alone miss the river).
func TestArticleIsReadByItsLanguagesModel(t *testing.T) {
	s := newSession(t)
	id, _, err := s.AddText("Der Bürgermeister von Hamburg, Peter Tschentscher, eröffnete am Montag die neue Brücke über die Elbe. Tausende Menschen kamen zur Feier an das Ufer.")
	if err != nil {
		t.Fatal(err)
	}
	if !offered(t, s, id, suggest.Location, "Elbe") {
		ss, _ := s.Suggestions(id)
		t.Errorf("the German model's river is not offered: %+v", ss)
	}
}
