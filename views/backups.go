package views

import (
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
		go func() {
			err := wb.sess.Backup(path)
			fyne.Do(func() {
				if err != nil {
					showError(wb.win, "The backup was not written", err)
					return
				}
				wb.setBar("Backed up to " + path + ".")
			})
		}()
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

func (wb *workbench) restore(path string) {
	safety := filepath.Join(filepath.Dir(path), "before-restore-"+time.Now().Format("20060102-150405")+".backup")
	if err := wb.sess.Backup(safety); err != nil {
		showError(wb.win, "Nothing was restored: the current records could not be backed up first", err)
		return
	}
	if err := wb.sess.Restore(path); err != nil {
		showError(wb.win, "The backup was not restored", err)
		return
	}
	wb.article = nil
	wb.reloadArticles()
	wb.openNewest()
	wb.setBar("Restored " + filepath.Base(path) + "; the records before it are in " + safety + ".")
}
