package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"dossier/app/network"
	"dossier/data"
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
	rows := f.wb.allEvents.rows
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
