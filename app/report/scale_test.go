//go:build !race

package report_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app/report"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// TestMillionEventWorkbookOpens exports 1,048,577 events, one more than a
// sheet holds, and opens the workbook with openpyxl (both Events sheets,
// their rows counted) and with LibreOffice headless. Slow: it runs under
// `make bench-scale` (DOSSIER_SCALE=1), not in make test.
func TestMillionEventWorkbookOpens(t *testing.T) {
	if os.Getenv("DOSSIER_SCALE") == "" {
		t.Skip("skipped: a million-event export takes minutes; run it with make bench-scale")
	}
	dir := storetest.TempDir(t)
	st, err := badgerstore.Open(filepath.Join(dir, "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const events = 1048577
	start := time.Now()
	if err := storetest.Generate(st, 200, events); err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %d events in %s", events, time.Since(start).Round(time.Second))
	path := filepath.Join(dir, "million.xlsx")
	start = time.Now()
	res, err := report.ExportWorkbook(context.Background(), st, path, report.Options{})
	if err != nil || res.Events != events {
		t.Fatalf("export: %d events, %v", res.Events, err)
	}
	t.Logf("exported in %s", time.Since(start).Round(time.Second))
	out := python(t, `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for name in wb.sheetnames:
    if name.startswith("Events"):
        ws = wb[name]
        ws.reset_dimensions()  # a streamed sheet states no size: read it to its end
        print(name, sum(1 for _ in ws.iter_rows()) - 1)
`, path)
	if !strings.Contains(out, "Events 1048575\n") || !strings.Contains(out, "Events (2) 2\n") {
		t.Fatalf("openpyxl reads:\n%s", out)
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("skipped the LibreOffice check: soffice is not installed")
	}
	start = time.Now()
	conv := exec.Command("soffice", "--headless", "--convert-to", "csv", "--outdir", dir, path)
	conv.Env = append(os.Environ(), "HOME="+dir)
	if b, err := conv.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, b)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "million.csv"))
	if err != nil || !strings.HasPrefix(string(csv), "Dossier export") && !strings.HasPrefix(string(csv), "ID,") { // the first sheet or the active one
		t.Fatalf("LibreOffice did not open the workbook (%v): %.200s", err, csv)
	}
	t.Logf("LibreOffice opened it in %s", time.Since(start).Round(time.Second))
}
