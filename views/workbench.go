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

// workbench is the main window's content: articles on the left, the reader
// in the middle, the events of the open article on the right.
type workbench struct {
	sess       *app.Session
	win        fyne.Window
	articles   *articlePanel
	reader     *Reader
	editor     *eventEditor
	title      *widget.Label
	meta       *widget.Label
	status     *widget.Select
	bar        *widget.Label
	centre     *fyne.Container
	article    *data.Article // the open article, nil when none
	mentions   []app.Mention
	actorNames map[string]string
	actorForm  *actorForm // the last actor form opened (tests fill it in)
	coding     map[string]*widget.Button
	tabs       *container.AppTabs
	rightTabs  *container.AppTabs
	suggest    *suggestionsPanel
	register   *registerTab
	allEvents  *eventsTab
	timeline   *Timeline
}

func newWorkbench(sess *app.Session, win fyne.Window) *workbench {
	wb := &workbench{sess: sess, win: win, reader: NewReader(), actorNames: map[string]string{}}
	wb.articles = newArticlePanel(wb)
	wb.editor = newEventEditor(wb)
	wb.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	wb.title.Wrapping = fyne.TextWrapWord
	wb.meta = widget.NewLabel("")
	wb.status = widget.NewSelect([]string{data.StatusNew, data.StatusInProgress, data.StatusDone}, wb.setStatus)
	wb.bar = widget.NewLabel("")
	wb.reader.OnSelect = wb.selected
	return wb
}

// content lays the window out.
func (wb *workbench) content() fyne.CanvasObject {
	head := container.NewBorder(nil, nil, nil, wb.status, container.NewVBox(wb.title, wb.meta))
	readerPane := container.NewBorder(container.NewVBox(head, wb.codingBar()), nil, nil, nil, wb.reader)
	wb.centre = container.NewStack(readerPane, wb.welcome())
	wb.suggest = newSuggestionsPanel(wb)
	wb.rightTabs = container.NewAppTabs(container.NewTabItem("Events", wb.editor.view()), container.NewTabItem("Suggestions", wb.suggest.view()))
	wb.rightTabs.OnSelected = func(t *container.TabItem) {
		wb.suggest.shown = t.Text == "Suggestions"
		if wb.suggest.shown {
			wb.suggest.reload()
		}
		wb.refreshHighlights()
	}
	right := container.NewHSplit(wb.centre, wb.rightTabs)
	right.Offset = 0.58
	main := container.NewHSplit(wb.articles.view(), right)
	main.Offset = 0.2
	wb.reloadArticles()
	wb.register, wb.allEvents = newRegisterTab(wb), newEventsTab(wb)
	wb.timeline = newTimeline(func() []app.EventRow { return wb.allEvents.rows }, wb.openEvent)
	wb.allEvents.onChange = wb.timeline.Reload
	wb.tabs = container.NewAppTabs(
		container.NewTabItem("Code", main),
		container.NewTabItem("Actors", wb.register.view()),
		container.NewTabItem("Events", wb.allEvents.view()),
		container.NewTabItem("Timeline", container.NewBorder(nil, widget.NewLabel("Filtered like the Events table; tap a mark to open its event."), nil, nil, wb.timeline)),
	)
	wb.tabs.OnSelected = wb.tabOpened
	return container.NewBorder(nil, wb.bar, nil, nil, wb.tabs)
}

// codingBar holds the buttons that turn the selected words into records.
func (wb *workbench) codingBar() fyne.CanvasObject {
	wb.coding = map[string]*widget.Button{}
	b := func(label string, fn func()) *widget.Button {
		wb.coding[label] = widget.NewButton(label, fn)
		return wb.coding[label]
	}
	return container.NewHBox(widget.NewLabel("Selection as:"),
		b("Actor", func() { wb.selectionAsParty(false) }), b("Recipient", func() { wb.selectionAsParty(true) }),
		b("Alias…", wb.selectionAsAlias), b("Place", wb.selectionAsPlace), b("Date", wb.selectionAsDate),
		b("Evidence", wb.selectionAsEvidence))
}

// welcome greets an empty database.
func (wb *workbench) welcome() fyne.CanvasObject {
	msg := widget.NewLabelWithStyle("Drop article files or folders anywhere on this window\n(.txt, .md, .html, .docx, .eml), or use File ▸ Import (Ctrl+O).",
		fyne.TextAlignCenter, fyne.TextStyle{})
	sample := widget.NewButton("Open a sample article, already coded", wb.openSample)
	sample.Importance = widget.HighImportance
	return container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle("Welcome to Dossier", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), msg, container.NewCenter(sample)))
}

// tabOpened reads a tab's records when it is shown, not at start-up.
func (wb *workbench) tabOpened(t *container.TabItem) {
	switch t.Text {
	case "Actors":
		wb.register.reload()
	case "Events", "Timeline":
		wb.allEvents.reload()
	}
}

// openNewest opens the newest article, if any, once the window shows.
func (wb *workbench) openNewest() {
	if len(wb.articles.shown) > 0 {
		wb.articles.list.Select(0)
	}
}

// reloadArticles refreshes the list and shows the welcome when it is empty.
func (wb *workbench) reloadArticles() {
	if err := wb.articles.reload(); err != nil {
		showError(wb.win, "The articles could not be read", err)
	}
	empty := len(wb.articles.all) == 0
	wb.win.SetTitle(fmt.Sprintf("Dossier · %d articles · %s", len(wb.articles.all), wb.sess.DatabasePath()))
	reader, welcome := wb.centre.Objects[0], wb.centre.Objects[1]
	if empty {
		reader.Hide()
		welcome.Show()
	} else {
		welcome.Hide()
		reader.Show()
	}
	wb.setBar("")
}

// open shows an article in the reader and its events in the editor.
func (wb *workbench) open(id string) {
	a, err := wb.sess.Article(id)
	if err != nil {
		showError(wb.win, "The article could not be opened", err)
		return
	}
	wb.article = a
	wb.title.SetText(a.Title)
	wb.meta.SetText(strings.Join(nonEmpty(a.Published, a.Source, a.Byline, shortName(a.File)), " · "))
	wb.status.SetSelected(a.Status)
	wb.reader.SetText(a.Text)
	wb.mentions, _ = wb.sess.Mentions(a.Text)
	wb.editor.ev = wb.editor.blank()
	if wb.suggest.shown {
		wb.suggest.reload()
	}
	evs, _ := wb.sess.EventsOf(id)
	wb.editor.setEvents(evs)
	if len(evs) > 0 {
		wb.editor.list.Select(0)
	} else {
		wb.editor.show(wb.editor.blank())
	}
}

// eventsChanged reloads the open article's events and the highlights.
func (wb *workbench) eventsChanged() {
	wb.actorNames = map[string]string{}
	if wb.article == nil {
		return
	}
	wb.mentions, _ = wb.sess.Mentions(wb.article.Text)
	evs, _ := wb.sess.EventsOf(wb.article.ID)
	wb.editor.setEvents(evs)
	wb.editor.refreshParts()
	wb.articles.countsChanged()
	wb.setBar("")
}

// refreshHighlights shows known actors, places and the event's evidence.
func (wb *workbench) refreshHighlights() {
	var hs []highlight
	for _, m := range wb.mentions {
		style := hlActor
		if m.Kind == app.MentionPlace {
			style = hlPlace
		}
		hs = append(hs, highlight{m.Start, m.End, style})
	}
	hs = append(hs, wb.suggest.highlights()...)
	if wb.article != nil {
		for _, s := range wb.editor.ev.Evidence {
			if s.Article == wb.article.ID {
				hs = append(hs, highlight{s.Start, s.End, hlEvidence})
			}
		}
	}
	wb.reader.SetHighlights(hs)
}

func (wb *workbench) setStatus(s string) {
	if wb.article == nil || s == wb.article.Status || s == "" {
		return
	}
	a := wb.article.Header()
	a.Status = s
	if err := wb.sess.SaveArticle(&a, ""); err != nil {
		showError(wb.win, "The status was not saved", err)
		return
	}
	wb.article.Status = s
	wb.articles.countsChanged()
}

// names joins actor names for display, caching them per refresh.
func (wb *workbench) names(ids []string) string {
	var out []string
	for _, id := range ids {
		n, ok := wb.actorNames[id]
		if !ok {
			n = id
			if a, err := wb.sess.Actor(id); err == nil {
				n = a.Name
			}
			wb.actorNames[id] = n
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return "–"
	}
	return strings.Join(out, ", ")
}

func (wb *workbench) setBar(msg string) {
	if msg == "" {
		msg = wb.sess.DatabasePath()
		if wb.sess.CanUndo() {
			msg += " · Ctrl+Z: undo " + wb.sess.UndoLabel()
		}
	}
	wb.bar.SetText(msg)
}

func (wb *workbench) openSample() {
	id, err := wb.sess.LoadSample()
	if err != nil {
		showError(wb.win, "The sample article could not be stored", err)
		return
	}
	wb.reloadArticles()
	wb.articles.selectID(id)
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// showError tells the analyst what happened and what to do, in a dialog.
func showError(win fyne.Window, what string, err error) {
	dialog.ShowInformation(what, data.ErrorMessage(err), win)
}
