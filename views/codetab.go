package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"dossier/data"
)

// codeTab is where an analyst codes: the article list on the left, the
// open article's header, coding bar and text in the middle, and on the
// right the events of the article in their form, or the suggestions. It
// owns which article is open and hands the change feed to its panels.
type codeTab struct {
	records   codeRecords
	articles  *articlePanel
	header    *articleHeader
	coding    *codingBar
	reader    *Reader
	marks     *highlighter
	editor    *eventEditor
	suggest   *suggestionsPanel
	article   *data.Article // the open article, nil when none
	centre    *fyne.Container
	rightTabs *container.AppTabs
	tab       struct{ form, suggestions *container.TabItem }
	codeLinks
}

// codeRecords is what the Code tab itself reads and writes through the
// session (its panels have ports of their own).
type codeRecords interface {
	Article(id string) (*data.Article, error)
	ArticleHeader(id string) (*data.Article, error)
	Event(id string) (*data.Event, error)
	LoadSample() (string, error)
	AddText(text string) (id string, duplicate bool, err error)
	DeleteArticle(id string, version int) error
}

// codeLinks are what the Code tab needs of the rest of the window.
type codeLinks struct {
	shown   func()      // the Code tab comes to the front
	counted func(n int) // the number of articles changed
	windowLinks
}

// view lays the tab out.
func (c *codeTab) view() fyne.CanvasObject {
	readerPane := container.NewBorder(container.NewVBox(c.header.view(), c.coding.view()), nil, nil, nil, c.reader)
	c.centre = container.NewStack(readerPane, c.welcome())
	c.tab.form = container.NewTabItem("Events", c.editor.view())
	c.tab.suggestions = container.NewTabItem("Suggestions", c.suggest.view())
	c.rightTabs = container.NewAppTabs(c.tab.form, c.tab.suggestions)
	c.rightTabs.OnSelected = func(t *container.TabItem) { c.suggest.show(t == c.tab.suggestions) }
	right := container.NewHSplit(c.centre, c.rightTabs)
	right.Offset = 0.58
	main := container.NewHSplit(c.articles.view(), right)
	main.Offset = 0.2
	c.articles.readInBackground(c.ui, func(err error) {
		if err != nil {
			showError(c.win, "The articles could not be read", err)
		}
		if c.article == nil {
			c.openNewest()
		}
	})
	return main
}

// changed hands a batch of committed changes to the tab's panels.
func (c *codeTab) changed(cs []data.Change) {
	c.articles.changed(cs)
	c.articleChanged(cs)
	if c.article == nil {
		return
	}
	c.editor.changed(cs)
	c.marks.changed(cs)
	c.suggest.changed(cs)
}

// showSuggestions brings the suggestions to the front.
func (c *codeTab) showSuggestions() { c.rightTabs.Select(c.tab.suggestions) }

// articleChanged follows the open article's header (its status, title) or
// its deletion; a restore opens the newest article.
func (c *codeTab) articleChanged(cs []data.Change) {
	for _, ch := range cs {
		switch {
		case ch.Reset:
			c.article = nil
			c.openNewest()
			return
		case c.article != nil && ch.Record == data.RecordArticle && ch.ID == c.article.ID:
			h, err := c.records.ArticleHeader(ch.ID)
			if err != nil {
				c.closeArticle()
				return
			}
			text := c.article.Text
			c.article, c.article.Text = h, text
			c.header.show(c.article)
			c.editor.showGrade()
		}
	}
}

// reliabilityOf is the grade of an article's source: the open article's
// as the header shows it, another's as stored.
func (c *codeTab) reliabilityOf(id string) string {
	if c.article != nil && c.article.ID == id {
		return c.article.Reliability
	}
	if h, err := c.records.ArticleHeader(id); err == nil {
		return h.Reliability
	}
	return ""
}

// openNewest opens the newest article, if any: once the list is first
// read (if none is open by then), and after a restore.
func (c *codeTab) openNewest() {
	if len(c.articles.shown) > 0 {
		c.articles.list.Select(0)
	} else {
		c.closeArticle()
	}
}

// reloadArticles refreshes the list.
func (c *codeTab) reloadArticles() {
	if err := c.articles.reload(); err != nil {
		showError(c.win, "The articles could not be read", err)
	}
}

// showImported reads the list again and opens a new article ("" for none).
func (c *codeTab) showImported(id string) {
	c.reloadArticles()
	if id != "" {
		c.articles.selectID(id)
	}
}

// countChanged shows the welcome when there are no articles, and says how
// many there are.
func (c *codeTab) countChanged(n int) {
	c.counted(n)
	reader, welcome := c.centre.Objects[0], c.centre.Objects[1]
	if n == 0 {
		reader.Hide()
		welcome.Show()
	} else {
		welcome.Hide()
		reader.Show()
	}
}

// open shows an article in the reader and its events in the editor.
func (c *codeTab) open(id string) {
	a, err := c.records.Article(id)
	if err != nil {
		showError(c.win, "The article could not be opened", err)
		return
	}
	c.article = a
	c.header.show(a)
	c.reader.SetText(a.Text)
	c.editor.openArticle(id)
	c.marks.open(a.Text)
	c.rereadSuggestions()
	c.tell("")
}

// pageOf is the page of the open PDF article a quote stands on (0 when the
// quote is from another article, or the article has no pages).
func (c *codeTab) pageOf(sp data.Span) int {
	if c.article == nil || sp.Article != c.article.ID {
		return 0
	}
	return c.article.Page(sp.Start)
}

// closeArticle empties the reader and the form (the article was deleted).
func (c *codeTab) closeArticle() {
	c.article = nil
	c.header.show(nil)
	c.reader.SetText("")
	c.editor.openArticle("")
	c.marks.open("")
	c.suggest.cleared()
}

// openArticleID is the open article's id ("" when none).
func (c *codeTab) openArticleID() string {
	if c.article == nil {
		return ""
	}
	return c.article.ID
}

// evidenceHighlights are the evidence spans of the event in the form.
func (c *codeTab) evidenceHighlights() []highlight {
	var hs []highlight
	for _, s := range c.editor.current().Evidence {
		if s.Article == c.openArticleID() {
			hs = append(hs, highlight{s.Start, s.End, hlEvidence})
		}
	}
	return hs
}

// rereadSuggestions reads the open article's suggestions again, when they
// are shown.
func (c *codeTab) rereadSuggestions() {
	if c.suggest.shown {
		c.suggest.reload(nil)
	}
}

// openEvent shows an event beside its article, on the coding tab.
func (c *codeTab) openEvent(id string) {
	ev, err := c.records.Event(id)
	if err != nil {
		showError(c.win, "The event could not be opened", err)
		return
	}
	if a := ev.Articles(); len(a) > 0 && a[0] != c.openArticleID() {
		c.articles.clearFilter()
		c.articles.selectID(a[0])
	}
	c.editor.open(*ev)
	if len(ev.Evidence) > 0 {
		c.reader.ScrollTo(ev.Evidence[0].Start)
	}
	c.shown()
	if c.rightTabs != nil {
		c.rightTabs.Select(c.tab.form)
	}
}

// openArticleAt opens an article with the words from start to end selected
// (start < 0: none).
func (c *codeTab) openArticleAt(id string, start, end int) {
	c.articles.clearFilter()
	c.articles.selectID(id)
	if start >= 0 {
		c.reader.ScrollTo(start)
		c.reader.setSelection(start, end)
	}
}

// draftEvent opens an event in the form and saves it, for the analyst to
// go on editing (a suggestion's "Edit, then accept").
func (c *codeTab) draftEvent(ev data.Event) {
	c.editor.newEvent(ev.Evidence)
	c.editor.show(ev)
	c.editor.save("")
	c.rightTabs.Select(c.tab.form)
}

// selected is called when the analyst selects words in the reader.
func (c *codeTab) selected(start, end int, text string) {
	if text != "" {
		c.tell(fmt.Sprintf("Selected “%s” (%d–%d): Actor, Recipient, Alias, Place, Date or Evidence", text, start, end))
	}
}

// selection returns the selected words, or tells the analyst to select some.
func (c *codeTab) selection() (data.Span, bool) {
	start, end, text := c.reader.Selection()
	if text == "" || c.article == nil {
		c.tell("Select some words in the article first (drag over them, or tap one word).")
		return data.Span{}, false
	}
	c.reader.ClearSelection() // a selection is used once
	return data.Span{Article: c.article.ID, Start: start, End: end, Quote: text}, true
}

// newEvent starts a new event; the selected words become its evidence.
func (c *codeTab) newEvent() {
	if c.article == nil {
		c.tell("Open an article first.")
		return
	}
	var evidence []data.Span
	if sp, ok := c.selection(); ok {
		evidence = []data.Span{sp}
	}
	c.editor.newEvent(evidence)
	c.win.Canvas().Focus(c.editor.typePick)
}

func (c *codeTab) deleteEvent() {
	if err := c.editor.deleteCurrent(); err != nil {
		showError(c.win, "The event was not deleted", err)
		return
	}
	c.tell("Event deleted. Ctrl+Z brings it back.")
}
