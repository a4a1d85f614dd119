package report_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/storetest"
)

// The workbook prints as a manager would print it, checked the way one
// would: LibreOffice prints it to PDF; the Summary fits its first page,
// the Events sheet runs over several pages one page wide, and its header
// row is printed again at the top of its second page, with the footer's
// page numbers.
func TestTheWorkbookPrints(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("skipped: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
	}
	st, artID := codedSample(t)
	evs, _ := st.Events(data.EventQuery{Article: artID})
	for i := range 600 {
		e := evs[i%len(evs)]
		e.ID, e.Version, e.Notes = "", 0, fmt.Sprintf("Copy %d of a coded event, to fill pages.", i)
		if err := st.PutEvent(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
	dir := storetest.TempDir(t)
	path := filepath.Join(dir, "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "HOME="+dir) // a profile of its own
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice could not print the workbook: %v\n%s", err, out)
	}
	pages := pdfPages(t, filepath.Join(dir, "report.pdf"))
	if len(pages) < 4 {
		t.Fatalf("the workbook printed on %d pages", len(pages))
	}
	if !strings.Contains(pages[0], "Dossier export") || !strings.Contains(pages[0], "Fatalities by country") || strings.Contains(pages[1], "Top actor pairs") {
		t.Errorf("the Summary does not fit its page:\n%.500s\n---\n%.300s", pages[0], pages[1])
	}
	header := func(p string) bool {
		return strings.Contains(p, "CAMEO name") && strings.Contains(p, "Last change") && strings.Contains(p, "Fatalities")
	}
	if !header(pages[1]) || !strings.Contains(pages[1], "Copy 1 of") {
		t.Fatalf("page 2 is not the Events sheet's first page:\n%.600s", pages[1])
	}
	if !header(pages[2]) || strings.Contains(pages[2], "Copy 1 of") {
		t.Errorf("the Events sheet's second page does not repeat its header row:\n%.600s", pages[2])
	}
	if !strings.Contains(pages[2], "Page 3 of") || !strings.Contains(pages[2], "Events") || !strings.Contains(pages[2], "Exported from Dossier") {
		t.Errorf("page 3's footer:\n%s", pages[2])
	}
}

// pdfPages reads each page's text with the PDF library alone (our reader
// drops running heads, which is what this test looks for).
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	f, r, err := pdf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		text, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		pages = append(pages, strings.Join(strings.Fields(text), " "))
	}
	return pages
}
