package pdftext

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is a run of glyphs on one baseline, read in order: its box in page
// points (y is the baseline) and its text.
type line struct {
	x0, x1, y, h float64
	text         string
	row          bool // a table row, its cells separated by tabs
}

func (l line) top() float64    { return l.y + 0.8*l.h }
func (l line) bottom() float64 { return l.y - 0.25*l.h }

// pageLines groups a page's glyphs into lines: glyphs on the same baseline
// and close together, wherever they come in the content stream.
func pageLines(glyphs []glyph) []line {
	if len(glyphs) == 0 {
		return nil
	}
	gs := slices.Clone(glyphs)
	sort.SliceStable(gs, func(i, j int) bool {
		if !sameBaseline(gs[i], gs[j]) {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	var out []line
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) && sameBaseline(gs[start], gs[i]) && gs[i].x-(gs[i-1].x+gs[i-1].w) < 1.5*max(gs[i].h, gs[i-1].h) {
			continue
		}
		if l, ok := makeLine(gs[start:i]); ok {
			out = append(out, l)
		}
		start = i
	}
	return out
}

func sameBaseline(a, b glyph) bool {
	d := a.y - b.y
	return d < 0.3*max(a.h, b.h, 1) && d > -0.3*max(a.h, b.h, 1)
}

// makeLine writes a line's text: a space where glyphs stand apart without
// one, and right-to-left lines (Arabic, Hebrew…) put in reading order.
func makeLine(gs []glyph) (line, bool) {
	l := line{x0: gs[0].x, x1: gs[0].x + gs[0].w, y: gs[0].y}
	hs := make([]float64, 0, len(gs))
	var b strings.Builder
	for i, g := range gs {
		if i > 0 {
			prev := gs[i-1]
			if gap := g.x - (prev.x + prev.w); gap > 0.15*g.h && !strings.HasSuffix(prev.s, " ") && !strings.HasPrefix(g.s, " ") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.s)
		l.x0, l.x1 = min(l.x0, g.x), max(l.x1, g.x+g.w)
		hs = append(hs, g.h)
	}
	slices.Sort(hs)
	l.h = max(hs[len(hs)/2], 1)
	l.text = strings.TrimSpace(collapseSpaces(b.String()))
	if isRightToLeft(l.text) {
		l.text = logicalOrder(l.text)
	}
	return l, l.text != ""
}

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isRightToLeft: most of the line's letters are of a right-to-left script.
func isRightToLeft(s string) bool {
	rtl, ltr := 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana):
			rtl++
		case unicode.IsLetter(r):
			ltr++
		}
	}
	return rtl > ltr
}

// logicalOrder turns a right-to-left line drawn left to right (the order
// PDF places glyphs in) back into the order it is read and typed: reversed,
// except that numbers and Latin words inside it keep their own direction,
// and brackets face the other way.
func logicalOrder(visual string) string {
	r := []rune(visual)
	slices.Reverse(r)
	for i := 0; i < len(r); {
		if !leftToRight(r[i]) {
			r[i] = mirrored(r[i])
			i++
			continue
		}
		end := i
		for j := i; j < len(r) && (leftToRight(r[j]) || strings.ContainsRune(" .,:/-%", r[j])); j++ {
			if leftToRight(r[j]) {
				end = j
			}
		}
		slices.Reverse(r[i : end+1])
		i = end + 1
	}
	return string(r)
}

// leftToRight: a digit, or a letter of a script written left to right.
func leftToRight(r rune) bool {
	return unicode.IsDigit(r) ||
		unicode.IsLetter(r) && !unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
}

func mirrored(r rune) rune {
	if m, ok := map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '«': '»', '»': '«', '<': '>', '>': '<'}[r]; ok {
		return m
	}
	return r
}

// readingOrder sorts a page's lines as they are read, by recursive XY cuts:
// the page is split at its widest empty gap, side by side (columns, read
// left to right) or one above the other (read top to bottom), until each
// part is a single line.
func readingOrder(lines []line) []line {
	if len(lines) <= 1 {
		return lines
	}
	colAt, colGap := widestColumnGap(lines)
	rowAt, rowGap := widestRowGap(lines)
	minCol := 1.2 * medianHeight(lines)
	switch {
	case colGap >= minCol && colGap >= rowGap && isTable(lines):
		return tableRows(lines)
	case colGap >= minCol && colGap >= rowGap:
		var left, right []line
		for _, l := range lines {
			if l.x1 <= colAt {
				left = append(left, l)
			} else {
				right = append(right, l)
			}
		}
		if above, below, ok := overhang(left, right); ok { // e.g. a paragraph's short last line over a table
			return append(readingOrder(above), readingOrder(below)...)
		}
		return append(readingOrder(left), readingOrder(right)...)
	case rowGap > 0:
		var above, below []line
		for _, l := range lines {
			if l.bottom() >= rowAt {
				above = append(above, l)
			} else {
				below = append(below, l)
			}
		}
		return append(readingOrder(above), readingOrder(below)...)
	}
	// lines overlapping both ways (superscripts, overprinting): top to bottom
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y > lines[j].y })
	return lines
}

// overhang finds a table below a line that makes its columns look like
// text columns (a paragraph's short last line over the first cells): when
// one side of a column cut starts higher, nothing crosses the level where
// the other begins, and what lies below that level is a table, the lines
// above are read first. (Text columns may start at different heights, as
// when a heading pushes one down.)
func overhang(left, right []line) (above, below []line, ok bool) {
	topL, topR := highest(left), highest(right)
	if d := topL - topR; d < 0.5*medianHeight(left) && d > -0.5*medianHeight(right) {
		return nil, nil, false
	}
	cut := min(topL, topR)
	for _, l := range append(slices.Clone(left), right...) {
		switch {
		case l.bottom() >= cut:
			above = append(above, l)
		case l.top() <= cut+0.1*l.h:
			below = append(below, l)
		default:
			return nil, nil, false
		}
	}
	return above, below, len(above) > 0 && len(below) > 1 && isTable(below)
}

func highest(ls []line) float64 {
	top := ls[0].top()
	for _, l := range ls {
		top = max(top, l.top())
	}
	return top
}

// isTable: lines side by side that stand in rows (every baseline holds at
// least two of them) and read as cells rather than prose: few long lines,
// and no line running on into the one below it.
func isTable(lines []line) bool {
	prose := 0
	for _, l := range lines {
		if len(strings.Fields(l.text)) >= 5 {
			prose++
		}
		for _, below := range lines {
			if d := l.y - below.y; d > 0 && d < 2*l.h && below.x0-l.x0 < l.h && l.x0-below.x0 < l.h && continues(l.text, below.text) {
				return false
			}
		}
	}
	if 2*prose > len(lines) {
		return false
	}
	for _, row := range baselineGroups(lines) {
		if len(row) < 2 {
			return false
		}
	}
	return true
}

// baselineGroups gathers lines that share a baseline, top to bottom, each
// group left to right.
func baselineGroups(lines []line) [][]line {
	ls := slices.Clone(lines)
	sort.SliceStable(ls, func(i, j int) bool {
		if d := ls[i].y - ls[j].y; d > 0.3*ls[i].h || d < -0.3*ls[i].h {
			return d > 0
		}
		return ls[i].x0 < ls[j].x0
	})
	var groups [][]line
	for _, l := range ls {
		if n := len(groups); n > 0 && groups[n-1][0].y-l.y < 0.3*l.h {
			groups[n-1] = append(groups[n-1], l)
			continue
		}
		groups = append(groups, []line{l})
	}
	return groups
}

// tableRows makes one line of each row, its cells separated by tabs.
func tableRows(lines []line) []line {
	var out []line
	for _, cells := range baselineGroups(lines) {
		row := cells[0]
		row.row = true
		for _, c := range cells[1:] {
			row.text += "\t" + c.text
			row.x1 = max(row.x1, c.x1)
		}
		out = append(out, row)
	}
	return out
}

// widestColumnGap is the widest vertical band no line crosses.
func widestColumnGap(lines []line) (at, gap float64) {
	ls := slices.Clone(lines)
	sort.Slice(ls, func(i, j int) bool { return ls[i].x0 < ls[j].x0 })
	right := ls[0].x1
	for _, l := range ls[1:] {
		if g := l.x0 - right; g > gap {
			at, gap = right+g/2, g
		}
		right = max(right, l.x1)
	}
	return at, gap
}

// widestRowGap is the tallest horizontal band no line crosses.
func widestRowGap(lines []line) (at, gap float64) {
	ls := slices.Clone(lines)
	sort.Slice(ls, func(i, j int) bool { return ls[i].top() > ls[j].top() })
	bottom := ls[0].bottom()
	for _, l := range ls[1:] {
		if g := bottom - l.top(); g > gap {
			at, gap = bottom-g/2, g
		}
		bottom = min(bottom, l.bottom())
	}
	if gap == 0 { // lines touch: cut between baselines that do not overlap
		for i := 1; i < len(ls); i++ {
			if hi, lo := ls[i-1], ls[i]; lo.top() < hi.bottom()+0.5*hi.h && allAbove(ls[:i], ls[i:]) {
				return (hi.bottom() + lo.top()) / 2, 0.001
			}
		}
	}
	return at, gap
}

// allAbove: every line of a stands higher than every line of b.
func allAbove(a, b []line) bool {
	lowest := a[0].y
	for _, l := range a {
		lowest = min(lowest, l.y)
	}
	for _, l := range b {
		if l.y >= lowest-0.5*l.h {
			return false
		}
	}
	return true
}

func medianHeight(lines []line) float64 {
	hs := make([]float64, len(lines))
	for i, l := range lines {
		hs[i] = l.h
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}

// paragraphs joins a page's ordered lines into paragraphs: a new one where
// the gap between lines grows, the column changes, the size of the type
// changes (a heading), or a short line ended a sentence.
func paragraphs(lines []line) []string {
	if len(lines) == 0 {
		return nil
	}
	leading := typicalLeading(lines)
	right := 0.0
	for _, l := range lines {
		right = max(right, l.x1)
	}
	var out []string
	cur := lines[0].text
	for i := 1; i < len(lines); i++ {
		prev, l := lines[i-1], lines[i]
		if paragraphBreak(prev, l, leading, right) {
			out = append(out, cur)
			cur = l.text
			continue
		}
		cur = joinLines(cur, l.text)
	}
	return append(out, cur)
}

func paragraphBreak(prev, l line, leading, right float64) bool {
	gap := prev.y - l.y
	switch {
	case prev.row || l.row:
		return true
	case gap <= 0 || l.x0 > prev.x1 || l.x1 < prev.x0: // a new column or region
		return !continues(prev.text, l.text)
	case gap > 1.4*leading:
		return true
	case l.h > 1.15*prev.h || prev.h > 1.15*l.h:
		return true
	}
	short := prev.x1 < l.x1-2*l.h && prev.x1 < right-2*l.h
	return short && (endsSentence(prev.text) || firstWordFits(prev, l, right))
}

// firstWordFits: the next line's first word would have fitted at the end of
// this one, so the line was ended on purpose (a dateline, a heading).
func firstWordFits(prev, l line, right float64) bool {
	n := utf8.RuneCountInString(l.text)
	if n == 0 {
		return false
	}
	word, _, _ := strings.Cut(l.text, " ")
	perChar := (l.x1 - l.x0) / float64(n)
	return float64(utf8.RuneCountInString(word)+1)*perChar < max(right, l.x1)-prev.x1
}

// typicalLeading is the commonest distance between consecutive baselines.
func typicalLeading(lines []line) float64 {
	var ds []float64
	for i := 1; i < len(lines); i++ {
		if d := lines[i-1].y - lines[i].y; d > 0.5*lines[i].h && d < 3*lines[i].h {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return 1.2 * medianHeight(lines)
	}
	slices.Sort(ds)
	return ds[(len(ds)-1)/2]
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(".!?:;”\"’»)…。！？」", r)
}

// joinLines continues a paragraph on its next line: a word broken with a
// hyphen is mended when the line goes on in lower case ("nego-" +
// "tiations"), a hyphen before a capital is kept ("Franco-" + "German"),
// and other lines are joined with a space.
func joinLines(cur, next string) string {
	last, size := utf8.DecodeLastRuneInString(cur)
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case (last == '-' || last == '\u00ad' || last == '\u2010') && len(cur) > size && endsInLetter(cur[:len(cur)-size]):
		if unicode.IsLower(first) {
			return cur[:len(cur)-size] + next
		}
		return cur + next
	case isCJK(last) && isCJK(first):
		return cur + next
	}
	return cur + " " + next
}

func endsInLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || strings.ContainsRune("，。、；：！？「」（）", r)
}
