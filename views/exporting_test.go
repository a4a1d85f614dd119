package views

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"dossier/app"
	"dossier/app/report"
	"dossier/app/suggest"
	"dossier/data"
)

func TestExportFromTheWindow(t *testing.T) {
	f := newFixture(t)
	id := f.openSample(t)
	form := f.wb.exporter.exportDialog()
	form.scope.SetSelected(exportArticle)
	form.grade.SetText("c")
	if filter, err := form.filter(); err != nil || filter.Article != id || filter.MinGrade != (data.Grade{Reliability: "C"}) {
		t.Fatalf("filter %+v %v", filter, err)
	}
	form.grade.SetText("C9")
	if _, err := form.filter(); err == nil || !strings.Contains(data.ErrorMessage(err), "The grade is wrong") {
		t.Fatalf("a grade off the scale: %v", err)
	}
	form.grade.SetText("")
	filter, err := form.filter()
	if err != nil || filter.Article != id {
		t.Fatalf("filter %+v %v", filter, err)
	}
	path := filepath.Join(t.TempDir(), "article.xlsx")
	f.wb.exporter.runExport(path, report.Options{Filter: filter})
	f.settle()
	if !strings.HasPrefix(f.wb.bar.Text, "Exported 4 events") {
		t.Fatalf("the bar says %q", f.wb.bar.Text)
	}
	res, err := report.ImportWorkbook(context.Background(), f.st, path, true)
	if err != nil || res.Unchanged != 4 {
		t.Fatalf("exported workbook reads back as %+v %v", res, err)
	}
}

func TestRestoreFromTheWindow(t *testing.T) {
	f := newFixture(t)
	f.wb.sess.LoadSample()
	path := filepath.Join(t.TempDir(), "one.backup")
	if err := f.wb.sess.Backup(path); err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.code.openNewest()
	f.settle()
	f.wb.code.deleteEvent()
	if n, _ := f.st.Counts(); n.Events != 3 {
		t.Fatalf("%d events after delete", n.Events)
	}
	f.wb.backups.restore(path)
	f.settle()
	if n, _ := f.st.Counts(); n.Events != 4 || f.wb.code.article == nil || len(f.wb.code.editor.rows) != 4 {
		t.Fatalf("after restore: %+v, article open: %v", n, f.wb.code.article != nil)
	}
	safety, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "before-restore-*.backup"))
	if len(safety) != 1 {
		t.Fatal("no safety backup before the restore")
	}
}

// fullDisk is a store whose writes fail as on a full disk while full is set.
type fullDisk struct {
	data.Store
	full bool
}

func (d *fullDisk) PutEvent(ctx context.Context, e *data.Event) error {
	return d.Commit(ctx, &data.Batch{Events: []*data.Event{e}})
}

func (d *fullDisk) Commit(ctx context.Context, b *data.Batch) error {
	if d.full {
		return data.Errorf(data.EDiskFull, "The disk holding the database is full.")
	}
	return d.Store.Commit(ctx, b)
}

func TestFullDiskKeepsTheWindowUsable(t *testing.T) {
	f := newFixture(t)
	disk := &fullDisk{Store: f.st}
	sess := app.NewSession(disk, f.wb.sess.DatabasePath())
	f.wb = newWorkbench(sess, f.win, newTestBridge())
	f.win.SetContent(f.wb.content())
	id, _ := sess.LoadSample()
	f.settle()
	f.wb.code.articles.selectID(id)
	ev := f.wb.code.editor.ev
	disk.full = true
	f.wb.code.editor.notes.SetText("typed while the disk is full")
	if !strings.Contains(f.wb.code.editor.saved.Text, "Not saved: The disk holding the database is full") {
		t.Fatalf("indicator says %q", f.wb.code.editor.saved.Text)
	}
	if got, _ := f.st.Event(ev.ID); got.Notes != ev.Notes {
		t.Fatal("a refused write changed the event")
	}
	disk.full = false
	f.wb.code.editor.notes.SetText("typed after freeing space")
	if got, _ := f.st.Event(ev.ID); got.Notes != "typed after freeing space" || !strings.HasPrefix(f.wb.code.editor.saved.Text, "Saved") {
		t.Fatalf("after space was freed: %q, indicator %q", got.Notes, f.wb.code.editor.saved.Text)
	}
}

func TestSearchOpensTheMatch(t *testing.T) {
	f := newFixture(t)
	f.wb.sess.LoadSample()
	if err := f.wb.sess.OpenSearch(nil); err != nil {
		t.Fatal(err)
	}
	defer f.wb.sess.CloseSearch()
	f.settle()
	field := f.wb.finder.field()
	field.SetQuietly("")
	test.Type(field, `"strategic security talks"`)
	f.settle() // the hits come back from the search goroutine
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // the second hit: the article
	f.settle()
	_, _, text := f.wb.code.reader.Selection()
	if f.wb.code.article == nil || text != "strategic security talks" {
		t.Fatalf("search opened %v with %q selected", f.wb.code.article != nil, text)
	}
}

func TestRegisterAndEventsTabs(t *testing.T) {
	f := newFixture(t)
	id, _ := f.wb.sess.LoadSample()
	f.settle()
	f.wb.tabs.SelectIndex(1)
	if len(f.wb.register.shown) != 6 {
		t.Fatalf("register shows %d actors", len(f.wb.register.shown))
	}
	f.wb.register.filter.SetText("chn")
	if len(f.wb.register.shown) != 3 {
		t.Fatalf("filter chn: %d actors", len(f.wb.register.shown))
	}
	f.wb.tabs.SelectIndex(2)
	f.settle()
	if f.wb.allEvents.rows.Len() != 4 || len(f.wb.timeline.marks) != 4 {
		t.Fatalf("events tab %d rows, timeline %d marks", f.wb.allEvents.rows.Len(), len(f.wb.timeline.marks))
	}
	if shown, _ := f.wb.allEvents.table.Length(); shown != 4 {
		t.Fatalf("the table shows %d rows of 4", shown)
	}
	f.wb.allEvents.flag.SetSelected("historical")
	f.settle()
	if f.wb.allEvents.rows.Len() != 1 || len(f.wb.timeline.marks) != 1 {
		t.Fatal("the flag filter did not reach the table and the timeline")
	}
	if shown, _ := f.wb.allEvents.table.Length(); shown != 1 {
		t.Fatalf("filtered, the table shows %d rows of 1", shown)
	}
	row := f.wb.allEvents.rows.Row(0)
	f.wb.allEvents.tapped(0)
	f.wb.allEvents.tapped(0) // a double-click opens it beside its article
	f.settle()
	if f.wb.tabs.SelectedIndex() != 0 || f.wb.code.editor.ev.ID != row.ID || f.wb.code.article.ID != id {
		t.Fatalf("double-click opened %q on tab %d", f.wb.code.editor.ev.ID, f.wb.tabs.SelectedIndex())
	}
}

func TestTappingATimelineMarkOpensTheEvent(t *testing.T) {
	f := newFixture(t)
	f.wb.sess.LoadSample()
	f.settle()
	f.wb.tabs.SelectIndex(3)
	f.settle()
	tl := f.wb.timeline
	tl.Resize(fyne.NewSize(900, 400))
	tl.Refresh()
	m := tl.marks[0]
	tl.Tapped(&fyne.PointEvent{Position: m.pos.AddXY(2, 1)})
	if f.wb.code.editor.ev.ID != m.id || f.wb.tabs.SelectedIndex() != 0 {
		t.Fatalf("tapping mark %s opened %q", m.id, f.wb.code.editor.ev.ID)
	}
}

func TestAcceptAndRejectSuggestionsInTheWindow(t *testing.T) {
	f := newFixture(t)
	f.openArticle(app.SampleText())
	f.wb.code.rightTabs.SelectIndex(1)
	f.settle()
	p := f.wb.code.suggest
	pick := func(ok func(s suggest.Suggestion) bool) int {
		for i, s := range p.items {
			if ok(s) {
				return i
			}
		}
		t.Fatal("no such suggestion")
		return -1
	}
	other := pick(func(s suggest.Suggestion) bool { return s.Kind == suggest.Event && s.Type == "AGREE" })
	p.list.Select(other)
	before := storeDump(t, f.st)
	test.Tap(widgetButton(t, f.wb, "Reject"))
	f.settle()
	if storeDump(t, f.st) != before {
		t.Fatal("rejecting a suggestion changed the records")
	}
	e1 := pick(func(s suggest.Suggestion) bool {
		return s.Kind == suggest.Event && s.Date == "2025-02-28" && s.Type == "CONSULT"
	})
	want := p.items[e1]
	p.list.Select(e1)
	test.Tap(widgetButton(t, f.wb, "Accept"))
	f.settle()
	evs, _ := f.st.Events(data.EventQuery{Article: f.wb.code.article.ID})
	if len(evs) != 1 || evs[0].Type != "CONSULT" || len(evs[0].Evidence) != 1 || evs[0].Evidence[0].Quote != want.Text {
		t.Fatalf("accepted: %+v", evs)
	}
	if f.wb.code.editor.ev.ID != evs[0].ID {
		t.Fatal("the accepted event is not open in the form")
	}
}

// Choosing a suggestion shows its words in amber; accepting a pronoun
// stores the person it stands for, and that person is not offered again.
func TestAcceptAPronounInTheWindow(t *testing.T) {
	f := newFixture(t)
	f.openArticle("Visit to Tirana\n\nDefence Minister Lena Markova visited Tirana on Monday. She later criticised the plan.")
	f.wb.code.rightTabs.SelectIndex(1)
	f.settle()
	p := f.wb.code.suggest
	she := -1
	for i, s := range p.items {
		if s.Kind == suggest.Person && s.Text == "She" {
			she = i
		}
	}
	if she < 0 {
		t.Fatalf("no suggestion for “She”: %+v", p.items)
	}
	want := p.items[she]
	p.list.Select(she)
	if !slices.Contains(f.wb.code.reader.highlights, highlight{want.Start, want.End, hlEvidence}) {
		t.Fatalf("the chosen suggestion is not shown in amber: %+v", f.wb.code.reader.highlights)
	}
	test.Tap(widgetButton(t, f.wb, "Accept"))
	f.settle()
	actors, _ := f.st.Actors()
	if len(actors) != 1 || actors[0].Name != "Lena Markova" || actors[0].Kind != data.KindPerson {
		t.Fatalf("accepting “She” stored %+v", actors)
	}
	for _, s := range p.items {
		if s.Kind == suggest.Person && suggest.PartyName(s) == "Lena Markova" {
			t.Fatalf("%q is still offered once Lena Markova is in the register", s.Text)
		}
	}
}

// One key decides: Ctrl+J gives the list the keyboard on the first
// suggestion, R rejects it and moves on, the arrow chooses, A accepts.
func TestOneKeyDecidesASuggestion(t *testing.T) {
	f := newFixture(t)
	f.openArticle("Visit to Tirana\n\nDefence Minister Lena Markova visited Tirana on Monday. Prime Minister Edi Rama welcomed her.")
	p := f.wb.code.suggest
	p.move(1) // Code ▸ Next suggestion (Ctrl+J)
	f.settle()
	if !p.shown || p.current != 0 || f.win.Canvas().Focused() != p.list {
		t.Fatalf("Ctrl+J: panel shown %v, current %d, focused %v", p.shown, p.current, f.win.Canvas().Focused())
	}
	first, second := p.items[0], p.items[1]
	before := storeDump(t, f.st)
	p.list.TypedRune('r')
	f.settle()
	if storeDump(t, f.st) != before {
		t.Fatal("rejecting changed the records")
	}
	if p.current != 0 || !reflect.DeepEqual(p.items[0], second) || f.win.Canvas().Focused() != p.list {
		t.Fatalf("after R the next suggestion should be chosen: current %d, %+v (rejected %+v)", p.current, p.items[0], first)
	}
	for p.current+1 < len(p.items) && !(p.items[p.current].Kind == suggest.Person && p.items[p.current].Text == "Edi Rama") {
		p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	p.list.TypedRune('a')
	f.settle()
	actors, _ := f.st.Actors()
	if len(actors) != 1 || actors[0].Name != "Edi Rama" || actors[0].Roles[0].Post != "Prime Minister" {
		t.Fatalf("A on “Edi Rama” stored %+v", actors)
	}
	if p.current < 0 || f.win.Canvas().Focused() != p.list {
		t.Fatal("after A the list should keep the keyboard on the next suggestion")
	}
}

// Exporting from an encrypted database says what the file will not
// protect, offers a password for a workbook only, and writes a protected
// workbook when given one.
func TestExportFromAnEncryptedDatabase(t *testing.T) {
	f := newFixtureWith(t, []byte("a passphrase"))
	f.wb.sess.LoadSample()
	f.settle()
	form := f.wb.exporter.exportDialog()
	if !form.warning.Visible() || !strings.Contains(form.warning.Text, "this workbook will not be") {
		t.Fatalf("the warning for a workbook: %q", form.warning.Text)
	}
	form.format.SetSelectedIndex(1) // CSV
	if !form.password.Disabled() || !strings.Contains(form.warning.Text, "CSV files cannot be protected") {
		t.Fatalf("CSV: password enabled %v, warning %q", !form.password.Disabled(), form.warning.Text)
	}
	form.format.SetSelectedIndex(0)
	form.password.SetText("kestrel 42")
	if form.warning.Visible() {
		t.Fatalf("a protected workbook still warns: %q", form.warning.Text)
	}
	path := filepath.Join(t.TempDir(), "protected.xlsx")
	f.wb.exporter.runExport(path, report.Options{Password: form.password.Text})
	f.settle()
	if _, err := excelize.OpenFile(path); err == nil {
		t.Fatal("the workbook opens without its password")
	}
	if wbk, err := excelize.OpenFile(path, excelize.Options{Password: "kestrel 42"}); err != nil {
		t.Fatalf("the workbook does not open with its password: %v", err)
	} else {
		wbk.Close()
	}
}
