package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app/ingest"
	"dossier/data"
)

// TestEvidenceFromAPDFShowsItsPage: a quote taken on page 3 of a PDF is
// listed in the event form with its page.
func TestEvidenceFromAPDFShowsItsPage(t *testing.T) {
	f := newFixture(t)
	a, err := ingest.ReadFile("../app/ingest/testdata/documents/running-headers.pdf", true, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.AddArticles(context.Background(), []*data.Article{a}); err != nil {
		t.Fatal(err)
	}
	f.settle()
	f.wb.code.articles.list.Select(0)
	f.settle()
	f.text = []rune(f.wb.code.article.Text)
	page3 := string(f.text[a.PageStarts[2]:a.PageStarts[3]])
	phrase := strings.Join(strings.Fields(page3)[5:12], " ")
	occurrence := strings.Count(string(f.text[:a.PageStarts[2]]), phrase)
	test.Tap(widgetButton(t, f.wb, "New event"))
	pick(f.wb.code.editor.typePick, "visit", 0)
	f.selectWords(phrase, occurrence)
	f.tapCoding("Evidence")
	ev := f.wb.code.editor.ev.Evidence
	if len(ev) != 1 {
		t.Fatalf("evidence %+v", ev)
	}
	if got := f.wb.code.editor.quote(ev[0]); !strings.HasPrefix(got, "p. 3  “"+phrase) {
		t.Errorf("the evidence reads %q, want it on p. 3", got)
	}
}
