package views

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app/report"
)

// The analyst types 12 killed into the first event of the worked example:
// it is saved, shown in the events table (where "killed at least 10"
// keeps only it), and is a number in the exported workbook, read with
// openpyxl. A count that is not one is refused with a sentence.
func TestCasualtiesFromTheFormToTheWorkbook(t *testing.T) {
	f := newFixture(t)
	f.openSample(t)
	ed := f.wb.code.editor
	e1 := ed.current().ID
	test.Type(ed.counts["fatalities"], "12")
	f.settle()
	if got, _ := f.st.Event(e1); got.Size.Fatalities == nil || *got.Size.Fatalities != 12 {
		t.Fatalf("after typing 12 killed the event holds %+v", got.Size)
	}
	test.Type(ed.counts["injured"], "a few")
	f.settle()
	if got, _ := f.st.Event(e1); got.Size.Injured != nil || !strings.HasPrefix(ed.saved.Text, `Not saved: "a few" is not a number of people`) {
		t.Fatalf("a count in words: stored %+v, the form says %q", got.Size, ed.saved.Text)
	}

	f.wb.tabs.Select(f.wb.tab.events)
	f.settle()
	tab := f.wb.allEvents
	killed := -1
	for i, c := range tab.table.cols {
		if c.title == "Killed" {
			killed = i
		}
	}
	if killed < 0 {
		t.Fatal("the events table has no Killed column")
	}
	tab.sortBy(killed)
	if tab.rows.ID(0) != e1 || tab.table.cols[killed].cell(0) != "12" || tab.table.cols[killed].cell(1) != "" {
		t.Fatalf("sorted by Killed, the first rows are %q %q (%s)", tab.table.cols[killed].cell(0), tab.table.cols[killed].cell(1), tab.rows.ID(0))
	}
	tab.minKilled.SetText("10")
	tab.applied()
	f.settle()
	if tab.rows.Len() != 1 || tab.rows.ID(0) != e1 {
		t.Fatalf("killed at least 10 keeps %d events", tab.rows.Len())
	}

	if got := exportedCells(t, f, e1, "Fatalities", "Injured"); got != "12 None" {
		t.Fatalf("E1's row in the workbook: %s", got)
	}
}

// exportedCells exports the workbook from the window and reads one event's
// cells in the named columns with openpyxl (an independent reader), as
// repr()s joined by spaces; it skips when openpyxl is not installed.
func exportedCells(t *testing.T, f *benchFixture, eventID string, columns ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.xlsx")
	f.wb.exporter.runExport(path, report.Options{})
	f.settle()
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() != nil {
		t.Skip("skipped the workbook check: python3-openpyxl is not installed")
	}
	out, err := exec.Command("/usr/bin/python3", append([]string{"-c", `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Events"]
rows = list(ws.iter_rows(values_only=True))
col = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]:
    if r[col["ID"]] == sys.argv[2]:
        print(" ".join(repr(r[col[h]]) for h in sys.argv[3:]))
`, path, eventID}, columns...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}
