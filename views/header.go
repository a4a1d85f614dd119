package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// articleHeader is the open article's head above the reader: its title;
// its date, byline and file; and what the analyst decides about it there:
// its source and the source's reliability, its status and the language it
// is read in. Each choice is one undoable step.
type articleHeader struct {
	title, meta               *widget.Label
	source                    *widget.Entry
	reliability, status, lang *widget.Select
	article                   *data.Article // the open article (the workbench's own), nil when none
	links                     headerLinks
}

// headerLinks are what the header needs of the rest of the window.
type headerLinks struct {
	win        fyne.Window
	save       func(a *data.Article) error // the header as one undoable step
	nameSource func(a *data.Article, source string) error
	languageOf func(a *data.Article) string // the language it is read in
	reread     func()                       // the suggestions read the article again
	tell       func(string)
}

func newArticleHeader(links headerLinks) *articleHeader {
	h := &articleHeader{links: links, meta: widget.NewLabel(""),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	h.title.Wrapping = fyne.TextWrapWord
	h.status = widget.NewSelect([]string{data.StatusNew, data.StatusInProgress, data.StatusDone}, h.setStatus)
	h.lang = newLanguageSelect(h.setLanguage)
	h.reliability = widget.NewSelect(append([]string{notGraded}, data.ReliabilityLabels()...), h.setReliability)
	h.reliability.PlaceHolder = "source: not graded"
	h.source = widget.NewEntry()
	h.source.SetPlaceHolder("source, e.g. Xinhua")
	h.source.OnSubmitted = h.setSource
	return h
}

// notGraded is the choice that takes a grade away.
const notGraded = "not graded"

func (h *articleHeader) view() fyne.CanvasObject {
	source := container.NewHBox(widget.NewLabel("Source"), container.NewGridWrap(fyne.NewSize(180, h.source.MinSize().Height), h.source), h.reliability)
	return container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(h.lang, h.status), h.title),
		container.NewBorder(nil, nil, nil, source, h.meta))
}

// show puts an article's header up (nil empties it).
func (h *articleHeader) show(a *data.Article) {
	h.article = a
	if a == nil {
		h.title.SetText("")
		h.meta.SetText("")
		return
	}
	h.title.SetText(a.Title)
	h.meta.SetText(strings.Join(nonEmpty(a.Published, a.Byline, shortName(a.File)), " · "))
	h.source.SetText(a.Source)
	h.status.Selected = a.Status // quietly: not an edit
	h.status.Refresh()
	h.reliability.Selected = data.ReliabilityLabel(a.Reliability)
	h.reliability.Refresh()
	h.lang.Selected = languageLabel(h.links.languageOf(a))
	h.lang.Refresh()
}

func (h *articleHeader) setStatus(s string) {
	if h.article == nil || s == h.article.Status || s == "" {
		return
	}
	h.save("The status was not saved", func(a *data.Article) { a.Status = s })
}

// setSource names the open article's source (Enter in its field); an
// article not yet graded takes the grade of the source's other articles.
func (h *articleHeader) setSource(source string) {
	if h.article == nil || strings.TrimSpace(source) == h.article.Source {
		return
	}
	if err := h.links.nameSource(h.article, source); err != nil {
		showError(h.links.win, "The source was not saved", err)
	}
	h.show(h.article)
}

// setReliability grades the open article's source for this article; the
// Sources tab grades every article of a source at once.
func (h *articleHeader) setReliability(label string) {
	r := data.GradeOfLabel(label)
	if label == notGraded {
		r = ""
	}
	if h.article == nil || r == h.article.Reliability {
		return
	}
	if h.save("The source's grade was not saved", func(a *data.Article) { a.Reliability = r }) {
		h.reliability.Selected = data.ReliabilityLabel(r)
		h.reliability.Refresh()
	}
}

// setLanguage keeps the language the analyst chose for the open article
// and reads its suggestions again in it.
func (h *articleHeader) setLanguage(label string) {
	code := languageCode(label)
	if h.article == nil || code == "" || code == h.links.languageOf(h.article) {
		return
	}
	if h.save("The language was not saved", func(a *data.Article) { a.Language = code }) {
		h.links.reread()
		h.links.tell("Suggestions now read the article as " + label + ".")
	}
}

// save keeps one change to the open article's header; when it cannot be
// kept it says so under failed and shows the header as stored.
func (h *articleHeader) save(failed string, change func(*data.Article)) bool {
	a := h.article.Header()
	change(&a)
	if err := h.links.save(&a); err != nil {
		showError(h.links.win, failed, err)
		h.show(h.article)
		return false
	}
	text := h.article.Text
	*h.article = a
	h.article.Text = text
	return true
}
