package views

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data"
	"dossier/data/codebook"
)

// eventsTab is the all-events table: filter by type, dates, actor,
// country, flag or the open article; sort by any column; double-click a row
// to open the event beside its article.
type eventsTab struct {
	wb        *workbench
	rows      []app.EventRow
	typ, flag *widget.Select
	from, to  *widget.Entry
	country   *widget.Entry
	actor     string
	actorPick *picker
	onlyOpen  *widget.Check
	table     *sortableTable
	count     *widget.Label
	lastRow   int
	lastTap   time.Time
	onChange  func() // the timeline redraws with the table
}

const anyChoice = "(any)"

func newEventsTab(wb *workbench) *eventsTab {
	t := &eventsTab{wb: wb, from: widget.NewEntry(), to: widget.NewEntry(), country: widget.NewEntry(), count: widget.NewLabel(""), lastRow: -1}
	var types []string
	for _, ty := range codebook.Types() {
		types = append(types, ty.Name)
	}
	t.typ = widget.NewSelect(append([]string{anyChoice}, types...), func(string) { t.reload() })
	t.flag = widget.NewSelect([]string{anyChoice, "historical", "future", "hypothetical", "negated"}, func(string) { t.reload() })
	t.typ.Selected, t.flag.Selected = anyChoice, anyChoice
	t.from.SetPlaceHolder("from YYYY-MM-DD")
	t.to.SetPlaceHolder("to YYYY-MM-DD")
	t.country.SetPlaceHolder("country (RUS)")
	for _, e := range []*widget.Entry{t.from, t.to, t.country} {
		e.OnSubmitted = func(string) { t.reload() }
	}
	t.actorPick = newPicker("actor", func(q string) []pickItem {
		return append([]pickItem{{"(any actor)", ""}}, wb.actorItems(q, "")...)
	}, func(it pickItem) {
		t.actor = it.value.(string)
		t.actorPick.SetQuietly(strings.SplitN(it.label, " (", 2)[0])
		t.reload()
	})
	t.onlyOpen = widget.NewCheck("open article only", func(bool) { t.reload() })
	cell := func(f func(r app.EventRow) string) func(int) string {
		return func(i int) string { return f(t.rows[i]) }
	}
	cols := []tableColumn{
		{"Date", 100, cell(func(r app.EventRow) string { return r.Date })},
		{"Type", 140, cell(func(r app.EventRow) string { return r.Type })},
		{"Actors", 180, cell(func(r app.EventRow) string { return r.Actors })},
		{"Recipients", 180, cell(func(r app.EventRow) string { return r.Recipients })},
		{"Place", 110, cell(func(r app.EventRow) string { return r.Place })},
		{"Country", 70, cell(func(r app.EventRow) string { return r.Country })},
		{"Article", 260, cell(func(r app.EventRow) string { return r.Article })},
		{"Flags", 100, cell(func(r app.EventRow) string { return r.Flags })},
	}
	t.table = newSortableTable(cols, func() int { return len(t.rows) }, t.sortBy, t.tapped)
	return t
}

func (t *eventsTab) view() fyne.CanvasObject {
	apply := widget.NewButton("Apply", t.reload)
	filters := container.NewGridWithColumns(8, t.typ, t.from, t.to, t.actorPick, t.country, t.flag, t.onlyOpen, apply)
	return container.NewBorder(container.NewVBox(filters, t.count), nil, nil, nil, t.table)
}

// filter reads the filter bar.
func (t *eventsTab) filter() app.EventFilter {
	f := app.EventFilter{From: strings.TrimSpace(t.from.Text), To: strings.TrimSpace(t.to.Text), Actor: t.actor, Country: strings.ToUpper(strings.TrimSpace(t.country.Text))}
	if t.typ.Selected != "" && t.typ.Selected != anyChoice {
		f.Types = []string{t.typ.Selected}
	}
	if t.flag.Selected != anyChoice {
		f.Flag = t.flag.Selected
	}
	if t.onlyOpen.Checked && t.wb.article != nil {
		f.Article = t.wb.article.ID
	}
	return f
}

// reload applies the filters.
func (t *eventsTab) reload() {
	f := t.filter()
	for _, d := range []string{f.From, f.To} {
		if _, _, _, err := data.ParsePartialDate(d); d != "" && err != nil {
			t.count.SetText("The date is wrong: " + err.Error())
			return
		}
	}
	rows, err := t.wb.sess.EventRows(f)
	if err != nil {
		showError(t.wb.win, "The events could not be read", err)
		return
	}
	t.rows = rows
	t.sortBy(0)
	t.count.SetText(fmt.Sprintf("%d events", len(rows)))
	if t.onChange != nil {
		t.onChange()
	}
}

// sortBy orders the rows by a column's text, reading each cell once.
func (t *eventsTab) sortBy(col int) {
	keys := make([]string, len(t.rows))
	for i := range t.rows {
		keys[i] = t.table.cols[col].cell(i)
	}
	order := make([]int, len(t.rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return keys[order[i]] < keys[order[j]] })
	sorted := make([]app.EventRow, len(t.rows))
	for i, o := range order {
		sorted[i] = t.rows[o]
	}
	t.rows = sorted
	t.table.Refresh()
}

// tapped opens the event on a double-click (two taps on a row in 600 ms).
func (t *eventsTab) tapped(row int) {
	t.table.UnselectAll() // so that the second tap is heard too
	if row == t.lastRow && time.Since(t.lastTap) < 600*time.Millisecond {
		t.wb.openEvent(t.rows[row].ID)
	}
	t.lastRow, t.lastTap = row, time.Now()
}

// openEvent shows an event beside its article, on the coding tab.
func (wb *workbench) openEvent(id string) {
	ev, err := wb.sess.Event(id)
	if err != nil {
		showError(wb.win, "The event could not be opened", err)
		return
	}
	if a := ev.Articles(); len(a) > 0 {
		wb.articles.filter.SetText("")
		wb.articles.selectID(a[0])
	}
	wb.editor.show(*ev)
	for i, e := range wb.editor.events {
		if e.ID == id {
			wb.editor.list.Select(i)
		}
	}
	if len(ev.Evidence) > 0 {
		wb.reader.ScrollTo(ev.Evidence[0].Start)
	}
	if wb.tabs != nil {
		wb.tabs.SelectIndex(0)
		wb.rightTabs.SelectIndex(0)
	}
}
