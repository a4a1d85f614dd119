package views

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// suggestionList is the Suggestions panel's list. With it focused one key
// decides: A or Return accepts, E edits then accepts, R or Delete rejects;
// the arrows (or J and K) move to the next or previous suggestion.
type suggestionList struct {
	widget.List
	p *suggestionsPanel
}

func newSuggestionList(p *suggestionsPanel) *suggestionList {
	l := &suggestionList{p: p}
	l.Length = func() int { return len(p.items) }
	l.CreateItem = func() fyne.CanvasObject {
		lb := widget.NewLabel("")
		lb.Truncation = fyne.TextTruncateEllipsis
		return lb
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(suggestionLabel(p.items[i])) }
	l.ExtendBaseWidget(l)
	return l
}

// TypedRune takes the one-key decisions.
func (l *suggestionList) TypedRune(r rune) {
	switch unicode.ToLower(r) {
	case 'a':
		l.p.accept()
	case 'e':
		l.p.edit()
	case 'r':
		l.p.reject()
	case 'j':
		l.p.move(1)
	case 'k':
		l.p.move(-1)
	default:
		l.List.TypedRune(r)
	}
}

// TypedKey: Return accepts, Delete rejects, the arrows choose.
func (l *suggestionList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.p.accept()
	case fyne.KeyDelete, fyne.KeyBackspace:
		l.p.reject()
	case fyne.KeyDown:
		l.p.move(1)
	case fyne.KeyUp:
		l.p.move(-1)
	default:
		l.List.TypedKey(k)
	}
}
