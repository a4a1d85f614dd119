package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/network"
	"dossier/data"
)

// Render tests of the window's own widgets, as Fyne tests its widgets: the
// drawing of a known input is compared with a master in testdata/ (markup:
// every rectangle, circle, line and text with its place, size and colour).
// A change that moves or recolours anything fails here; when the change is
// meant, the new drawing written to testdata/failed/ becomes the master
// once someone has looked at it.

// The timeline draws five lanes named by QuadClass, month ticks, and one
// mark per dated event in its class's lane and colour, larger for an
// event reported to have killed 100 people; an undated event has no mark.
func TestTimelineRenders(t *testing.T) {
	test.NewTempApp(t)
	hundred := 100
	rows := []app.EventRow{
		{ID: "ev-1", Date: "2025-01-10", QuadClass: 1},
		{ID: "ev-2", Date: "2025-02-20", QuadClass: 4, Size: data.Size{Fatalities: &hundred}},
		{ID: "ev-3", Date: "2025-03-02", QuadClass: 2},
		{ID: "ev-4", Date: "", QuadClass: 3},
	}
	tl := newTimeline(func() eventList { return app.NewEventTable(rows...) }, func(string) {})
	tl.Resize(fyne.NewSize(640, 260))
	tl.Reload()
	test.AssertObjectRendersToMarkup(t, "timeline.xml", tl)
}

// The reader draws a title, a paragraph wrapped to its width and the
// highlight of a coded span behind its words.
func TestReaderRenders(t *testing.T) {
	test.NewTempApp(t)
	r := NewReader()
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(420, 260))
	text := "Talks in Beijing\n\nSergei Shoigu met Wang Yi in Beijing on Friday. They agreed to talk again."
	r.SetText(text)
	start := len([]rune("Talks in Beijing\n\n"))
	r.SetHighlights([]highlight{{start: start, end: start + len("Sergei Shoigu"), style: hlActor}})
	test.AssertRendersToMarkup(t, "reader.xml", w.Canvas())
}

// The link chart draws a circle per actor sized by its events, a link per
// pair in the colour of its events' QuadClass, and the names.
func TestNetworkChartRenders(t *testing.T) {
	test.NewTempApp(t)
	actors := map[string]data.Actor{
		"ac-1": {ID: "ac-1", Name: "Sergei Shoigu", Kind: "person", Country: "RUS"},
		"ac-2": {ID: "ac-2", Name: "Wang Yi", Kind: "person", Country: "CHN"},
		"ac-3": {ID: "ac-3", Name: "Ministry of Defence", Kind: "organisation", Country: "RUS"},
	}
	b := network.NewBuilder(actors)
	for _, e := range []data.Event{
		{ID: "ev-1", Type: "CONSULT", CAMEO: "040", Date: data.EventDate{Start: "2025-03-02"}, Actors: []string{"ac-1"}, Recipients: []string{"ac-2"}},
		{ID: "ev-2", Type: "AGREE", CAMEO: "057", Date: data.EventDate{Start: "2025-03-03"}, Actors: []string{"ac-2"}, Recipients: []string{"ac-1"}},
		{ID: "ev-3", Type: "ASSAULT", CAMEO: "190", Date: data.EventDate{Start: "2025-03-04"}, Actors: []string{"ac-3"}, Recipients: []string{"ac-2"}},
	} {
		b.Add(&e)
	}
	c := newNetworkChart()
	c.Resize(fyne.NewSize(480, 360))
	g := b.Graph()
	placeGraph(c.layout, g, nil)
	c.showGraph(g, c.layout)
	test.AssertObjectRendersToMarkup(t, "network.xml", c)
}
