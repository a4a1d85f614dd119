package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pickItem is one choice a picker offers.
type pickItem struct {
	label string
	value any
}

// picker is an entry that searches as the analyst types and offers the
// matches in a drop-down: Down/Up move, Return picks, Escape closes.
type picker struct {
	widget.Entry
	search  func(query string) []pickItem
	onPick  func(pickItem)
	items   []pickItem
	current int
	popup   *widget.PopUp
	list    *widget.List
	quiet   bool    // set while the entry's text is changed by the program
	ui      *bridge // when set, searches run off the UI goroutine
}

func newPicker(placeholder string, search func(string) []pickItem, onPick func(pickItem)) *picker {
	p := &picker{search: search, onPick: onPick}
	p.ExtendBaseWidget(p)
	p.PlaceHolder = placeholder
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = i == p.current
			l.SetText(p.items[i].label)
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) { p.pick(i) }
	p.OnChanged = p.refine
	p.OnSubmitted = func(string) { p.pick(p.current) }
	return p
}

// SetQuietly shows text without searching.
func (p *picker) SetQuietly(text string) {
	p.quiet = true
	p.SetText(text)
	p.quiet = false
}

func (p *picker) refine(q string) {
	if p.quiet {
		return
	}
	if p.ui == nil {
		p.offer(q, p.search(q))
		return
	}
	var items []pickItem
	p.ui.run(func() { items = p.search(q) }, func() {
		if p.Text == q { // the analyst has not typed on meanwhile
			p.offer(q, items)
		}
	})
}

// offer shows the matches for q.
func (p *picker) offer(q string, items []pickItem) {
	p.items = items
	p.current = 0
	p.list.UnselectAll()
	p.list.Refresh()
	if len(p.items) == 0 || q == "" {
		p.hide()
		return
	}
	p.show()
}

func (p *picker) show() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	if p.popup == nil {
		p.popup = widget.NewPopUp(p.list, c)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	rows := min(len(p.items), 8)
	p.popup.Resize(fyne.NewSize(max(p.Size().Width, 320), float32(rows)*p.list.MinSize().Height*1.05+8))
	p.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, p.Size().Height)))
	c.Focus(p)
}

func (p *picker) hide() {
	if p.popup != nil {
		p.popup.Hide()
	}
}

// pick chooses item i.
func (p *picker) pick(i int) {
	if i < 0 || i >= len(p.items) {
		return
	}
	it := p.items[i]
	p.hide()
	p.items = nil
	p.onPick(it)
}

// TypedKey moves through the matches with the arrow keys.
func (p *picker) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		p.current = min(p.current+1, len(p.items)-1)
		p.list.ScrollTo(p.current)
		p.list.Refresh()
	case fyne.KeyUp:
		p.current = max(p.current-1, 0)
		p.list.ScrollTo(p.current)
		p.list.Refresh()
	case fyne.KeyEscape:
		p.hide()
	default:
		p.Entry.TypedKey(k)
	}
}
