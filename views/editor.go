package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data"
	"dossier/data/codebook"
)

// eventEditor is the right-hand side: the article's events and the form of
// the selected one. Every change is saved at once.
type eventEditor struct {
	wb      *workbench
	events  []data.Event
	list    *widget.List
	ev      data.Event // the event in the form; ID "" until first saved
	loading bool       // set while the form is filled, to ignore its callbacks

	typePick, cameoPick, placePick, ctxPick *picker
	mode, precision, confidence             *widget.Select
	start, end, raw, notes                  *widget.Entry
	flags                                   [4]*widget.Check
	cameoInfo, placeInfo, ctxInfo, saved    *widget.Label
	actors, recipients                      *partyBox
	evidence                                *widget.List
	evidenceSel                             int
	form                                    *fyne.Container
}

func newEventEditor(wb *workbench) *eventEditor {
	e := &eventEditor{wb: wb, evidenceSel: -1}
	e.list = widget.NewList(func() int { return len(e.events) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.summary(e.events[i])) })
	e.list.OnSelected = func(i widget.ListItemID) { e.show(e.events[i]) }
	e.buildForm()
	return e
}

func (e *eventEditor) buildForm() {
	e.typePick = newPicker("type or search: visit, protest…", searchTypes, e.pickType)
	e.mode = widget.NewSelect(nil, func(m string) { e.change("mode", func() { e.ev.Mode = m }) })
	e.ctxPick = newPicker("add a context", searchContexts, func(it pickItem) {
		e.ctxPick.SetQuietly("")
		e.change("contexts", func() { e.ev.Contexts = appendOnce(e.ev.Contexts, it.value.(string)) })
	})
	e.ctxInfo = widget.NewLabel("")
	clearCtx := widget.NewButton("Clear", func() { e.change("", func() { e.ev.Contexts = nil }) })
	e.cameoPick = newPicker("CAMEO code or words", searchCAMEO, e.pickCAMEO)
	e.cameoInfo = widget.NewLabel("")
	e.start, e.end, e.raw = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.start.SetPlaceHolder("YYYY-MM-DD, YYYY-MM or YYYY")
	e.end.SetPlaceHolder("end, for a range")
	e.raw.SetPlaceHolder("as written: on Friday")
	e.start.OnChanged = func(s string) { e.change("date", func() { e.ev.Date.Start = s }) }
	e.end.OnChanged = func(s string) { e.change("date-end", func() { e.ev.Date.End = s }) }
	e.raw.OnChanged = func(s string) { e.change("date-raw", func() { e.ev.Date.Raw = s }) }
	e.precision = widget.NewSelect(data.Precisions, func(p string) { e.change("precision", func() { e.ev.Date.Precision = p }) })
	e.actors, e.recipients = newPartyBox(e, false), newPartyBox(e, true)
	e.placePick = newPicker("place: search the gazetteer", searchPlaces, e.pickPlace)
	e.placeInfo = widget.NewLabel("")
	labels := []string{"historical", "future", "hypothetical", "negated"}
	for i := range e.flags {
		e.flags[i] = widget.NewCheck(labels[i], func(bool) { e.change("", e.readFlags) })
	}
	e.confidence = widget.NewSelect(data.Confidences, func(c string) { e.change("confidence", func() { e.ev.Confidence = c }) })
	e.notes = widget.NewMultiLineEntry()
	e.notes.SetMinRowsVisible(2)
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.OnChanged = func(s string) { e.change("notes", func() { e.ev.Notes = s }) }
	e.evidence = widget.NewList(func() int { return len(e.ev.Evidence) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText("“" + e.ev.Evidence[i].Quote + "”")
		})
	e.evidence.OnSelected = func(i widget.ListItemID) { e.evidenceSel = i; e.wb.reader.ScrollTo(e.ev.Evidence[i].Start) }
	removeEv := widget.NewButton("Remove evidence", func() {
		if i := e.evidenceSel; i >= 0 && i < len(e.ev.Evidence) {
			e.change("", func() { e.ev.Evidence = append(e.ev.Evidence[:i:i], e.ev.Evidence[i+1:]...) })
		}
	})
	e.saved = widget.NewLabel("")
	for _, l := range []*widget.Label{e.ctxInfo, e.cameoInfo, e.placeInfo} {
		setInfo(l, "")
	}
	flagsRow := container.NewHBox(e.flags[0], e.flags[1], e.flags[2], e.flags[3])
	form := widget.NewForm(
		widget.NewFormItem("Type", e.typePick), widget.NewFormItem("Mode", e.mode),
		widget.NewFormItem("Contexts", container.NewVBox(container.NewBorder(nil, nil, nil, clearCtx, e.ctxPick), e.ctxInfo)),
		widget.NewFormItem("CAMEO", container.NewVBox(e.cameoPick, e.cameoInfo)),
		widget.NewFormItem("Date", container.NewGridWithColumns(2, e.start, e.end)),
		widget.NewFormItem("", container.NewGridWithColumns(2, e.precision, e.raw)),
		widget.NewFormItem("Actors", e.actors.box), widget.NewFormItem("Recipients", e.recipients.box),
		widget.NewFormItem("Place", container.NewVBox(e.placePick, e.placeInfo)),
		widget.NewFormItem("Flags", flagsRow), widget.NewFormItem("Confidence", e.confidence),
		widget.NewFormItem("Notes", e.notes),
	)
	evBox := container.NewBorder(widget.NewLabelWithStyle("Evidence", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), removeEv, nil, nil, e.evidence)
	split := container.NewVSplit(container.NewVScroll(form), evBox)
	split.Offset = 0.78
	e.form = container.NewBorder(nil, e.saved, nil, nil, split)
}

// view is the editor's layout: events above, the form below.
func (e *eventEditor) view() fyne.CanvasObject {
	newBtn := widget.NewButton("New event", e.wb.newEvent)
	delBtn := widget.NewButton("Delete event", e.wb.deleteEvent)
	head := container.NewBorder(nil, nil, widget.NewLabelWithStyle("Events", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(newBtn, delBtn))
	split := container.NewVSplit(container.NewBorder(head, nil, nil, nil, e.list), e.form)
	split.Offset = 0.2
	return split
}

// setEvents lists an article's events and keeps the selected one in the form.
func (e *eventEditor) setEvents(evs []data.Event) {
	e.events = evs
	e.list.Refresh()
	for i, ev := range evs {
		if ev.ID == e.ev.ID {
			e.list.Select(i)
			return
		}
	}
	e.list.UnselectAll()
	if len(evs) > 0 && e.ev.ID != "" {
		e.list.Select(0)
	} else if e.ev.ID != "" {
		e.show(e.blank())
	}
}

// blank is a new event coded from the open article.
func (e *eventEditor) blank() data.Event {
	if a := e.wb.article; a != nil {
		return data.Event{Article: a.ID}
	}
	return data.Event{}
}

// show fills the form with ev.
func (e *eventEditor) show(ev data.Event) {
	e.loading = true
	defer func() { e.loading = false }()
	e.ev = ev
	e.typePick.SetQuietly(typeLabel(ev.Type, ev.Mode))
	e.refreshModes()
	e.mode.SetSelected(ev.Mode)
	setInfo(e.ctxInfo, strings.Join(ev.Contexts, ", "))
	e.cameoPick.SetQuietly(cameoLabel(ev.CAMEO))
	setInfo(e.cameoInfo, cameoInfo(ev.CAMEO))
	e.start.SetText(ev.Date.Start)
	e.end.SetText(ev.Date.End)
	e.raw.SetText(ev.Date.Raw)
	e.precision.SetSelected(ev.Date.Precision)
	e.actors.refresh()
	e.recipients.refresh()
	e.showPlace()
	for i, v := range []bool{ev.Flags.Historical, ev.Flags.Future, ev.Flags.Hypothetical, ev.Flags.Negated} {
		e.flags[i].SetChecked(v)
	}
	e.confidence.SetSelected(ev.Confidence)
	e.notes.SetText(ev.Notes)
	e.evidenceSel = -1
	e.evidence.UnselectAll()
	e.evidence.Refresh()
	e.saved.SetText(e.savedText())
	e.wb.refreshHighlights()
}

func (e *eventEditor) savedText() string {
	switch {
	case e.ev.ID == "" && e.ev.Type == "":
		return "New event: choose a type to save it."
	case e.ev.ID == "":
		return ""
	}
	return "Saved " + e.ev.Updated.Local().Format("15:04:05") + " · version " + fmt.Sprint(e.ev.Version)
}

// change applies an edit to the event and saves it; field names the form
// field so that typing in it is one undo step.
func (e *eventEditor) change(field string, edit func()) {
	if e.loading {
		return
	}
	edit()
	e.save(field)
}

func (e *eventEditor) save(field string) {
	if e.ev.Type == "" {
		e.saved.SetText("Not saved: choose an event type first.")
		e.refreshParts()
		return
	}
	draft := e.ev
	if err := e.wb.sess.SaveEvent(&draft, field); err != nil {
		e.saved.SetText("Not saved: " + data.ErrorMessage(err))
		e.refreshParts()
		return
	}
	e.ev = draft
	e.saved.SetText(e.savedText())
	e.wb.eventsChanged()
}

// refreshParts redraws the parts of the form that show derived values.
func (e *eventEditor) refreshParts() {
	setInfo(e.ctxInfo, strings.Join(e.ev.Contexts, ", "))
	e.actors.refresh()
	e.recipients.refresh()
	e.showPlace()
	e.evidence.Refresh()
	e.wb.refreshHighlights()
}

func (e *eventEditor) readFlags() {
	e.ev.Flags = data.Flags{Historical: e.flags[0].Checked, Future: e.flags[1].Checked, Hypothetical: e.flags[2].Checked, Negated: e.flags[3].Checked}
}

func (e *eventEditor) pickType(it pickItem) {
	m := it.value.(codebook.TypeMatch)
	e.typePick.SetQuietly(m.Label())
	e.loading = true
	e.ev.Type, e.ev.Mode = m.Type, m.Mode
	e.refreshModes()
	e.mode.SetSelected(m.Mode)
	e.loading = false
	e.save("")
}

func (e *eventEditor) refreshModes() {
	t, _ := codebook.Type(e.ev.Type)
	e.mode.Options = append([]string{""}, t.Modes...)
	e.mode.Refresh()
}

func (e *eventEditor) pickCAMEO(it pickItem) {
	c := it.value.(codebook.CAMEOCode)
	e.cameoPick.SetQuietly(c.Label())
	setInfo(e.cameoInfo, cameoInfo(c.Code))
	e.ev.CAMEO = c.Code
	if e.ev.Type == "" && c.Type != "" {
		e.ev.Type, e.ev.Mode = c.Type, c.Mode
		e.loading = true
		e.typePick.SetQuietly(typeLabel(c.Type, c.Mode))
		e.refreshModes()
		e.mode.SetSelected(c.Mode)
		e.loading = false
	}
	e.save("")
}

func (e *eventEditor) pickPlace(it pickItem) {
	p := it.value.(codebook.Place)
	e.ev.Location = app.PlaceLocation(p.Name, p)
	e.save("")
}

func (e *eventEditor) showPlace() {
	l := e.ev.Location
	if l == nil {
		e.placePick.SetQuietly("")
		setInfo(e.placeInfo, "")
		return
	}
	e.placePick.SetQuietly(l.Name)
	setInfo(e.placeInfo, fmt.Sprintf("%.4f, %.4f · %s", l.Lat, l.Lon, countryLabel(l.Country)))
}

// summary is one line of the events list.
func (e *eventEditor) summary(ev data.Event) string {
	date := ev.Date.Start
	if ev.Date.Precision == data.PrecisionMonth && len(date) >= 7 {
		date = date[:7]
	}
	return fmt.Sprintf("%s · %s · %s → %s", typeLabel(ev.Type, ev.Mode), orDash(date), e.wb.names(ev.Actors), e.wb.names(ev.Recipients))
}

// setInfo shows a derived value under a field, or hides the line when empty.
func setInfo(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

func typeLabel(t, mode string) string { return codebook.TypeMatch{Type: t, Mode: mode}.Label() }

func cameoLabel(code string) string {
	if c, ok := codebook.CAMEO(code); ok {
		return c.Label()
	}
	return code
}

func cameoInfo(code string) string {
	c, ok := codebook.CAMEO(code)
	if !ok {
		return ""
	}
	return fmt.Sprintf("QuadClass %d (%s) · Goldstein %+.1f", c.QuadClass, codebook.QuadClassNames[c.QuadClass], c.Goldstein)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func searchTypes(q string) []pickItem {
	var out []pickItem
	for _, m := range codebook.SearchTypes(q) {
		out = append(out, pickItem{m.Label(), m})
	}
	return out
}

func searchContexts(q string) []pickItem {
	var out []pickItem
	for _, c := range codebook.Contexts() {
		if strings.Contains(c, strings.ToLower(strings.TrimSpace(q))) {
			out = append(out, pickItem{c, c})
		}
	}
	return out
}

func searchCAMEO(q string) []pickItem {
	var out []pickItem
	for _, c := range codebook.SearchCAMEO(q) {
		out = append(out, pickItem{c.Label(), c})
	}
	return out
}

func searchPlaces(q string) []pickItem {
	var out []pickItem
	for _, p := range codebook.SearchPlaces(q, 30) {
		out = append(out, pickItem{fmt.Sprintf("%s (pop. %d)", p.Label(), p.Population), p})
	}
	return out
}
