package report_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// TestEvidenceSheetGivesThePDFPage: a quote from a PDF article carries its
// page in the Evidence sheet (read back with openpyxl); other quotes leave
// the cell empty.
func TestEvidenceSheetGivesThePDFPage(t *testing.T) {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	res, err := st.AddArticles(ctx, []*data.Article{
		{Title: "Report", Text: "First page text.\n\nSecond page text.\n\nThird page text.", Hash: "pdf", PageStarts: []int{0, 18, 37}},
		{Title: "Note", Text: "A plain note about the talks.", Hash: "txt"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ev := &data.Event{Type: "CONSULT", Evidence: []data.Span{
		{Article: res[0].ID, Start: 37, End: 42, Quote: "Third"},
		{Article: res[1].ID, Start: 2, End: 7, Quote: "plain"},
	}}
	if err := st.PutEvent(ctx, ev); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	if _, err := report.ExportWorkbook(ctx, st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	out := python(t, `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Evidence"]
for r in ws.iter_rows(values_only=True):
    print(r[4], r[5])
`, path)
	for _, want := range []string{"Quote Page", "Third 3", "plain None"} {
		if !strings.Contains(out, want) {
			t.Errorf("Evidence sheet lacks %q:\n%s", want, out)
		}
	}
}
