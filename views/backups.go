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

// backups are File ▸ Back up and File ▸ Restore a backup: a copy of every
// record written where the analyst chooses, and a database replaced by a
// backup's records after a safety backup of its own.
type backups struct {
	keeper backupKeeper
	windowLinks
}

// backupKeeper is the part of the session that writes and reads backups.
type backupKeeper interface {
	Backup(path string) error
	Restore(path string) error
}

// backupDialog writes a backup where the analyst chooses.
func (b *backups) backupDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		runLong(b.long("Backing up"), func(context.Context, progress) (struct{}, error) {
			return struct{}{}, b.keeper.Backup(path)
		}, func(_ struct{}, err error) {
			if err != nil {
				showError(b.win, "The backup was not written", err)
				return
			}
			b.tell("Backed up to " + path + ".")
		})
	}, b.win)
	d.SetFileName("dossier-" + time.Now().Format("2006-01-02") + ".backup")
	d.Show()
}

// restoreDialog replaces the database's records with a backup's, after
// the analyst confirms.
func (b *backups) restoreDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		msg := fmt.Sprintf("Replace every article, event and actor in this database with those of %s?\nThis cannot be undone; a backup of the current records is written first.", filepath.Base(path))
		dialog.ShowConfirm("Restore a backup", msg, func(ok bool) {
			if ok {
				b.restore(path)
			}
		}, b.win)
	}, b.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".backup"}))
	d.Show()
}

// restore backs the current records up beside the backup, then restores
// it, off the UI goroutine; the window reads everything again through the
// change feed's reset.
func (b *backups) restore(path string) {
	safety := filepath.Join(filepath.Dir(path), "before-restore-"+time.Now().Format("20060102-150405")+".backup")
	runLong(b.long("Restoring "+filepath.Base(path)), func(_ context.Context, p progress) (string, error) {
		p(0, 2, "Backing up the current records…")
		if err := b.keeper.Backup(safety); err != nil {
			return "Nothing was restored: the current records could not be backed up first", err
		}
		p(1, 2, "Restoring…")
		return "The backup was not restored", b.keeper.Restore(path)
	}, func(what string, err error) {
		if err != nil {
			showError(b.win, what, err)
			return
		}
		b.tell("Restored " + filepath.Base(path) + "; the records before it are in " + safety + ".")
	})
}
