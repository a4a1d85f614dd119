package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/app/ingest/pdftext/pdftest"
)

// TestPDFLigaturesAndDatelines: a ligature glyph ("ﬁ") becomes its
// letters, and a dateline on the page gives the published day.
func TestPDFLigaturesAndDatelines(t *testing.T) {
	lines := []pdftest.Line{
		{X: 60, Y: 790, Size: 11, Text: "Geneva, 2 March 2025"},
		{X: 60, Y: 760, Size: 11, Text: "Of\x80cials \x81led the report on"},
		{X: 60, Y: 746, Size: 11, Text: "Monday."},
	}
	a, err := parsePDF(pdftest.Text(lines, map[byte]rune{0x80: 'ﬁ', 0x81: 'ﬁ'}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Officials filed the report on Monday.") || a.Published != "2025-03-02" {
		t.Fatalf("text %q published %q", a.Text, a.Published)
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
