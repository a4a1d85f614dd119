package app

import (
	"dossier/data"
	"fmt"
	"strings"
	"testing"
	"time"
)

// A long session keeps its latest steps to undo, not every step it ever
// made.
func TestHistoryKeepsTheLatestSteps(t *testing.T) {
	var h history
	for i := range maxSteps + 10 {
		h.push(change{label: fmt.Sprint(i), id: fmt.Sprint(i), at: time.Now()})
	}
	if len(h.undo) != maxSteps || h.undo[len(h.undo)-1].label != fmt.Sprint(maxSteps+9) || h.undo[0].label != "10" {
		t.Fatalf("%d steps kept, from %q to %q", len(h.undo), h.undo[0].label, h.undo[len(h.undo)-1].label)
	}
}

// Two sessions on one store (two windows, or a colleague's changes arriving)
// edit the same event: the second save, based on the version both read, is
// refused with a sentence and the first is intact.
func TestSecondSaveOfTheSameEventIsRefused(t *testing.T) {
	a := newSession(t)
	b := NewSession(a.st, "test")
	a.SetAnalystName("Analyst A")
	id, _ := a.LoadSample()
	evs, _ := a.EventsOf(id)
	mine, theirs := evs[0], evs[0]
	mine.Notes = "edited in window A"
	if err := a.SaveEvent(&mine, "notes"); err != nil {
		t.Fatal(err)
	}
	theirs.Notes = "edited in window B"
	err := b.SaveEvent(&theirs, "notes")
	if data.ErrorCode(err) != data.EConflict || !strings.Contains(data.ErrorMessage(err), "was changed since you opened it (version 2, by Analyst A") {
		t.Fatalf("second save: %v", err)
	}
	if got, _ := a.Event(mine.ID); got.Notes != "edited in window A" || got.Version != 2 {
		t.Fatalf("the first save is not intact: %+v", got)
	}
	if b.CanUndo() {
		t.Fatal("a refused save left an undo step")
	}
}

// Undo never overwrites a change someone else made since: the step stays,
// nothing is written, and the sentence says who changed what.
func TestUndoOverANewerChangeIsRefused(t *testing.T) {
	a := newSession(t)
	colleague := NewSession(a.st, "test")
	id, _ := a.LoadSample()
	a.history.forget()
	a.st.SetAnalystName(a.ctx(data.OriginWindow), "Analyst B")
	evs, _ := a.EventsOf(id)
	e := evs[0]
	e.Notes = "mine"
	if err := a.SaveEvent(&e, ""); err != nil {
		t.Fatal(err)
	}
	theirs, _ := colleague.Event(e.ID)
	theirs.Date.Start = "2025-02-27"
	if err := colleague.SaveEvent(theirs, ""); err != nil {
		t.Fatal(err)
	}
	before := dump(t, a)
	_, err := a.Undo()
	want := "Not undone: the CONSULT event of 2025-02-28 was changed by Analyst B since; open it."
	if data.ErrorMessage(err) != want {
		t.Fatalf("undo over a newer change: %q, want %q", data.ErrorMessage(err), want)
	}
	if dump(t, a) != before || !a.CanUndo() || a.CanRedo() {
		t.Fatal("a refused undo changed something")
	}
}

// The worked example's E1 and E3, coded with their actors, undo to nothing
// and redo to exactly what was coded.
func TestUndoRedoOfTheWorkedExample(t *testing.T) {
	s := newSession(t)
	id, _, _ := s.AddText(SampleText())
	art, _ := s.Article(id)
	empty := dump(t, s)
	names := map[string]string{}
	steps := 0
	for _, a := range []data.Actor{
		{Name: "Sergei Shoigu", Kind: data.KindPerson, Country: "RUS", Sector: "GOV", Aliases: []string{"Shoigu"}},
		{Name: "Wang Yi", Kind: data.KindPerson, Country: "CHN", Sector: "GOV"},
		{Name: "Islamic Emirate of Afghanistan", Kind: data.KindGovernment, Country: "AFG", Aliases: []string{"IEA"}},
		{Name: "Xi Jinping", Kind: data.KindPerson, Country: "CHN"},
		{Name: "Russia", Kind: data.KindGovernment, Country: "RUS"},
		{Name: "China", Kind: data.KindGovernment, Country: "CHN"},
	} {
		if err := s.SaveActor(&a); err != nil {
			t.Fatal(err)
		}
		names[a.Name] = a.ID
		steps++
	}
	all := sampleEvents(art, names)
	for _, e := range []data.Event{all[0], all[2]} { // E1 and E3
		e.Article = id
		if err := s.SaveEvent(&e, ""); err != nil {
			t.Fatal(err)
		}
		e.Notes = "checked"
		if err := s.SaveEvent(&e, "notes"); err != nil {
			t.Fatal(err)
		}
		steps += 2
	}
	coded := dump(t, s)
	for range steps {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if dump(t, s) != empty {
		t.Fatal("undo did not return to the empty register")
	}
	for range steps {
		if _, err := s.Redo(); err != nil {
			t.Fatal(err)
		}
	}
	if dump(t, s) != coded {
		t.Fatalf("redo did not bring E1 and E3 back exactly:\n%s\n%s", dump(t, s), coded)
	}
}
