package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/network"
	"dossier/data"
)

// workbench is the main window's content and the place its panels are
// wired together: articles on the left, the reader in the middle, the
// events of the open article on the right, and the register, table and
// timeline tabs. Each panel gets only the session calls and links it
// needs; the change feed reaches them all through changed.
type workbench struct {
	sess      *app.Session
	win       fyne.Window
	ui        *bridge
	names     *actorNames
	articles  *articlePanel
	reader    *Reader
	marks     *highlighter
	editor    *eventEditor
	header    *articleHeader
	bar       *widget.Label
	centre    *fyne.Container
	article   *data.Article // the open article, nil when none
	actorForm *actorForm    // the last actor form opened (tests fill it in)
	coding    *codingBar
	tabs      *container.AppTabs
	rightTabs *container.AppTabs
	tab       struct{ code, actors, events, timeline, network, form, suggestions *container.TabItem }
	suggest   *suggestionsPanel
	register  *registerTab
	allEvents *eventsTab
	timeline  *Timeline
	network   *networkTab
	conflicts *conflictsTab
	team      *teamLink
	backups   *backups
	importer  *importer
	finder    *finder
	exporter  *exporter
	workbooks *workbookReturn
	stop      func() // stops hearing the change feed
}

func newWorkbench(sess *app.Session, win fyne.Window, ui *bridge) *workbench {
	wb := &workbench{sess: sess, win: win, ui: ui, reader: NewReader(), names: newActorNames(sess)}
	items := actorItems(sess)
	wb.marks = &highlighter{reader: wb.reader, find: sess}
	wb.editor = newEventEditor(sess, wb.names, editorLinks{editActor: wb.showActorForm, actorItems: items,
		showOffset: wb.reader.ScrollTo, page: wb.pageOf, evidenceMoved: wb.marks.refresh, tell: wb.setBar})
	wb.editor.onNew, wb.editor.onDelete = wb.newEvent, wb.deleteEvent
	shared := windowLinks{ui: ui, win: win, tell: wb.setBar}
	wb.finder = &finder{index: sess, windowLinks: shared,
		show: hitLinks{article: wb.openArticleAt, event: wb.openEvent, actor: wb.openActor}}
	wb.coding = newCodingBar(codingLinks{win: win, register: sess, form: wb.editor, selection: wb.selection,
		published: func() string { return wb.article.Published }, editActor: wb.showActorForm, tell: wb.setBar})
	wb.articles = newArticlePanel(sess, wb.finder.field(), wb.open)
	wb.articles.onCount = wb.countChanged
	wb.register = newRegisterTab(sess, registerLinks{win: win, editActor: wb.showActorForm, actorItems: items, tell: wb.setBar})
	wb.allEvents = newEventsTab(sess, eventsLinks{win: win, openEvent: wb.openEvent, openArticle: wb.openArticleID, actorItems: items})
	wb.suggest = newSuggestionsPanel(sess, suggestLinks{win: win, ui: ui, article: wb.openArticleID,
		showPanel: func() { wb.rightTabs.Select(wb.tab.suggestions) }, selectText: wb.reader.Select,
		asPlace: wb.coding.asPlace, asDate: wb.coding.asDate, openEvent: wb.openEvent, draftEvent: wb.draftEvent,
		editActor: wb.showActorForm, scrollTo: wb.reader.ScrollTo, redraw: wb.marks.refresh, tell: wb.setBar})
	wb.marks.layers = []func() []highlight{wb.suggest.highlights, wb.evidenceHighlights}
	wb.conflicts = newConflictsTab(sess, wb.names, wb.setBar)
	wb.header = newArticleHeader(headerLinks{win: win, save: func(a *data.Article) error { return sess.SaveArticle(a, "") },
		languageOf: sess.ArticleLanguage, reread: wb.rereadSuggestions, tell: wb.setBar})
	wb.bar = widget.NewLabel("")
	wb.reader.OnSelect = wb.selected
	wb.backups = &backups{keeper: sess, windowLinks: shared}
	wb.team = &teamLink{status: widget.NewLabel(""), team: sess, showConflicts: wb.showConflicts, windowLinks: shared}
	wb.exporter = &exporter{records: sess, names: wb.names, openArticle: wb.openArticleID, windowLinks: shared}
	wb.workbooks = &workbookReturn{records: sess, windowLinks: shared}
	wb.importer = &importer{from: sess, opened: wb.showImported, windowLinks: shared}
	wb.stop = ui.listen(sess.Subscribe, wb.changed)
	return wb
}

// content lays the window out.
func (wb *workbench) content() fyne.CanvasObject {
	readerPane := container.NewBorder(container.NewVBox(wb.header.view(), wb.coding.view()), nil, nil, nil, wb.reader)
	wb.centre = container.NewStack(readerPane, wb.welcome())
	wb.tab.form = container.NewTabItem("Events", wb.editor.view())
	wb.tab.suggestions = container.NewTabItem("Suggestions", wb.suggest.view())
	wb.rightTabs = container.NewAppTabs(wb.tab.form, wb.tab.suggestions)
	wb.rightTabs.OnSelected = func(t *container.TabItem) { wb.suggest.show(t == wb.tab.suggestions) }
	right := container.NewHSplit(wb.centre, wb.rightTabs)
	right.Offset = 0.58
	main := container.NewHSplit(wb.articles.view(), right)
	main.Offset = 0.2
	wb.reloadArticles()
	wb.timeline = newTimeline(func() []app.EventRow { return wb.allEvents.rows }, wb.openEvent)
	wb.allEvents.onChange = wb.timeline.Reload
	wb.tab.code = container.NewTabItem("Code", main)
	wb.tab.actors = container.NewTabItem("Actors", wb.register.view())
	wb.tab.events = container.NewTabItem("Events", wb.allEvents.view())
	wb.tab.timeline = container.NewTabItem("Timeline", container.NewBorder(nil, widget.NewLabel("Filtered like the Events table; tap a mark to open its event."), nil, nil, wb.timeline))
	wb.network = newNetworkTab(wb.sess, networkLinks{win: wb.win, filter: wb.allEvents.filter, openNode: wb.nodeEvents, openLink: wb.linkEvents})
	wb.allEvents.onFilter = wb.network.filterChanged
	wb.tab.network = container.NewTabItem("Network", wb.network.view())
	wb.tabs = container.NewAppTabs(wb.tab.code, wb.tab.actors, wb.tab.events, wb.tab.timeline, wb.tab.network, wb.conflicts.item)
	wb.tabs.OnSelected = wb.tabOpened
	wb.conflicts.retitled = wb.tabs.Refresh
	wb.conflicts.reload()
	return container.NewBorder(nil, container.NewBorder(nil, nil, nil, wb.team.status, wb.bar), nil, nil, wb.tabs)
}

// welcome greets an empty database.
func (wb *workbench) welcome() fyne.CanvasObject {
	msg := widget.NewLabelWithStyle("Drop article files or folders anywhere on this window\n(PDF, Word, OpenDocument, RTF, web pages, e-mails, text), or use File ▸ Import (Ctrl+O).",
		fyne.TextAlignCenter, fyne.TextStyle{})
	sample := widget.NewButton("Open a sample article, already coded", wb.openSample)
	sample.Importance = widget.HighImportance
	return container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle("Welcome to Dossier", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), msg, container.NewCenter(sample)))
}

// tabOpened tells the tabs whether they are shown: they read their records
// when first shown, not at start-up.
func (wb *workbench) tabOpened(t *container.TabItem) {
	wb.register.show(t == wb.tab.actors)
	wb.allEvents.show(t == wb.tab.events || t == wb.tab.timeline)
	wb.network.show(t == wb.tab.network)
	if t == wb.conflicts.item {
		wb.conflicts.reload()
	}
}

// nodeEvents opens an actor's events (or a country's) in the Events tab.
func (wb *workbench) nodeEvents(n network.Node) {
	if n.Kind == "country" {
		wb.allEvents.showCountry(countryFilter(n), "", "")
	} else {
		wb.allEvents.showActor(n.ID, n.Name, "", "")
	}
	wb.tabs.Select(wb.tab.events)
}

// linkEvents opens what one actor (or one country's actors) did to
// another in the Events tab.
func (wb *workbench) linkEvents(l network.Link, from, to network.Node) {
	if from.Kind == "country" {
		wb.allEvents.showCountry(countryFilter(from), countryFilter(to), to.Name)
	} else {
		wb.allEvents.showActor(from.ID, from.Name, to.ID, to.Name)
	}
	wb.tabs.Select(wb.tab.events)
}

// changed hands a batch of committed changes to every panel; each reads
// again only what the changes touch.
func (wb *workbench) changed(cs []data.Change) {
	wb.names.forget(cs)
	wb.articles.changed(cs)
	wb.register.changed(cs)
	wb.allEvents.changed(cs)
	wb.network.changed(cs)
	wb.conflicts.changed(cs)
	wb.articleChanged(cs)
	if wb.article == nil {
		return
	}
	wb.editor.changed(cs)
	wb.marks.changed(cs)
	wb.suggest.changed(cs)
}

// articleChanged follows the open article's header (its status, title) or
// its deletion; a restore opens the newest article.
func (wb *workbench) articleChanged(cs []data.Change) {
	for _, c := range cs {
		switch {
		case c.Reset:
			wb.article = nil
			wb.openNewest()
			return
		case wb.article != nil && c.Record == data.RecordArticle && c.ID == wb.article.ID:
			h, err := wb.sess.ArticleHeader(c.ID)
			if err != nil {
				wb.closeArticle()
				return
			}
			text := wb.article.Text
			wb.article, wb.article.Text = h, text
			wb.header.show(wb.article)
		}
	}
}

// openNewest opens the newest article, if any, once the window shows.
func (wb *workbench) openNewest() {
	if len(wb.articles.shown) > 0 {
		wb.articles.list.Select(0)
	} else {
		wb.closeArticle()
	}
}

// reloadArticles refreshes the list.
func (wb *workbench) reloadArticles() {
	if err := wb.articles.reload(); err != nil {
		showError(wb.win, "The articles could not be read", err)
	}
}

// showImported reads the list again and opens a new article ("" for none).
func (wb *workbench) showImported(id string) {
	wb.reloadArticles()
	if id != "" {
		wb.articles.selectID(id)
	}
}

// showConflicts opens the Conflicts tab, read again.
func (wb *workbench) showConflicts() {
	wb.conflicts.reload()
	wb.tabs.Select(wb.conflicts.item)
}

// countChanged shows the number of articles in the title, and the welcome
// when there are none.
func (wb *workbench) countChanged(n int) {
	wb.win.SetTitle(fmt.Sprintf("Dossier · %d articles · %s", n, wb.sess.DatabasePath()))
	reader, welcome := wb.centre.Objects[0], wb.centre.Objects[1]
	if n == 0 {
		reader.Hide()
		welcome.Show()
	} else {
		welcome.Hide()
		reader.Show()
	}
}

// open shows an article in the reader and its events in the editor.
func (wb *workbench) open(id string) {
	a, err := wb.sess.Article(id)
	if err != nil {
		showError(wb.win, "The article could not be opened", err)
		return
	}
	wb.article = a
	wb.header.show(a)
	wb.reader.SetText(a.Text)
	wb.editor.openArticle(id)
	wb.marks.open(a.Text)
	wb.rereadSuggestions()
	wb.setBar("")
}

// pageOf is the page of the open PDF article a quote stands on (0 when the
// quote is from another article, or the article has no pages).
func (wb *workbench) pageOf(sp data.Span) int {
	if wb.article == nil || sp.Article != wb.article.ID {
		return 0
	}
	return wb.article.Page(sp.Start)
}

// closeArticle empties the reader and the form (the article was deleted).
func (wb *workbench) closeArticle() {
	wb.article = nil
	wb.header.show(nil)
	wb.reader.SetText("")
	wb.editor.openArticle("")
	wb.marks.open("")
	wb.suggest.cleared()
}

// openArticleID is the open article's id ("" when none).
func (wb *workbench) openArticleID() string {
	if wb.article == nil {
		return ""
	}
	return wb.article.ID
}

// evidenceHighlights are the evidence spans of the event in the form.
func (wb *workbench) evidenceHighlights() []highlight {
	var hs []highlight
	for _, s := range wb.editor.current().Evidence {
		if s.Article == wb.openArticleID() {
			hs = append(hs, highlight{s.Start, s.End, hlEvidence})
		}
	}
	return hs
}

// rereadSuggestions reads the open article's suggestions again, when they
// are shown.
func (wb *workbench) rereadSuggestions() {
	if wb.suggest.shown {
		wb.suggest.reload(nil)
	}
}

// setBar shows a message in the status bar; "" shows the database and
// what Ctrl+Z would undo.
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

// openEvent shows an event beside its article, on the coding tab.
func (wb *workbench) openEvent(id string) {
	ev, err := wb.sess.Event(id)
	if err != nil {
		showError(wb.win, "The event could not be opened", err)
		return
	}
	if a := ev.Articles(); len(a) > 0 && a[0] != wb.openArticleID() {
		wb.articles.clearFilter()
		wb.articles.selectID(a[0])
	}
	wb.editor.open(*ev)
	if len(ev.Evidence) > 0 {
		wb.reader.ScrollTo(ev.Evidence[0].Start)
	}
	if wb.tabs != nil {
		wb.tabs.Select(wb.tab.code)
		wb.rightTabs.Select(wb.tab.form)
	}
}

// openArticleAt opens an article with the words from start to end selected
// (start < 0: none).
func (wb *workbench) openArticleAt(id string, start, end int) {
	wb.articles.clearFilter()
	wb.articles.selectID(id)
	if start >= 0 {
		wb.reader.ScrollTo(start)
		wb.reader.setSelection(start, end)
	}
}

// openActor shows an actor in its form.
func (wb *workbench) openActor(id string) {
	if a, err := wb.sess.Actor(id); err == nil {
		wb.showActorForm(*a, nil)
	}
}

// draftEvent opens an event in the form and saves it, for the analyst to
// go on editing (a suggestion's "Edit, then accept").
func (wb *workbench) draftEvent(ev data.Event) {
	wb.editor.newEvent(ev.Evidence)
	wb.editor.show(ev)
	wb.editor.save("")
	wb.rightTabs.Select(wb.tab.form)
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
// showNotices says what the database did on its own as it opened (a new
// identity for a copied database, an interrupted change finished, damage
// found), in the status bar and a dialog.
func (wb *workbench) showNotices() {
	notices := wb.sess.Notices()
	if len(notices) == 0 {
		return
	}
	wb.setBar(notices[len(notices)-1])
	text := widget.NewLabel(strings.Join(notices, "\n\n"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("On opening the database", "OK", text, wb.win)
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
}

func showError(win fyne.Window, what string, err error) {
	dialog.ShowInformation(what, data.ErrorMessage(err), win)
}

// countryFilter is a country node's code for the Events filter.
func countryFilter(n network.Node) string {
	if n.Country == "" {
		return app.NoCountry
	}
	return n.Country
}
