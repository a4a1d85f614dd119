package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// tooltip is the box of lines a picture (the link chart, the map) shows
// by the pointer, the first line bold.
type tooltip struct {
	box   *canvas.Rectangle
	lines []*canvas.Text
}

func newTooltip() *tooltip {
	box := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	box.StrokeColor, box.StrokeWidth, box.CornerRadius = theme.Color(theme.ColorNameSeparator), 1, 4
	box.Hide()
	return &tooltip{box: box}
}

// place shows text by the pointer at, kept inside area; none hides it.
func (t *tooltip) place(text []string, at fyne.Position, area fyne.Size) {
	for len(t.lines) < len(text) {
		l := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		l.TextSize = theme.CaptionTextSize()
		t.lines = append(t.lines, l)
	}
	if len(text) == 0 {
		t.box.Hide()
		hideFrom(t.lines, 0)
		return
	}
	width, lineH := float32(0), float32(0)
	for i, s := range text {
		l := t.lines[i]
		l.Text, l.TextStyle = s, fyne.TextStyle{Bold: i == 0}
		width, lineH = max(width, l.MinSize().Width), l.MinSize().Height
	}
	pos := at.Add(fyne.NewPos(14, 14))
	if pos.X+width+12 > area.Width {
		pos.X = max(0, at.X-width-20)
	}
	if height := lineH*float32(len(text)) + 8; pos.Y+height > area.Height {
		pos.Y = max(0, at.Y-height-8)
	}
	t.box.Move(pos)
	t.box.Resize(fyne.NewSize(width+12, lineH*float32(len(text))+8))
	t.box.Show()
	for i, l := range t.lines {
		if i >= len(text) {
			l.Hide()
			continue
		}
		l.Move(pos.Add(fyne.NewPos(6, 4+lineH*float32(i))))
		l.Show()
	}
}

// objects are what the tooltip draws, to go last (on top).
func (t *tooltip) objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{t.box}
	for _, l := range t.lines {
		out = append(out, l)
	}
	return out
}
