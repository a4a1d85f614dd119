package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/data/storetest"
)

// BenchmarkNetwork2000Actors100kEvents: the Network tab on 2,000 actors and
// 100,000 events. It reports the time to the first picture (reading the
// events, the layout and the first frame; target 2 s) and the work of one
// frame (one drag step or one scroll step, each a redraw) while panning
// and zooming, grouped by country (the whole network)
// and one by one (zoomed in); target 16 ms.
func BenchmarkNetwork2000Actors100kEvents(b *testing.B) {
	st, dir := benchStore(b)
	if err := storetest.GenerateNetwork(st, 2000, 100000); err != nil {
		b.Fatal(err)
	}
	sess := app.NewSession(st, dir)
	var first, grouped, single time.Duration
	frames := 0
	for b.Loop() {
		test.NewTempApp(b)
		tab := newNetworkTab(sess, networkLinks{filter: func() app.EventFilter { return app.EventFilter{} }})
		w := test.NewTempWindow(b, tab.view())
		w.Resize(fyne.NewSize(1400, 900))
		start := time.Now()
		tab.show(true)
		first += time.Since(start)
		c := tab.chart
		pan := func(n int) time.Duration {
			start := time.Now()
			for i := range n {
				c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(700, 450)}, Dragged: fyne.NewDelta(float32(i%7)-3, 2)})
				c.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(700, 450)}, Scrolled: fyne.NewDelta(0, float32(i%3-1))})
			}
			c.DragEnd()
			return time.Since(start)
		}
		grouped += pan(20)
		c.view.Scale = c.fitScale * (groupZoom + 1) // zoomed in: actors one by one
		c.redraw()
		single += pan(20)
		frames += 80 // each drag and each scroll is one redraw
	}
	perFrame := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(frames) }
	b.ReportMetric(first.Seconds()/float64(b.N), "s-to-first-picture")
	b.ReportMetric(perFrame(grouped), "ms-per-frame-by-country")
	b.ReportMetric(perFrame(single), "ms-per-frame-actors")
}
