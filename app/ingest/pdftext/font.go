package pdftext

import (
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// pdfFont is what reading text needs of a PDF font: how its string bytes
// split into character codes, what each code means in Unicode, and how far
// it advances (in thousandths of the font size).
type pdfFont struct {
	twoByte bool              // a composite (Type0) font: codes are two bytes
	toText  *toUnicode        // the font's own map to Unicode, when it has one
	enc     pdf.TextEncoding  // the library's reading of /Encoding, for the rest
	widths  map[int]float64   // advance of each code
	deflt   float64           // advance of codes not in widths
	cache   map[string]string // decoded codes
}

func newPDFFont(v pdf.Value) *pdfFont {
	f := &pdfFont{twoByte: v.Key("Subtype").Name() == "Type0", widths: map[int]float64{}, cache: map[string]string{}}
	f.toText = readToUnicode(v.Key("ToUnicode"), v)
	if f.toText == nil || !f.twoByte { // simple fonts' maps may leave codes out
		lf := pdf.Font{V: v}
		f.enc = lf.Encoder()
	}
	if f.twoByte {
		f.cidWidths(v.Key("DescendantFonts").Index(0))
	} else {
		first, w := int(v.Key("FirstChar").Int64()), v.Key("Widths")
		for i := 0; i < w.Len() && i < 65536; i++ {
			f.widths[first+i] = w.Index(i).Float64()
		}
		f.deflt = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	}
	return f
}

// cidWidths reads a composite font's /W array: "c [w1 w2 …]" or
// "cFirst cLast w".
func (f *pdfFont) cidWidths(cid pdf.Value) {
	f.deflt = 1000
	if dw := cid.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.deflt = dw.Float64()
	}
	w := cid.Key("W")
	for i := 0; i+1 < w.Len() && len(f.widths) < 65536; {
		first := int(w.Index(i).Int64())
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && j < 65536; j++ {
				f.widths[first+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			return
		}
		last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for c := first; c <= last && c-first < 65536; c++ {
			f.widths[c] = width
		}
		i += 3
	}
}

// codes splits a shown string into character codes.
func (f *pdfFont) codes(s string) []string {
	n := 1
	if f.twoByte {
		n = 2
	}
	if f.toText != nil && !f.twoByte && f.toText.twoByte {
		n = 2
	}
	out := make([]string, 0, len(s)/n+1)
	for len(s) >= n {
		out = append(out, s[:n])
		s = s[n:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// text is what one code means.
func (f *pdfFont) text(code string) string {
	if t, ok := f.cache[code]; ok {
		return t
	}
	var t string
	if f.toText != nil {
		t = f.toText.decode(code)
	}
	if t == "" && f.enc != nil {
		t = f.enc.Decode(code)
	}
	t = strings.ToValidUTF8(t, "")
	if len(f.cache) < 100000 {
		f.cache[code] = t
	}
	return t
}

// width is a code's advance in thousandths of the font size.
func (f *pdfFont) width(code string) float64 {
	c := 0
	for i := 0; i < len(code); i++ {
		c = c<<8 | int(code[i])
	}
	if w, ok := f.widths[c]; ok {
		return w
	}
	return f.deflt
}

// toUnicode is a font's ToUnicode CMap: character codes to text.
type toUnicode struct {
	chars   map[string]string
	twoByte bool // its codes are two bytes long
}

// readToUnicode parses the bfchar and bfrange sections of a ToUnicode CMap.
// The CMap's PostScript opens a resource dictionary ("/CIDInit /ProcSet
// findresource begin") that only receives definitions nobody reads; font,
// a dictionary, stands in for it.
func readToUnicode(v, font pdf.Value) *toUnicode {
	if v.Kind() != pdf.Stream {
		return nil
	}
	m := &toUnicode{chars: map[string]string{}}
	n := 0
	pdf.Interpret(v, func(stk *pdf.Stack, op string) {
		switch op {
		case "findresource":
			stk.Pop()
			stk.Pop()
			stk.Push(font)
		case "defineresource":
			stk.Pop()
			val := stk.Pop()
			stk.Pop()
			stk.Push(val)
		case "beginbfchar", "beginbfrange", "begincodespacerange":
			n = int(stk.Pop().Int64())
		case "endbfchar":
			for range min(n, stk.Len()/2) {
				dst, src := stk.Pop(), stk.Pop().RawString()
				m.set(src, utf16Text(dst.RawString()))
			}
		case "endbfrange":
			for range min(n, stk.Len()/3) {
				dst, hi, lo := stk.Pop(), stk.Pop().RawString(), stk.Pop().RawString()
				m.setRange(lo, hi, dst)
			}
		case "endcodespacerange":
			for range min(n, stk.Len()/2) {
				stk.Pop()
				if lo := stk.Pop().RawString(); len(lo) == 2 {
					m.twoByte = true
				}
			}
		}
	})
	if len(m.chars) == 0 {
		return nil
	}
	return m
}

func (m *toUnicode) set(code, text string) {
	if len(m.chars) < 1<<17 && code != "" {
		m.chars[code] = text
		if len(code) == 2 {
			m.twoByte = true
		}
	}
}

// setRange maps lo…hi to consecutive text (dst a string) or to the texts
// of an array.
func (m *toUnicode) setRange(lo, hi string, dst pdf.Value) {
	if len(lo) != len(hi) || lo == "" || lo > hi {
		return
	}
	first, last := codeNumber(lo), codeNumber(hi)
	if last-first > 1<<16 {
		return
	}
	base := utf16.Decode(utf16Units(dst.RawString()))
	for c := first; c <= last; c++ {
		code := codeString(c, len(lo))
		switch {
		case dst.Kind() == pdf.Array:
			m.set(code, utf16Text(dst.Index(c-first).RawString()))
		case len(base) > 0:
			r := append([]rune(nil), base...)
			r[len(r)-1] += rune(c - first)
			m.set(code, string(r))
		}
	}
}

func (m *toUnicode) decode(code string) string {
	if t, ok := m.chars[code]; ok {
		return t
	}
	return ""
}

func codeNumber(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n<<8 | int(s[i])
	}
	return n
}

func codeString(n, size int) string {
	b := make([]byte, size)
	for i := size - 1; i >= 0; i-- {
		b[i] = byte(n)
		n >>= 8
	}
	return string(b)
}

// utf16Text decodes the big-endian UTF-16 of a CMap destination.
func utf16Text(s string) string { return string(utf16.Decode(utf16Units(s))) }

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 { // a one-byte destination: take it as is
		u = append(u, uint16(s[len(s)-1]))
	}
	return u
}
