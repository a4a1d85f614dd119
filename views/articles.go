package views

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// articleSource is what the article list reads.
type articleSource interface {
	Articles() ([]data.Article, error)
	ArticleHeader(id string) (*data.Article, error)
	EventCountsByArticle() (map[string]int, error)
	EventCount(id string) (int, error)
}

// articlePanel lists the articles with a filter and a sort order, and
// keeps each row in step with the change feed.
type articlePanel struct {
	src    articleSource
	open   func(id string) // the analyst chose an article
	search fyne.CanvasObject
	all    []data.Article
	shown  []int // the rows: places in all, filtered and sorted
	counts map[string]int
	filter *widget.Entry
	sortBy *widget.Select
	list   *widget.List
	header *widget.Label
	// onCount hears how many articles there are after each reload.
	onCount func(n int)
	reads   int // the lists read so far: a read in the background that another overtook is dropped
}

const (
	sortImported  = "Newest imported"
	sortPublished = "Published date"
	sortTitle     = "Title"
	sortStatus    = "Coding status"
)

// bulkChanges is how many changed articles make the list read them all again.
const bulkChanges = 50

func newArticlePanel(src articleSource, search fyne.CanvasObject, open func(string)) *articlePanel {
	p := &articlePanel{src: src, open: open, search: search, counts: map[string]int{}, header: widget.NewLabel(""), onCount: func(int) {}}
	p.filter = widget.NewEntry()
	p.filter.SetPlaceHolder("Filter articles")
	p.filter.OnChanged = func(string) { p.apply() }
	p.sortBy = widget.NewSelect([]string{sortImported, sortPublished, sortTitle, sortStatus}, func(string) { p.apply() })
	p.sortBy.Selected = sortImported
	p.list = widget.NewList(func() int { return len(p.shown) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.shown) {
			p.open(p.row(i).ID)
		}
	}
	return p
}

func (p *articlePanel) view() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(p.search, p.header, p.filter, p.sortBy), nil, nil, nil, p.list)
}

func (p *articlePanel) newRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, info)
}

// updateRow resets every field of a recycled row.
func (p *articlePanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.shown) {
		return
	}
	a := p.row(i)
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(a.Title)
	box.Objects[1].(*widget.Label).SetText(orDash(a.Published) + " · " + plural(p.counts[a.ID], "event") + " · " + a.Status)
}

// reload reads the article headers and event counts again.
func (p *articlePanel) reload() error {
	p.reads++
	all, counts, err := p.read()
	if all != nil || err == nil {
		p.fill(all, counts)
	}
	return err
}

// readInBackground reads the headers and counts off the UI goroutine (a
// hundred thousand articles and the counts of a million events take most
// of a second, which the window would otherwise wait for before it
// shows), then fills the list and calls done, unless a reload overtook it.
func (p *articlePanel) readInBackground(ui *bridge, done func(error)) {
	p.reads++
	read := p.reads
	p.header.SetText("Reading the articles…")
	var all []data.Article
	var counts map[string]int
	var err error
	ui.run(func() { all, counts, err = p.read() }, func() {
		if read != p.reads {
			return
		}
		if all != nil || err == nil {
			p.fill(all, counts)
		}
		done(err)
	})
}

// read reads the headers (nil when they cannot be read) and the counts.
func (p *articlePanel) read() ([]data.Article, map[string]int, error) {
	all, err := p.src.Articles()
	if err != nil {
		return nil, nil, err
	}
	counts, err := p.src.EventCountsByArticle()
	return all, counts, err
}

// fill shows these headers and counts.
func (p *articlePanel) fill(all []data.Article, counts map[string]int) {
	p.all, p.counts = all, counts
	if p.counts == nil {
		p.counts = map[string]int{}
	}
	p.apply()
	p.onCount(len(p.all))
}

// changed brings the rows a change touches up to date: an article's
// header, or the events count of the articles an event cites.
func (p *articlePanel) changed(cs []data.Change) {
	touched := map[string]bool{}
	added := 0
	for _, c := range cs {
		switch {
		case c.Reset:
			p.reload()
			return
		case c.Record == data.RecordArticle:
			touched[c.ID] = true
			if c.Old == 0 {
				added++
			}
		case c.Record == data.RecordEvent:
			for _, id := range c.Articles {
				p.counts[id], _ = p.src.EventCount(id)
				p.refreshRow(id)
			}
		}
	}
	if added > 0 || len(touched) > bulkChanges {
		p.reload()
		return
	}
	for id := range touched {
		p.headerChanged(id)
	}
}

// headerChanged reads one article's header again, or drops a deleted one.
func (p *articlePanel) headerChanged(id string) {
	h, err := p.src.ArticleHeader(id)
	for i := range p.all {
		if p.all[i].ID != id {
			continue
		}
		if err != nil {
			p.all = append(p.all[:i], p.all[i+1:]...)
			p.apply()
			p.onCount(len(p.all))
			return
		}
		p.all[i] = *h
	}
	if err == nil {
		p.refreshRow(id)
	}
}

func (p *articlePanel) refreshRow(id string) {
	for i := range p.shown {
		if p.row(i).ID == id {
			p.list.RefreshItem(i)
		}
	}
}

// row is the article shown in row i.
func (p *articlePanel) row(i int) *data.Article { return &p.all[p.shown[i]] }

// apply filters and sorts.
func (p *articlePanel) apply() {
	q := strings.ToLower(strings.TrimSpace(p.filter.Text))
	p.shown = p.shown[:0]
	for i, a := range p.all {
		if q == "" || strings.Contains(strings.ToLower(a.Title+" "+a.Source+" "+a.File), q) {
			p.shown = append(p.shown, i)
		}
	}
	less := map[string]func(a, b data.Article) bool{
		sortImported:  func(a, b data.Article) bool { return a.ImportedAt.After(b.ImportedAt) },
		sortPublished: func(a, b data.Article) bool { return a.Published > b.Published },
		sortTitle:     func(a, b data.Article) bool { return strings.ToLower(a.Title) < strings.ToLower(b.Title) },
		sortStatus:    func(a, b data.Article) bool { return a.Status < b.Status },
	}[p.sortBy.Selected]
	if less != nil {
		sort.SliceStable(p.shown, func(i, j int) bool { return less(*p.row(i), *p.row(j)) })
	}
	p.header.SetText(fmt.Sprintf("%d articles", len(p.all)))
	p.list.UnselectAll()
	p.list.Refresh()
}

// selectID selects (and so opens) an article in the list.
func (p *articlePanel) selectID(id string) {
	for i := range p.shown {
		if p.row(i).ID == id {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
}

// clearFilter shows every article.
func (p *articlePanel) clearFilter() { p.filter.SetText("") }
