package network

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"dossier/data"
)

func testGraph(extra ...data.Event) *Graph {
	actors := map[string]data.Actor{
		"a": {ID: "a", Name: "Ana", Kind: data.KindPerson, Country: "FRA"}, "b": {ID: "b", Name: "Ben", Kind: data.KindPerson, Country: "FRA"},
		"c": {ID: "c", Name: "Cy", Kind: data.KindGovernment, Country: "TUR"}, "d": {ID: "d", Name: "Di", Kind: data.KindArmedGroup, Country: "SYR"},
	}
	b := NewBuilder(actors)
	for _, e := range append([]data.Event{
		{ID: "e1", Type: "CONSULT", CAMEO: "042", Date: data.EventDate{Start: "2025-01-02"}, Actors: []string{"a"}, Recipients: []string{"c"}},
		{ID: "e2", Type: "ASSAULT", CAMEO: "190", Date: data.EventDate{Start: "2025-02-03"}, Actors: []string{"a"}, Recipients: []string{"c"}},
		{ID: "e3", Type: "AID", CAMEO: "070", Date: data.EventDate{Start: "2024-12-01"}, Actors: []string{"c", "b"}, Recipients: []string{"d"}},
	}, extra...) {
		b.Add(&e)
	}
	return b.Graph()
}

func TestGraphCountsLinksByQuadClass(t *testing.T) {
	g := testGraph()
	if len(g.Nodes) != 4 || len(g.Links) != 3 {
		t.Fatalf("%d nodes, %d links", len(g.Nodes), len(g.Links))
	}
	ac := g.Links[0]
	if ac.From != "a" || ac.To != "c" || ac.Count() != 2 || ac.ByQuad[1] != 1 || ac.ByQuad[4] != 1 || ac.First != "2025-01-02" || ac.Last != "2025-02-03" {
		t.Fatalf("a→c: %+v", ac)
	}
	if types := ac.Types.Map(); len(types) != 2 || types["CONSULT"] != 1 || types["ASSAULT"] != 1 {
		t.Fatalf("a→c by type: %v", types)
	}
	if c, _ := g.Node("c"); c.Events != 3 || c.Types["AID"] != 1 {
		t.Fatalf("c: %+v", c)
	}
	byCountry := g.ByCountry()
	if len(byCountry.Nodes) != 3 || len(byCountry.Links) != 3 { // FRA→TUR (a's two events), FRA→SYR and TUR→SYR
		t.Fatalf("by country: %d nodes, %d links", len(byCountry.Nodes), len(byCountry.Links))
	}
	if fra, _ := byCountry.Node(CountryID("FRA")); fra.Members != 2 {
		t.Fatalf("France holds %d actors", fra.Members)
	}
	for _, l := range byCountry.Links {
		if l.From == CountryID("FRA") && l.To == CountryID("TUR") {
			if got := fmt.Sprint(l.Types.Map()); got != "map[ASSAULT:1 CONSULT:1]" {
				t.Fatalf("France → Turkey by type: %s", got)
			}
		}
	}
	if n := g.Neighbourhood("a", 1); len(n.Nodes) != 2 || len(n.Links) != 1 {
		t.Fatalf("a's neighbourhood: %d nodes, %d links", len(n.Nodes), len(n.Links))
	}
	if n := g.Neighbourhood("a", 2); len(n.Nodes) != 3 {
		t.Fatalf("two steps from a: %d nodes", len(n.Nodes))
	}
}

// TestLayoutIsDeterministicAndIncremental: the same graph lays out the
// same; a new event moves only the nodes it touches; a pinned node stays.
func TestLayoutIsDeterministicAndIncremental(t *testing.T) {
	g := testGraph()
	one, two := NewLayout(), NewLayout()
	one.Place(g, nil, 100)
	two.Place(g, nil, 100)
	for id, p := range one.Pos {
		if two.Pos[id] != p {
			t.Fatalf("%s placed at %v and %v", id, p, two.Pos[id])
		}
	}
	one.Pinned["c"] = true
	before := map[string]any{}
	for id, p := range one.Pos {
		before[id] = p
	}
	g2 := testGraph(data.Event{ID: "e4", Type: "ACCUSE", CAMEO: "112", Actors: []string{"b"}, Recipients: []string{"c"}})
	touched := map[string]bool{"b": true, "c": true}
	one.Place(g2, func(id string) bool { return touched[id] }, 30)
	for _, id := range []string{"a", "c", "d"} {
		if before[id] != one.Pos[id] {
			t.Errorf("%s moved though the edit did not touch it (or it is pinned)", id)
		}
	}
	if before["b"] == one.Pos["b"] {
		t.Error("b, touched, did not move")
	}
}

// TestCountriesDoNotPileUp: actors of twenty countries dealing across
// blocs; grouped by country and fitted to the window, no two countries'
// circles overlap and they spread over a good part of the chart.
func TestCountriesDoNotPileUp(t *testing.T) {
	countries := []string{"RUS", "CHN", "USA", "FRA", "TUR", "IRN", "SYR", "IRQ", "UKR", "GBR", "DEU", "EGY", "ISR", "SAU", "IND", "PAK", "AFG", "NGA", "BRA", "JPN"}
	actors := map[string]data.Actor{}
	for i := range 400 {
		id := fmt.Sprintf("a%03d", i)
		actors[id] = data.Actor{ID: id, Name: id, Kind: data.KindPerson, Country: countries[i%len(countries)]}
	}
	b := NewBuilder(actors)
	rng := rand.New(rand.NewSource(1))
	for i := range 3000 {
		from, to := rng.Intn(400), rng.Intn(400)
		b.Add(&data.Event{ID: fmt.Sprint("e", i), Type: "CONSULT", CAMEO: "042", Actors: []string{fmt.Sprintf("a%03d", from)}, Recipients: []string{fmt.Sprintf("a%03d", to)}})
	}
	g := b.Graph()
	l := NewLayout()
	l.Place(g, nil, Rounds(len(g.Nodes)))
	grouped := g.ByCountry()
	view := Fit(g, l, 1400, 700)
	s := Draw(grouped, CountryLayout(g, grouped, l), view, "")
	if len(s.Nodes) != len(countries) {
		t.Fatalf("%d countries drawn", len(s.Nodes))
	}
	lo, hi := s.Nodes[0].X, s.Nodes[0].X
	for i, a := range s.Nodes {
		lo, hi = math.Min(lo, a.X), math.Max(hi, a.X)
		for _, o := range s.Nodes[i+1:] {
			if math.Hypot(a.X-o.X, a.Y-o.Y) < a.R+o.R {
				t.Fatalf("%s and %s overlap", a.Label, o.Label)
			}
		}
	}
	if hi-lo < 300 {
		t.Errorf("the countries take %.0f px of a 1400 px chart", hi-lo)
	}
}

func TestMarkedLinksCountAMarkedEvent(t *testing.T) {
	actors := map[string]data.Actor{"a": {ID: "a", Country: "FRA"}, "b": {ID: "b", Country: "FRA"}, "c": {ID: "c", Country: "TUR"}}
	b := NewBuilder(actors).Marking(map[string]bool{"e2": true, "a": true}) // an actor's id marks nothing
	for _, e := range []data.Event{
		{ID: "e1", Type: "CONSULT", Actors: []string{"a"}, Recipients: []string{"b"}},
		{ID: "e2", Type: "AID", Actors: []string{"a"}, Recipients: []string{"c"}},
		{ID: "e3", Type: "AID", Actors: []string{"a"}, Recipients: []string{"c"}},
		{ID: "e4", Type: "AID", Actors: []string{"b"}, Recipients: []string{"c"}},
	} {
		b.Add(&e)
	}
	g := b.Graph()
	if got := markedLinks(g.Links); got != "[a→c]" {
		t.Fatalf("marked links %s, want the one that counts e2", got)
	}
	for _, l := range g.ByCountry().Links { // France → Turkey holds a→c
		if !l.Marked {
			t.Fatalf("by country, %s → %s is not marked", l.From, l.To)
		}
	}
	if got := markedLinks(g.Neighbourhood("b", 1).Links); got != "[a→c]" {
		t.Fatalf("b's neighbourhood marks %s", got)
	}
}

func markedLinks(ls []Link) string {
	var marked []string
	for _, l := range ls {
		if l.Marked {
			marked = append(marked, l.From+"→"+l.To)
		}
	}
	return fmt.Sprint(marked)
}
