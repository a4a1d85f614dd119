package report_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dossier/app/report"

	"dossier/data/storetest"
)

// TestFormulasAreNotTaken: a workbook whose cells hold formulas is refused
// row by row, and nothing is evaluated or stored.
func TestFormulasAreNotTaken(t *testing.T) {
	st, _ := codedSample(t)
	before := storeDump(t, st)
	dir := storetest.TempDir(t)

	formulas := filepath.Join(dir, "formulas.xlsx")
	g := excelize.NewFile()
	g.SetSheetName("Sheet1", "Events")
	g.SetSheetRow("Events", "A1", &[]any{"ID", "Version", "Type", "Notes", "Date"})
	g.SetCellValue("Events", "C2", "AGREE")
	g.SetCellFormula("Events", "D2", `HYPERLINK("http://x","y")`)
	g.SetCellFormula("Events", "E2", `DATE(2025,2,28)`)
	if err := g.SaveAs(formulas); err != nil {
		t.Fatal(err)
	}
	res, err := report.ImportWorkbook(context.Background(), st, formulas, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "formula") {
		t.Fatalf("formulas: %+v", res)
	}
	if storeDump(t, st) != before {
		t.Fatal("hostile workbooks changed the records")
	}
}
