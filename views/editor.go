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

// eventService is what the event editor needs of the session.
type eventService interface {
	EventsOf(articleID string) ([]data.Event, error)
	Event(id string) (*data.Event, error)
	SaveEvent(e *data.Event, field string) error
	DeleteEvent(id string, version int) error
	AnalystName(id string) string
}

// editorLinks are what the editor does beyond its own form: open the actor
// form, list the register's actors, scroll the reader to a quote, redraw
// the reader's highlights, and tell the analyst something in the bar.
type editorLinks struct {
	editActor     func(a data.Actor, saved func(*data.Actor))
	actorItems    func(query, except string) []pickItem
	showOffset    func(offset int)
	page          func(sp data.Span) int // the PDF page a quote stands on, 0 if none
	evidenceMoved func()
	reliability   func(articleID string) string // the grade of an article's source
	tell          func(msg string)
}

// eventEditor is the right-hand side: the open article's events and the
// form of the selected one. Every change is saved at once, based on the
// version the form shows; changes others make arrive through changed.
type eventEditor struct {
	events  eventService
	names   *actorNames
	links   editorLinks
	article string       // the open article's id, "" when none
	list    *widget.List // the article's events
	rows    []data.Event
	ev      data.Event // the event in the form; ID "" until first saved
	loading bool       // set while the form is filled, to ignore its callbacks

	typePick, cameoPick, placePick, ctxPick *picker
	mode, precision, confidence             *widget.Select
	credibility                             *widget.Select
	grade                                   *widget.Label // "B2", beside the credibility
	start, end, raw, notes                  *widget.Entry
	flags                                   []*widget.Check
	counts                                  map[string]*widget.Entry // killed, injured, arrested
	cameoInfo, placeInfo, ctxInfo, saved    *widget.Label
	actors, recipients                      *partyBox
	evidence                                *widget.List
	evidenceSel                             int
	form                                    *fyne.Container
	onNew, onDelete                         func()
}

func newEventEditor(events eventService, names *actorNames, links editorLinks) *eventEditor {
	e := &eventEditor{events: events, names: names, links: links, evidenceSel: -1}
	e.list = widget.NewList(func() int { return len(e.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(e.rows) {
				o.(*widget.Label).SetText(e.summary(e.rows[i]))
			}
		})
	e.list.OnSelected = func(i widget.ListItemID) {
		if i < len(e.rows) && e.rows[i].ID != e.ev.ID {
			e.show(e.rows[i])
		}
	}
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
	flagsRow := container.NewHBox()
	for _, name := range data.FlagNames {
		c := widget.NewCheck(name, func(on bool) { e.change("", func() { *e.ev.Flags.Flag(name) = on }) })
		e.flags = append(e.flags, c)
		flagsRow.Add(c)
	}
	casualties := e.buildCounts()
	e.confidence = widget.NewSelect(data.Confidences, func(c string) { e.change("confidence", func() { e.ev.Confidence = c }) })
	e.credibility = widget.NewSelect(append([]string{notGraded}, data.CredibilityLabels()...), e.setCredibility)
	e.credibility.PlaceHolder = "information: not graded"
	e.grade = widget.NewLabel("")
	e.notes = widget.NewMultiLineEntry()
	e.notes.SetMinRowsVisible(2)
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.OnChanged = func(s string) { e.change("notes", func() { e.ev.Notes = s }) }
	e.evidence = widget.NewList(func() int { return len(e.ev.Evidence) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			if i < len(e.ev.Evidence) {
				l.SetText(e.quote(e.ev.Evidence[i]))
			}
		})
	e.evidence.OnSelected = func(i widget.ListItemID) { e.evidenceSel = i; e.links.showOffset(e.ev.Evidence[i].Start) }
	removeEv := widget.NewButton("Remove evidence", func() {
		if i := e.evidenceSel; i >= 0 && i < len(e.ev.Evidence) {
			e.change("", func() { e.ev.Evidence = append(e.ev.Evidence[:i:i], e.ev.Evidence[i+1:]...) })
		}
	})
	e.saved = widget.NewLabel("")
	for _, l := range []*widget.Label{e.ctxInfo, e.cameoInfo, e.placeInfo} {
		setInfo(l, "")
	}
	form := widget.NewForm(
		widget.NewFormItem("Type", e.typePick), widget.NewFormItem("Mode", e.mode),
		widget.NewFormItem("Contexts", container.NewVBox(container.NewBorder(nil, nil, nil, clearCtx, e.ctxPick), e.ctxInfo)),
		widget.NewFormItem("CAMEO", container.NewVBox(e.cameoPick, e.cameoInfo)),
		widget.NewFormItem("Date", container.NewGridWithColumns(2, e.start, e.end)),
		widget.NewFormItem("", container.NewGridWithColumns(2, e.precision, e.raw)),
		widget.NewFormItem("Actors", e.actors.box), widget.NewFormItem("Recipients", e.recipients.box),
		widget.NewFormItem("Place", container.NewVBox(e.placePick, e.placeInfo)),
		widget.NewFormItem("Casualties", casualties),
		widget.NewFormItem("Flags", flagsRow), widget.NewFormItem("Confidence", e.confidence),
		widget.NewFormItem("Grade", container.NewBorder(nil, nil, nil, e.grade, e.credibility)),
		widget.NewFormItem("Notes", e.notes),
	)
	evBox := container.NewBorder(widget.NewLabelWithStyle("Evidence", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), removeEv, nil, nil, e.evidence)
	split := container.NewVSplit(container.NewVScroll(form), evBox)
	split.Offset = 0.78
	e.form = container.NewBorder(nil, e.saved, nil, nil, split)
}

// buildCounts makes the fields for the people killed, injured and
// arrested: empty when the sources do not say, 0 when they say none.
func (e *eventEditor) buildCounts() fyne.CanvasObject {
	e.counts = map[string]*widget.Entry{}
	row := container.NewGridWithColumns(len(data.SizeFields))
	for i, name := range data.SizeFields {
		entry := widget.NewEntry()
		entry.SetPlaceHolder("?") // empty: not reported
		entry.OnChanged = func(s string) { e.setCount(name, s) }
		e.counts[name] = entry
		label := widget.NewLabel(data.SizeWords[i])
		row.Add(container.NewBorder(nil, nil, nil, label, entry))
	}
	return row
}

// setCount saves a count the analyst typed, or says why it is not one.
func (e *eventEditor) setCount(name, text string) {
	if e.loading {
		return
	}
	n, err := data.ParseCount(text)
	if err != nil {
		e.saved.SetText("Not saved: " + err.Error() + ".")
		return
	}
	e.change(name, func() { *e.ev.Size.Field(name) = n })
}

// setCredibility saves the information's credibility the analyst chose.
func (e *eventEditor) setCredibility(label string) {
	c := data.GradeOfLabel(label)
	if label == notGraded {
		c = ""
	}
	if c != e.ev.Credibility {
		e.change("", func() { e.ev.Credibility = c })
		e.showGrade()
	}
}

// showGrade shows the event's grade, the source's reliability (graded in
// the article's header) with the credibility: "B2".
func (e *eventEditor) showGrade() {
	g := e.ev.Grade(e.links.reliability)
	switch {
	case g.Reliability == "" && g.Credibility == "":
		e.grade.SetText("not graded")
	case g.Reliability == "":
		e.grade.SetText(g.String() + " · grade the source in the header")
	default:
		e.grade.SetText(g.String())
	}
}

// view is the editor's layout: events above, the form below.
func (e *eventEditor) view() fyne.CanvasObject {
	newBtn := widget.NewButton("New event", func() { e.onNew() })
	delBtn := widget.NewButton("Delete event", func() { e.onDelete() })
	head := container.NewBorder(nil, nil, widget.NewLabelWithStyle("Events", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(newBtn, delBtn))
	split := container.NewVSplit(container.NewBorder(head, nil, nil, nil, e.list), e.form)
	split.Offset = 0.2
	return split
}

// openArticle lists an article's events and opens the first, or a blank
// form when it has none.
func (e *eventEditor) openArticle(id string) {
	e.article = id
	e.rows, _ = e.events.EventsOf(id)
	e.list.UnselectAll()
	e.list.Refresh()
	if len(e.rows) > 0 {
		e.open(e.rows[0])
	} else {
		e.show(e.blank())
	}
}

// open shows ev in the form and selects it in the list.
func (e *eventEditor) open(ev data.Event) {
	e.show(ev)
	for i, r := range e.rows {
		if r.ID == ev.ID {
			e.list.Select(i)
			return
		}
	}
	e.list.UnselectAll()
}

// openID opens a stored event.
func (e *eventEditor) openID(id string) error {
	ev, err := e.events.Event(id)
	if err == nil {
		e.open(*ev)
	}
	return err
}

// newEvent starts a new event of the open article, citing evidence if any.
func (e *eventEditor) newEvent(evidence []data.Span) {
	ev := e.blank()
	ev.Evidence = evidence
	e.list.UnselectAll()
	e.show(ev)
}

// current is the event in the form.
func (e *eventEditor) current() data.Event { return e.ev }

// blank is a new event coded from the open article.
func (e *eventEditor) blank() data.Event { return data.Event{Article: e.article} }

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
	for i, name := range data.FlagNames {
		e.flags[i].SetChecked(ev.Flags.Has(name))
	}
	for _, name := range data.SizeFields {
		e.counts[name].SetText(data.CountText(*ev.Size.Field(name)))
	}
	e.confidence.SetSelected(ev.Confidence)
	e.credibility.SetSelected(data.CredibilityLabel(ev.Credibility))
	e.showGrade()
	e.notes.SetText(ev.Notes)
	e.evidenceSel = -1
	e.evidence.UnselectAll()
	e.evidence.Refresh()
	e.saved.SetText(e.savedText())
	e.links.evidenceMoved()
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
	evidence := len(e.ev.Evidence)
	edit()
	e.save(field)
	if len(e.ev.Evidence) != evidence {
		e.evidence.Refresh()
		e.links.evidenceMoved()
	}
}

// save stores the form's event. Only what shows derived values is redrawn;
// the rest of the window hears of the change through the feed.
func (e *eventEditor) save(field string) {
	if e.ev.Type == "" {
		e.saved.SetText("Not saved: choose an event type first.")
		e.refreshParts()
		return
	}
	draft := e.ev
	if err := e.events.SaveEvent(&draft, field); err != nil {
		e.saved.SetText("Not saved: " + data.ErrorMessage(err))
		e.refreshParts()
		return
	}
	isNew := e.ev.ID == ""
	e.ev = draft
	e.saved.SetText(e.savedText())
	if field != "notes" && field != "date-raw" {
		e.refreshParts()
	}
	if isNew {
		e.rows = append(e.rows, draft)
		e.list.Refresh()
		e.loading = true
		e.list.Select(len(e.rows) - 1)
		e.loading = false
	}
}

// refreshParts redraws the parts of the form that show derived values.
func (e *eventEditor) refreshParts() {
	setInfo(e.ctxInfo, strings.Join(e.ev.Contexts, ", "))
	e.actors.refresh()
	e.recipients.refresh()
	e.showPlace()
}

// changed follows what others changed: the article's events list, and the
// form when its event was changed (it shows the new version) or deleted.
func (e *eventEditor) changed(cs []data.Change) {
	for _, c := range cs {
		switch {
		case c.Reset:
			e.reload()
			return
		case c.Record == data.RecordActor:
			e.list.Refresh()
			e.refreshParts()
		case c.Record == data.RecordEvent && (c.Touches(data.RecordArticle, e.article) || c.ID == e.ev.ID):
			e.eventChanged(c)
		}
	}
}

// eventChanged brings one event of the list, and the form, up to date.
func (e *eventEditor) eventChanged(c data.Change) {
	ev, err := e.events.Event(c.ID)
	i := e.rowOf(c.ID)
	switch {
	case err != nil && i >= 0: // deleted
		e.rows = append(e.rows[:i], e.rows[i+1:]...)
		e.list.Refresh()
	case err != nil:
	case i >= 0 && !ev.Cites(e.article):
		e.rows = append(e.rows[:i], e.rows[i+1:]...)
		e.list.Refresh()
	case i >= 0:
		e.rows[i] = *ev
		e.list.RefreshItem(i)
	case ev.Cites(e.article):
		e.rows = append(e.rows, *ev)
		e.list.Refresh()
	}
	if c.ID != e.ev.ID || c.New != 0 && c.New <= e.ev.Version { // not the form's, or the form's own save
		return
	}
	if err != nil {
		e.show(e.blank())
	} else {
		e.show(*ev)
	}
	if c.Origin == data.OriginWindow || c.Origin == data.OriginUndo {
		return // the analyst did it here and was told
	}
	who := e.events.AnalystName(c.By)
	if err != nil {
		e.links.tell(fmt.Sprintf("The event in the form was deleted by %s (%s).", who, c.Origin))
		return
	}
	e.links.tell(fmt.Sprintf("The event in the form was changed by %s (%s): it shows version %d now.", who, c.Origin, ev.Version))
}

func (e *eventEditor) rowOf(id string) int {
	for i, r := range e.rows {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// reload reads the open article's events again (after a restore).
func (e *eventEditor) reload() {
	keep := e.ev.ID
	e.rows, _ = e.events.EventsOf(e.article)
	e.list.Refresh()
	if keep == "" || e.openID(keep) != nil {
		e.show(e.blank())
	}
}

// deleteCurrent deletes the event in the form.
func (e *eventEditor) deleteCurrent() error {
	if e.ev.ID == "" {
		e.show(e.blank())
		return nil
	}
	if err := e.events.DeleteEvent(e.ev.ID, e.ev.Version); err != nil {
		return err
	}
	if i := e.rowOf(e.ev.ID); i >= 0 {
		e.rows = append(e.rows[:i], e.rows[i+1:]...)
		e.list.Refresh()
	}
	e.list.UnselectAll()
	e.show(e.blank())
	return nil
}

// The selection in the reader becomes part of the event.
func (e *eventEditor) addParty(id string, recipient bool) {
	if recipient {
		e.recipients.add(id)
	} else {
		e.actors.add(id)
	}
}

func (e *eventEditor) setPlace(l *data.Location) { e.change("", func() { e.ev.Location = l }) }

func (e *eventEditor) setDate(d data.EventDate) {
	e.change("", func() { e.ev.Date = d })
	e.show(e.ev)
}

func (e *eventEditor) setDateWords(words string) {
	e.change("", func() { e.ev.Date.Raw = words })
	e.show(e.ev)
}

func (e *eventEditor) addEvidence(sp data.Span) {
	e.change("", func() { e.ev.Evidence = append(e.ev.Evidence, sp) })
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
	return fmt.Sprintf("%s · %s · %s → %s", typeLabel(ev.Type, ev.Mode), orDash(date), e.names.join(ev.Actors), e.names.join(ev.Recipients))
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

// quote is a piece of evidence as the list shows it, with its page when
// the article is a PDF.
func (e *eventEditor) quote(sp data.Span) string {
	q := "“" + sp.Quote + "”"
	if e.links.page != nil {
		if p := e.links.page(sp); p > 0 {
			q = fmt.Sprintf("p. %d  %s", p, q)
		}
	}
	return q
}
