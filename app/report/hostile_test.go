package report_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/badgerstore"

	"dossier/data/storetest"
)

// hostileStore holds strings a spreadsheet must never execute or choke on.
func hostileStore(t *testing.T) data.Store {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	res, _ := st.AddArticles(context.Background(), []*data.Article{{
		Title: `=HYPERLINK("http://x","y")`, Text: "Some text.", Hash: "h", URL: "javascript:alert(1)", Source: "+1"}})
	a := data.Actor{Name: "@SUM(A1)", Kind: data.KindOrganisation}
	if err := st.PutActor(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	e := data.Event{Type: "PROTEST", Article: res[0].ID, Actors: []string{a.ID},
		Coder: "+1", Notes: "-2+3\x01 then " + strings.Repeat("long ", 8000), Date: data.EventDate{Raw: "=1+1"}}
	if err := st.PutEvent(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	return st
}

const inspectHostile = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f":
                print("FORMULA", ws.title, c.coordinate, c.value)
            if c.hyperlink is not None and not str(c.hyperlink.target).startswith("http"):
                print("BADLINK", ws.title, c.coordinate, c.hyperlink.target)
            if isinstance(c.value, str) and ("\x01" in c.value or len(c.value) > 32767):
                print("UNSAFE", ws.title, c.coordinate, len(c.value))
ev = wb["Events"]
head = [c.value for c in ev[1]]
row = {h: ev.cell(2, i + 1).value for i, h in enumerate(head)}
print("NOTES", len(row["Notes"]), row["Notes"][-60:])
print("ACTORS", row["Actors"], "RAW", row["Date as written"])
print("TITLE", wb["Articles"].cell(2, 2).value)
`

func TestHostileStringsStaySafe(t *testing.T) {
	st := hostileStore(t)
	dir := storetest.TempDir(t)
	xlsx := filepath.Join(dir, "r.xlsx")
	res, err := report.ExportWorkbook(context.Background(), st, xlsx, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reported(res.Notices, "cut from 40010") || !reported(res.Notices, "control characters removed") {
		t.Fatalf("the cut and the control character were not reported: %v", res.Notices)
	}
	out := python(t, inspectHostile, xlsx)
	for _, bad := range []string{"FORMULA", "BADLINK", "UNSAFE"} {
		if strings.Contains(out, bad) {
			t.Fatalf("unsafe workbook:\n%s", out)
		}
	}
	for _, want := range []string{"NOTES 3276", "more characters are in Dossier]", "ACTORS @SUM(A1) RAW =1+1", `TITLE =HYPERLINK("http://x","y")`} {
		if !strings.Contains(out, want) {
			t.Fatalf("workbook lacks %q:\n%s", want, out)
		}
	}

	csvPath := filepath.Join(dir, "events.csv")
	res, err = report.ExportCSV(context.Background(), st, csvPath, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(csvPath)
	if !strings.HasPrefix(string(raw), "\ufeff") || strings.ContainsRune(string(raw), '\x01') {
		t.Fatal("CSV lacks its BOM or keeps a control character")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		for i, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("CSV column %s starts with %q: %q", recs[0][i], cell[0], cell[:min(len(cell), 30)])
			}
		}
	}
	if !strings.Contains(string(raw), `'+1`) || !strings.Contains(string(raw), `'@SUM(A1)`) || !strings.Contains(string(raw), `'=HYPERLINK(""http://x"",""y"")`) {
		t.Fatalf("CSV did not neutralise: %.400s", raw)
	}
	if !reported(res.Notices, "cut from") {
		t.Fatalf("CSV cut not reported: %v", res.Notices)
	}
}

func reported(ns []report.Notice, what string) bool {
	for _, n := range ns {
		if strings.Contains(n.What, what) {
			return true
		}
	}
	return false
}
