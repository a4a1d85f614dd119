package report_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/storetest"
)

const readGrades = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Events"].iter_rows(values_only=True))
col = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]:
    print("event", r[col["ID"]], r[col["Reliability"]], r[col["Credibility"]], r[col["Grade"]])
rows = list(wb["Articles"].iter_rows(values_only=True))
col = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]:
    print("article", r[col["Source"]], r[col["Reliability"]])
for row in wb["Summary"].iter_rows(values_only=True):
    cells = [str(c) for c in row if c is not None]
    if cells:
        print("summary", "|".join(cells))
`

// The worked example's article is graded B (usually reliable) and its
// first event 2 (probably true): the Events sheet carries the reliability,
// the credibility and "B2"; the Articles sheet the reliability; the
// Summary counts events by grade; --min-grade keeps the events graded well
// enough; CSV and JSON lines carry both halves.
func TestGradesInEveryExport(t *testing.T) {
	st, artID := codedSample(t)
	art, _ := st.Article(artID)
	head := art.Header()
	head.Reliability = "B"
	if err := st.UpdateArticle(context.Background(), &head); err != nil {
		t.Fatal(err)
	}
	evs, _ := st.Events(data.EventQuery{Article: artID})
	e1 := evs[0]
	e1.Credibility = "2"
	if err := st.PutEvent(context.Background(), &e1); err != nil {
		t.Fatal(err)
	}
	dir := storetest.TempDir(t)
	path := filepath.Join(dir, "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	out := python(t, readGrades, path)
	for _, want := range []string{
		"event " + e1.ID + " B 2 B2\n", "event " + evs[1].ID + " B  B?\n",
		"article " + art.Source + " B\n",
		"summary Events by grade\n", "summary B2 (usually reliable, probably true)|1\n", "summary B? (usually reliable)|" + strconv.Itoa(len(evs)-1) + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no line %q in\n%s", want, out)
		}
	}

	for grade, want := range map[string]int{"B2": 1, "A": 0, "B": len(evs), "3": 1, "C3": 1} {
		g, err := data.ParseGrade(grade)
		if err != nil {
			t.Fatal(err)
		}
		res, err := report.ExportWorkbook(context.Background(), st, filepath.Join(dir, "graded.xlsx"), report.Options{Filter: report.Filter{MinGrade: g}})
		if err != nil || res.Events != want {
			t.Errorf("graded %s or better: %d events, want %d (%v)", grade, res.Events, want, err)
		}
	}

	csvPath := filepath.Join(dir, "events.csv")
	if _, err := report.ExportCSV(context.Background(), st, csvPath, report.Options{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(csvPath)
	if !strings.Contains(string(b), ",Reliability,Credibility,Grade,") || !strings.Contains(string(b), ",B,2,B2,") {
		t.Errorf("the CSV lacks the grades:\n%.600s", b)
	}
	jsonPath := filepath.Join(dir, "events.jsonl")
	if _, err := report.ExportJSONL(context.Background(), st, jsonPath, report.Options{}); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(jsonPath)
	if !strings.Contains(string(b), `"source_reliability":"B","information_credibility":"2","grade":"B2"`) {
		t.Errorf("the JSON lines lack the grades:\n%.900s", b)
	}
}
