package suggest

import (
	"slices"
	"strings"
	"testing"
)

// A boundary that grows stops on a word that can end a name: never on a
// joining word, whatever its capitals, though an article may begin one.
func TestGrowthEndsOnAWordOfTheName(t *testing.T) {
	for _, c := range []struct{ text, yes, want string }{
		{"said The Harbour Council of Elders today", "the of elders", "The Harbour Council of Elders"},
		{"said the Harbour Council Of today", "of", "Harbour Council"},
		{"said of Harbour Council today", "of", "Harbour Council"},
	} {
		d := newDocument(c.text)
		at := strings.Index(c.text, "Harbour")
		s := Suggestion{Kind: Organisation, Start: at, End: at + len("Harbour Council")}
		start, end := walkEdges(d, s, func(move edgeMove, w token) bool {
			return (move == growLeft || move == growRight) && slices.Contains(strings.Fields(c.yes), strings.ToLower(w.text))
		})
		if got := d.slice(start, end); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// A grown name keeps its own words for the register, unless an
// organisation took in words with a capital: they are part of its name.
func TestGrownNamesForTheRegister(t *testing.T) {
	text := "Foreign Minister Rein Aavik thanked the Northern Crossing Authority and the coalition forces."
	d := newDocument(text)
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	for _, c := range []struct{ kind, rules, learned, want string }{
		{Person, "Rein Aavik", "Foreign Minister Rein Aavik", "Rein Aavik"},
		{Organisation, "Crossing Authority", "the Northern Crossing Authority", "Northern Crossing Authority"},
		{Organisation, "coalition", "the coalition forces", "coalition"},
	} {
		s := Suggestion{Kind: c.kind, Text: c.rules}
		s.Start, s.End = at(c.rules)
		start, end := at(c.learned)
		if got := PartyName(moved(d, s, start, end)); got != c.want {
			t.Errorf("%s grown to %s: named %q, want %q", c.rules, c.learned, got, c.want)
		}
	}
}

// What referred to an organisation whose name grew refers to the new name.
func TestGrownNameIsFollowed(t *testing.T) {
	text := "The Crossing Authority met Edo Rask. The Northern Crossing Authority said it agreed."
	d := newDocument(text)
	grown := renames{}
	at := strings.LastIndex(text, "Crossing Authority")
	org := Suggestion{Kind: Organisation, Start: at, End: at + len("Crossing Authority"), Text: "Crossing Authority"}
	start := strings.Index(text, "The Northern")
	out := []Suggestion{
		{Kind: Organisation, Start: 4, End: 22, Text: "Crossing Authority"},
		{Kind: Event, Actors: []string{"Crossing Authority"}, Recipients: []string{"Edo Rask"}},
		grown.move(d, org, start, org.End),
		{Kind: Organisation, Text: "it", RefersTo: "Crossing Authority"},
	}
	person := Suggestion{Kind: Person, Start: 27, End: 35, Text: "Edo Rask"}
	grown.move(d, person, 23, 35) // "met Edo Rask": a person's name is kept
	grown.follow(out)
	want := "Northern Crossing Authority"
	if PartyName(out[0]) != want || out[1].Actors[0] != want || PartyName(out[2]) != want || out[3].RefersTo != want {
		t.Fatalf("after the name grew: %q %q %q %q, want %q throughout", PartyName(out[0]), out[1].Actors[0], PartyName(out[2]), out[3].RefersTo, want)
	}
	if out[1].Recipients[0] != "Edo Rask" {
		t.Fatalf("a person renamed: %q", out[1].Recipients[0])
	}
}
