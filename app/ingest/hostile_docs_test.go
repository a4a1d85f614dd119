package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/ingest/pdftext/pdftest"
)

// Hostile documents: PDFs built to loop, recurse or unpack without end,
// RTF nested beyond reason and a saved page with a huge part.
func init() {
	hostileCases = append(hostileCases,
		hostileCase{name: "PDF with arrays nested 100,000 deep", failed: "nest more than 100 deep", make: func(t *testing.T, d string) string {
			return writeFile(t, d, "deep.pdf", hostilePDF(strings.Repeat("[", 100000)+strings.Repeat("]", 100000), ""))
		}},
		hostileCase{name: "PDF nesting hidden in a compressed object stream", failed: "nest more than 100 deep", make: func(t *testing.T, d string) string {
			inner := "10 0 " + strings.Repeat("<< /A ", 5000) + strings.Repeat(">> ", 5000)
			return writeFile(t, d, "objstm.pdf", hostilePDF("0", pdftest.Stream([]byte(inner), true, "/Type /ObjStm /N 1 /First 5")))
		}},
		hostileCase{name: "PDF bomb (a page unpacking to 300 MB)", failed: "PDF bomb", make: func(t *testing.T, d string) string {
			var b pdftest.Builder
			b.Add("<< /Type /Catalog /Pages 2 0 R >>")
			b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
			b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>")
			b.Add(pdftest.Stream(bytes.Repeat([]byte(" "), 300<<20), true, ""))
			return writeFile(t, d, "bomb.pdf", b.Bytes())
		}},
		hostileCase{name: "PDF with a huge picture stream", text: "A report with a large picture", make: func(t *testing.T, d string) string {
			raw := pdftest.Text([]pdftest.Line{{X: 60, Y: 700, Size: 11, Text: "A report with a large picture."}}, nil)
			raw = bytes.Replace(raw, []byte("%\xe2\xe3\xcf\xd3\n"), []byte("%\xe2\xe3\xcf\xd3\n"+pdftest.Stream(bytes.Repeat([]byte{0x7f}, 30<<20), false, "")+"\n"), 1)
			return writeFile(t, d, "picture.pdf", fixXref(t, raw))
		}},
		hostileCase{name: "PDF whose cross-reference chain loops", failed: "point back to themselves", make: func(t *testing.T, d string) string {
			raw := pdftest.Text([]pdftest.Line{{X: 60, Y: 700, Size: 11, Text: "Looping."}}, nil)
			xref := bytes.LastIndex(raw, []byte("xref\n0 "))
			raw = bytes.Replace(raw, []byte("/Root 1 0 R"), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d", xref)), 1)
			return writeFile(t, d, "loop.pdf", raw)
		}},
		hostileCase{name: "PDF whose page tree contains itself", failed: "page tree loops", make: func(t *testing.T, d string) string {
			raw := pdftest.Text([]pdftest.Line{{X: 60, Y: 700, Size: 11, Text: "Looping pages."}}, nil)
			raw = bytes.Replace(raw, []byte("/Kids [3 0 R]"), []byte("/Kids [3 0 R 2 0 R 2 0 R]"), 1)
			return writeFile(t, d, "pages.pdf", fixXref(t, raw))
		}},
		hostileCase{name: "PDF protected by a password", failed: "protected by a password", make: func(t *testing.T, d string) string {
			return writeFile(t, d, "protected.pdf", documents[len(documents)-1].read(t, "pdf"))
		}},
		hostileCase{name: "scanned PDF", failed: "needs OCR", make: func(t *testing.T, d string) string {
			return writeFile(t, d, "scan.pdf", pdftest.Scanned())
		}},
		hostileCase{name: "RTF with 100,000 nested groups", failed: "nests groups more than 1000 deep", make: func(t *testing.T, d string) string {
			return writeFile(t, d, "deep.rtf", []byte(`{\rtf1\ansi `+strings.Repeat("{", 100000)+"text"+strings.Repeat("}", 100000)+"}"))
		}},
		hostileCase{name: "MHTML with a 200 MB part", failed: "too large (200 MB; Dossier imports files up to 100 MB)", make: func(t *testing.T, d string) string {
			p := filepath.Join(d, "huge.mhtml")
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			head := strings.Replace(mhtmlPage, "iVBORw0KGgo=", "", 1)
			f.WriteString(head[:strings.Index(head, "\r\n------MultipartBoundary--abc\r\nContent-Type: text/html")])
			chunk := bytes.Repeat([]byte("QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n"), 1<<14)
			for written := 0; written < 200<<20; written += len(chunk) {
				f.Write(chunk)
			}
			f.WriteString(head[strings.Index(head, "\r\n------MultipartBoundary--abc\r\nContent-Type: text/html"):])
			f.Close()
			return p
		}},
	)
}

// hostilePDF is a one-page PDF with an extra object (body) and, when given,
// an extra object stream.
func hostilePDF(body, objStream string) []byte {
	var b pdftest.Builder
	b.Add("<< /Type /Catalog /Pages 2 0 R >>")
	b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Extra 5 0 R >>")
	b.Add(pdftest.Stream([]byte("BT /F1 12 Tf 60 700 Td (Hello) Tj ET"), false, ""))
	b.Add(body)
	if objStream != "" {
		b.Add(objStream)
	}
	return b.Bytes()
}

// fixXref rebuilds the cross-reference table of a hand-edited PDF by
// finding each object where it now stands.
func fixXref(t *testing.T, raw []byte) []byte {
	x := bytes.LastIndex(raw, []byte("xref\n0 "))
	var offsets []int
	for n := 1; ; n++ {
		i := bytes.Index(raw, []byte(fmt.Sprintf("\n%d 0 obj\n", n)))
		if i < 0 || i > x {
			break
		}
		offsets = append(offsets, i+1)
	}
	var out bytes.Buffer
	out.Write(raw[:x])
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, x)
	return out.Bytes()
}
