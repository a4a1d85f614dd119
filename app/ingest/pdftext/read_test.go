package pdftext

import (
	"dossier/app/ingest/pdftext/pdftest"
	"io"
	"os"
	"testing"
)

// TestPDFReadingOrderIsNotStreamOrder: a page that draws its two columns
// line by line across the page is still read column by column, with the
// headline first and its page number left out.
func TestPDFReadingOrderIsNotStreamOrder(t *testing.T) {
	left := []string{"Talks on the northern", "crossings resumed in the", "old customs house."}
	right := []string{"Observers counted forty", "trucks waiting near", "the river checkpoint."}
	lines := []pdftest.Line{{X: 60, Y: 780, Size: 20, Text: "Border talks resume"}}
	for i := range left {
		y := 740 - float64(i)*14
		lines = append(lines, pdftest.Line{X: 60, Y: y, Size: 11, Text: left[i]}, pdftest.Line{X: 320, Y: y, Size: 11, Text: right[i]})
	}
	lines = append(lines, pdftest.Line{X: 290, Y: 40, Size: 9, Text: "1"})
	a, err := Read(pdftest.Text(lines, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := "Border talks resume\n\nTalks on the northern crossings resumed in the old customs house.\n\nObservers counted forty trucks waiting near the river checkpoint."
	if a.Text != want {
		t.Fatalf("text\n%q\nwant\n%q", a.Text, want)
	}
	if a.Title != "Border talks resume" {
		t.Errorf("title %q (from the largest type on the first page)", a.Title)
	}
}

// TestPDFRightToLeft: an Arabic line, drawn left to right in presentation
// forms as PDFs do, is stored in reading order with its number intact.
func TestPDFRightToLeft(t *testing.T) {
	// "سلام 2025" as drawn: the number on the left, then م ا ل س.
	forms := map[byte]rune{0x81: '\uFEE1', 0x82: '\uFE8E', 0x83: '\uFEE0', 0x84: '\uFEB3'}
	a, err := Read(pdftest.Text([]pdftest.Line{{X: 300, Y: 700, Size: 12, Text: "2025 \x81\x82\x83\x84"}}, forms))
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "سلام 2025" {
		t.Fatalf("text %q, want %q", a.Text, "سلام 2025")
	}
}

func TestLogicalOrder(t *testing.T) {
	for visual, logical := range map[string]string{
		"مالس":               "سلام",
		"2025 مالس":          "سلام 2025",
		"(ةرهاقلا) Cairo":    "Cairo (القاهرة)",
		"ةرهاقلا يف Reuters": "Reuters في القاهرة",
	} {
		if got := logicalOrder(visual); got != logical {
			t.Errorf("logicalOrder(%q) = %q, want %q", visual, got, logical)
		}
	}
}

func TestScannedPDF(t *testing.T) {
	if _, err := Read(pdftest.Scanned()); err != ErrScanned {
		t.Fatalf("error %v, want the OCR sentence", err)
	}
}

func TestJoinLines(t *testing.T) {
	for _, c := range []struct{ cur, next, want string }{
		{"the nego-", "tiations resumed", "the negotiations resumed"},
		{"the Franco-", "German border", "the Franco-German border"},
		{"the talks", "resumed", "the talks resumed"},
		{"2025-", "03", "2025- 03"},
		{"会谈", "继续", "会谈继续"},
	} {
		if got := joinLines(c.cur, c.next); got != c.want {
			t.Errorf("joinLines(%q, %q) = %q, want %q", c.cur, c.next, got, c.want)
		}
	}
}

func TestPageNumbers(t *testing.T) {
	for text, page := range map[string]int{"3": 3, "- 3 -": 3, "Page 3 of 12": 3, "p. 4": 3, "стр. 3": 3} {
		if !isPageNumber(text, page) {
			t.Errorf("%q on page %d is a page number", text, page)
		}
	}
	for text, page := range map[string]int{"40": 1, "2025": 2, "Page one": 1, "3 trucks": 3} {
		if isPageNumber(text, page) {
			t.Errorf("%q on page %d is not a page number", text, page)
		}
	}
}

// A page whose content the PDF library cannot parse fails quietly: the
// reason is the file's, and nothing is printed to the terminal.
func TestABadPageSaysNothingOnTheTerminal(t *testing.T) {
	var b pdftest.Builder
	b.Add("<< /Type /Catalog /Pages 2 0 R >>")
	b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
	b.Add(pdftest.Stream([]byte("BT /F1 12 Tf 60 700 Td (Dispatch) Tj ) } ET"), false, ""))
	b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	r, w, _ := os.Pipe()
	stdout := os.Stdout
	os.Stdout = w
	_, err := Read(b.Bytes())
	os.Stdout = stdout
	w.Close()
	printed, _ := io.ReadAll(r)
	if err == nil || len(printed) > 0 {
		t.Fatalf("error %v, printed %q", err, printed)
	}
}
