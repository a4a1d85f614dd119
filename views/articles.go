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

// articlePanel lists the articles with a filter and a sort order.
type articlePanel struct {
	wb     *workbench
	all    []data.Article
	shown  []data.Article
	counts map[string]int
	filter *widget.Entry
	sortBy *widget.Select
	list   *widget.List
	header *widget.Label
}

const (
	sortImported  = "Newest imported"
	sortPublished = "Published date"
	sortTitle     = "Title"
	sortStatus    = "Coding status"
)

func newArticlePanel(wb *workbench) *articlePanel {
	p := &articlePanel{wb: wb, counts: map[string]int{}, header: widget.NewLabel("")}
	p.filter = widget.NewEntry()
	p.filter.SetPlaceHolder("Filter articles")
	p.filter.OnChanged = func(string) { p.apply() }
	p.sortBy = widget.NewSelect([]string{sortImported, sortPublished, sortTitle, sortStatus}, func(string) { p.apply() })
	p.sortBy.Selected = sortImported
	p.list = widget.NewList(func() int { return len(p.shown) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) { p.wb.open(p.shown[i].ID) }
	return p
}

func (p *articlePanel) view() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(p.wb.newSearchField(), p.header, p.filter, p.sortBy), nil, nil, nil, p.list)
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
	a := p.shown[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(a.Title)
	box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · %d events · %s", orDash(a.Published), p.counts[a.ID], a.Status))
}

// reload reads the article headers and event counts again.
func (p *articlePanel) reload() error {
	all, err := p.wb.sess.Articles()
	if err != nil {
		return err
	}
	p.all = all
	p.counts, err = p.wb.sess.EventCounts()
	p.apply()
	return err
}

// countsChanged refreshes event counts and statuses.
func (p *articlePanel) countsChanged() {
	id := ""
	if p.wb.article != nil {
		id = p.wb.article.ID
	}
	for i := range p.all {
		if p.all[i].ID == id {
			p.all[i].Status = p.wb.article.Status
		}
	}
	p.counts, _ = p.wb.sess.EventCounts()
	p.list.Refresh()
}

// apply filters and sorts.
func (p *articlePanel) apply() {
	q := strings.ToLower(strings.TrimSpace(p.filter.Text))
	p.shown = p.shown[:0]
	for _, a := range p.all {
		if q == "" || strings.Contains(strings.ToLower(a.Title+" "+a.Source+" "+a.File), q) {
			p.shown = append(p.shown, a)
		}
	}
	less := map[string]func(a, b data.Article) bool{
		sortPublished: func(a, b data.Article) bool { return a.Published > b.Published },
		sortTitle:     func(a, b data.Article) bool { return strings.ToLower(a.Title) < strings.ToLower(b.Title) },
		sortStatus:    func(a, b data.Article) bool { return a.Status < b.Status },
	}[p.sortBy.Selected]
	if less != nil {
		sort.SliceStable(p.shown, func(i, j int) bool { return less(p.shown[i], p.shown[j]) })
	}
	p.header.SetText(fmt.Sprintf("%d articles", len(p.all)))
	p.list.UnselectAll()
	p.list.Refresh()
}

// selectID selects (and so opens) an article in the list.
func (p *articlePanel) selectID(id string) {
	for i, a := range p.shown {
		if a.ID == id {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
}
