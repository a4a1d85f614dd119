package pdftext

import (
	"math"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"
)

// glyph is one character shown on a page, where it stands: x and y of its
// baseline start in points from the page's lower left, its advance w and
// its font size.
type glyph struct {
	s          string
	x, y, w, h float64
}

// maxPageGlyphs bounds the characters read from one page; real pages hold
// a few thousand.
const maxPageGlyphs = 200000

// textState is the part of the PDF graphics state that places text.
type textState struct {
	ctm        matrix
	font       *pdfFont
	size       float64
	charSpace  float64
	wordSpace  float64
	scale      float64
	leading    float64
	rise       float64
	invisible  bool
	tm, lineTM matrix
}

type matrix [6]float64 // a b c d e f

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) times(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// pageReader turns one page's content stream into glyphs.
type pageReader struct {
	fonts  map[string]*pdfFont
	res    pdf.Value
	g      textState
	saved  []textState
	glyphs []glyph
}

// readGlyphs interprets the page's text operators. Graphics are ignored;
// text drawn invisibly (the OCR layer of a scan is kept, clipping-only text
// is not) is read too, as it is the only text such pages have.
func readGlyphs(page pdf.Value, fonts map[string]*pdfFont) []glyph {
	r := &pageReader{fonts: fonts, res: inherited(page, "Resources")}
	r.g = textState{ctm: identity, scale: 1, tm: identity, lineTM: identity}
	pdf.Interpret(page.Key("Contents"), r.op)
	return r.glyphs
}

// inherited is a page attribute set on the page or one of its ancestors.
func inherited(page pdf.Value, key string) pdf.Value {
	v := page
	for range 32 {
		if v.IsNull() {
			break
		}
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

func (r *pageReader) op(stk *pdf.Stack, op string) {
	args := make([]pdf.Value, stk.Len())
	for i := len(args) - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	num := func(i int) float64 {
		if i < len(args) {
			return args[i].Float64()
		}
		return 0
	}
	g := &r.g
	switch op {
	case "q":
		if len(r.saved) < 256 {
			r.saved = append(r.saved, r.g)
		}
	case "Q":
		if n := len(r.saved); n > 0 {
			r.g, r.saved = r.saved[n-1], r.saved[:n-1]
		}
	case "cm":
		if len(args) == 6 {
			g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.times(g.ctm)
		}
	case "BT":
		g.tm, g.lineTM = identity, identity
	case "Tf":
		if len(args) == 2 {
			g.font, g.size = r.font(args[0].Name()), num(1)
		}
	case "Tc":
		g.charSpace = num(0)
	case "Tw":
		g.wordSpace = num(0)
	case "Tz":
		g.scale = num(0) / 100
	case "TL":
		g.leading = num(0)
	case "Ts":
		g.rise = num(0)
	case "Tr":
		g.invisible = num(0) == 7
	case "Td":
		r.moveLine(num(0), num(1))
	case "TD":
		g.leading = -num(1)
		r.moveLine(num(0), num(1))
	case "Tm":
		if len(args) == 6 {
			g.tm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			g.lineTM = g.tm
		}
	case "T*":
		r.moveLine(0, -g.leading)
	case "Tj":
		r.show(args)
	case "'":
		r.moveLine(0, -g.leading)
		r.show(args)
	case "\"":
		if len(args) == 3 {
			g.wordSpace, g.charSpace = num(0), num(1)
			r.moveLine(0, -g.leading)
			r.show(args[2:])
		}
	case "TJ":
		if len(args) == 1 {
			r.showArray(args[0])
		}
	}
}

func (r *pageReader) font(name string) *pdfFont {
	if f, ok := r.fonts[name]; ok {
		return f
	}
	f := newPDFFont(r.res.Key("Font").Key(name))
	r.fonts[name] = f
	return f
}

func (r *pageReader) moveLine(tx, ty float64) {
	r.g.lineTM = matrix{1, 0, 0, 1, tx, ty}.times(r.g.lineTM)
	r.g.tm = r.g.lineTM
}

func (r *pageReader) show(args []pdf.Value) {
	if len(args) == 1 && args[0].Kind() == pdf.String {
		r.showString(args[0].RawString())
	}
}

// showArray is TJ: strings, and numbers that move the next one back
// (thousandths of the font size; a large negative one is a word space).
func (r *pageReader) showArray(a pdf.Value) {
	for i := 0; i < a.Len(); i++ {
		v := a.Index(i)
		if v.Kind() == pdf.String {
			r.showString(v.RawString())
			continue
		}
		r.advance(-v.Float64() / 1000 * r.g.size * r.g.scale)
	}
}

func (r *pageReader) advance(tx float64) {
	r.g.tm = matrix{1, 0, 0, 1, tx, 0}.times(r.g.tm)
}

// showString places each character of a string and moves past it.
func (r *pageReader) showString(s string) {
	g := &r.g
	if g.font == nil {
		return
	}
	for _, code := range g.font.codes(s) {
		if len(r.glyphs) >= maxPageGlyphs {
			return
		}
		w := g.font.width(code) / 1000 * g.size
		trm := matrix{g.size * g.scale, 0, 0, g.size, 0, g.rise}.times(g.tm).times(g.ctm)
		size := math.Hypot(trm[2], trm[3])
		text := cleanGlyph(g.font.text(code))
		if text != "" {
			scaleX := math.Hypot(trm[0], trm[1]) / max(g.size*g.scale, 1e-9)
			r.glyphs = append(r.glyphs, glyph{s: text, x: trm[4], y: trm[5], w: w * g.scale * scaleX, h: size})
		}
		tx := w + g.charSpace
		if code == " " {
			tx += g.wordSpace
		}
		r.advance(tx * g.scale)
	}
}

// cleanGlyph drops control characters and the replacement character a
// font without a map to Unicode leaves, and turns ligatures (ﬁ) and the
// presentation forms of Arabic and Hebrew letters into plain letters.
func cleanGlyph(s string) string {
	if s == "" {
		return ""
	}
	for _, r := range s {
		if r >= 0xFB00 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF {
			s = norm.NFKC.String(s)
			break
		}
	}
	return strings.Map(func(r rune) rune {
		if r == '\uFFFD' || unicode.IsControl(r) && r != '\t' {
			return -1
		}
		if r == '\t' || r == '\u00a0' {
			return ' '
		}
		return r
	}, s)
}
