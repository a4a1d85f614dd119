package views

import (
	"bytes"
	"context"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"dossier/app/geomap"
	"dossier/data"
)

// TestMapTab: on the worked example and two events in Aleppo, the marks
// drawn stand exactly for the events with places, each where its events
// are; a tap on Aleppo's mark opens exactly its events in the Events tab;
// the time window hides the events outside it; a type filter redraws it;
// an edited event moves only its own mark.
func TestMapTab(t *testing.T) {
	aleppo := &data.Location{Name: "Aleppo", Lat: 36.20124, Lon: 37.16117, Country: "SYR", Precision: "city"}
	twelve := 12
	strike := &data.Event{Type: "ASSAULT", CAMEO: "195", Date: data.EventDate{Start: "2025-05-02"}, Location: aleppo, Size: data.Size{Fatalities: &twelve}}
	arrest := &data.Event{Type: "COERCE", CAMEO: "173", Date: data.EventDate{Start: "2025-05-20"}, Location: aleppo}
	f, tab := openMap(t, strike, arrest)
	chart := tab.chart
	events, _ := f.st.Events(data.EventQuery{})
	placed := map[string]bool{}
	for _, e := range events {
		if _, ok := geomap.SpotOf(&e); ok {
			placed[e.ID] = true
		}
	}
	s := chart.scene
	drawn := map[string]bool{}
	for _, m := range s.Marks {
		for _, id := range s.Events(m) {
			sp := s.Spots[slices.IndexFunc(s.Spots, func(sp geomap.Spot) bool { return sp.ID == id })]
			x, y := s.View.Pixel(sp.X, sp.Y)
			if math.Hypot(x-m.X, y-m.Y) > 40 {
				t.Errorf("%s is drawn %0.f px from its place", id, math.Hypot(x-m.X, y-m.Y))
			}
			drawn[id] = true
		}
	}
	if len(drawn) != len(placed) || len(placed) < 3 {
		t.Fatalf("%d events drawn for %d with places", len(drawn), len(placed))
	}
	if !strings.HasPrefix(tab.status.Text, plural(len(placed), "event")+" on the map") || strings.Contains(tab.status.Text, "without a place") != (len(events) > len(placed)) {
		t.Errorf("the status line says %q", tab.status.Text)
	}
	if c := test.WidgetRenderer(chart).(*mapRenderer); c.base.Image == nil || len(c.marks) < len(s.Marks) {
		t.Fatal("the map drew no land or too few marks")
	}

	var at geomap.Mark
	for _, m := range s.Marks {
		if ids := s.Events(m); slices.Contains(ids, strike.ID) {
			at = m
		}
	}
	chart.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(at.X), float32(at.Y))}})
	if tip := strings.Join(chart.tip, "|"); !strings.HasPrefix(tip, "Aleppo|2 events, 2025-05-02 to 2025-05-20|12 killed (as reported)") {
		t.Errorf("Aleppo's tooltip says %q", tip)
	}
	chart.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(at.X), float32(at.Y))})
	f.settle()
	if f.wb.tabs.Selected() != f.wb.tab.events {
		t.Fatal("a tap on a mark did not open the Events tab")
	}
	rows := f.wb.allEvents.rows.Rows()
	if len(rows) != 2 || rows[0].Place != "Aleppo" || rows[1].Place != "Aleppo" || !strings.Contains(f.wb.allEvents.chosen.Text, "2 events at Aleppo") {
		t.Fatalf("the mark opened %d rows (%q)", len(rows), f.wb.allEvents.chosen.Text)
	}
	test.Tap(f.wb.allEvents.chosen)
	f.wb.tabs.Select(f.wb.tab.places)
	f.settle()
	if n := len(chart.scene.Spots); n != len(placed) {
		t.Fatalf("after clearing the mark's filter the map shows %d events", n)
	}

	// the time window: May 2025 only
	may := slices.Index(tab.months, "2025-05")
	tab.from.SetValue(float64(may))
	f.settle()
	if ids := spotIDs(chart.scene); len(ids) != 2 || !slices.Contains(ids, strike.ID) || !slices.Contains(ids, arrest.ID) {
		t.Fatalf("May's window shows %v", ids)
	}
	if !strings.Contains(tab.window.Text, "May 2025 to May 2025") || !strings.Contains(tab.status.Text, "outside the time window") {
		t.Errorf("the window says %q, the status %q", tab.window.Text, tab.status.Text)
	}
	tab.from.SetValue(0)
	f.settle()

	// a type filter redraws it
	f.wb.allEvents.typ.SetSelected("ASSAULT")
	f.wb.tabs.Select(f.wb.tab.places)
	f.settle()
	if ids := spotIDs(chart.scene); len(ids) != 1 || ids[0] != strike.ID {
		t.Fatalf("filtered on ASSAULT, the map shows %v", ids)
	}

	// an edit moves only its own mark; the view stays
	view := chart.view
	moved, _ := f.st.Event(strike.ID)
	moved.Location = &data.Location{Name: "Homs", Lat: 34.72682, Lon: 36.72339, Country: "SYR", Precision: "city"}
	if err := f.st.PutEvent(context.Background(), moved); err != nil {
		t.Fatal(err)
	}
	f.settle()
	if chart.view != view || len(chart.scene.Spots) != 1 || chart.scene.Spots[0].Place != "Homs" {
		t.Fatalf("after the edit: view moved %v, spots %+v", chart.view != view, chart.scene.Spots)
	}
}

// openMap opens the Map tab on the worked example and more events, each
// citing its article.
func openMap(t *testing.T, more ...*data.Event) (*benchFixture, *mapTab) {
	t.Helper()
	f := newFixture(t)
	artID, err := f.wb.sess.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range more {
		e.Article = artID
		if err := f.st.PutEvent(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	f.settle()
	f.wb.tabs.Select(f.wb.tab.places)
	f.settle()
	return f, f.wb.places
}

func spotIDs(s geomap.Scene) []string {
	var out []string
	for _, m := range s.Marks {
		out = append(out, s.Events(m)...)
	}
	slices.Sort(out)
	return out
}

// TestMapPlays: Play steps a one-month window through the months and
// stops at the last.
func TestMapPlays(t *testing.T) {
	kyiv := &data.Location{Name: "Kyiv", Lat: 50.45466, Lon: 30.5238}
	_, tab := openMap(t, &data.Event{Type: "PROTEST", Date: data.EventDate{Start: "2025-01-10"}, Location: kyiv},
		&data.Event{Type: "PROTEST", Date: data.EventDate{Start: "2025-04-10"}, Location: kyiv})
	tab.to.SetValue(0)
	tab.playing = true
	steps := 0
	for tab.step() {
		steps++
		if from, to := tab.bounds(); from != to {
			t.Fatalf("the window grew to %s–%s", from, to)
		}
	}
	if steps != len(tab.months)-1 || tab.playing {
		t.Fatalf("%d steps over %d months, playing %v", steps, len(tab.months), tab.playing)
	}
}

// TestMapSavesWhatItShows: Save picture… writes the map as it is shown,
// the time window in its title: an SVG that parses with May's two marks'
// events, and a PNG of the map's size.
func TestMapSavesWhatItShows(t *testing.T) {
	aleppo := &data.Location{Name: "Aleppo", Lat: 36.20124, Lon: 37.16117}
	_, tab := openMap(t, &data.Event{Type: "ASSAULT", CAMEO: "190", Date: data.EventDate{Start: "2025-05-02"}, Location: aleppo},
		&data.Event{Type: "ASSAULT", CAMEO: "190", Date: data.EventDate{Start: "2025-05-20"}, Location: aleppo})
	tab.from.SetValue(float64(slices.Index(tab.months, "2025-05")))
	dir := t.TempDir()
	svg, err := tab.writePicture(filepath.Join(dir, "map.svg"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(svg)
	if err := xml.Unmarshal(b, new(struct{})); err != nil {
		t.Fatalf("the SVG does not parse: %v", err)
	}
	if !strings.Contains(string(b), "Where: 2 events, May 2025 to May 2025 (filtered like the Events table)") || !strings.Contains(string(b), "<title>Aleppo\n2 events") {
		t.Errorf("the saved map is not what is shown:\n%.1200s", b)
	}
	png, err := tab.writePicture(filepath.Join(dir, "map")) // no extension: a PNG
	if err != nil || !strings.HasSuffix(png, "map.png") {
		t.Fatalf("%s %v", png, err)
	}
	if b, _ := os.ReadFile(png); !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Error("map.png is no PNG")
	}
}
