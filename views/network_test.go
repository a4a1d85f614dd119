package views

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"dossier/app/network"
	"dossier/data"
	"dossier/data/storetest"
)

// TestNetworkTab: on the worked example, plus an attack of Shoigu's on Wang
// Yi, the chart draws one circle per actor and one link per pair, the pair
// with two kinds of events split in their two colours; a tap on that link
// opens exactly its two events; a type filter redraws the chart.
func TestNetworkTab(t *testing.T) {
	f := newFixture(t)
	if _, err := f.wb.sess.LoadSample(); err != nil {
		t.Fatal(err)
	}
	shoigu, _ := f.st.ActorsNamed("Sergei Shoigu")
	wang, _ := f.st.ActorsNamed("Wang Yi")
	attack := &data.Event{Type: "ASSAULT", CAMEO: "190", Date: data.EventDate{Start: "2025-03-05"},
		Actors: []string{shoigu[0].ID}, Recipients: []string{wang[0].ID}}
	if err := f.st.PutEvent(context.Background(), attack); err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.tabs.Select(f.wb.tab.network)
	f.settle()
	chart := f.wb.network.chart
	s := chart.scene
	events, _ := f.st.Events(data.EventQuery{})
	parties, pairs := map[string]bool{}, map[[2]string]int{}
	for _, e := range events {
		for _, p := range e.Parties() {
			parties[p] = true
		}
		for _, a := range e.Actors {
			for _, r := range e.Recipients {
				pairs[[2]string{a, r}]++
			}
		}
	}
	if len(s.Nodes) != len(parties) || len(s.Links) != len(pairs) {
		t.Fatalf("%d circles for %d actors, %d links for %d pairs", len(s.Nodes), len(parties), len(s.Links), len(pairs))
	}
	var split network.DrawnLink
	for _, l := range s.Links {
		if l.Link.Count() != pairs[[2]string{l.Link.From, l.Link.To}] {
			t.Errorf("link %s→%s counts %d", l.Link.From, l.Link.To, l.Link.Count())
		}
		if l.Link.From == shoigu[0].ID && l.Link.To == wang[0].ID {
			split = l
		}
	}
	if len(split.Strokes) != 2 || split.Strokes[0].Color != network.QuadColours[1] || split.Strokes[1].Color != network.QuadColours[4] {
		t.Fatalf("Shoigu → Wang Yi drawn as %+v, want verbal cooperation and material conflict side by side", split.Strokes)
	}
	if shown := visibleCircles(test.WidgetRenderer(chart).Objects()); shown != len(parties) {
		t.Errorf("%d circles on screen", shown)
	}
	st := split.Strokes[1]
	chart.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32((st.X1+st.X2)/2), float32((st.Y1+st.Y2)/2))})
	f.settle()
	if f.wb.tabs.Selected() != f.wb.tab.events {
		t.Fatal("a tap on a link did not open the Events tab")
	}
	rows := f.wb.allEvents.rows.Rows()
	if len(rows) != 2 || rows[0].Recipients != "Wang Yi" || rows[1].Recipients != "Wang Yi" {
		t.Fatalf("the link opened %+v, want Shoigu's two events towards Wang Yi", rows)
	}
	f.wb.allEvents.showActor("", "", "", "")
	f.wb.allEvents.typ.SetSelected("ASSAULT")
	f.wb.tabs.Select(f.wb.tab.network)
	f.settle()
	if s := chart.scene; len(s.Links) != 1 || len(s.Nodes) != 2 {
		t.Fatalf("after filtering on ASSAULT: %d links, %d nodes", len(s.Links), len(s.Nodes))
	}
}

func visibleCircles(objs []fyne.CanvasObject) int {
	n := 0
	for _, o := range objs {
		if c, ok := o.(*canvas.Circle); ok && c.Visible() {
			n++
		}
	}
	return n
}

// TestCountryLinkOpensItsEvents: past GroupAbove actors the chart joins
// them by country; a tap on a link between two countries opens exactly
// the events where an actor of the first acts on one of the second.
func TestCountryLinkOpensItsEvents(t *testing.T) {
	f := newFixture(t)
	if err := storetest.GenerateNetwork(f.st, network.GroupAbove+100, 1500); err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.tabs.Select(f.wb.tab.network)
	f.settle()
	chart := f.wb.network.chart
	var hit network.DrawnLink
	var at fyne.Position
	links := slices.Clone(chart.scene.Links)
	slices.SortStableFunc(links, func(a, b network.DrawnLink) int { return b.Link.Count() - a.Link.Count() }) // the busiest link that can be hit
	for _, l := range links {
		st := l.Strokes[0]
		x, y := (st.X1+st.X2)/2, (st.Y1+st.Y2)/2
		if _, onNode := chart.scene.NodeAt(x, y); onNode {
			continue
		}
		if got, ok := chart.scene.LinkAt(x, y); ok && got.Link.From == l.Link.From && got.Link.To == l.Link.To {
			hit, at = l, fyne.NewPos(float32(x), float32(y))
			break
		}
	}
	shown, _, _ := chart.shown()
	from, _ := shown.Node(hit.Link.From)
	to, _ := shown.Node(hit.Link.To)
	if from.Kind != "country" || to.Kind != "country" {
		t.Fatalf("the chart is not grouped by country: %+v → %+v", from, to)
	}
	chart.Tapped(&fyne.PointEvent{Position: at})
	f.settle()
	countryOf := map[string]string{}
	actors, _ := f.st.Actors()
	for _, a := range actors {
		countryOf[a.Name] = a.Country
	}
	rows := f.wb.allEvents.rows.Rows()
	if len(rows) != hit.Link.Count() {
		t.Fatalf("the link %s → %s counts %d events, the Events tab shows %d", from.Name, to.Name, hit.Link.Count(), len(rows))
	}
	for _, r := range rows {
		if countryOf[r.Actors] != from.Country || countryOf[r.Recipients] != to.Country {
			t.Fatalf("%s → %s opened %s (%s) → %s (%s)", from.Country, to.Country, r.Actors, countryOf[r.Actors], r.Recipients, countryOf[r.Recipients])
		}
	}
	if !f.wb.allEvents.pair.Visible() || f.wb.allEvents.country.Text != from.Country {
		t.Errorf("the filter bar does not say which link: country %q, pair shown %v", f.wb.allEvents.country.Text, f.wb.allEvents.pair.Visible())
	}
}

// TestNetworkSizedAndColouredByMeasures: on the worked example, "Size by
// degree" makes Shoigu (three links) the largest circle, "Colour by
// community" paints his community's actors alike and the actors without a
// link grey, and the tooltip tells an actor's measures.
func TestNetworkSizedAndColouredByMeasures(t *testing.T) {
	f := newFixture(t)
	if _, err := f.wb.sess.LoadSample(); err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.tabs.Select(f.wb.tab.network)
	f.settle()
	tab := f.wb.network
	before := map[string]float64{}
	for _, n := range tab.chart.scene.Nodes {
		before[n.Node.Name] = n.R
	}
	tab.sizeBy.SetSelected(network.SizeDegree)
	tab.colourBy.SetSelected(network.ColourCommunity)
	f.settle()
	var shoigu network.DrawnNode
	for _, n := range tab.chart.scene.Nodes {
		if n.Node.Name == "Sergei Shoigu" {
			shoigu = n
		}
	}
	for _, n := range tab.chart.scene.Nodes {
		m, _ := tab.chart.analysis.Of(tab.chart.full, n.Node.ID)
		switch {
		case n.Node.ID != shoigu.Node.ID && n.R >= shoigu.R:
			t.Errorf("%s (degree %d) is drawn as large as Shoigu (%.1f ≥ %.1f)", n.Node.Name, m.In+m.Out, n.R, shoigu.R)
		case m.Community == 0 && n.Fill == shoigu.Fill:
			t.Errorf("%s has no link but the colour of Shoigu's community", n.Node.Name)
		case m.Community == 1 && n.Fill != network.Palette[0]:
			t.Errorf("%s of community 1 is drawn %v", n.Node.Name, n.Fill)
		}
	}
	if shoigu.R != 36 || before["Sergei Shoigu"] == 36 {
		t.Errorf("Shoigu, sized by degree, is %.1f (by events %.1f), want the largest size, 36", shoigu.R, before["Sergei Shoigu"])
	}
	if !strings.Contains(tab.status.Text, "communities (modularity") {
		t.Errorf("the status line says %q", tab.status.Text)
	}
	tab.chart.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(shoigu.X), float32(shoigu.Y))}})
	if tip := strings.Join(tab.chart.tip, "\n"); !strings.Contains(tip, "0 in, 3 out · betweenness 0.000") || !strings.Contains(tip, "community 1") {
		t.Errorf("Shoigu's tooltip says %q", tip)
	}
}

// TestActorsTabMeasuresTheNetwork: "Measure the network" fills the Actors
// tab's Degree, Betweenness, PageRank and Community columns; sorting by
// degree puts Shoigu first; a new event marks the measures out of date.
func TestActorsTabMeasuresTheNetwork(t *testing.T) {
	f := newFixture(t)
	if _, err := f.wb.sess.LoadSample(); err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.tabs.Select(f.wb.tab.actors)
	f.settle()
	r := f.wb.register
	degree := r.table.cols[7]
	if degree.title != "Degree" || degree.cell(0) != "" {
		t.Fatalf("before measuring, column 8 is %q with %q", degree.title, degree.cell(0))
	}
	r.measureNetwork()
	f.settle()
	r.sortBy(7)
	if r.shown[0].Name != "Sergei Shoigu" || degree.cell(0) != "3" || r.table.cols[10].cell(0) != "1" || r.table.cols[9].cell(0) == "" {
		t.Fatalf("sorted by degree, the first row is %s with degree %q, community %q", r.shown[0].Name, degree.cell(0), r.table.cols[10].cell(0))
	}
	if !strings.Contains(f.wb.bar.Text, "Measured the network of") {
		t.Errorf("the status bar says %q", f.wb.bar.Text)
	}
	shoigu, _ := f.st.ActorsNamed("Sergei Shoigu")
	if err := f.st.PutEvent(context.Background(), &data.Event{Type: "CONSULT", Date: data.EventDate{Start: "2025-03-05"}, Actors: []string{shoigu[0].ID}}); err != nil {
		t.Fatal(err)
	}
	f.settle()
	if !strings.Contains(r.count.Text, "measures out of date") {
		t.Errorf("after a new event the count says %q", r.count.Text)
	}
}

// TestNetworkMovesTheActorsOfAChangedEvent: an event saved while the chart
// shows moves the nodes of its parties (Marked links), and no other.
func TestNetworkMovesTheActorsOfAChangedEvent(t *testing.T) {
	f := newFixture(t)
	if _, err := f.wb.sess.LoadSample(); err != nil {
		t.Fatal(err)
	}
	f.wb.tabs.Select(f.wb.tab.network)
	f.settle()
	before := maps.Clone(f.wb.network.chart.layout.Pos)
	if len(before) < 4 {
		t.Fatalf("%d actors charted", len(before))
	}
	ids := slices.Sorted(maps.Keys(before))
	from, to := ids[0], ids[len(ids)-1]
	e := &data.Event{Type: "CONSULT", CAMEO: "040", Date: data.EventDate{Start: "2025-04-01"}, Actors: []string{from}, Recipients: []string{to}}
	if err := f.st.PutEvent(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	f.settle()
	after := f.wb.network.chart.layout.Pos
	var moved []string
	for id, p := range before {
		if after[id] != p {
			moved = append(moved, id)
		}
	}
	slices.Sort(moved)
	if want := []string{from, to}; !slices.Equal(moved, want) {
		t.Fatalf("moved %v, want the new event's parties %v", moved, want)
	}
}
