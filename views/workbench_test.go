package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// bench is a workbench in a test window over a real on-disk store.
type benchFixture struct {
	t    *testing.T
	wb   *workbench
	win  fyne.Window
	st   data.Store
	text []rune
}

func newFixture(t *testing.T) *benchFixture { return newFixtureWith(t, nil) }

// newFixtureWith opens the window on a database encrypted with passphrase
// (none when nil).
func newFixtureWith(t *testing.T, passphrase []byte) *benchFixture {
	t.Helper()
	test.NewTempApp(t)
	dir := t.TempDir() + "/db"
	st, err := badgerstore.OpenWith(dir, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sess := app.NewSession(st, dir)
	win := test.NewTempWindow(t, nil)
	wb := newWorkbench(sess, win, newTestBridge())
	win.SetContent(wb.content())
	win.Resize(fyne.NewSize(1400, 900))
	t.Cleanup(wb.stop)
	return &benchFixture{t: t, wb: wb, win: win, st: st}
}

// settle lets background work finish and the change feed reach the panels,
// as the window's loop would between two of the analyst's actions.
func (f *benchFixture) settle() { f.wb.ui.settle() }

// openSample loads the worked example and opens its article, whose id it
// returns.
func (f *benchFixture) openSample(t *testing.T) string {
	t.Helper()
	id, err := f.wb.sess.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.code.articles.selectID(id)
	f.settle()
	return id
}

// openArticle stores text as an article and opens it by selecting it in the list.
func (f *benchFixture) openArticle(text string) {
	f.t.Helper()
	if _, _, err := f.wb.sess.AddText(text); err != nil {
		f.t.Fatal(err)
	}
	f.settle()
	f.wb.code.articles.list.Select(0)
	f.settle()
	f.text = []rune(f.wb.code.article.Text)
}

// offsetOf is where the n-th (0-based) occurrence of phrase starts, in code points.
func (f *benchFixture) offsetOf(phrase string, n int) int {
	s := string(f.text)
	from := 0
	for ; n >= 0; n-- {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			f.t.Fatalf("%q not in the article", phrase)
		}
		from += i
		if n > 0 {
			from += len(phrase)
		}
	}
	return len([]rune(s[:from]))
}

// selectWords drags over phrase in the reader, as the analyst's mouse would.
func (f *benchFixture) selectWords(phrase string, occurrence int) {
	f.t.Helper()
	start := f.offsetOf(phrase, occurrence)
	end := start + len([]rune(phrase))
	r := f.wb.code.reader
	pi := r.paragraphAt(start)
	r.list.ScrollTo(pi)
	view := findParagraphView(f.win.Canvas().Content(), pi)
	if view == nil {
		f.t.Fatalf("paragraph %d is not on screen", pi)
	}
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(view)
	from, to := wordPosition(r, pi, start), wordPosition(r, pi, end-1)
	test.Drag(f.win.Canvas(), origin.Add(to), to.X-from.X, to.Y-from.Y)
	if s, e, text := r.Selection(); s != start || e != end {
		f.t.Fatalf("selected %d-%d %q, want %d-%d %q", s, e, text, start, end, phrase)
	}
}

// wordPosition is the middle of the word holding offset, inside its paragraph view.
func wordPosition(r *Reader, pi, offset int) fyne.Position {
	p := r.paras[pi]
	for li, l := range p.lines {
		for k := l.first; k <= l.last; k++ {
			if w := p.words[k]; p.start+w.start <= offset && offset < p.start+w.end {
				x := (l.x[k-l.first] + l.ends[k-l.first]) / 2
				return fyne.NewPos(4+x, 4+(float32(li)+0.5)*r.metrics.lineH)
			}
		}
	}
	return fyne.Position{}
}

func findParagraphView(o fyne.CanvasObject, index int) *paragraphView {
	switch v := o.(type) {
	case *paragraphView:
		if v.index == index && v.Visible() {
			return v
		}
		return nil
	case *fyne.Container:
		for _, c := range v.Objects {
			if found := findParagraphView(c, index); found != nil {
				return found
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if found := findParagraphView(c, index); found != nil {
				return found
			}
		}
	}
	return nil
}

// pick types into a picker and chooses the match the arrow keys reach.
func pick(p *picker, query string, downs int) {
	p.SetQuietly("")
	test.Type(p, query)
	for range downs {
		p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// saveActorForm fills the open actor form and presses Save.
func (f *benchFixture) saveActorForm(name, kind, country, sector, aliases string) {
	f.t.Helper()
	form := f.wb.actorForm
	if form == nil {
		f.t.Fatal("no actor form opened")
	}
	f.wb.actorForm = nil
	form.name.SetText(name)
	form.kind.SetSelected(kind)
	pick(form.country, country, 0)
	form.sector.SetSelected(sector)
	form.aliases.SetText(aliases)
	form.dialog.Submit()
	f.settle()
}

func (f *benchFixture) tapCoding(label string) {
	test.Tap(f.wb.code.coding.buttons[label])
	f.settle()
}

func (f *benchFixture) actorID(name string) string {
	f.t.Helper()
	as, _ := f.st.ActorsNamed(name)
	if len(as) != 1 {
		f.t.Fatalf("%d actors named %q", len(as), name)
	}
	return as[0].ID
}

// storeDump is every event and actor, less what every write changes.
func storeDump(t *testing.T, st data.Store) string { return storetest.Dump(st) }

func TestCodeWorkedExampleThroughTheWindow(t *testing.T) {
	f := newFixture(t)
	f.openArticle(app.SampleText())
	wb := f.wb
	empty := storeDump(t, f.st)

	// E1: Shoigu visits Wang Yi in Beijing on Friday.
	test.Tap(widgetButton(t, wb, "New event"))
	pick(wb.code.editor.typePick, "visit", 0)
	pick(wb.code.editor.cameoPick, "042", 0)
	f.selectWords("on Friday", 0)
	f.tapCoding("Date")
	f.selectWords("Sergei Shoigu", 0)
	f.tapCoding("Actor")
	f.saveActorForm("Sergei Shoigu", data.KindPerson, "RUS", "GOV", "Shoigu")
	f.selectWords("Wang Yi", 1)
	f.tapCoding("Recipient")
	f.saveActorForm("Wang Yi", data.KindPerson, "CHN", "GOV", "")
	f.selectWords("Beijing", 1)
	f.tapCoding("Place")
	evidence1 := "Russian Security Council Secretary Sergei Shoigu was received by Chinese Foreign Minister Wang Yi in Beijing on Friday"
	f.selectWords(evidence1, 0)
	f.tapCoding("Evidence")
	e1 := wb.code.editor.ev

	// E3: the visit to Kabul in December 2023, a historical event.
	test.Tap(widgetButton(t, wb, "New event"))
	pick(wb.code.editor.typePick, "visit", 0)
	f.selectWords("In December 2023", 0)
	f.tapCoding("Date")
	f.selectWords("Sergei Shoigu", 1)
	f.tapCoding("Actor")                           // known now: no form
	pick(wb.code.editor.recipients.pick, "IEA", 0) // "Create actor “IEA”…" is the only match
	f.saveActorForm("Islamic Emirate of Afghanistan", data.KindGovernment, "AFG", "GOV", "IEA")
	f.selectWords("Kabul", 0)
	f.tapCoding("Place")
	test.Tap(wb.code.editor.flags[0])
	f.selectWords("In December 2023, Sergei Shoigu travelled to Kabul", 0)
	f.tapCoding("Evidence")
	e3 := wb.code.editor.ev
	final := storeDump(t, f.st)

	got1, err := f.st.Event(e1.ID)
	if err != nil {
		t.Fatalf("E1 not stored: %v (form says %q)", err, wb.code.editor.saved.Text)
	}
	shoigu, wang := f.actorID("Sergei Shoigu"), f.actorID("Wang Yi")
	if got1.Type != "CONSULT" || got1.Mode != "visit" || got1.CAMEO != "042" ||
		got1.Date != (data.EventDate{Start: "2025-02-28", Precision: "day", Raw: "on Friday"}) ||
		strings.Join(got1.Actors, ",") != shoigu || strings.Join(got1.Recipients, ",") != wang {
		t.Fatalf("E1 = %+v", got1)
	}
	if l := got1.Location; l == nil || l.Name != "Beijing" || l.Country != "CHN" || l.Lat < 39.9 || l.Lat > 40 || l.Lon < 116.3 || l.Lon > 116.5 {
		t.Fatalf("E1 place = %+v", got1.Location)
	}
	start := f.offsetOf(evidence1, 0)
	if len(got1.Evidence) != 1 || got1.Evidence[0].Start != start || got1.Evidence[0].Quote != evidence1 || string(f.text[start:got1.Evidence[0].End]) != evidence1 {
		t.Fatalf("E1 evidence = %+v", got1.Evidence)
	}
	if a, _ := f.st.Actor(shoigu); a.Country != "RUS" || a.Sector != "GOV" || a.Aliases[0] != "Shoigu" {
		t.Fatalf("Shoigu = %+v", a)
	}

	got3, err := f.st.Event(e3.ID)
	if err != nil {
		t.Fatalf("E3 not stored: %v (form says %q)", err, wb.code.editor.saved.Text)
	}
	iea := f.actorID("IEA")
	if got3.Type != "CONSULT" || got3.Date.Start != "2023-12-01" || got3.Date.Precision != "month" || got3.Date.Raw != "In December 2023" ||
		got3.Actors[0] != shoigu || got3.Recipients[0] != iea || !got3.Flags.Historical ||
		got3.Location.Name != "Kabul" || got3.Location.Country != "AFG" || len(got3.Evidence) != 1 || got3.Evidence[0].Quote != "In December 2023, Sergei Shoigu travelled to Kabul" {
		t.Fatalf("E3 = %+v %+v", got3, got3.Location)
	}
	if n, _ := f.st.Counts(); n.Events != 2 || n.Actors != 3 {
		t.Fatalf("counts %+v", n)
	}

	// Undo everything, then redo it all.
	steps := 0
	for wb.sess.CanUndo() {
		wb.undo()
		f.settle()
		steps++
	}
	if storeDump(t, f.st) != empty {
		t.Fatalf("after %d undos the store is not as it was", steps)
	}
	for wb.sess.CanRedo() {
		wb.redo()
		f.settle()
	}
	if storeDump(t, f.st) != final {
		t.Fatal("redo did not bring every edit back")
	}
}

// widgetButton finds a button by its label anywhere in the window.
func widgetButton(t *testing.T, wb *workbench, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Button:
			if v.Text == label {
				found = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Split:
			walk(v.Leading)
			walk(v.Trailing)
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(wb.win.Content())
	if found == nil {
		t.Fatalf("no %q button", label)
	}
	return found
}

// The window shows before the article list is read: the list is read off
// the UI goroutine, says so meanwhile, and the newest article opens once
// it is read, unless the analyst opened one first.
func TestArticleListIsReadAfterTheWindowShows(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir() + "/db"
	st, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sess := app.NewSession(st, dir)
	older, _, _ := sess.AddText("An older report.")
	newest, _, _ := sess.AddText("The newest report.")
	for _, openFirst := range []bool{false, true} {
		win := test.NewTempWindow(t, nil)
		ui := newTestBridge()
		wb := newWorkbench(sess, win, ui)
		win.SetContent(wb.content())
		c := wb.code
		if len(c.articles.shown) != 0 || c.article != nil || !strings.Contains(c.articles.header.Text, "Reading") {
			t.Fatalf("before the list is read: %d shown, open %v, %q", len(c.articles.shown), c.article, c.articles.header.Text)
		}
		if openFirst {
			c.open(older)
		}
		ui.settle()
		want := newest
		if openFirst {
			want = older
		}
		if len(c.articles.shown) != 2 || c.article == nil || c.article.ID != want || c.articles.header.Text != "2 articles" {
			t.Fatalf("opened first %v: %d shown, open %v, %q", openFirst, len(c.articles.shown), c.article, c.articles.header.Text)
		}
		wb.stop()
	}
}

// The article list filters and sorts its rows, and a header saved shows
// in its row.
func TestArticleListFiltersAndSorts(t *testing.T) {
	f := newFixture(t)
	for _, text := range []string{"Bravo harbour report.", "Alpha desk report.", "Charlie harbour dispatch."} {
		if _, _, err := f.wb.sess.AddText(text); err != nil {
			t.Fatal(err)
		}
	}
	f.settle()
	p := f.wb.code.articles
	titles := func() (out []string) {
		for i := range p.shown {
			out = append(out, p.row(i).Title)
		}
		return out
	}
	p.sortBy.SetSelected(sortTitle)
	if got := strings.Join(titles(), " | "); !strings.HasPrefix(got, "Alpha") || !strings.Contains(got, "| Bravo") || !strings.Contains(got, "| Charlie") {
		t.Fatalf("sorted by title: %q", got)
	}
	p.filter.SetText("harbour")
	if got := titles(); len(got) != 2 || !strings.HasPrefix(got[0], "Bravo") || !strings.HasPrefix(got[1], "Charlie") {
		t.Fatalf("filtered by harbour: %q", got)
	}
	a, err := f.wb.sess.Article(p.row(1).ID)
	if err != nil {
		t.Fatal(err)
	}
	a.Title = "Charlie harbour dispatch, checked"
	if err := f.wb.sess.SaveArticle(a, ""); err != nil {
		t.Fatal(err)
	}
	f.settle()
	if got := titles(); len(got) != 2 || got[1] != "Charlie harbour dispatch, checked" {
		t.Fatalf("after the title was saved: %q", got)
	}
}
