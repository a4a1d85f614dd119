package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data"
)

// duplicateService is what the likely-duplicates list reads and does.
type duplicateService interface {
	DuplicateEvents() ([]app.EventPair, error)
	MergeEvents(keep, other string) error
	TellApart(a, b string) error
}

// eventDuplicates is the Events tab's "Likely duplicates": pairs of events
// that are probably one event reported twice, each with its score and
// what matched; the analyst merges a pair (keeping either event) or tells
// the two apart, each one undoable step.
type eventDuplicates struct {
	src   duplicateService
	names *actorNames
	win   fyne.Window
	tell  func(string)
	open  func(id string) // opens an event beside its article
	pairs []app.EventPair
	list  *widget.List
	head  *widget.Label
}

func newEventDuplicates(src duplicateService, names *actorNames, win fyne.Window, tell func(string), open func(string)) *eventDuplicates {
	d := &eventDuplicates{src: src, names: names, win: win, tell: tell, open: open, head: widget.NewLabel("")}
	d.list = widget.NewList(func() int { return len(d.pairs) },
		func() fyne.CanvasObject { return widget.NewLabel("two\nlines") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(d.pairs) {
				l := o.(*widget.Label)
				l.Truncation = fyne.TextTruncateEllipsis
				l.SetText(d.label(d.pairs[i]))
			}
		})
	d.list.OnSelected = func(i widget.ListItemID) {
		d.list.UnselectAll()
		if i < len(d.pairs) {
			d.card(d.pairs[i])
		}
	}
	return d
}

// show opens the list, read afresh.
func (d *eventDuplicates) show() {
	d.reload()
	note := widget.NewLabel("Same type, dates at most 3 days apart, the same place or one within 10 km, and shared actors and recipients. Choose a pair to merge it or tell it apart.")
	note.Wrapping = fyne.TextWrapWord
	box := container.NewBorder(container.NewVBox(d.head, note), nil, nil, nil, d.list)
	dlg := dialog.NewCustom("Likely duplicate events", "Close", box, d.win)
	dlg.Resize(fyne.NewSize(900, 560))
	dlg.Show()
}

func (d *eventDuplicates) reload() {
	pairs, err := d.src.DuplicateEvents()
	if err != nil {
		showError(d.win, "The duplicates could not be found", err)
		return
	}
	d.pairs = pairs
	d.head.SetText(fmt.Sprintf("%d pair(s) of events that are probably one", len(pairs)))
	d.list.Refresh()
}

func (d *eventDuplicates) label(p app.EventPair) string {
	return fmt.Sprintf("%.2f   %s\n        ≈   %s", p.Score, d.eventLine(p.A), d.eventLine(p.B))
}

// eventLine says an event in a line: "ASSAULT 2025-03-02 Syrian Air Force →
// Civilians, Aleppo (2 sources)".
func (d *eventDuplicates) eventLine(e data.Event) string {
	s := e.Type + " " + e.Date.Start + " " + d.names.join(e.Actors)
	if len(e.Recipients) > 0 {
		s += " → " + d.names.join(e.Recipients)
	}
	if e.Location != nil && e.Location.Name != "" {
		s += ", " + e.Location.Name
	}
	return s + fmt.Sprintf(" (%d source(s))", len(e.Articles()))
}

// card shows one pair as a match card: both events, what matched, and the
// three decisions.
func (d *eventDuplicates) card(p app.EventPair) {
	text := widget.NewLabel(fmt.Sprintf("Score %.2f: %s.\n\nFirst:  %s\nSecond: %s", p.Score, strings.Join(p.Matched, ", "), d.eventLine(p.A), d.eventLine(p.B)))
	text.Wrapping = fyne.TextWrapWord
	var dlg dialog.Dialog
	act := func(f func() error, done string) func() {
		return func() {
			dlg.Hide()
			if err := f(); err != nil {
				showError(d.win, "Nothing was changed", err)
				return
			}
			d.tell(done + " Ctrl+Z undoes it.")
			d.reload()
		}
	}
	buttons := container.NewHBox(
		widget.NewButton("Keep the first", act(func() error { return d.merge(p, true) }, "Merged the second event into the first.")),
		widget.NewButton("Keep the second", act(func() error { return d.merge(p, false) }, "Merged the first event into the second.")),
		widget.NewButton("Not the same", act(func() error { return d.src.TellApart(p.A.ID, p.B.ID) }, "The two events are told apart.")),
		widget.NewButton("Open the first", func() { dlg.Hide(); d.open(p.A.ID) }),
	)
	dlg = dialog.NewCustom("Merge these events?", "Cancel", container.NewVBox(text, buttons), d.win)
	dlg.Resize(fyne.NewSize(760, 260))
	dlg.Show()
}

// merge keeps one event of the pair and merges the other into it.
func (d *eventDuplicates) merge(p app.EventPair, keepFirst bool) error {
	if keepFirst {
		return d.src.MergeEvents(p.A.ID, p.B.ID)
	}
	return d.src.MergeEvents(p.B.ID, p.A.ID)
}
