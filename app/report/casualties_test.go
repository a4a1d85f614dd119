package report_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/storetest"
)

const readCasualties = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Events"]
rows = list(ws.iter_rows(values_only=True))
col = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]:
    print("event", r[col["ID"]], r[col["Fatalities"]], r[col["Injured"]], r[col["Arrested"]],
          r[col["Time precision (ACLED)"]], r[col["Geo precision (ACLED)"]], r[col["Sources"]])
s = wb["Summary"]
for row in s.iter_rows(values_only=True):
    cells = [c for c in row if c is not None]
    if cells:
        print("summary", "|".join(str(c) for c in cells))
`

// Casualties reach the workbook as numbers an analyst can sum (empty when
// not reported, 0 when none), and the Summary sums fatalities by month and
// by the country of the place.
func TestCasualtiesInTheWorkbook(t *testing.T) {
	st, artID := codedSample(t)
	evs, _ := st.Events(data.EventQuery{Article: artID})
	twelve, three, none := 12, 3, 0
	e1, e2 := evs[0], evs[1]
	e1.Size = data.Size{Fatalities: &twelve, Injured: &three}
	e2.Size = data.Size{Fatalities: &three, Arrested: &none}
	for _, e := range []*data.Event{&e1, &e2} {
		if err := st.PutEvent(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	dir := storetest.TempDir(t)
	path := filepath.Join(dir, "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	out := python(t, readCasualties, path)
	for _, want := range []string{"event " + e1.ID + " 12 3 None 1 1 1", "event " + e2.ID + " 3 None 0 ", "event " + evs[2].ID + " None None None "} {
		if !strings.Contains(out, want) {
			t.Errorf("no line %q in\n%s", want, out)
		}
	}
	month := e1.Date.Start[:7]
	if e2.Date.Start[:7] != month {
		t.Fatalf("the sample's events are in two months: %s %s", e1.Date.Start, e2.Date.Start)
	}
	country := "(no place given)"
	if e1.Location != nil && e1.Location.Country != "" {
		country = "(" + e1.Location.Country + ")"
	}
	if !strings.Contains(out, "|Fatalities\n") || !regexp.MustCompile(`\|`+month+`(\|\d+){5}\|15\n`).MatchString(out) {
		t.Errorf("the Summary has no fatalities by month:\n%s", out)
	}
	if !strings.Contains(out, "summary Fatalities by country\n") || !strings.Contains(out, country+"|15\n") {
		t.Errorf("the Summary has no fatalities by country (%s):\n%s", country, out)
	}

	res, err := report.ExportWorkbook(context.Background(), st, filepath.Join(dir, "deadly.xlsx"), report.Options{Filter: report.Filter{MinFatalities: 10}})
	if err != nil || res.Events != 1 || !strings.Contains(report.Filter{MinFatalities: 10}.Describe(nil), "at least 10 killed") {
		t.Fatalf("killed at least 10 exported %d events (%v)", res.Events, err)
	}

	csvPath := filepath.Join(dir, "events.csv")
	if _, err := report.ExportCSV(context.Background(), st, csvPath, report.Options{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(csvPath)
	if !strings.Contains(string(b), ",Fatalities,Injured,Arrested,") || !strings.Contains(string(b), ",12,3,,") {
		t.Errorf("the CSV lacks the counts:\n%.600s", b)
	}
	jsonPath := filepath.Join(dir, "events.jsonl")
	if _, err := report.ExportJSONL(context.Background(), st, jsonPath, report.Options{}); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(jsonPath)
	if !strings.Contains(string(b), `"time_precision":1,"geo_precision":1,"sources":1,"fatalities":12,"injured":3,`) || !strings.Contains(string(b), `"fatalities":3,"arrested":0,`) {
		t.Errorf("the JSON lines lack the counts:\n%.900s", b)
	}
}
