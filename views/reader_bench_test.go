package views

import (
	"image"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// longArticle is about n characters of paragraphs of news-like prose.
func longArticle(n int) string {
	words := strings.Fields("the minister met officials in the capital on friday to discuss security cooperation and regional issues while delegates condemned the strikes near the border and called for calm according to reports from both sides")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		switch {
		case i%97 == 96:
			b.WriteString(".\n\n")
		case i%13 == 12:
			b.WriteString(". ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func capture(w fyne.Window) image.Image { return w.Canvas().Capture() }

// BenchmarkReaderOpen50k times opening a 50,000-character article to its
// first rendered frame, and a selection change, against the stock wrapped
// multi-line Entry showing the same text (targets: ≤ 300 ms open, ≤ 50 ms
// per selection change). Frames here come from the test driver's software
// painter; ms-redraw-unchanged is what one frame costs with nothing changed,
// so ms-select-work is the reader's own share of a selection change.
func BenchmarkReaderOpen50k(b *testing.B) {
	test.NewTempApp(b)
	text := longArticle(50000)
	var open, sel, selWork, stock, frame time.Duration
	for b.Loop() {
		r := NewReader()
		w := test.NewTempWindow(b, r)
		w.Resize(fyne.NewSize(800, 900))
		t := time.Now()
		r.SetText(text)
		capture(w)
		open += time.Since(t)

		t = time.Now()
		capture(w)
		frame += time.Since(t)

		t = time.Now()
		r.Select(1000, 1040)
		selWork += time.Since(t)
		capture(w)
		sel += time.Since(t)

		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		w2 := test.NewTempWindow(b, e)
		w2.Resize(fyne.NewSize(800, 900))
		t = time.Now()
		e.SetText(text)
		capture(w2)
		stock += time.Since(t)
	}
	n := float64(b.N)
	b.ReportMetric(open.Seconds()*1000/n, "ms-open")
	b.ReportMetric(sel.Seconds()*1000/n, "ms-select-to-frame")
	b.ReportMetric(selWork.Seconds()*1000/n, "ms-select-work")
	b.ReportMetric(frame.Seconds()*1000/n, "ms-redraw-unchanged")
	b.ReportMetric(stock.Seconds()*1000/n, "ms-stock-entry")
	b.ReportMetric(open.Seconds()/stock.Seconds(), "open-ratio-to-stock")
}

func TestLongArticleIsAllThere(t *testing.T) {
	test.NewTempApp(t)
	text := longArticle(50000)
	r := NewReader()
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(800, 900))
	r.SetText(text)
	total := 0
	for _, p := range r.paras {
		total += len(p.words)
		if len(p.lines) == 0 {
			t.Fatal("a paragraph was not laid out")
		}
	}
	if total != len(strings.Fields(text)) {
		t.Fatalf("%d words laid out, want %d", total, len(strings.Fields(text)))
	}
	if got := r.textRange(r.paras[3].start, r.paras[3].start+20); got != string([]rune(text)[r.paras[3].start:r.paras[3].start+20]) {
		t.Fatalf("textRange = %q", got)
	}
}
