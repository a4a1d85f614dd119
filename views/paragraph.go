package views

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textMetrics measures words once per string and wraps paragraphs.
type textMetrics struct {
	mu     sync.Mutex
	size   float32
	space  float32
	lineH  float32
	widths map[string]float32
}

func newTextMetrics() *textMetrics {
	size := theme.TextSize() * 1.1
	m := &textMetrics{size: size, widths: map[string]float32{}}
	m.space = fyne.MeasureText(" ", size, fyne.TextStyle{}).Width
	m.lineH = fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height * 1.3
	return m
}

func (m *textMetrics) width(s string) float32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	w, ok := m.widths[s]
	if !ok {
		w = fyne.MeasureText(s, m.size, fyne.TextStyle{}).Width
		m.widths[s] = w
	}
	return w
}

func (m *textMetrics) height(lines int) float32 {
	return float32(lines)*m.lineH + theme.Padding()*2
}

// wrap breaks a paragraph's words into lines no wider than avail.
func (m *textMetrics) wrap(p *paragraph, avail float32) []line {
	var lines []line
	cur := line{first: 0, last: -1}
	x := float32(0)
	for i, w := range p.words {
		ww := m.width(string(p.runes[w.start:w.end]))
		if cur.last >= cur.first && !w.joined {
			x += m.space
		}
		if cur.last >= cur.first && x+ww > avail {
			lines = append(lines, cur)
			cur, x = line{first: i, last: i - 1}, 0
		}
		cur.x = append(cur.x, x)
		cur.ends = append(cur.ends, x+ww)
		cur.last = i
		x += ww
	}
	if cur.last >= cur.first {
		lines = append(lines, cur)
	}
	if p.bidi {
		for i := range lines {
			m.placeVisually(p, &lines[i], avail)
		}
	}
	return lines
}

// placeVisually moves a line's words to where the bidi order puts them,
// from the right edge when the paragraph reads right to left.
func (m *textMetrics) placeVisually(p *paragraph, l *line, avail float32) {
	dirs := make([]direction, l.last-l.first+1)
	for k := range dirs {
		dirs[k] = p.words[l.first+k].dir
	}
	width := l.ends[len(l.ends)-1]
	x := float32(0)
	if p.rtl {
		x = avail - width
	}
	for i, k := range visualOrder(dirs, p.rtl) {
		if i > 0 {
			x += m.space
		}
		w := l.ends[k] - l.x[k]
		l.x[k], l.ends[k] = x, x+w
		x += w
	}
}

// paragraphView draws one paragraph: highlight rectangles behind one
// canvas.Text per line. It turns drags and taps into word selections.
type paragraphView struct {
	widget.BaseWidget
	r      *Reader
	index  int
	anchor int // code point where a drag started, -1 when none
}

func newParagraphView(r *Reader) *paragraphView {
	v := &paragraphView{r: r, index: -1, anchor: -1}
	v.ExtendBaseWidget(v)
	return v
}

func (v *paragraphView) show(i int) {
	v.index = i
	v.Refresh()
}

func (v *paragraphView) para() *paragraph {
	if v.index < 0 || v.index >= len(v.r.paras) {
		return nil
	}
	return &v.r.paras[v.index]
}

// wordAt returns the article offset range of the word under pos.
func (v *paragraphView) wordAt(pos fyne.Position) (start, end int, ok bool) {
	p := v.para()
	if p == nil || len(p.lines) == 0 {
		return 0, 0, false
	}
	li := int((pos.Y - theme.Padding()) / v.r.metrics.lineH)
	li = max(0, min(li, len(p.lines)-1))
	l := p.lines[li]
	x := pos.X - theme.Padding()
	wi, best := l.first, float32(-1)
	for k := range l.x { // the word nearest the pointer (words may stand in any order)
		d := max(l.x[k]-x, x-l.ends[k], 0)
		if best < 0 || d < best {
			wi, best = l.first+k, d
		}
	}
	s, e := p.words[wi].core(p.runes)
	return p.start + s, p.start + e, true
}

// Tapped selects the word under the pointer.
func (v *paragraphView) Tapped(e *fyne.PointEvent) {
	if s, en, ok := v.wordAt(e.Position); ok {
		v.r.Select(s, en)
	}
}

// Dragged extends a selection from the word where the drag began.
func (v *paragraphView) Dragged(e *fyne.DragEvent) {
	s, en, ok := v.wordAt(e.Position)
	if !ok {
		return
	}
	if v.anchor < 0 {
		as, ae, _ := v.wordAt(e.Position.Subtract(e.Dragged))
		v.anchor = as
		v.r.selStart, v.r.selEnd = as, ae
	}
	if s < v.anchor {
		v.r.setSelection(s, max(v.r.selEnd, v.anchor))
	} else {
		v.r.setSelection(v.anchor, en)
	}
}

// DragEnd reports the selection.
func (v *paragraphView) DragEnd() {
	if v.anchor >= 0 {
		v.anchor = -1
		v.r.Select(v.r.selStart, v.r.selEnd)
	}
}

func (v *paragraphView) CreateRenderer() fyne.WidgetRenderer {
	return &paragraphRenderer{v: v}
}

type paragraphRenderer struct {
	v       *paragraphView
	objects []fyne.CanvasObject
}

func (pr *paragraphRenderer) Layout(fyne.Size) {}
func (pr *paragraphRenderer) MinSize() fyne.Size {
	return fyne.NewSize(50, pr.v.r.metrics.lineH)
}
func (pr *paragraphRenderer) Objects() []fyne.CanvasObject { return pr.objects }
func (pr *paragraphRenderer) Destroy()                     {}

// Refresh rebuilds the highlight rectangles and line texts.
func (pr *paragraphRenderer) Refresh() {
	pr.objects = pr.objects[:0]
	p := pr.v.para()
	if p == nil {
		return
	}
	r := pr.v.r
	pad, lh := theme.Padding(), r.metrics.lineH
	for _, h := range pr.v.visibleHighlights(p) {
		for li, l := range p.lines {
			x0, x1, ok := spanOnLine(r.metrics, p, l, h.start-p.start, h.end-p.start)
			if !ok {
				continue
			}
			rect := canvas.NewRectangle(highlightColor(h.style))
			rect.CornerRadius = 3
			rect.Move(fyne.NewPos(pad+x0-2, pad+float32(li)*lh))
			rect.Resize(fyne.NewSize(x1-x0+4, lh))
			pr.objects = append(pr.objects, rect)
		}
	}
	for li, l := range p.lines {
		y := pad + float32(li)*lh
		if !p.bidi {
			pr.addText(lineText(p, l), pad, y)
			continue
		}
		for k := l.first; k <= l.last; k++ {
			w := p.words[k]
			pr.addText(string(p.runes[w.start:w.end]), pad+l.x[k-l.first], y)
		}
	}
	canvas.Refresh(pr.v)
}

// addText draws text with its left edge at x on the line whose top is y.
func (pr *paragraphRenderer) addText(text string, x, y float32) {
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.TextSize = pr.v.r.metrics.size
	t.Move(fyne.NewPos(x, y+(pr.v.r.metrics.lineH-t.MinSize().Height)/2))
	pr.objects = append(pr.objects, t)
}

// visibleHighlights are the highlights and the selection that touch p.
func (v *paragraphView) visibleHighlights(p *paragraph) []highlight {
	end := p.start + len(p.runes)
	var out []highlight
	for _, h := range v.r.highlights {
		if h.start < end && h.end > p.start {
			out = append(out, h)
		}
	}
	if s, e := v.r.selStart, v.r.selEnd; e > s && s < end && e > p.start {
		out = append(out, highlight{s, e, hlSelection})
	}
	return out
}

// spanOnLine gives the x range a paragraph-relative span covers on a
// line, to the letter: "Vlora" in "Vlora." leaves the full stop out. In a
// right-to-left word the first letters are on the right.
func spanOnLine(m *textMetrics, p *paragraph, l line, start, end int) (x0, x1 float32, ok bool) {
	for k := l.first; k <= l.last; k++ {
		w := p.words[k]
		if w.end <= start || w.start >= end {
			continue
		}
		a, b := max(start, w.start), min(end, w.end)
		left, right := l.x[k-l.first], l.ends[k-l.first]
		if w.dir == rightToLeft {
			left, right = right-m.width(string(p.runes[w.start:b])), right-m.width(string(p.runes[w.start:a]))
		} else {
			left, right = left+m.width(string(p.runes[w.start:a])), left+m.width(string(p.runes[w.start:b]))
		}
		if !ok {
			x0, x1, ok = left, right, true
		}
		x0, x1 = min(x0, left), max(x1, right)
	}
	return x0, x1, ok
}

// lineText joins a line's words with single spaces, as they were measured
// (none between the characters of Chinese and Japanese).
func lineText(p *paragraph, l line) string {
	var rs []rune
	for k := l.first; k <= l.last; k++ {
		if k > l.first && !p.words[k].joined {
			rs = append(rs, ' ')
		}
		w := p.words[k]
		rs = append(rs, p.runes[w.start:w.end]...)
	}
	return string(rs)
}
