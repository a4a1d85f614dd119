package views

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app/suggest"
	"dossier/data"
)

// The coding bar is driven through its port: a fake register, a fake
// event form and a selection the test chooses; no window, no store.
func TestCodingBarTurnsTheSelectionIntoTheEvent(t *testing.T) {
	reg := &fakeRegister{actors: []data.Actor{{ID: "ac-shoigu", Name: "Sergei Shoigu", Kind: data.KindPerson}}}
	form := &fakeDraft{}
	var said []string
	selected := data.Span{}
	c := newCodingBar(codingLinks{win: test.NewTempWindow(t, nil), register: reg, form: form,
		selection: func() (data.Span, bool) {
			if selected.Quote == "" {
				said = append(said, "select some words")
				return data.Span{}, false
			}
			sp := selected
			selected = data.Span{} // used once
			return sp, true
		},
		published: func() string { return "2025-03-02" },
		editActor: func(a data.Actor, saved func(*data.Actor)) { a.ID = "ac-new"; saved(&a) },
		tell:      func(s string) { said = append(said, s) }})
	c.view()
	choose := func(quote, button string) {
		selected = data.Span{Article: "ar-1", Start: 10, End: 10 + len([]rune(quote)), Quote: quote}
		test.Tap(c.buttons[button])
	}

	choose("Sergei Shoigu", "Recipient")
	choose("Wang Yi", "Actor") // not in the register: made in the actor form
	choose("Beijing", "Place")
	choose("on Friday", "Date")
	choose("met in Beijing", "Evidence")
	choose("Zqxwv", "Place")
	test.Tap(c.buttons["Evidence"]) // nothing selected

	want := []string{"party ac-shoigu recipient=true", "party ac-new recipient=false", "place Beijing CHN",
		"date 2025-02-28 day", "evidence “met in Beijing”"}
	if got := form.did; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the form was given:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if want := []string{"person 10", "person 10", suggest.Location + " 10"}; strings.Join(reg.taught, ",") != strings.Join(want, ",") {
		t.Errorf("taught %v, want %v", reg.taught, want)
	}
	if len(said) != 2 || !strings.Contains(said[0], "No place called “Zqxwv”") || said[1] != "select some words" {
		t.Errorf("the analyst was told %q", said)
	}
}

type fakeRegister struct {
	actors []data.Actor
	taught []string
}

func (r *fakeRegister) SearchActors(q string) ([]data.Actor, error) { return r.actors, nil }
func (r *fakeRegister) ActorsNamed(name string) ([]data.Actor, error) {
	for _, a := range r.actors {
		if a.Name == name {
			return []data.Actor{a}, nil
		}
	}
	return nil, nil
}
func (r *fakeRegister) Actor(id string) (*data.Actor, error) {
	for _, a := range r.actors {
		if a.ID == id {
			return &a, nil
		}
	}
	return nil, fmt.Errorf("no actor %s", id)
}
func (r *fakeRegister) SaveActor(a *data.Actor) error { r.actors = append(r.actors, *a); return nil }
func (r *fakeRegister) Teach(article, kind string, start, end int) error {
	r.taught = append(r.taught, fmt.Sprintf("%s %d", kind, start))
	return nil
}

type fakeDraft struct{ did []string }

func (f *fakeDraft) addParty(id string, recipient bool) {
	f.did = append(f.did, fmt.Sprintf("party %s recipient=%v", id, recipient))
}
func (f *fakeDraft) setPlace(l *data.Location) {
	f.did = append(f.did, "place "+l.Name+" "+l.Country)
}
func (f *fakeDraft) setDate(d data.EventDate) {
	f.did = append(f.did, "date "+d.Start+" "+d.Precision)
}
func (f *fakeDraft) setDateWords(w string)    { f.did = append(f.did, "date words "+w) }
func (f *fakeDraft) addEvidence(sp data.Span) { f.did = append(f.did, "evidence “"+sp.Quote+"”") }
