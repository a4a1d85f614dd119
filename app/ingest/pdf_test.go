package ingest

import (
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPDFReadingOrderIsNotStreamOrder: a page that draws its two columns
// line by line across the page is still read column by column, with the
// headline first and its page number left out.
func TestPDFReadingOrderIsNotStreamOrder(t *testing.T) {
	left := []string{"Talks on the northern", "crossings resumed in the", "old customs house."}
	right := []string{"Observers counted forty", "trucks waiting near", "the river checkpoint."}
	lines := []pdfLine{{x: 60, y: 780, size: 20, text: "Border talks resume"}}
	for i := range left {
		y := 740 - float64(i)*14
		lines = append(lines, pdfLine{x: 60, y: y, size: 11, text: left[i]}, pdfLine{x: 320, y: y, size: 11, text: right[i]})
	}
	lines = append(lines, pdfLine{x: 290, y: 40, size: 9, text: "1"})
	a, err := parsePDF(textPDF(lines, nil))
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

// TestPDFLigaturesAndDatelines: a ligature glyph ("ﬁ") becomes its
// letters, and a dateline on the page gives the published day.
func TestPDFLigaturesAndDatelines(t *testing.T) {
	lines := []pdfLine{
		{x: 60, y: 790, size: 11, text: "Geneva, 2 March 2025"},
		{x: 60, y: 760, size: 11, text: "Of\x80cials \x81led the report on"},
		{x: 60, y: 746, size: 11, text: "Monday."},
	}
	a, err := parsePDF(textPDF(lines, map[byte]rune{0x80: 'ﬁ', 0x81: 'ﬁ'}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Officials filed the report on Monday.") || a.Published != "2025-03-02" {
		t.Fatalf("text %q published %q", a.Text, a.Published)
	}
}

// TestPDFRightToLeft: an Arabic line, drawn left to right in presentation
// forms as PDFs do, is stored in reading order with its number intact.
func TestPDFRightToLeft(t *testing.T) {
	// "سلام 2025" as drawn: the number on the left, then م ا ل س.
	forms := map[byte]rune{0x81: '\uFEE1', 0x82: '\uFE8E', 0x83: '\uFEE0', 0x84: '\uFEB3'}
	a, err := parsePDF(textPDF([]pdfLine{{x: 300, y: 700, size: 12, text: "2025 \x81\x82\x83\x84"}}, forms))
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
	if _, err := parsePDF(scannedPDF()); err != errScannedPDF {
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

// TestPDFPages: each page's start is recorded, at the beginning of a word,
// so evidence can show its page.
func TestPDFPages(t *testing.T) {
	a, err := parsePDF(documents[2].read(t, "pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.PageStarts) != 5 || a.PageStarts[0] != 0 {
		t.Fatalf("page starts %v, want 5 from 0", a.PageStarts)
	}
	runes := []rune(a.Text)
	for i, start := range a.PageStarts {
		if start > 0 && start < len(runes) && runes[start-1] != ' ' && runes[start-1] != '\n' {
			t.Errorf("page %d starts inside a word: %q", i+1, string(runes[start-5:start+5]))
		}
		if i > 0 && (a.Page(start) != i+1 || a.Page(start-1) != i) {
			t.Errorf("Page(%d) = %d, want %d", start, a.Page(start), i+1)
		}
	}
	if n := utf8.RuneCountInString(a.Text); a.Page(n-1) != 5 {
		t.Errorf("the last character is on page %d", a.Page(n-1))
	}
}

// A page whose content the PDF library cannot parse fails quietly: the
// reason is the file's, and nothing is printed to the terminal.
func TestABadPageSaysNothingOnTheTerminal(t *testing.T) {
	var b pdfBuilder
	b.add("<< /Type /Catalog /Pages 2 0 R >>")
	b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	b.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
	b.add(stream([]byte("BT /F1 12 Tf 60 700 Td (Dispatch) Tj ) } ET"), false, ""))
	b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	r, w, _ := os.Pipe()
	stdout := os.Stdout
	os.Stdout = w
	_, err := parsePDF(b.bytes())
	os.Stdout = stdout
	w.Close()
	printed, _ := io.ReadAll(r)
	if err == nil || len(printed) > 0 {
		t.Fatalf("error %v, printed %q", err, printed)
	}
}
