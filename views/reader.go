package views

import (
	"image/color"
	"sort"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Highlight styles in the reader.
type hlStyle int

const (
	hlActor hlStyle = iota
	hlPlace
	hlEvidence
	hlSuggestion
	hlSelection
)

// highlight colours a range of the article (code points, half-open).
type highlight struct {
	start, end int
	style      hlStyle
}

// Reader shows an article of any length: a list of paragraphs, each laid
// out word by word, so that only visible paragraphs are drawn. Dragging or
// tapping selects whole words; offsets are code points into the article.
type Reader struct {
	widget.BaseWidget
	list       *widget.List
	paras      []paragraph
	highlights []highlight
	selStart   int
	selEnd     int
	width      float32
	metrics    *textMetrics
	// OnSelect is called when the analyst finishes a selection.
	OnSelect func(start, end int, text string)
}

// paragraph is one line-separated block of the article.
type paragraph struct {
	start int    // code point offset of the first rune
	runes []rune // the paragraph's text
	words []word // word ranges inside runes
	lines []line // laid out for Reader.width
	rtl   bool   // read right to left (Arabic, Hebrew…), laid out from the right
	bidi  bool   // holds right-to-left words: drawn word by word (bidi.go)
}

type word struct {
	start, end int // rune offsets inside the paragraph
	dir        direction
	joined     bool // no space before it (characters of Chinese and Japanese)
}

type line struct {
	first, last int       // word indexes, inclusive
	x           []float32 // left edge of each word on the line (in reading order)
	ends        []float32 // right edge of each word
}

// NewReader makes an empty reader.
func NewReader() *Reader {
	r := &Reader{metrics: newTextMetrics()}
	r.list = widget.NewList(
		func() int { return len(r.paras) },
		func() fyne.CanvasObject { return newParagraphView(r) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*paragraphView).show(i) },
	)
	r.list.HideSeparators = true
	r.ExtendBaseWidget(r)
	return r
}

// SetText shows a new article and clears the selection and highlights.
func (r *Reader) SetText(text string) {
	r.paras = splitParagraphs([]rune(text))
	r.highlights = nil
	r.selStart, r.selEnd = 0, 0
	r.width = 0
	r.relayout(r.Size().Width)
	if r.width > 0 { // laid out once: the list has its scroller
		r.list.ScrollToTop()
	}
	r.list.Refresh()
}

// SetHighlights replaces the highlighted ranges (the selection is kept).
func (r *Reader) SetHighlights(hs []highlight) {
	sort.Slice(hs, func(i, j int) bool { return hs[i].start < hs[j].start })
	r.highlights = hs
	r.list.Refresh()
}

// Selection returns the selected range and its text ("" when none).
func (r *Reader) Selection() (start, end int, text string) {
	if r.selEnd <= r.selStart {
		return 0, 0, ""
	}
	return r.selStart, r.selEnd, r.textRange(r.selStart, r.selEnd)
}

// Select selects a range, as a drag over it would, and reports it.
func (r *Reader) Select(start, end int) {
	r.setSelection(start, end)
	if r.OnSelect != nil {
		_, _, text := r.Selection()
		r.OnSelect(r.selStart, r.selEnd, text)
	}
}

// ClearSelection removes the selection.
func (r *Reader) ClearSelection() { r.setSelection(0, 0) }

// setSelection moves the selection, redrawing only the paragraphs it
// leaves or enters.
func (r *Reader) setSelection(start, end int) {
	old0, old1 := r.selStart, r.selEnd
	r.selStart, r.selEnd = start, end
	for _, rg := range [][2]int{{old0, old1}, {start, end}} {
		if rg[1] <= rg[0] {
			continue
		}
		for i := r.paragraphAt(rg[0]); i >= 0 && i < len(r.paras) && r.paras[i].start < rg[1]; i++ {
			r.list.RefreshItem(i)
		}
	}
}

// ScrollTo brings the paragraph holding offset into view.
func (r *Reader) ScrollTo(offset int) {
	if i := r.paragraphAt(offset); i >= 0 {
		r.list.ScrollTo(i)
	}
}

func (r *Reader) paragraphAt(offset int) int {
	i := sort.Search(len(r.paras), func(i int) bool { return r.paras[i].start+len(r.paras[i].runes) >= offset })
	if i == len(r.paras) {
		return len(r.paras) - 1
	}
	return i
}

func (r *Reader) textRange(start, end int) string {
	var out []rune
	for i := r.paragraphAt(start); i >= 0 && i < len(r.paras); i++ {
		p := r.paras[i]
		if p.start >= end {
			break
		}
		if len(out) > 0 {
			out = append(out, '\n')
		}
		out = append(out, p.runes[max(0, start-p.start):min(len(p.runes), end-p.start)]...)
	}
	return string(out)
}

// CreateRenderer draws the paragraph list.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	return &readerRenderer{r: r}
}

type readerRenderer struct{ r *Reader }

func (rr *readerRenderer) Layout(s fyne.Size) {
	changed := rr.r.relayout(s.Width)
	rr.r.list.Resize(s)
	if changed {
		rr.r.list.Refresh() // lines moved even where heights did not
	}
}
func (rr *readerRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 100) }
func (rr *readerRenderer) Refresh()                     { rr.r.list.Refresh() }
func (rr *readerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.r.list} }
func (rr *readerRenderer) Destroy()                     {}

// relayout wraps every paragraph to the width and sets the list's row
// heights; it reports whether anything moved.
func (r *Reader) relayout(width float32) bool {
	if width <= 0 || width == r.width {
		return false
	}
	r.width = width
	avail := width - 4*theme.Padding() - theme.ScrollBarSize()
	for i := range r.paras {
		p := &r.paras[i]
		p.lines = r.metrics.wrap(p, avail)
		r.list.SetItemHeight(i, r.metrics.height(len(p.lines)))
	}
	return true
}

// splitParagraphs cuts text at line breaks; blank lines are dropped.
func splitParagraphs(text []rune) []paragraph {
	var out []paragraph
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		if p := text[start:i]; len(trimSpace(p)) > 0 {
			out = append(out, newParagraph(start, p))
		}
		start = i + 1
	}
	return out
}

func newParagraph(start int, rs []rune) paragraph {
	p := paragraph{start: start, runes: rs, words: splitWords(rs), rtl: paragraphDirection(rs) == rightToLeft}
	for i := range p.words {
		w := &p.words[i]
		w.dir = directionOf(rs[w.start:w.end])
		p.bidi = p.bidi || w.dir == rightToLeft
	}
	return p
}

func trimSpace(rs []rune) []rune {
	for len(rs) > 0 && unicode.IsSpace(rs[0]) {
		rs = rs[1:]
	}
	return rs
}

// splitWords finds the words of a paragraph. A word's range leaves out the
// punctuation around it ("Kabul," selects as "Kabul"), but its drawing keeps it.
// Chinese and Japanese, written without spaces, are taken a character at a
// time, so that lines wrap and selections stop anywhere in them.
func splitWords(rs []rune) []word {
	var out []word
	start := -1
	end := func(i int) {
		if start >= 0 {
			out = append(out, word{start: start, end: i, joined: start > 0 && !unicode.IsSpace(rs[start-1])})
			start = -1
		}
	}
	for i := 0; i <= len(rs); i++ {
		switch {
		case i == len(rs) || unicode.IsSpace(rs[i]):
			end(i)
		case unbroken(rs[i]):
			end(i)
			start = i
			end(i + 1)
		case start < 0:
			start = i
		}
	}
	return out
}

// unbroken: a character of a script written without spaces between words.
func unbroken(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// core is the word's range without leading and trailing punctuation.
func (w word) core(rs []rune) (int, int) {
	s, e := w.start, w.end
	for s < e-1 && strings.ContainsRune(openPunct, rs[s]) {
		s++
	}
	for e > s+1 && strings.ContainsRune(closePunct, rs[e-1]) {
		e--
	}
	return s, e
}

const (
	openPunct  = "([{“‘\"'«"
	closePunct = ".,;:!?)]}”’\"'»"
)

// highlightColor is translucent so text stays readable in light and dark themes.
func highlightColor(s hlStyle) color.Color {
	switch s {
	case hlActor:
		return color.NRGBA{R: 0xa8, G: 0x55, B: 0xf7, A: 0x48}
	case hlPlace:
		return color.NRGBA{R: 0x16, G: 0xa3, B: 0x4a, A: 0x40}
	case hlEvidence:
		return color.NRGBA{R: 0xf5, G: 0x9e, B: 0x0b, A: 0x70}
	case hlSuggestion:
		return color.NRGBA{R: 0xec, G: 0x48, B: 0x99, A: 0x50}
	}
	return color.NRGBA{R: 0x0e, G: 0xa5, B: 0xe9, A: 0x80}
}
