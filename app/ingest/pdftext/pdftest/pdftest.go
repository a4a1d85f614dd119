// Package pdftest writes small PDFs by hand for tests, for the cases
// LibreOffice does not make: text drawn out of reading order, ligatures,
// right-to-left lines, scans and hostile structures.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// A Builder lays out PDF objects with a correct cross-reference table.
type Builder struct {
	objects []string // object n+1's body
	Trailer string   // extra trailer entries
}

// Add appends an object and returns its number.
func (b *Builder) Add(body string) int {
	b.objects = append(b.objects, body)
	return len(b.objects)
}

// Stream is an object holding data, compressed when deflate is set.
func Stream(data []byte, deflate bool, dict string) string {
	if deflate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(data)
		w.Close()
		data, dict = z.Bytes(), dict+" /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(data), dict, data)
}

// Bytes lays the objects out with a correct cross-reference table.
func (b *Builder) Bytes() []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(b.objects))
	for i, o := range b.objects {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(b.objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(b.objects)+1, b.Trailer, xref)
	return out.Bytes()
}

// Text is a one-page PDF showing lines at their positions with a font
// of 500-unit glyphs whose codes map to text through a ToUnicode CMap
// (codes above 0x7f are given by toUnicode; the rest are ASCII).
func Text(lines []Line, toUnicode map[byte]rune) []byte {
	var b Builder
	b.Add("<< /Type /Catalog /Pages 2 0 R >>")
	b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
	var content strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&content, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", l.Size, l.X, l.Y, escape(l.Text))
	}
	b.Add(Stream([]byte(content.String()), true, ""))
	widths := strings.TrimSpace(strings.Repeat("500 ", 256))
	b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 /Widths [" + widths + "] /ToUnicode 6 0 R >>")
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def\n1 begincodespacerange <00> <FF> endcodespacerange\n")
	fmt.Fprintf(&cmap, "%d beginbfchar\n", 95+len(toUnicode))
	for c := 32; c < 127; c++ {
		fmt.Fprintf(&cmap, "<%02X> <%04X>\n", c, c)
	}
	for c, r := range toUnicode {
		fmt.Fprintf(&cmap, "<%02X> <%04X>\n", c, r)
	}
	cmap.WriteString("endbfchar endcmap CMapName currentdict /CMap defineresource pop end end\n")
	b.Add(Stream([]byte(cmap.String()), false, ""))
	return b.Bytes()
}

// A Line is one line of a hand-made page: where its baseline starts, in
// points from the lower left, its type size and its text.
type Line struct {
	X, Y, Size float64
	Text       string
}

func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
}

// Scanned is a page that only shows a picture.
func Scanned() []byte {
	var b Builder
	b.Add("<< /Type /Catalog /Pages 2 0 R >>")
	b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>")
	b.Add(Stream([]byte("q 500 0 0 700 50 70 cm /Im1 Do Q"), false, ""))
	b.Add(Stream([]byte{0x80}, false, "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"))
	return b.Bytes()
}
