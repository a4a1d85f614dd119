package views

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data"
)

// sourceService is what the Sources tab reads and does.
type sourceService interface {
	Sources(ctx context.Context) ([]app.SourceRow, error)
	GradeSource(source, reliability string) (int, error)
}

// sourcesTab is the register of sources: each source the articles name,
// the reliability its articles carry (A–F, STANAG 2511), and how many
// articles and events come from it. Grading a source grades all its
// articles in one undoable step, and the articles imported from it later.
type sourcesTab struct {
	src sourceService
	windowLinks
	reading  tabRead[[]app.SourceRow]
	rows     []app.SourceRow
	table    *sortableTable
	chosen   int // the selected row, -1 for none
	grade    *widget.Select
	count    *widget.Label
	item     *container.TabItem
	visible  bool
	stale    bool
	sortCol  int
	quietSet bool // the select is being set to show a row, not by the analyst
}

func newSourcesTab(src sourceService, links windowLinks) *sourcesTab {
	t := &sourcesTab{src: src, windowLinks: links, reading: tabRead[[]app.SourceRow]{ui: links.ui}, chosen: -1, count: widget.NewLabel(""), stale: true}
	cell := func(f func(r app.SourceRow) string) func(int) string {
		return func(i int) string { return f(t.rows[i]) }
	}
	number := func(f func(r app.SourceRow) int) func(int) string {
		return func(i int) string { return fmt.Sprintf("%09d", 999999999-f(t.rows[i])) }
	}
	cols := []tableColumn{
		{title: "Source", width: 320, cell: cell(func(r app.SourceRow) string { return r.Label() })},
		{title: "Reliability", width: 110, cell: cell(func(r app.SourceRow) string { return r.Reliability() }),
			key: cell(func(r app.SourceRow) string { return r.Reliability() + "~" })},
		{title: "Articles", width: 90, cell: cell(func(r app.SourceRow) string { return strconv.Itoa(r.Articles) }),
			key: number(func(r app.SourceRow) int { return r.Articles })},
		{title: "Events", width: 90, cell: cell(func(r app.SourceRow) string { return strconv.Itoa(r.Events) }),
			key: number(func(r app.SourceRow) int { return r.Events })},
	}
	t.table = newSortableTable(cols, func() int { return len(t.rows) }, t.sortBy, t.choose)
	t.grade = widget.NewSelect(append([]string{notGraded}, data.ReliabilityLabels()...), t.graded)
	t.grade.PlaceHolder = "choose a source first"
	t.grade.Disable()
	t.item = container.NewTabItem("Sources", t.view())
	return t
}

func (t *sourcesTab) view() fyne.CanvasObject {
	hint := widget.NewLabel("A grade given here goes to every article of the source and to the articles imported from it later; an article's header grades it alone.")
	hint.Wrapping = fyne.TextWrapWord
	bar := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Reliability of the selected source:"),
		container.NewGridWrap(fyne.NewSize(300, t.grade.MinSize().Height), t.grade)), t.count)
	return container.NewBorder(container.NewVBox(bar, hint), nil, nil, nil, t.table)
}

// show tells the tab whether it is shown; it reads the sources when shown
// and stale.
func (t *sourcesTab) show(visible bool) {
	t.visible = visible
	if visible && t.stale && !t.reading.busy() {
		t.reload()
	}
}

// changed marks the register stale when articles or events change: a
// source's counts and grades come from them.
func (t *sourcesTab) changed(cs []data.Change) {
	for _, c := range cs {
		if c.Reset || c.Record == data.RecordArticle || c.Record == data.RecordEvent {
			t.stale = true
			t.reading.missing()
			break
		}
	}
	if t.stale && t.visible {
		t.reload()
	}
}

// reload reads the register again, off the UI goroutine.
func (t *sourcesTab) reload() {
	if len(t.rows) == 0 {
		t.count.SetText("Reading the sources…")
	}
	t.reading.start(t.src.Sources, t.fill)
}

// fill shows the register read, the selected source still selected.
func (t *sourcesTab) fill(rows []app.SourceRow, err error) {
	if err != nil {
		t.count.SetText("")
		showError(t.win, "The sources could not be read", err)
		return
	}
	name := ""
	if t.chosen >= 0 && t.chosen < len(t.rows) {
		name = t.rows[t.chosen].Name
	}
	t.rows, t.stale = rows, t.reading.stale()
	t.sortRows()
	t.chosen = -1
	for i, r := range t.rows {
		if name != "" && data.SourceKey(r.Name) == data.SourceKey(name) {
			t.chosen = i
		}
	}
	t.table.Refresh()
	t.count.SetText(fmt.Sprintf("%d sources", len(t.rows)))
	t.showChosen()
	if t.stale && t.visible { // a change came while it was hidden and read
		t.reload()
	}
}

func (t *sourcesTab) sortBy(col int) {
	t.sortCol = col
	t.chosen = -1
	t.sortRows()
	t.table.UnselectAll()
	t.table.Refresh()
	t.showChosen()
}

func (t *sourcesTab) sortRows() {
	keys := make([]string, len(t.rows))
	for i := range t.rows {
		keys[i] = t.table.cols[t.sortCol].sortKey(i)
	}
	order := make([]int, len(t.rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	sorted := make([]app.SourceRow, len(t.rows))
	for i, j := range order {
		sorted[i] = t.rows[j]
	}
	t.rows = sorted
}

func (t *sourcesTab) choose(row int) {
	t.chosen = row
	t.showChosen()
}

// showChosen puts the selected source's grade in the select.
func (t *sourcesTab) showChosen() {
	if t.chosen < 0 || t.rows[t.chosen].Name == "" {
		t.grade.Disable()
		t.grade.ClearSelected()
		return
	}
	r := t.rows[t.chosen]
	t.grade.Enable()
	t.quietSet = true
	if len(r.Reliabilities) == 1 {
		t.grade.SetSelected(data.ReliabilityLabel(r.Reliabilities[0]))
	} else {
		t.grade.ClearSelected()
		t.grade.PlaceHolder = "not graded"
		if len(r.Reliabilities) > 1 {
			t.grade.PlaceHolder = "mixed: " + r.Reliability()
		}
		t.grade.Refresh()
	}
	t.quietSet = false
}

// graded grades the selected source.
func (t *sourcesTab) graded(label string) {
	if t.quietSet || t.chosen < 0 || label == "" {
		return
	}
	name, r := t.rows[t.chosen].Name, data.GradeOfLabel(label)
	if label == notGraded {
		r = ""
	}
	n, err := t.src.GradeSource(name, r)
	if err != nil {
		showError(t.win, "The source was not graded", err)
		t.showChosen()
		return
	}
	if n > 0 {
		t.tell(fmt.Sprintf("%s graded %s: %d article(s). Ctrl+Z undoes it.", name, orDash(r), n))
	}
}
