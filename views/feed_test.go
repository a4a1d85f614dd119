package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/data"
)

// countingFinder counts how often the reader's mentions are searched for.
type countingFinder struct {
	mentionFinder
	calls int
}

func (c *countingFinder) Mentions(text string) ([]app.Mention, error) {
	c.calls++
	return c.mentionFinder.Mentions(text)
}

// A colleague's change, made through a second session on the same store,
// shows in the open article's events list, in the form and in the
// register row, without reopening anything.
func TestAColleaguesChangeShowsWithoutReopening(t *testing.T) {
	f := newFixture(t)
	id, _ := f.wb.sess.LoadSample()
	f.settle()
	f.wb.code.articles.selectID(id)
	f.wb.tabs.Select(f.wb.tab.actors) // the register is read once, then follows the feed
	f.wb.tabs.Select(f.wb.tab.code)
	f.settle()
	colleague := app.NewSessionFrom(f.st, "colleague", data.OriginColleague)
	shown := f.wb.code.editor.current()
	if shown.ID == "" || f.wb.code.editor.rowOf(shown.ID) != 0 {
		t.Fatalf("the first event is not open: %+v", shown)
	}

	ev, _ := colleague.Event(shown.ID)
	ev.Date.Start, ev.Notes = "2025-02-27", "moved a day by a colleague"
	if err := colleague.SaveEvent(ev, ""); err != nil {
		t.Fatal(err)
	}
	wang, _ := colleague.ActorsNamed("Wang Yi")
	renamed := wang[0]
	renamed.Name = "Wang Yi (FM)"
	if err := colleague.SaveActor(&renamed); err != nil {
		t.Fatal(err)
	}
	f.settle()

	row := f.wb.code.editor.summary(f.wb.code.editor.rows[0])
	if !strings.Contains(row, "2025-02-27") || !strings.Contains(row, "Wang Yi (FM)") {
		t.Fatalf("the events list shows %q", row)
	}
	if f.wb.code.editor.notes.Text != "moved a day by a colleague" || f.wb.code.editor.current().Version != ev.Version {
		t.Fatalf("the form shows %q at version %d", f.wb.code.editor.notes.Text, f.wb.code.editor.current().Version)
	}
	if !strings.Contains(f.wb.bar.Text, "changed by") {
		t.Fatalf("the bar does not say who changed the event: %q", f.wb.bar.Text)
	}
	if r, ok := f.wb.register.row(renamed.ID); !ok || r.Name != "Wang Yi (FM)" || r.Events != 1 {
		t.Fatalf("the register row is %+v (shown %v)", r, ok)
	}

	// The next keystroke is based on the colleague's version: it saves.
	test.Type(f.wb.code.editor.notes, "!")
	if got, _ := f.st.Event(ev.ID); !strings.Contains(got.Notes, "!") || !strings.Contains(got.Notes, "moved a day by a colleague") || got.Version != ev.Version+1 {
		t.Fatalf("after typing: %+v", got)
	}
}

// Typing in an event's notes saves the event and refreshes its row, but
// never searches the article for mentions again; changing an actor does.
func TestANotesKeystrokeDoesNotScanTheArticle(t *testing.T) {
	f := newFixture(t)
	counter := &countingFinder{mentionFinder: f.wb.sess}
	f.wb.code.marks.find = counter
	id, _ := f.wb.sess.LoadSample()
	f.settle()
	f.wb.code.articles.selectID(id)
	f.settle()
	if f.wb.code.editor.current().ID == "" || counter.calls != 1 {
		t.Fatalf("the sample's first event is not open (%d scans)", counter.calls)
	}
	counter.calls = 0
	for _, r := range "checked by the desk" {
		test.Type(f.wb.code.editor.notes, string(r))
		f.settle()
	}
	test.Type(f.wb.code.editor.start, "")
	f.wb.code.editor.start.SetText("2025-02-27")
	f.settle()
	if counter.calls != 0 {
		t.Fatalf("typing in the notes and the date searched for mentions %d times", counter.calls)
	}
	if got, _ := f.st.Event(f.wb.code.editor.current().ID); !strings.Contains(got.Notes, "checked by the desk") || got.Date.Start != "2025-02-27" {
		t.Fatalf("stored: %+v", got)
	}
	a, _ := f.wb.sess.ActorsNamed("Xi Jinping")
	a[0].Aliases = append(a[0].Aliases, "Chairman Xi")
	f.wb.sess.SaveActor(&a[0])
	f.settle()
	if counter.calls != 1 {
		t.Fatalf("an actor's new alias searched for mentions %d times, want 1", counter.calls)
	}
}
