package views

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"dossier/app/report"
)

func TestExportFromTheWindow(t *testing.T) {
	f := newFixture(t)
	id, err := f.wb.sess.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	f.wb.reloadArticles()
	f.wb.articles.selectID(id)
	form := &exportForm{wb: f.wb}
	f.wb.exportDialog() // builds without a panic
	form.scope = newScope()
	form.scope.SetSelected(exportArticle)
	filter, err := form.filter()
	if err != nil || filter.Article != id {
		t.Fatalf("filter %+v %v", filter, err)
	}
	path := filepath.Join(t.TempDir(), "article.xlsx")
	f.wb.runExport(path, filter)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			res, err := report.ImportWorkbook(f.st, path, true)
			if err != nil || res.Unchanged != 4 {
				t.Fatalf("exported workbook reads back as %+v %v", res, err)
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("no workbook was written")
}

func TestRestoreFromTheWindow(t *testing.T) {
	f := newFixture(t)
	f.wb.sess.LoadSample()
	path := filepath.Join(t.TempDir(), "one.backup")
	if err := f.wb.sess.Backup(path); err != nil {
		t.Fatal(err)
	}
	f.wb.reloadArticles()
	f.wb.openNewest()
	f.wb.deleteEvent()
	if n, _ := f.st.Counts(); n.Events != 3 {
		t.Fatalf("%d events after delete", n.Events)
	}
	f.wb.restore(path)
	if n, _ := f.st.Counts(); n.Events != 4 || f.wb.article == nil {
		t.Fatalf("after restore: %+v, article open: %v", n, f.wb.article != nil)
	}
	safety, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "before-restore-*.backup"))
	if len(safety) != 1 {
		t.Fatal("no safety backup before the restore")
	}
}
