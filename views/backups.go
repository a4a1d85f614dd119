package views

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// backupDialog writes a backup where the analyst chooses.
func (wb *workbench) backupDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		runLong(longWork{ui: wb.ui, win: wb.win, title: "Backing up"}, func(context.Context, progress) (struct{}, error) {
			return struct{}{}, wb.sess.Backup(path)
		}, func(_ struct{}, err error) {
			if err != nil {
				showError(wb.win, "The backup was not written", err)
				return
			}
			wb.setBar("Backed up to " + path + ".")
		})
	}, wb.win)
	d.SetFileName("dossier-" + time.Now().Format("2006-01-02") + ".backup")
	d.Show()
}

// restoreDialog replaces the database's records with a backup's, after
// the analyst confirms.
func (wb *workbench) restoreDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		msg := fmt.Sprintf("Replace every article, event and actor in this database with those of %s?\nThis cannot be undone; a backup of the current records is written first.", filepath.Base(path))
		dialog.ShowConfirm("Restore a backup", msg, func(ok bool) {
			if ok {
				wb.restore(path)
			}
		}, wb.win)
	}, wb.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".backup"}))
	d.Show()
}

// restore backs the current records up beside the backup, then restores
// it, off the UI goroutine; the window reads everything again through the
// change feed's reset.
func (wb *workbench) restore(path string) {
	safety := filepath.Join(filepath.Dir(path), "before-restore-"+time.Now().Format("20060102-150405")+".backup")
	runLong(longWork{ui: wb.ui, win: wb.win, title: "Restoring " + filepath.Base(path)}, func(_ context.Context, p progress) (string, error) {
		p(0, 2, "Backing up the current records…")
		if err := wb.sess.Backup(safety); err != nil {
			return "Nothing was restored: the current records could not be backed up first", err
		}
		p(1, 2, "Restoring…")
		return "The backup was not restored", wb.sess.Restore(path)
	}, func(what string, err error) {
		if err != nil {
			showError(wb.win, what, err)
			return
		}
		wb.setBar("Restored " + filepath.Base(path) + "; the records before it are in " + safety + ".")
	})
}
