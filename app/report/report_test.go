package report_test

import (
	"archive/zip"
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/report"
	"dossier/data"
	"dossier/data/badgerstore"

	"dossier/data/storetest"
)

// codedSample is a store holding the sample article (written for Dossier,
// with the worked example's facts), its six actors and four events, coded
// through the app layer.
func codedSample(t *testing.T) (data.Store, string) {
	t.Helper()
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	id, err := app.NewSession(st, "test").LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	return st, id
}

// python runs a script with Debian's python3 and openpyxl, or skips.
func python(t *testing.T, script string, args ...string) string {
	t.Helper()
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() != nil {
		t.Skip("skipped: python3-openpyxl is not installed (apt-get install python3-openpyxl)")
	}
	out, err := exec.Command("/usr/bin/python3", append([]string{"-c", script}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	return string(out)
}

const readEvents = `
import sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Events"]
rows = list(ws.iter_rows(values_only=True))
head = rows[0]
col = {h: i for i, h in enumerate(head)}
for r in rows[1:]:
    d = r[col["Date"]]
    print("|".join([type(d).__name__, d.strftime("%Y-%m-%d") if d else "", r[col["Type"]], r[col["Actors"]] or "", r[col["Recipients"]] or "",
          r[col["Place"]] or "", "%.4f,%.4f" % (r[col["Latitude"]] or 0, r[col["Longitude"]] or 0)]))
print("freeze", ws.freeze_panes, "tables", ",".join(ws.tables.keys()))
print("sheets", ",".join(wb.sheetnames))
print("charts", len(wb["Summary"]._charts))
for r in list(wb["Network"].iter_rows(values_only=True))[1:]:
    print("network " + "|".join(str(v) for v in r[:9]))
`

func TestWorkbookReadByOpenpyxl(t *testing.T) {
	st, _ := codedSample(t)
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	res, err := report.ExportWorkbook(context.Background(), st, path, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Events != 4 || res.Actors != 6 || res.Articles != 1 {
		t.Fatalf("result %+v", res)
	}
	out := python(t, readEvents, path)
	for _, want := range []string{
		"datetime|2025-02-28|CONSULT|Sergei Shoigu|Wang Yi|Beijing|39.9075,116.3972",
		"datetime|2023-12-01|CONSULT|Sergei Shoigu|Islamic Emirate of Afghanistan|Kabul|",
		"freeze A2 tables EventsTable",
		"sheets Summary,Events,Actors,Articles,Evidence,Network,Code lists",
		"network Sergei Shoigu|RUS|Wang Yi|CHN|1|1|0|0|0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("openpyxl output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "\ndatetime|")+strings.Count(out[:9], "datetime|") != 4 {
		t.Errorf("want four event rows with real dates:\n%s", out)
	}
	assertChart(t, path)
}

// assertChart checks the Summary's chart is in the file itself, drawn from
// the month table (openpyxl does not read charts back).
func assertChart(t *testing.T, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/charts/chart1.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(b), "!$E$10:$E$") || !strings.Contains(string(b), "barChart") {
				t.Fatalf("the chart does not plot the month table: %s", b)
			}
			return
		}
	}
	t.Fatal("no chart in the workbook")
}
