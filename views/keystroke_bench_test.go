package views

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/data"
)

// BenchmarkKeystroke types into an event's Notes and Date fields on an open
// article and reports the work each keystroke costs: the save (a durable,
// conditional write) and every refresh the change feed then makes in the
// window. It runs with articles of 5,000 and 50,000 characters and
// registers of 100 and 10,000 actors; the work must stay under a frame
// (16 ms) and must not grow with either.
func BenchmarkKeystroke(b *testing.B) {
	for _, size := range []struct {
		chars, actors int
	}{{5000, 100}, {50000, 100}, {5000, 10000}, {50000, 10000}} {
		per := keystrokes(b, size.chars, size.actors)
		b.ReportMetric(per, fmt.Sprintf("ms-per-keystroke-%dk-%d", size.chars/1000, size.actors))
	}
}

// keystrokes opens a window on a fresh database of that size and types
// b.N times 40 keys; it returns the mean milliseconds per key.
func keystrokes(b *testing.B, chars, actors int) float64 {
	st, dir := benchStore(b)
	artID, evID := keystrokeStore(b, st, chars, actors)
	w := test.NewTempWindow(b, nil)
	wb := newWorkbench(app.NewSession(st, dir), w, newTestBridge())
	defer wb.stop()
	w.SetContent(wb.content())
	w.Resize(fyne.NewSize(1400, 900))
	wb.tabs.Select(wb.tab.actors) // the register is read, and follows the feed from now on
	wb.tabs.Select(wb.tab.code)
	wb.code.articles.selectID(artID)
	wb.ui.settle()
	if wb.code.editor.current().ID != evID {
		b.Fatal("the event is not open in the form")
	}
	var total time.Duration
	keys := 0
	for i := 0; i < b.N; i++ {
		for k := range 40 {
			field, key := wb.code.editor.notes, string(rune('a'+k%26))
			if k%2 == 1 { // the date, one digit at a time: 2025-02-2X
				field, key = wb.code.editor.start, ""
			}
			start := time.Now()
			if key != "" {
				test.Type(field, key)
			} else {
				field.SetText(fmt.Sprintf("2025-02-%02d", 10+k%18))
			}
			wb.ui.settle()
			total += time.Since(start)
			keys++
		}
	}
	if got, _ := st.Event(evID); got.Version < keys {
		b.Fatalf("%d keystrokes saved only %d versions", keys, got.Version)
	}
	return float64(total.Microseconds()) / 1000 / float64(keys)
}

// keystrokeStore stores an article of about chars characters naming some of
// the actors, a register of that many actors, and one event to type into.
func keystrokeStore(b *testing.B, st data.Store, chars, actors int) (string, string) {
	ctx := context.Background()
	var first string
	for from := 0; from < actors; from += 1000 {
		batch := &data.Batch{}
		for i := from; i < min(actors, from+1000); i++ {
			batch.Actors = append(batch.Actors, &data.Actor{Name: fmt.Sprintf("Envoy %d Kovalenko", i), Kind: data.KindPerson, Aliases: []string{fmt.Sprintf("Kovalenko-%d", i)}})
		}
		if err := st.Commit(ctx, batch); err != nil {
			b.Fatal(err)
		}
		if first == "" {
			first = batch.Actors[0].ID
		}
	}
	var text strings.Builder
	text.WriteString("Talks in Vienna\n\n")
	for i := 0; text.Len() < chars; i++ {
		fmt.Fprintf(&text, "Envoy %d Kovalenko met officials in Vienna on Friday and agreed to talk again. ", i%actors)
		if i%6 == 5 {
			text.WriteString("\n\n")
		}
	}
	res, err := st.AddArticles(ctx, []*data.Article{{Title: "Talks in Vienna", Text: text.String(), Hash: "keystroke"}})
	if err != nil {
		b.Fatal(err)
	}
	ev := data.Event{Type: "CONSULT", Article: res[0].ID, Actors: []string{first}, Date: data.EventDate{Start: "2025-02-28"},
		Evidence: []data.Span{{Article: res[0].ID, Start: 17, End: 60}}}
	if err := st.PutEvent(ctx, &ev); err != nil {
		b.Fatal(err)
	}
	return res[0].ID, ev.ID
}
