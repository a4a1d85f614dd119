package views

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/network"
	"dossier/data"
)

// registerService is what the register tab reads and does.
type registerService interface {
	Register() ([]app.ActorRow, error)
	RegisterRow(id string) (app.ActorRow, bool, error)
	LikelyDuplicates() ([]app.Duplicate, error)
	MergeActors(from, into string) error
	NetworkMeasures(ctx context.Context, progress func(done, total int)) (map[string]network.Measures, error)
}

// registerLinks are what the register does beyond itself.
type registerLinks struct {
	ui         *bridge
	win        fyne.Window
	editActor  func(a data.Actor, saved func(*data.Actor))
	actorItems func(query, except string) []pickItem
	tell       func(msg string)
}

// registerTab is the actor register: every actor with kind, country,
// sector, aliases and events count; filter, sort, edit, merge, and the
// likely duplicates. Rows follow the change feed one by one.
type registerTab struct {
	reg      registerService
	links    registerLinks
	all      []app.ActorRow
	shown    []app.ActorRow
	filter   *widget.Entry
	table    *sortableTable
	sortCol  int
	selected int
	dups     []app.Duplicate
	dupList  *widget.List
	count    *widget.Label
	loaded   bool                        // read once: from then on the feed keeps it in step
	visible  bool                        // the tab is shown: duplicates are found again on changes
	stale    bool                        // the duplicates may be out of date
	measures map[string]network.Measures // each actor's place in the network, once measured
	outdated bool                        // events changed since
}

func newRegisterTab(reg registerService, links registerLinks) *registerTab {
	r := &registerTab{reg: reg, links: links, filter: widget.NewEntry(), selected: -1, count: widget.NewLabel("")}
	r.filter.SetPlaceHolder("Filter by name, alias, country or sector")
	r.filter.OnChanged = func(string) { r.apply() }
	cell := func(f func(a app.ActorRow) string) func(int) string {
		return func(i int) string { return f(r.shown[i]) }
	}
	cols := []tableColumn{
		{title: "Name", width: 220, cell: cell(func(a app.ActorRow) string { return a.Name })},
		{title: "Kind", width: 110, cell: cell(func(a app.ActorRow) string { return a.Kind })},
		{title: "Country", width: 80, cell: cell(func(a app.ActorRow) string { return a.Country })},
		{title: "Sector", width: 70, cell: cell(func(a app.ActorRow) string { return a.Sector })},
		{title: "Aliases", width: 220, cell: cell(func(a app.ActorRow) string { return strings.Join(a.Aliases, ", ") })},
		{title: "Roles", width: 220, cell: cell(func(a app.ActorRow) string { return roleSummary(a.Roles) })},
		{title: "Events", width: 70, cell: cell(func(a app.ActorRow) string { return strconv.Itoa(a.Events) })},
		{title: "Degree", width: 70, cell: r.measure(func(m network.Measures) string { return strconv.Itoa(m.In + m.Out) })},
		{title: "Betweenness", width: 100, cell: r.measure(func(m network.Measures) string { return strconv.FormatFloat(m.Betweenness, 'f', 4, 64) })},
		{title: "PageRank", width: 90, cell: r.measure(func(m network.Measures) string { return strconv.FormatFloat(m.PageRank, 'f', 4, 64) })},
		{title: "Community", width: 90, cell: r.measure(func(m network.Measures) string {
			if m.Community == 0 {
				return ""
			}
			return strconv.Itoa(m.Community)
		})},
	}
	r.table = newSortableTable(cols, func() int { return len(r.shown) }, r.sortBy, func(i int) { r.selected = i })
	r.dupList = widget.NewList(func() int { return len(r.dups) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := r.dups[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  ·  %s — %s", d.A.Name, d.B.Name, d.Reason))
		})
	r.dupList.OnSelected = func(i widget.ListItemID) { r.mergeDuplicate(r.dups[i]) }
	return r
}

func (r *registerTab) view() fyne.CanvasObject {
	edit := widget.NewButton("Edit…", r.edit)
	merge := widget.NewButton("Merge into…", r.merge)
	measure := widget.NewButton("Measure the network", r.measureNetwork)
	add := widget.NewButton("New actor…", func() { r.links.editActor(data.Actor{Kind: data.KindPerson}, nil) })
	top := container.NewBorder(nil, nil, r.count, container.NewHBox(add, edit, merge, measure), r.filter)
	dupBox := container.NewBorder(widget.NewLabelWithStyle("Likely duplicates (tap a pair to merge it)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, r.dupList)
	split := container.NewVSplit(r.table, dupBox)
	split.Offset = 0.75
	return container.NewBorder(top, nil, nil, nil, split)
}

// show is called when the tab is shown or hidden.
func (r *registerTab) show(visible bool) {
	r.visible = visible
	if visible && (!r.loaded || r.stale) {
		r.reload()
	}
}

// reload reads the register and the duplicates again.
func (r *registerTab) reload() {
	rows, err := r.reg.Register()
	if err != nil {
		showError(r.links.win, "The register could not be read", err)
		return
	}
	r.all, r.loaded = rows, true
	r.findDuplicates()
	r.apply()
}

func (r *registerTab) findDuplicates() {
	r.dups, _ = r.reg.LikelyDuplicates()
	r.stale = false
	r.dupList.Refresh()
}

// changed brings the rows a change touches up to date: an actor's row, or
// the events counts of the actors an event names.
func (r *registerTab) changed(cs []data.Change) {
	if !r.loaded {
		return // not read yet: it will be when first shown
	}
	names := false
	for _, c := range cs {
		switch {
		case c.Reset:
			r.reload()
			return
		case c.Record == data.RecordActor:
			r.rowChanged(c.ID)
			names = true
		case c.Record == data.RecordEvent:
			if r.measures != nil && !r.outdated {
				r.outdated = true
				r.showCount()
			}
			for _, id := range c.Actors {
				r.rowChanged(id)
			}
		}
	}
	if names {
		r.stale = true
		if r.visible {
			r.findDuplicates()
		}
	}
}

// rowChanged reads one actor's row again; a new actor joins the list, a
// deleted or merged one leaves it.
func (r *registerTab) rowChanged(id string) {
	row, listed, err := r.reg.RegisterRow(id)
	if err != nil {
		return
	}
	for i := range r.all {
		if r.all[i].ID == id {
			if !listed {
				r.all = append(r.all[:i], r.all[i+1:]...)
				r.apply()
				return
			}
			r.all[i] = row
			r.replaceShown(row)
			return
		}
	}
	if listed {
		r.all = append(r.all, row)
		r.apply()
	}
}

func (r *registerTab) replaceShown(row app.ActorRow) {
	for i := range r.shown {
		if r.shown[i].ID == row.ID {
			r.shown[i] = row
			for col := range r.table.cols {
				r.table.RefreshItem(widget.TableCellID{Row: i, Col: col})
			}
		}
	}
}

// row is the shown row of an actor, if it is shown.
func (r *registerTab) row(id string) (app.ActorRow, bool) {
	for _, a := range r.shown {
		if a.ID == id {
			return a, true
		}
	}
	return app.ActorRow{}, false
}

func (r *registerTab) apply() {
	q := strings.ToLower(strings.TrimSpace(r.filter.Text))
	r.shown = r.shown[:0]
	for _, a := range r.all {
		hay := strings.ToLower(strings.Join(append(a.Names(), a.Country, a.Sector, a.Kind), " "))
		if q == "" || strings.Contains(hay, q) {
			r.shown = append(r.shown, a)
		}
	}
	r.selected = -1
	r.table.UnselectAll()
	r.showCount()
	r.sortBy(r.sortCol)
}

// showCount says how many actors are listed, and whether the measures
// are older than the last change of an event.
func (r *registerTab) showCount() {
	count := fmt.Sprintf("%d actors", len(r.shown))
	if r.outdated {
		count += " · measures out of date"
	}
	r.count.SetText(count)
}

// measure makes a measure's cell, empty until the network is measured.
func (r *registerTab) measure(f func(network.Measures) string) func(int) string {
	return func(i int) string {
		if m, ok := r.measures[r.shown[i].ID]; ok {
			return f(m)
		}
		return ""
	}
}

// measureNetwork measures every actor's place in the network of all the
// events, off the UI goroutine, and fills the measure columns.
func (r *registerTab) measureNetwork() {
	lw := longWork{ui: r.links.ui, win: r.links.win, title: "Measuring the network"}
	runLong(lw, func(ctx context.Context, p progress) (map[string]network.Measures, error) {
		return r.reg.NetworkMeasures(ctx, func(done, total int) { p(done, total, fmt.Sprintf("Step %d of %d", done, total)) })
	}, func(m map[string]network.Measures, err error) {
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				showError(r.links.win, "The network could not be measured", err)
			}
			return
		}
		r.measures, r.outdated = m, false
		r.links.tell(fmt.Sprintf("Measured the network of %d actors: degree, betweenness, PageRank and community are in the Actors tab.", len(m)))
		r.apply()
	})
}

// measureLess orders two actors by a measure column, most first; actors
// without measures last.
func (r *registerTab) measureLess(col int, a, b app.ActorRow) bool {
	ma, okA := r.measures[a.ID]
	mb, okB := r.measures[b.ID]
	if okA != okB {
		return okA
	}
	switch col {
	case 7:
		return ma.In+ma.Out > mb.In+mb.Out
	case 8:
		return ma.Betweenness > mb.Betweenness
	case 9:
		return ma.PageRank > mb.PageRank
	}
	if (ma.Community == 0) != (mb.Community == 0) {
		return mb.Community == 0
	}
	return ma.Community < mb.Community
}

func (r *registerTab) sortBy(col int) {
	r.sortCol = col
	sort.SliceStable(r.shown, func(i, j int) bool {
		a, b := r.shown[i], r.shown[j]
		switch col {
		case 7, 8, 9, 10:
			return r.measureLess(col, a, b)
		case 6:
			return a.Events > b.Events
		case 1:
			return a.Kind < b.Kind
		case 2:
			return a.Country < b.Country
		case 3:
			return a.Sector < b.Sector
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
	r.table.Refresh()
}

func (r *registerTab) current() (app.ActorRow, bool) {
	if r.selected < 0 || r.selected >= len(r.shown) {
		r.links.tell("Select an actor in the register first.")
		return app.ActorRow{}, false
	}
	return r.shown[r.selected], true
}

func (r *registerTab) edit() {
	if a, ok := r.current(); ok {
		r.links.editActor(a.Actor, nil)
	}
}

// merge folds the selected actor into one chosen with a picker.
func (r *registerTab) merge() {
	from, ok := r.current()
	if !ok {
		return
	}
	var d dialog.Dialog
	pick := newPicker("the actor that stays", func(q string) []pickItem { return r.links.actorItems(q, from.ID) }, func(it pickItem) {
		d.Hide()
		r.doMerge(from.ID, it.value.(string))
	})
	d = dialog.NewCustom("Merge "+from.Name+" into…", "Cancel", pick, r.links.win)
	d.Resize(fyne.NewSize(460, 160))
	d.Show()
	r.links.win.Canvas().Focus(pick)
}

func (r *registerTab) mergeDuplicate(d app.Duplicate) {
	r.dupList.UnselectAll()
	from, into := d.B, d.A
	msg := fmt.Sprintf("Merge %s into %s? Every event naming %s will name %s; Ctrl+Z undoes it.", from.Name, into.Name, from.Name, into.Name)
	dialog.ShowConfirm("Merge duplicates", msg, func(ok bool) {
		if ok {
			r.doMerge(from.ID, into.ID)
		}
	}, r.links.win)
}

func (r *registerTab) doMerge(from, into string) {
	if err := r.reg.MergeActors(from, into); err != nil {
		showError(r.links.win, "The actors were not merged", err)
		return
	}
	r.links.tell("Merged. Ctrl+Z undoes the merge.")
}

func roleSummary(rs []data.Role) string {
	var out []string
	for _, r := range rs {
		s := r.Post
		if r.Start != "" || r.End != "" {
			s += " (" + r.Start + "–" + r.End + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}
