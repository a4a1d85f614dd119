package report_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"

	"dossier/data/storetest"
)

// editWorkbook changes E1's confidence, fatalities and credibility (typed
// as the number 2), corrupts E3's date and adds a row,
// with openpyxl (an independent writer).
const editWorkbook = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Events"]
head = [c.value for c in ws[1]]
col = {h: i + 1 for i, h in enumerate(head)}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, col["ID"]).value == sys.argv[2]:
        ws.cell(r, col["Confidence"]).value = "low"
        ws.cell(r, col["Fatalities"]).value = 12
        ws.cell(r, col["Credibility"]).value = 2
    if ws.cell(r, col["ID"]).value == sys.argv[3]:
        ws.cell(r, col["Date"]).value = "not a date"
        bad = r
new = ws.max_row + 1
ws.cell(new, col["Type"]).value = "AGREE"
ws.cell(new, col["Date"]).value = "2025-03-01"
ws.cell(new, col["Actors"]).value = "Russia; China"
ws.cell(new, col["Article"]).value = sys.argv[4]
ws.cell(new, col["Notes"]).value = "added in Excel"
wb.save(sys.argv[1])
print(bad)
`

func TestRoundTripThroughOpenpyxl(t *testing.T) {
	st, artID := codedSample(t)
	evs, _ := st.Events(data.EventQuery{Article: artID})
	e1, e3 := evs[0], evs[2]
	art, _ := st.Article(artID)
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	badRow := strings.TrimSpace(python(t, editWorkbook, path, e1.ID, e3.ID, art.Title))
	before := storeDump(t, st)

	dry, err := report.ImportWorkbook(context.Background(), st, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if storeDump(t, st) != before || len(dry.Changes) != 2 {
		t.Fatalf("dry run changed the store or planned %+v", dry)
	}
	res, err := report.ImportWorkbook(context.Background(), st, path, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || res.Problems[0].Column != "C (Date)" || badRow != strconv.Itoa(res.Problems[0].Row) {
		t.Fatalf("problems %+v, want row %s column C (Date)", res.Problems, badRow)
	}
	if got, _ := st.Event(e1.ID); got.Confidence != "low" || got.Size.Label() != "12 killed" || got.Credibility != "2" || got.Version != e1.Version+1 {
		t.Fatalf("E1 after import: %+v", got)
	}
	if got, _ := st.Event(e3.ID); got.Version != e3.Version || got.Date != e3.Date {
		t.Fatalf("the refused row changed E3: %+v", got)
	}
	all, _ := st.Events(data.EventQuery{})
	var added *data.Event
	for i := range all {
		if all[i].Notes == "added in Excel" {
			added = &all[i]
		}
	}
	if len(all) != 5 || added == nil || added.Type != "AGREE" || added.Date.Start != "2025-03-01" || len(added.Actors) != 2 || added.Article != artID {
		t.Fatalf("new event: %+v (of %d)", added, len(all))
	}
	if res.Unchanged != 2 {
		t.Fatalf("unchanged %d, want E2 and E4", res.Unchanged)
	}
}

func TestConflictIsNotOverwritten(t *testing.T) {
	st, artID := codedSample(t)
	evs, _ := st.Events(data.EventQuery{Article: artID})
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	report.ExportWorkbook(context.Background(), st, path, report.Options{})
	e2 := evs[1]
	e2.Notes = "changed in Dossier after the export"
	st.PutEvent(context.Background(), &e2)
	python(t, `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Events"]
head = [c.value for c in ws[1]]; col = {h: i + 1 for i, h in enumerate(head)}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, col["ID"]).value == sys.argv[2]:
        ws.cell(r, col["Notes"]).value = "changed in Excel"
wb.save(sys.argv[1])`, path, e2.ID)
	res, err := report.ImportWorkbook(context.Background(), st, path, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) != 1 || len(res.Changes) != 0 {
		t.Fatalf("result %+v", res)
	}
	if got, _ := st.Event(e2.ID); got.Notes != "changed in Dossier after the export" {
		t.Fatalf("conflict overwritten: %q", got.Notes)
	}
}

func storeDump(t *testing.T, st data.Store) string {
	evs, _ := st.Events(data.EventQuery{})
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.ID + strconv.Itoa(e.Version) + e.Confidence + e.Date.Start + ";")
	}
	return b.String()
}

// A workbook brought back as it was exported changes nothing, even where
// the export had to change a text to fit (spaces at either end of a note,
// a control character, a note longer than a cell): saved again by
// openpyxl, every event is unchanged and none gets a new version.
func TestUntouchedWorkbookChangesNothing(t *testing.T) {
	st, artID := codedSample(t)
	evs, _ := st.Events(data.EventQuery{Article: artID})
	for i, notes := range []string{"checked against the wire copy  ", "  indented", "a\x07bell", strings.Repeat("long note ", 4000)} {
		e := evs[i]
		e.Notes = notes
		if err := st.PutEvent(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	python(t, "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[1])", path)
	before := storeDump(t, st)
	res, err := report.ImportWorkbook(context.Background(), st, path, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changes) != 0 || res.Unchanged != len(evs) || storeDump(t, st) != before {
		t.Fatalf("an untouched workbook: %s, %+v", res.Line(), res.Problems)
	}
}

// The dry run says what the real run does, on a workbook that changes
// 3,000 events (more than one step of the store holds) and brings one
// event back on two rows (the second is refused in both).
func TestDryRunAgreesOnALargeWorkbook(t *testing.T) {
	st, path := exportedWithMore(t, 3)
	python(t, `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Events"]
head = [c.value for c in ws[1]]; col = {h: i + 1 for i, h in enumerate(head)}
for r in range(2, ws.max_row + 1):
    ws.cell(r, col["Notes"]).value = "checked in Excel, row %d" % r
new = ws.max_row + 1
for h, c in col.items():
    ws.cell(new, c).value = ws.cell(2, c).value
wb.save(sys.argv[1])`, path)
	dry, err := report.ImportWorkbook(context.Background(), st, path, true)
	if err != nil {
		t.Fatal(err)
	}
	res, err := report.ImportWorkbook(context.Background(), st, path, false)
	if err != nil {
		t.Fatalf("the real run: %v (the dry run said %s)", err, dry.Line())
	}
	if len(res.Changes) != 3004 || len(dry.Changes) != len(res.Changes) || dry.Refused != 1 || res.Refused != 1 ||
		!strings.Contains(res.Problems[0].Message, "row 2 already brings this event back") {
		t.Fatalf("dry run %s, real run %s: %+v", dry.Line(), res.Line(), res.Problems)
	}
	all, _ := st.Events(data.EventQuery{})
	for _, e := range all {
		if !strings.HasPrefix(e.Notes, "checked in Excel") {
			t.Fatalf("%s was not updated: %q", e.ID, e.Notes)
		}
	}
}

// Rows too long for the store to take a thousand in one step (notes of a
// few pages each) are committed in smaller steps, every one of them.
func TestLongRowsAreCommittedInSmallerSteps(t *testing.T) {
	st, path := exportedWithMore(t, 1)
	python(t, `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Events"]
col = {c.value: c.column for c in ws[1]}
for r in range(2, ws.max_row + 1):
    ws.cell(r, col["Notes"]).value = "long notes " + "word " * 1000
wb.save(sys.argv[1])`, path)
	res, err := report.ImportWorkbook(context.Background(), st, path, false)
	if err != nil || len(res.Changes) != 1004 {
		t.Fatalf("bringing back long rows: %v (%s)", err, res.Line())
	}
	all, _ := st.Events(data.EventQuery{})
	for _, e := range all {
		if !strings.HasPrefix(e.Notes, "long notes") {
			t.Fatalf("%s was not updated: %q", e.ID, e.Notes[:min(len(e.Notes), 20)])
		}
	}
}

// exportedWithMore is the coded sample with thousands more events (a
// thousand a commit), exported to a workbook at path.
func exportedWithMore(t *testing.T, thousands int) (st data.Store, path string) {
	t.Helper()
	st, artID := codedSample(t)
	for range thousands {
		var b data.Batch
		for i := range 1000 {
			b.Events = append(b.Events, &data.Event{Type: "CONSULT", Article: artID, Notes: strconv.Itoa(i)})
		}
		if err := st.Commit(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
	}
	path = filepath.Join(storetest.TempDir(t), "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return st, path
}
