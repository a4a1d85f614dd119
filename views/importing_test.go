package views

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app/ingest"
)

// The importer is driven through its port: a fake import that reports
// progress, one new article and a bad file whose name holds a newline.
func TestImporterOpensTheFirstNewArticleAndNamesEachBadFile(t *testing.T) {
	ui := newTestBridge()
	from := &fakeImport{sum: ingest.Summary{Imported: 1, Failed: 1, IDs: []string{"ar-new"},
		Failures: []ingest.Problem{{File: "/in/bad\nok.txt: imported", Reason: "no article text found in the file"}}}}
	var opened []string
	var said []string
	im := &importer{from: from, opened: func(id string) { opened = append(opened, id) },
		windowLinks: windowLinks{ui: ui, win: test.NewTempWindow(t, nil), tell: func(s string) { said = append(said, s) }}}
	im.importPaths([]string{"/in/a.txt", "/in/bad\nok.txt: imported"})
	ui.settle()

	if strings.Join(from.paths, "|") != "/in/a.txt|/in/bad\nok.txt: imported" {
		t.Errorf("imported %q", from.paths)
	}
	if len(opened) != 1 || opened[0] != "ar-new" {
		t.Errorf("opened %q", opened)
	}
	if len(said) != 2 || said[0] != `Importing a.txt, "bad\nok.txt: imported"…` || said[1] != "Imported 1, duplicates 0, skipped 0, failed 1." {
		t.Errorf("the status bar said %q", said)
	}
	report := importReport(from.sum)
	if !strings.Contains(report, `"bad\nok.txt: imported": no article text found`) || strings.Count(report, "\n") != 3 {
		t.Errorf("the report says:\n%s", report)
	}

	from.err, from.sum = errors.New("the disk is full"), ingest.Summary{}
	im.importPaths([]string{"/in/c.txt"})
	ui.settle()
	if len(opened) != 2 || opened[1] != "" {
		t.Errorf("after a failed import, opened %q", opened)
	}
}

type fakeImport struct {
	paths []string
	sum   ingest.Summary
	err   error
}

func (f *fakeImport) Import(_ context.Context, paths []string, progress func(ingest.Progress)) (ingest.Summary, error) {
	f.paths = paths
	for i, p := range paths {
		progress(ingest.Progress{Done: i + 1, Total: len(paths), File: p})
	}
	return f.sum, f.err
}
