package views

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data"
	"dossier/data/codebook"
)

// eventRows is what the all-events table reads.
type eventRows interface {
	EventTable(ctx context.Context, f app.EventFilter) (*app.EventTable, error)
	EventPages(ctx context.Context, f app.EventFilter) (*app.EventPages, error)
	EventRow(id string, f app.EventFilter) (app.EventRow, bool, error)
}

// eventList is what the table and the timeline show: the table read
// whole (app.EventTable), or sorted by date and read a page at a time as
// it is shown (app.EventPages), as it is whenever the filter selects by
// dates alone, so that a million events open in under two seconds and
// cost some 50 MB.
type eventList interface {
	Len() int
	ID(i int) string
	Row(i int) app.EventRow
	Rows() []app.EventRow
	Sample(n int) ([]app.EventRow, error)
}

// eventsLinks are what the table does beyond itself.
type eventsLinks struct {
	ui          *bridge
	win         fyne.Window
	openEvent   func(id string)
	openArticle func() string // the open article's id, for "open article only"
	actorItems  func(query, except string) []pickItem
	duplicates  func() // opens the likely duplicates
}

// eventsTab is the all-events table: filter by type, dates, actor,
// country, flag or the open article; sort by any column; double-click a row
// to open the event beside its article.
type eventsTab struct {
	src       eventRows
	links     eventsLinks
	rows      eventList
	typ, flag *widget.Select
	from, to  *widget.Entry
	country   *widget.Entry
	minKilled *widget.Entry
	minGrade  *widget.Entry
	actor     string
	recipient string // with actor: one link of the network
	// recipientCountry, with the country: one link of the network
	// grouped by country
	recipientCountry string
	pair             *widget.Button
	only             []string       // sorted: the events of a mark of the map
	chosen           *widget.Button // says which, and clears them
	actorPick        *picker
	onlyOpen         *widget.Check
	table            *sortableTable
	sortCol          int
	count            *widget.Label
	lastRow          int
	lastTap          time.Time
	onChange         func() // the timeline redraws with the table
	onFilter         func() // the filters changed (the network follows them)
	visible          bool   // the table or the timeline is shown
	stale            bool   // changes arrived while hidden: read again when shown
	reading          tabRead[eventsRead]
}

// eventsRead is the table read off the UI goroutine, sorted by a column.
type eventsRead struct {
	rows eventList
	col  int
}

const anyChoice = "(any)"

// wholeTableRows is the most events the table reads whole when it could
// read them a page at a time: whole, it sorts by any column and follows
// changes at once, and 50,000 rows cost about 6 MB.
var wholeTableRows = 50000

func newEventsTab(src eventRows, links eventsLinks) *eventsTab {
	t := &eventsTab{src: src, links: links, from: widget.NewEntry(), to: widget.NewEntry(), country: widget.NewEntry(), minKilled: widget.NewEntry(), minGrade: widget.NewEntry(), count: widget.NewLabel(""), rows: app.NewEventTable(), lastRow: -1, stale: true, reading: tabRead[eventsRead]{ui: links.ui}}
	var types []string
	for _, ty := range codebook.Types() {
		types = append(types, ty.Name)
	}
	t.typ = widget.NewSelect(append([]string{anyChoice}, types...), func(string) { t.applied() })
	t.flag = widget.NewSelect(append([]string{anyChoice}, data.FlagNames...), func(string) { t.applied() })
	t.typ.Selected, t.flag.Selected = anyChoice, anyChoice
	t.from.SetPlaceHolder("from YYYY-MM-DD")
	t.to.SetPlaceHolder("to YYYY-MM-DD")
	t.country.SetPlaceHolder("country (RUS)")
	t.minKilled.SetPlaceHolder("killed at least")
	t.minGrade.SetPlaceHolder("grade B3 or better")
	for _, e := range []*widget.Entry{t.from, t.to, t.country, t.minKilled, t.minGrade} {
		e.OnSubmitted = func(string) { t.applied() }
	}
	t.actorPick = newPicker("actor", func(q string) []pickItem {
		return append([]pickItem{{"(any actor)", ""}}, links.actorItems(q, "")...)
	}, func(it pickItem) {
		t.actor, t.recipient = it.value.(string), ""
		t.actorPick.SetQuietly(strings.SplitN(it.label, " (", 2)[0])
		t.applied()
	})
	t.onlyOpen = widget.NewCheck("open article only", func(bool) { t.applied() })
	t.pair = widget.NewButton("", func() { t.recipient, t.recipientCountry = "", ""; t.applied() })
	t.pair.Hide()
	t.chosen = widget.NewButton("", func() { t.only = nil; t.chosen.Hide(); t.applied() })
	t.chosen.Hide()
	cell := func(f func(r app.EventRow) string) func(int) string {
		return func(i int) string { return f(t.rows.Row(i)) }
	}
	cols := []tableColumn{
		{title: "Date", width: 100, cell: cell(func(r app.EventRow) string { return r.Date })},
		{title: "Type", width: 140, cell: cell(func(r app.EventRow) string { return r.Type })},
		{title: "Actors", width: 180, cell: cell(func(r app.EventRow) string { return r.Actors })},
		{title: "Recipients", width: 180, cell: cell(func(r app.EventRow) string { return r.Recipients })},
		{title: "Place", width: 110, cell: cell(func(r app.EventRow) string { return r.Place })},
		{title: "Country", width: 70, cell: cell(func(r app.EventRow) string { return r.Country })},
		{title: "Killed", width: 70, cell: cell(func(r app.EventRow) string { return data.CountText(r.Size.Fatalities) })},
		{title: "Grade", width: 60, cell: cell(func(r app.EventRow) string { return r.Grade.String() })},
		{title: "Article", width: 260, cell: cell(func(r app.EventRow) string { return r.Article })},
		{title: "Flags", width: 100, cell: cell(func(r app.EventRow) string { return r.Flags })},
	}
	t.table = newSortableTable(cols, func() int { return t.rows.Len() }, t.sortBy, t.tapped) // t.rows is replaced on each reload
	return t
}

func (t *eventsTab) view() fyne.CanvasObject {
	apply := widget.NewButton("Apply", t.applied)
	filters := container.NewGridWithColumns(10, t.typ, t.from, t.to, t.actorPick, t.country, t.minKilled, t.minGrade, t.flag, t.onlyOpen, apply)
	dups := widget.NewButton("Likely duplicates…", t.links.duplicates)
	return container.NewBorder(container.NewVBox(filters, container.NewBorder(nil, nil, container.NewHBox(t.count, t.pair, t.chosen), dups)), nil, nil, nil, t.table)
}

// show is called when the table or the timeline is shown or hidden.
func (t *eventsTab) show(visible bool) {
	t.visible = visible
	if visible && t.stale && !t.reading.busy() {
		t.reload()
	}
}

// filter reads the filter bar.
func (t *eventsTab) filter() app.EventFilter {
	f := app.EventFilter{From: strings.TrimSpace(t.from.Text), To: strings.TrimSpace(t.to.Text), Actor: t.actor, Recipient: t.recipient, Country: strings.ToUpper(strings.TrimSpace(t.country.Text)), RecipientCountry: t.recipientCountry}
	if t.typ.Selected != "" && t.typ.Selected != anyChoice {
		f.Types = []string{t.typ.Selected}
	}
	if t.flag.Selected != anyChoice {
		f.Flag = t.flag.Selected
	}
	if t.onlyOpen.Checked {
		f.Article = t.links.openArticle()
	}
	if n, err := data.ParseCount(t.minKilled.Text); err == nil && n != nil {
		f.MinFatalities = *n
	}
	f.MinGrade, _ = data.ParseGrade(t.minGrade.Text)
	f.Events = t.only
	return f
}

// reload applies the filters.
func (t *eventsTab) reload() {
	f := t.filter()
	if wrong := t.wrongFilter(f); wrong != "" {
		t.reading.drop() // a read under way is for an older filter: its count must not hide this
		t.count.SetText(wrong)
		return
	}
	t.showPair()
	t.count.SetText("Reading the events…")
	col := t.sortCol
	t.reading.start(func(ctx context.Context) (eventsRead, error) {
		if col == int(app.ColumnDate) && f.ByDatesOnly() {
			pages, err := t.src.EventPages(ctx, f)
			switch {
			case err != nil:
				return eventsRead{}, err
			case pages.Len() <= wholeTableRows:
				rows, err := pages.Table(ctx)
				return eventsRead{rows, col}, err
			}
			_, err = pages.Sample(maxMarks) // the timeline's, read here rather than on the UI goroutine
			return eventsRead{pages, col}, err
		}
		rows, err := t.src.EventTable(ctx, f)
		if err == nil {
			rows.SortBy(app.EventColumn(col))
		}
		return eventsRead{rows, col}, err
	}, t.fill)
}

// wrongFilter says what is wrong with the filter bar, if anything.
func (t *eventsTab) wrongFilter(f app.EventFilter) string {
	for _, d := range []string{f.From, f.To} {
		if _, _, _, err := data.ParsePartialDate(d); d != "" && err != nil {
			return "The date is wrong: " + err.Error()
		}
	}
	if _, err := data.ParseCount(t.minKilled.Text); err != nil {
		return "The number killed is wrong: " + err.Error()
	}
	if _, err := data.ParseGrade(t.minGrade.Text); err != nil {
		return "The grade is wrong: " + err.Error()
	}
	return ""
}

// fill shows the table read (sorted again if the analyst chose another
// column meanwhile).
func (t *eventsTab) fill(r eventsRead, err error) {
	if err != nil {
		t.count.SetText("The events could not be read.")
		showError(t.links.win, "The events could not be read", err)
		return
	}
	t.rows, t.stale = r.rows, t.reading.stale()
	_, whole := t.rows.(*app.EventTable)
	switch {
	case r.col == t.sortCol:
	case whole:
		t.rows.(*app.EventTable).SortBy(app.EventColumn(t.sortCol))
	default: // read by date, and the analyst sorted by another column meanwhile
		t.stale = true
	}
	t.table.Refresh()
	t.counted()
	if t.stale && t.visible { // a change came while it was hidden and read
		t.reload()
	}
}

// showActor narrows the table to an actor's events (from the network);
// with a recipient, to what the actor did to it.
func (t *eventsTab) showActor(actor, actorName, recipient, recipientName string) {
	t.actor, t.recipient = actor, recipient
	t.actorPick.SetQuietly(actorName)
	t.pair.SetText("→ " + recipientName + "  ✕")
	t.reload()
	if t.onFilter != nil {
		t.onFilter()
	}
}

// showEvents narrows the table to some events (a mark of the map), with
// a button that says which and shows them all again.
func (t *eventsTab) showEvents(ids []string, what string) {
	t.only = ids
	t.chosen.SetText(what + " (from the map)  ✕")
	t.chosen.Show()
	t.reload()
	if t.onFilter != nil {
		t.onFilter()
	}
}

// showCountry narrows the table to a country's events (app.NoCountry:
// those of actors without one); with a recipient country, to what its
// actors did to that country's.
func (t *eventsTab) showCountry(code, recipientCode, recipientName string) {
	t.actor, t.recipient, t.recipientCountry = "", "", recipientCode
	t.actorPick.SetQuietly("")
	t.pair.SetText("→ " + recipientName + "  ✕")
	t.country.SetText(code)
	t.reload()
	if t.onFilter != nil {
		t.onFilter()
	}
}

// applied reads the table again for the analyst's new filters, and tells
// the network.
func (t *eventsTab) applied() {
	t.reload()
	if t.onFilter != nil {
		t.onFilter()
	}
}

// showPair shows the recipient of a pair filter, with a way to clear it.
func (t *eventsTab) showPair() {
	if (t.recipient == "" || t.actor == "") && (t.recipientCountry == "" || t.country.Text == "") {
		t.pair.Hide()
		return
	}
	t.pair.Show()
}

// changed follows the change feed: changed events' rows are read again
// while the table is shown; hidden, it reads everything when next shown.
func (t *eventsTab) changed(cs []data.Change) {
	if !t.visible {
		t.stale = true
		t.reading.missing()
		return
	}
	f := t.filter()
	rows := map[string]*app.EventRow{}
	for _, c := range cs {
		switch {
		case c.Reset, c.Record == data.RecordActor, c.Record == data.RecordArticle && c.Old > 0:
			t.reload() // names and titles in many rows
			return
		case c.Record == data.RecordEvent && t.reading.busy(): // a read under way may not hold it
			t.reload()
			return
		case c.Record == data.RecordEvent:
			t.rowChanged(c.ID, f, rows)
		}
	}
	whole, ok := t.rows.(*app.EventTable)
	switch {
	case len(rows) == 0:
	case !ok: // read a page at a time: its order of ids is read again
		t.reload()
	default:
		whole.Change(rows)
		t.sorted()
	}
}

// rowChanged reads an event's new row into rows: nil when the event is
// gone or the filter no longer keeps it.
func (t *eventsTab) rowChanged(id string, f app.EventFilter, rows map[string]*app.EventRow) {
	row, keep, err := t.src.EventRow(id, f)
	switch {
	case err != nil:
	case keep:
		rows[id] = &row
	default:
		rows[id] = nil
	}
}

func (t *eventsTab) sorted() {
	t.sortBy(t.sortCol)
	t.counted()
}

// counted says how many events the table holds, and redraws the timeline.
func (t *eventsTab) counted() {
	t.count.SetText(plural(t.rows.Len(), "event"))
	if t.onChange != nil {
		t.onChange()
	}
}

// sortBy orders the rows by a column (see app.EventTable.SortBy): a
// table read a page at a time is in order of date, and is read whole
// for another column.
func (t *eventsTab) sortBy(col int) {
	t.sortCol = col
	whole, ok := t.rows.(*app.EventTable)
	switch {
	case ok:
		whole.SortBy(app.EventColumn(col))
	case col != int(app.ColumnDate):
		t.reload()
	}
	t.table.Refresh()
}

// tapped opens the event on a double-click (two taps on a row in 600 ms).
func (t *eventsTab) tapped(row int) {
	t.table.UnselectAll() // so that the second tap is heard too
	if row == t.lastRow && time.Since(t.lastTap) < 600*time.Millisecond {
		t.links.openEvent(t.rows.ID(row))
	}
	t.lastRow, t.lastTap = row, time.Now()
}
