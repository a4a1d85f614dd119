package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestVisualOrder: words of right-to-left lines are placed from the right,
// numbers and Latin names keep their own order inside them.
func TestVisualOrder(t *testing.T) {
	for _, c := range []struct {
		line, want string // want: the words from left to right on screen
	}{
		{"التقى الوزير بالوفد", "بالوفد الوزير التقى"},
		{"قالت وكالة Reuters News يوم 2 مارس", "مارس 2 يوم Reuters News وكالة قالت"},
		{"The minister met الوزير الأول today", "The minister met الأول الوزير today"},
		{"وصل - Ankara - أمس", "أمس - Ankara - وصل"},
	} {
		words := strings.Fields(c.line)
		dirs := make([]direction, len(words))
		for i, w := range words {
			dirs[i] = directionOf([]rune(w))
		}
		order := visualOrder(dirs, paragraphDirection([]rune(c.line)) == rightToLeft)
		var got []string
		for _, i := range order {
			got = append(got, words[i])
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q laid out as %q, want %q", c.line, strings.Join(got, " "), c.want)
		}
	}
}

// An Arabic paragraph of our own, with a Latin name and a date in it.
const arabicParagraph = "التقى وزير الخارجية بالوفد في القاهرة يوم 2 مارس وقالت وكالة Reuters News إن الطرفين ناقشا الأمن الإقليمي والتعاون الاقتصادي واتفقا على مواصلة المحادثات في الشهر المقبل."

// TestArabicReadsRightToLeft: the paragraph is laid out from the right
// edge, its first word rightmost, the Latin name left to right inside it,
// and a tap on a word selects that word's own letters.
func TestArabicReadsRightToLeft(t *testing.T) {
	test.NewTempApp(t)
	r := NewReader()
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(500, 600))
	r.SetText("Cairo talks\n\n" + arabicParagraph)
	p := r.paras[1]
	if !p.rtl || !p.bidi || r.paras[0].rtl {
		t.Fatalf("directions: title rtl=%v, Arabic rtl=%v", r.paras[0].rtl, p.rtl)
	}
	first := p.lines[0]
	avail := r.width - 4*4 - 16 // as relayout computes it, within a few pixels
	if right := first.ends[0]; right < first.ends[len(first.ends)-1] || right < avail-40 {
		t.Errorf("the first word ends at %.0f; it should stand at the right edge (about %.0f)", right, avail)
	}
	for k := 1; k < len(first.x); k++ {
		if p.words[first.first+k].dir == rightToLeft && p.words[first.first+k-1].dir == rightToLeft && first.x[k] >= first.x[k-1] {
			t.Errorf("word %d stands right of the word before it", k)
		}
	}
	reuters, news := wordIndex(p, "Reuters"), wordIndex(p, "News")
	if lx := lineOf(p, reuters); lx == lineOf(p, news) {
		l := p.lines[lx]
		if l.x[reuters-l.first] >= l.x[news-l.first] {
			t.Error("Reuters News is not left to right inside the Arabic line")
		}
	}
	target := strings.Index(string(p.runes), "القاهرة")
	offset := p.start + len([]rune(string(p.runes)[:target]))
	v := findParagraphView(w.Canvas().Content(), 1)
	if v == nil {
		t.Fatal("the paragraph is not shown")
	}
	v.Tapped(&fyne.PointEvent{Position: wordPosition(r, 1, offset)})
	if s, e, text := r.Selection(); text != "القاهرة" || s != offset || e != offset+7 {
		t.Fatalf("tap selected %d-%d %q, want القاهرة at %d", s, e, text, offset)
	}
	x0, x1, ok := spanOnLine(r.metrics, &p, p.lines[lineOf(p, wordIndex(p, "القاهرة"))], offset-p.start, offset-p.start+7)
	k := wordIndex(p, "القاهرة")
	l := p.lines[lineOf(p, k)]
	if !ok || x0 < l.x[k-l.first]-1 || x1 > l.ends[k-l.first]+1 {
		t.Errorf("the highlight of القاهرة spans %.0f-%.0f, not its word at %.0f-%.0f", x0, x1, l.x[k-l.first], l.ends[k-l.first])
	}
}

func wordIndex(p paragraph, text string) int {
	for i, w := range p.words {
		if string(p.runes[w.start:w.end]) == text {
			return i
		}
	}
	return -1
}

func lineOf(p paragraph, word int) int {
	for i, l := range p.lines {
		if l.first <= word && word <= l.last {
			return i
		}
	}
	return -1
}

// TestChineseWrapsAndSelectsByCharacter: a Chinese paragraph, written
// without spaces, wraps inside the reader and a tap selects one character.
func TestChineseWrapsAndSelectsByCharacter(t *testing.T) {
	test.NewTempApp(t)
	r := NewReader()
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(300, 600))
	para := strings.Repeat("外交部长周五在北京会见了来访的代表团，双方讨论了地区安全与经济合作问题。", 3)
	r.SetText(para)
	p := r.paras[0]
	if len(p.lines) < 3 {
		t.Fatalf("%d lines: the paragraph did not wrap", len(p.lines))
	}
	for _, l := range p.lines {
		if l.ends[len(l.ends)-1] > r.width {
			t.Fatalf("a line runs to %.0f, past the reader's %.0f", l.ends[len(l.ends)-1], r.width)
		}
	}
	if text := lineText(&p, p.lines[0]); strings.Contains(text, " ") {
		t.Errorf("spaces were put between characters: %q", text)
	}
	v := findParagraphView(w.Canvas().Content(), 0)
	offset := strings.Index(para, "北") / 3 // three bytes a character here
	v.Tapped(&fyne.PointEvent{Position: wordPosition(r, 0, offset)})
	if _, _, text := r.Selection(); text != "北" {
		t.Fatalf("tap selected %q, want 北", text)
	}
}
