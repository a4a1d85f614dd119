package views

import (
	"strings"
	"testing"
)

// Two reports of one event, coded apart: the Events tab's likely
// duplicates offer the pair with what matched; keeping the first leaves
// one event that cites both reports' evidence (the table has one row
// fewer), and Ctrl+Z brings both back.
func TestMergeDuplicateEventsAndUndo(t *testing.T) {
	f := newFixture(t)
	artID := f.openSample(t)
	evs, _ := f.wb.sess.EventsOf(artID)
	first, second := evs[0], evs[1]
	second.Type, second.Mode, second.CAMEO, second.Date, second.Location = first.Type, first.Mode, first.CAMEO, first.Date, first.Location
	second.Actors, second.Recipients = first.Actors, first.Recipients
	if err := f.wb.sess.SaveEvent(&second, ""); err != nil {
		t.Fatal(err)
	}
	f.wb.tabs.Select(f.wb.tab.events)
	f.settle()
	if f.wb.allEvents.rows.Len() != 4 {
		t.Fatalf("%d rows before the merge", f.wb.allEvents.rows.Len())
	}
	d := f.wb.duplicates
	d.reload()
	if len(d.pairs) != 1 || !strings.Contains(d.head.Text, "1 pair") || !strings.Contains(d.label(d.pairs[0]), first.Type+" "+first.Date.Start) {
		t.Fatalf("the likely duplicates: %q, %d pairs", d.head.Text, len(d.pairs))
	}
	p := d.pairs[0]
	if !strings.Contains(strings.Join(p.Matched, ", "), "same day") {
		t.Fatalf("what matched: %v", p.Matched)
	}
	if err := d.merge(p, true); err != nil {
		t.Fatal(err)
	}
	f.settle()
	kept, err := f.st.Event(p.A.ID)
	if err != nil || len(kept.Evidence) != len(p.A.Evidence)+len(p.B.Evidence) || f.wb.allEvents.rows.Len() != 3 {
		t.Fatalf("after the merge: %d spans, %d rows (%v)", len(kept.Evidence), f.wb.allEvents.rows.Len(), err)
	}
	d.reload()
	if len(d.pairs) != 0 {
		t.Fatalf("the merged pair is still offered")
	}
	f.wb.undo()
	f.settle()
	if f.wb.allEvents.rows.Len() != 4 || !strings.HasPrefix(f.wb.bar.Text, "Undid merge two") {
		t.Fatalf("after undo: %d rows, the bar says %q", f.wb.allEvents.rows.Len(), f.wb.bar.Text)
	}
	if back, err := f.st.Event(p.B.ID); err != nil || len(back.Evidence) != len(p.B.Evidence) {
		t.Fatalf("the merged event did not come back whole: %v", err)
	}
}
