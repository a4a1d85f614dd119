package views

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Restoring writes a safety backup of the current records beside the
// backup first, and restores nothing when that backup fails.
func TestRestoreBacksTheCurrentRecordsUpFirst(t *testing.T) {
	ui := newTestBridge()
	keeper := &fakeKeeper{}
	var said []string
	b := &backups{keeper: keeper, windowLinks: windowLinks{ui: ui, win: test.NewTempWindow(t, nil), tell: func(s string) { said = append(said, s) }}}
	b.restore("/backups/monday.backup")
	ui.settle()
	if len(keeper.did) != 2 || !strings.HasPrefix(keeper.did[0], "backup "+filepath.Join("/backups", "before-restore-")) || keeper.did[1] != "restore /backups/monday.backup" {
		t.Fatalf("the keeper was asked to %q", keeper.did)
	}
	if len(said) != 1 || !strings.HasPrefix(said[0], "Restored monday.backup; the records before it are in "+filepath.Join("/backups", "before-restore-")) {
		t.Errorf("the status bar said %q", said)
	}

	keeper.did, keeper.failBackup = nil, true
	b.restore("/backups/monday.backup")
	ui.settle()
	if len(keeper.did) != 1 {
		t.Errorf("with no safety backup, the keeper was asked to %q", keeper.did)
	}
}

type fakeKeeper struct {
	did        []string
	failBackup bool
}

func (k *fakeKeeper) Backup(path string) error {
	k.did = append(k.did, "backup "+path)
	if k.failBackup {
		return errors.New("the disk is full")
	}
	return nil
}

func (k *fakeKeeper) Restore(path string) error {
	k.did = append(k.did, "restore "+path)
	return nil
}
