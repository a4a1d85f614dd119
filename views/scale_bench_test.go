package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// benchStore is a test app and an empty on-disk database, closed when the
// benchmark ends.
func benchStore(b *testing.B) (*badgerstore.Store, string) {
	test.NewTempApp(b)
	dir := b.TempDir() + "/db"
	st, err := badgerstore.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st, dir
}

// BenchmarkScale100k opens the window on 10,000 articles and 100,000
// events: start-up to the first frame (target ≤ 2 s) and a scroll step of
// the all-events table (target ≤ 30 ms). Frames come from the test
// driver's software painter (see BenchmarkReaderOpen50k); "-work" metrics
// leave the frame out.
func BenchmarkScale100k(b *testing.B) {
	st, dir := benchStore(b)
	if err := storetest.Generate(st, 10000, 100000); err != nil {
		b.Fatal(err)
	}
	var startup, rowsLoad, blocked, step, stepWork time.Duration
	steps := 0
	for b.Loop() {
		t := time.Now()
		w := test.NewTempWindow(b, nil)
		ui := newTestBridge()
		wb := newWorkbench(app.NewSession(st, dir), w, ui)
		w.SetContent(wb.content())
		w.Resize(fyne.NewSize(1400, 900))
		w.Canvas().Capture()
		startup += time.Since(t)
		ui.settle() // the article list, read after the first frame, and the newest article opened

		t = time.Now()
		wb.tabs.SelectIndex(2) // the Events tab reads its rows when shown, off the UI goroutine
		blocked += time.Since(t)
		ui.settle()
		rowsLoad += time.Since(t)
		for k := 1; k <= 20; k++ {
			t = time.Now()
			wb.allEvents.table.ScrollTo(widget.TableCellID{Row: k * 5000, Col: 0})
			stepWork += time.Since(t)
			w.Canvas().Capture()
			step += time.Since(t)
			steps++
		}
	}
	n := float64(b.N)
	b.ReportMetric(startup.Seconds()/n, "s-startup-to-frame")
	b.ReportMetric(rowsLoad.Seconds()/n, "s-events-tab-load")
	b.ReportMetric(float64(blocked.Microseconds())/1000/n, "ms-events-tab-ui-blocked")
	b.ReportMetric(float64(step.Milliseconds())/float64(steps), "ms-scroll-step-to-frame")
	b.ReportMetric(float64(stepWork.Microseconds())/1000/float64(steps), "ms-scroll-step-work")
}
