package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"dossier/app/safefile"
	"dossier/data"
)

// BackupTo writes a backup of st to path (owner-only), whole or not at all.
func BackupTo(st data.Keeper, path string) error {
	return safefile.Write(path, true, st.Backup)
}

// RestoreFrom loads the backup at path into st (see data.Keeper.Restore),
// after reading it whole once, so that a damaged backup never replaces
// good records.
func RestoreFrom(ctx context.Context, st data.Keeper, path string, replace bool) error {
	for _, step := range []func(io.Reader) error{st.VerifyBackup, func(r io.Reader) error { return st.Restore(ctx, r, replace) }} {
		f, err := os.Open(path)
		if err != nil {
			return data.Errorf(data.EInvalid, "Cannot read the backup %s: %v", path, err)
		}
		err = step(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// BackupFolder is where automatic backups of the database at dbPath go:
// a folder beside it.
func BackupFolder(dbPath string) string { return filepath.Clean(dbPath) + "-backups" }

// AutoBackup writes a dated backup into BackupFolder(dbPath) and keeps the
// newest keep of them. It returns the new backup's path.
func AutoBackup(st data.Keeper, dbPath string, keep int) (string, error) {
	if keep <= 0 {
		return "", nil
	}
	dir := BackupFolder(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "dossier-"+time.Now().UTC().Format("20060102-150405.000")+".backup")
	if err := BackupTo(st, path); err != nil {
		return "", err
	}
	return path, prune(dir, keep)
}

// prune removes all but the newest keep automatic backups.
func prune(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "dossier-") && strings.HasSuffix(e.Name(), ".backup") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names) // dated names sort by time
	for _, n := range names[:max(0, len(names)-keep)] {
		if err := os.Remove(filepath.Join(dir, n)); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}

// Backup writes a backup of the session's database to path.
func (s *Session) Backup(path string) error { return BackupTo(s.st, path) }

// Restore replaces the session's records with a backup's; undo history
// does not reach across it. Subscribers hear a reset.
func (s *Session) Restore(path string) error {
	defer s.history.hold()()
	if err := RestoreFrom(s.ctx(data.OriginRestore), s.st, path, true); err != nil {
		return err
	}
	s.history.forget()
	return nil
}
