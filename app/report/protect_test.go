package report_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/report"

	"dossier/data/storetest"
)

// decrypt opens a protected workbook with msoffcrypto-tool (an independent
// implementation of ECMA-376 encryption) and reads it with openpyxl.
const decrypt = `
import sys, io, msoffcrypto, openpyxl
f = msoffcrypto.OfficeFile(open(sys.argv[1], "rb"))
f.load_key(password=sys.argv[2])
out = io.BytesIO()
try:
    f.decrypt(out)
except Exception as e:
    print("refused:", type(e).__name__); sys.exit(0)
ws = openpyxl.load_workbook(out)["Events"]
rows = list(ws.iter_rows(values_only=True))
print(len(rows) - 1, "events;", rows[1][rows[0].index("Actors")])
`

// A workbook exported with a password is opened by an independent reader
// with the password, and by no one without it; its bytes hold no name.
func TestPasswordProtectedWorkbook(t *testing.T) {
	if exec.Command("/usr/bin/python3", "-c", "import msoffcrypto, openpyxl").Run() != nil {
		t.Skip("skipped: python3-msoffcrypto-tool and python3-openpyxl are not installed (apt-get install python3-msoffcrypto-tool python3-openpyxl)")
	}
	st, _ := codedSample(t)
	path := filepath.Join(storetest.TempDir(t), "protected.xlsx")
	if _, err := report.Export(context.Background(), st, path, report.Options{Password: "kestrel 42"}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	for _, name := range []string{"Shoigu", "Beijing", "Events"} {
		if strings.Contains(string(raw), name) {
			t.Fatalf("the protected file holds %q in the clear", name)
		}
	}
	if got := python(t, decrypt, path, "kestrel 42"); got != "4 events; Sergei Shoigu\n" {
		t.Fatalf("with the password: %q", got)
	}
	if got := python(t, decrypt, path, "wrong"); !strings.HasPrefix(got, "refused:") {
		t.Fatalf("with a wrong password: %q", got)
	}
	if out, err := exec.Command("/usr/bin/python3", "-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])", path).CombinedOutput(); err == nil {
		t.Fatalf("openpyxl read the protected file without the password: %s", out)
	}
	_, err := report.Export(context.Background(), st, filepath.Join(storetest.TempDir(t), "events.csv"), report.Options{Password: "x"})
	if err == nil || !strings.Contains(err.Error(), "CSV files cannot be protected") {
		t.Fatalf("a protected CSV: %v", err)
	}
}
