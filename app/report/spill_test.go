package report_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/storetest"
)

const readParts = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", "|".join(wb.sheetnames))
for name in wb.sheetnames:
    if name.startswith("Events"):
        rows = list(wb[name].iter_rows(values_only=True))
        print(name, rows[0][0], len(rows) - 1, "tables", ",".join(wb[name].tables.keys()))
print("summary", wb["Summary"]["B4"].value, wb["Summary"]["C4"].value)
`

// Past a sheet's rows, the events go on in "Events (2)", "Events (3)"…,
// each with its header and table (openpyxl reads them), the Summary says
// so, and bringing the workbook back reads every part: an edit on the
// third part updates its event. (Sheets are made to hold 6 rows here; a
// million-row export is `make bench-scale`'s.)
func TestEventsGoOnPastAFullSheet(t *testing.T) {
	st, artID := codedSample(t)
	for i := range 8 {
		e := &data.Event{Type: "PROTEST", Article: artID, Date: data.EventDate{Start: fmt.Sprintf("2025-04-%02d", i+1)}}
		if err := st.PutEvent(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := st.Events(data.EventQuery{})
	defer report.SetMaxRows(6)()
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	res, err := report.ExportWorkbook(context.Background(), st, path, report.Options{})
	if err != nil || res.Events != len(all) {
		t.Fatalf("export: %+v %v", res, err)
	}
	out := python(t, readParts, path)
	parts := (len(all) + 4) / 5
	for i := 1; i <= parts; i++ {
		name := "Events"
		if i > 1 {
			name = fmt.Sprintf("Events (%d)", i)
		}
		n := min(5, len(all)-5*(i-1))
		if !strings.Contains(out, fmt.Sprintf("%s ID %d tables", name, n)) {
			t.Errorf("no %s with its header and %d rows:\n%s", name, n, out)
		}
	}
	if !strings.Contains(out, fmt.Sprintf("summary %d more than a sheet holds: on %d sheets, Events, Events (2)", len(all), parts)) {
		t.Errorf("the Summary does not say the events fill %d sheets:\n%s", parts, out)
	}

	// an edit on the last part comes back
	last := fmt.Sprintf("Events (%d)", parts)
	edited := filepath.Join(storetest.TempDir(t), "edited.xlsx")
	python(t, `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[3]]
head = [c.value for c in ws[1]]
ws.cell(row=2, column=head.index("Notes") + 1, value="seen on the last sheet")
wb.save(sys.argv[2])
`, path, edited, last)
	back, err := report.ImportWorkbook(context.Background(), st, edited, false)
	if err != nil || len(back.Changes) != 1 || back.Changes[0].Sheet != last || back.Changes[0].Row != 2 || len(back.Problems) != 0 {
		t.Fatalf("bringing it back: %+v %v", back, err)
	}
	if e, _ := st.Event(back.Changes[0].EventID); e.Notes != "seen on the last sheet" {
		t.Fatalf("the edited event's notes are %q", e.Notes)
	}
}
