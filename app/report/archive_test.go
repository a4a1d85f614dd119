package report_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data/storetest"
)

// readHeaders lists each part of a zip with its size and the version its
// local header asks for, read by Python's zipfile from the central directory.
const readHeaders = `
import sys, zipfile, struct, openpyxl
openpyxl.load_workbook(sys.argv[1], read_only=True)
f = open(sys.argv[1], "rb")
for info in zipfile.ZipFile(sys.argv[1]).infolist():
    f.seek(info.header_offset)
    head = f.read(30)
    assert head[:4] == b"PK\x03\x04", info.filename
    print(info.filename, info.file_size, struct.unpack("<H", head[4:6])[0])
`

// A workbook is written into its file as it is made, and a part past the
// ZIP64 size (4 GiB, made 20 kB here) is marked so in its local header,
// as Excel requires; the other parts are not, and openpyxl opens it.
func TestLargePartsAreMarkedInTheirHeaders(t *testing.T) {
	st, _ := codedSample(t)
	const large = 20000
	defer report.SetLargePart(large)()
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	marked, plain := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(python(t, readHeaders, path)), "\n") {
		var name string
		var size, version int64
		if _, err := fmt.Sscan(line, &name, &size, &version); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		want := int64(20)
		if size > large {
			want, marked = 45, marked+1
		} else {
			plain++
		}
		if version != want {
			t.Errorf("%s (%d bytes): its local header asks for version %d, want %d", name, size, version, want)
		}
	}
	if marked == 0 || plain == 0 {
		t.Fatalf("%d parts over %d bytes and %d under: the test sees no difference", marked, large, plain)
	}
}

const readViews = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("active", wb.active.title)
for ws in wb.worksheets:
    print("sheet", ws.title.replace(" ", "_"), ws.sheet_view.tabSelected, ws.freeze_panes)
`

// The workbook opens on its Events sheet, the only tab selected, and each
// sheet streamed keeps its header row frozen.
func TestWorkbookOpensOnItsEvents(t *testing.T) {
	st, _ := codedSample(t)
	path := filepath.Join(storetest.TempDir(t), "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	out := python(t, readViews, path)
	if !strings.Contains(out, "active Events\n") {
		t.Errorf("the workbook does not open on its Events sheet:\n%s", out)
	}
	for _, want := range []string{"sheet Events True A2", "sheet Summary None None", "sheet Actors None A2", "sheet Network None A2"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
