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

// workbench is the main window's content and the place its features are
// wired together: the Code tab (articles, reader, form and suggestions),
// the register, events table, timeline, network, sources and conflicts
// tabs, and the menus' features (import, export, backups, team). Each feature gets
// only the session calls and links it needs; the change feed reaches them
// all through changed.
type workbench struct {
	sess       *app.Session
	win        fyne.Window
	ui         *bridge
	names      *actorNames
	bar        *widget.Label
	actorForm  *actorForm // the last actor form opened (tests fill it in)
	tabs       *container.AppTabs
	tab        struct{ code, actors, events, timeline, network, places *container.TabItem }
	code       *codeTab
	register   *registerTab
	allEvents  *eventsTab
	duplicates *eventDuplicates
	timeline   *Timeline
	network    *networkTab
	places     *mapTab
	sources    *sourcesTab
	conflicts  *conflictsTab
	team       *teamLink
	backups    *backups
	importer   *importer
	finder     *finder
	exporter   *exporter
	workbooks  *workbookReturn
	stop       func() // stops hearing the change feed
}

func newWorkbench(sess *app.Session, win fyne.Window, ui *bridge) *workbench {
	wb := &workbench{sess: sess, win: win, ui: ui, names: newActorNames(sess), bar: widget.NewLabel("")}
	shared := windowLinks{ui: ui, win: win, tell: wb.setBar}
	items := actorItems(sess)
	c := &codeTab{records: sess, reader: NewReader(), codeLinks: codeLinks{windowLinks: shared,
		shown: func() { wb.showTab(wb.tab.code) }, counted: wb.countChanged}}
	wb.code = c
	c.marks = &highlighter{reader: c.reader, find: sess}
	c.editor = newEventEditor(sess, wb.names, editorLinks{editActor: wb.showActorForm, actorItems: items,
		showOffset: c.reader.ScrollTo, page: c.pageOf, evidenceMoved: c.marks.refresh, reliability: c.reliabilityOf, tell: wb.setBar})
	c.editor.onNew, c.editor.onDelete = c.newEvent, c.deleteEvent
	wb.finder = &finder{index: sess, windowLinks: shared,
		show: hitLinks{article: c.openArticleAt, event: c.openEvent, actor: wb.openActor}}
	c.coding = newCodingBar(codingLinks{win: win, register: sess, form: c.editor, selection: c.selection,
		published: func() string { return c.article.Published }, editActor: wb.showActorForm, tell: wb.setBar})
	c.articles = newArticlePanel(sess, wb.finder.field(), c.open)
	c.articles.onCount = c.countChanged
	c.suggest = newSuggestionsPanel(sess, suggestLinks{win: win, ui: ui, article: c.openArticleID,
		showPanel: c.showSuggestions, selectText: c.reader.Select,
		asPlace: c.coding.asPlace, asDate: c.coding.asDate, openEvent: c.openEvent, draftEvent: c.draftEvent,
		editActor: wb.showActorForm, scrollTo: c.reader.ScrollTo, redraw: c.marks.refresh, tell: wb.setBar})
	c.marks.layers = []func() []highlight{c.suggest.highlights, c.evidenceHighlights}
	c.header = newArticleHeader(headerLinks{win: win, save: func(a *data.Article) error { return sess.SaveArticle(a, "") }, nameSource: sess.NameSource,
		languageOf: sess.ArticleLanguage, reread: c.rereadSuggestions, tell: wb.setBar})
	c.reader.OnSelect = c.selected
	wb.register = newRegisterTab(sess, registerLinks{ui: wb.ui, win: win, editActor: wb.showActorForm, actorItems: items, tell: wb.setBar})
	wb.duplicates = newEventDuplicates(sess, wb.names, win, wb.setBar, c.openEvent)
	wb.allEvents = newEventsTab(sess, eventsLinks{ui: ui, win: win, openEvent: c.openEvent, openArticle: c.openArticleID, actorItems: items, duplicates: wb.duplicates.show})
	wb.sources = newSourcesTab(sess, shared)
	wb.conflicts = newConflictsTab(sess, wb.names, wb.setBar)
	wb.backups = &backups{keeper: sess, windowLinks: shared}
	wb.team = &teamLink{status: widget.NewLabel(""), team: sess, showConflicts: wb.showConflicts, windowLinks: shared}
	wb.exporter = &exporter{records: sess, names: wb.names, openArticle: c.openArticleID, windowLinks: shared}
	wb.workbooks = &workbookReturn{records: sess, windowLinks: shared}
	wb.importer = &importer{from: sess, opened: c.showImported, windowLinks: shared}
	wb.stop = ui.listen(sess.Subscribe, wb.changed)
	return wb
}

// content lays the window out.
func (wb *workbench) content() fyne.CanvasObject {
	wb.tab.code = container.NewTabItem("Code", wb.code.view())
	wb.timeline = newTimeline(func() eventList { return wb.allEvents.rows }, wb.code.openEvent)
	wb.allEvents.onChange = wb.timeline.Reload
	wb.tab.actors = container.NewTabItem("Actors", wb.register.view())
	wb.tab.events = container.NewTabItem("Events", wb.allEvents.view())
	wb.tab.timeline = container.NewTabItem("Timeline", container.NewBorder(nil, widget.NewLabel("Filtered like the Events table; tap a mark to open its event."), nil, nil, wb.timeline))
	wb.network = newNetworkTab(wb.sess, networkLinks{ui: wb.ui, win: wb.win, filter: wb.allEvents.filter, openNode: wb.nodeEvents, openLink: wb.linkEvents})
	wb.places = newMapTab(wb.sess, mapLinks{ui: wb.ui, win: wb.win, filter: wb.allEvents.filter, openEvents: wb.markEvents})
	wb.allEvents.onFilter = func() { wb.network.filterChanged(); wb.places.filterChanged() }
	wb.tab.network = container.NewTabItem("Network", wb.network.view())
	wb.tab.places = container.NewTabItem("Map", wb.places.view())
	wb.tabs = container.NewAppTabs(wb.tabList()...)
	wb.tabs.OnSelected = wb.tabOpened
	wb.conflicts.retitled = wb.tabs.Refresh
	wb.conflicts.reload()
	return container.NewBorder(nil, container.NewBorder(nil, nil, nil, wb.team.status, wb.bar), nil, nil, wb.tabs)
}

// showTab brings a tab to the front (once the window is laid out).
func (wb *workbench) showTab(t *container.TabItem) {
	if wb.tabs != nil {
		wb.tabs.Select(t)
	}
}

// countChanged shows the number of articles in the window's title.
func (wb *workbench) countChanged(n int) {
	wb.win.SetTitle(fmt.Sprintf("Dossier · %d articles · %s", n, wb.sess.DatabasePath()))
}

// tabOpened tells the tabs whether they are shown: they read their records
// when first shown, not at start-up.
func (wb *workbench) tabOpened(t *container.TabItem) {
	wb.register.show(t == wb.tab.actors)
	wb.allEvents.show(t == wb.tab.events || t == wb.tab.timeline)
	wb.network.show(t == wb.tab.network)
	wb.places.show(t == wb.tab.places)
	wb.sources.show(t == wb.sources.item)
	if t == wb.conflicts.item {
		wb.conflicts.reload()
	}
}

// tabList is the window's tabs in order (the View menu numbers them).
func (wb *workbench) tabList() []*container.TabItem {
	return []*container.TabItem{wb.tab.code, wb.tab.actors, wb.tab.events, wb.tab.timeline, wb.tab.network, wb.tab.places, wb.sources.item, wb.conflicts.item}
}

// markEvents opens the events of a mark of the map in the Events tab.
func (wb *workbench) markEvents(ids []string, what string) {
	wb.allEvents.showEvents(ids, what)
	wb.tabs.Select(wb.tab.events)
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
	wb.code.changed(cs)
	wb.register.changed(cs)
	wb.allEvents.changed(cs)
	wb.network.changed(cs)
	wb.places.changed(cs)
	wb.sources.changed(cs)
	wb.conflicts.changed(cs)
}

// showConflicts opens the Conflicts tab, read again.
func (wb *workbench) showConflicts() {
	wb.conflicts.reload()
	wb.tabs.Select(wb.conflicts.item)
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

// openActor shows an actor in its form.
func (wb *workbench) openActor(id string) {
	if a, err := wb.sess.Actor(id); err == nil {
		wb.showActorForm(*a, nil)
	}
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
