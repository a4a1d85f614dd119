package views

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/data/storetest"
)

// BenchmarkMap100kEvents: the Map tab on 100,000 events at 4,000 towns.
// It reports the time to the first picture (reading the events, grouping
// them and drawing the land; target 1 s), the work of one frame while
// panning and zooming (target 16 ms) and of one step of the time window
// (target 50 ms), beside a plain read of the same events (the baseline).
func BenchmarkMap100kEvents(b *testing.B) {
	st, dir := benchStore(b)
	if err := storetest.GenerateMap(st, 100000); err != nil {
		b.Fatal(err)
	}
	sess := app.NewSession(st, dir)
	var first, frames, steps, read time.Duration
	nFrames, nSteps := 0, 0
	for b.Loop() {
		start := time.Now()
		if _, _, err := sess.MapSpots(context.Background(), app.EventFilter{}); err != nil {
			b.Fatal(err)
		}
		read += time.Since(start)
		test.NewTempApp(b)
		tab := newMapTab(sess, mapLinks{filter: func() app.EventFilter { return app.EventFilter{} }})
		w := test.NewTempWindow(b, tab.view())
		w.Resize(fyne.NewSize(1400, 900))
		start = time.Now()
		tab.show(true)
		test.WidgetRenderer(tab.chart).Refresh()
		first += time.Since(start)
		c := tab.chart
		start = time.Now()
		for i := range 40 {
			if i%2 == 0 {
				c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(700, 450)}, Dragged: fyne.NewDelta(float32(i%7)-3, 2)})
			} else {
				c.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(700, 450)}, Scrolled: fyne.NewDelta(0, 40)})
			} // each redraws, the renderer with it
		}
		frames += time.Since(start)
		nFrames += 40
		tab.to.Value = 2
		start = time.Now()
		for tab.step() {
			nSteps++
		}
		steps += time.Since(start)
	}
	ms := func(d time.Duration, n int) float64 { return float64(d.Microseconds()) / 1000 / float64(max(n, 1)) }
	b.ReportMetric(read.Seconds()/float64(b.N), "s-to-read-events")
	b.ReportMetric(first.Seconds()/float64(b.N), "s-to-first-picture")
	b.ReportMetric(ms(frames, nFrames), "ms-per-frame")
	b.ReportMetric(ms(steps, nSteps), "ms-per-window-step")
}
