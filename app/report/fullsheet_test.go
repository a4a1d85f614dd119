//go:build !race

package report_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier/app/report"

	"dossier/data/storetest"
)

// TestFullSheetIsRefusedRowByRow: a sheet of 1,048,576 rows (Excel's
// limit) is read as a stream in bounded time; each bad row is refused and
// counted, the first thousand listed, and nothing stored. Without -race:
// the race detector makes excelize ten times slower (make test runs it
// separately).
func TestFullSheetIsRefusedRowByRow(t *testing.T) {
	st, _ := codedSample(t)
	before := storeDump(t, st)
	dir := storetest.TempDir(t)
	full := filepath.Join(dir, "full.xlsx")
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	f.SetSheetName("Sheet1", "Events")
	sw.SetRow("A1", []any{"ID", "Version", "Type", "Notes"})
	for r := 2; r <= 1048576; r++ {
		sw.SetRow("A"+strconv.Itoa(r), []any{nil, nil, "PARTY", "row"})
	}
	sw.Flush()
	if err := f.SaveAs(full); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := report.ImportWorkbook(context.Background(), st, full, false)
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 120*time.Second {
		t.Fatalf("reading a full sheet took %v", took)
	}
	if res.Refused != 1048575 || len(res.Problems) > 1000 || !strings.Contains(res.Problems[0].Message, "PARTY") || len(res.Changes) != 0 {
		t.Fatalf("full sheet: refused %d, listed %d, first %+v", res.Refused, len(res.Problems), res.Problems[0])
	}

	if storeDump(t, st) != before {
		t.Fatal("a full sheet changed the records")
	}
}
