package badgerstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
	"dossier/data/folder"
)

// Opening a database: its folder is looked at first (a lost MANIFEST is
// refused: Badger would start an empty database and delete the tables);
// then Badger opens it without compaction, every table is checked against
// its checksums, and only a sound database is opened again for work. A
// damaged one, or one in a folder that cannot be written, is kept open for
// reading only: nothing is written to it (no compaction rewrites what it
// cannot read), and everything that would write is refused with a sentence.

func open(opts badger.Options, path string) (*Store, error) {
	s := &Store{path: path, inMemory: opts.InMemory}
	db, err := s.openVerified(opts)
	if err != nil {
		return nil, err
	}
	s.db = db
	if s.readOnly != nil {
		id, _, err := s.readIdentity()
		s.identity = id
		if err != nil && s.damage == nil {
			db.Close()
			return nil, err
		}
		return s, nil
	}
	if err := s.loadAnalyst(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.checkWitness(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.ensureEpoch(); err != nil {
		db.Close()
		return nil, err
	}
	s.settleLogCopy()
	return s, nil
}

// logCopy is where the write-ahead logs left by a crash are copied before
// Badger replays them (and cuts a damaged one short): kept when changes
// turn out lost, for whoever can recover them.
const logCopy = "dossier-log-copy"

// copyLogs copies the memtables' write-ahead logs left by a crash.
func copyLogs(dir string) error {
	logs, _ := filepath.Glob(filepath.Join(dir, "*.mem"))
	if len(logs) == 0 {
		return nil
	}
	into := filepath.Join(dir, logCopy)
	if err := os.MkdirAll(into, 0o700); err != nil {
		return err
	}
	for _, l := range logs {
		b, err := os.ReadFile(l)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(into, filepath.Base(l)), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// settleLogCopy drops the copy of the logs unless changes were lost.
func (s *Store) settleLogCopy() {
	into := filepath.Join(s.path, logCopy)
	if _, err := os.Stat(into); err != nil {
		return
	}
	if lost, _ := s.losses(); len(lost) > 0 {
		s.notices = append(s.notices, fmt.Sprintf("A copy of the damaged log, as it was before it was read, is kept in %s.", into))
		return
	}
	folder.Remove(into)
}

// openVerified opens Badger without compaction and checks every table;
// it opens a sound database again for work, and keeps a damaged one, or
// one it may only read, as it is.
func (s *Store) openVerified(opts badger.Options) (*badger.DB, error) {
	if s.inMemory {
		db, err := badger.Open(LaptopOptions(opts))
		if err != nil {
			return nil, openError(s.path, err)
		}
		return db, nil
	}
	if err := lostManifest(s.path); err != nil {
		return nil, err
	}
	if err := copyLogs(s.path); err != nil && !cannotWrite(err) {
		return nil, err
	}
	if err := dropEmptyValueLogs(s.path); err != nil && !cannotWrite(err) {
		return nil, err
	}
	// The first open replays the log and does not compact, while the
	// tables are checked apart from it (verifyTablesApart): it reads no
	// block, so its block cache is the smallest Badger accepts.
	still := LaptopOptions(opts).WithNumCompactors(0).WithCompactL0OnClose(false).WithBlockCacheSize(1 << 20)
	db, err := badger.Open(still)
	if err != nil && cannotWrite(err) {
		if db, err = badger.Open(still.WithReadOnly(true)); err == nil {
			s.readOnly = data.Errorf(data.EReadOnly, "The database folder %s cannot be written (it is read-only, or not yours): Dossier can read it — list, search, export, back up — but changes nothing in it. Copy it to a folder of your own to work in it.", s.path)
		} else if errors.Is(err, badger.ErrTruncateNeeded) {
			return nil, data.Errorf(data.EReadOnly, "The database %s was not closed properly, and its folder cannot be written, so Dossier cannot read it: copy it to a folder of your own, or open it where it can be written.", s.path)
		}
	}
	if err != nil {
		return nil, openError(s.path, err)
	}
	if err := verifyTablesApart(still); err != nil {
		s.damage = damaged(s.path, err)
	}
	if s.damage != nil {
		s.readOnly = s.damage
		s.notices = append(s.notices, data.ErrorMessage(s.damage))
	}
	if s.readOnly != nil {
		return db, nil
	}
	if err := db.Close(); err != nil {
		return nil, openError(s.path, err)
	}
	db, err = badger.Open(LaptopOptions(opts))
	if err != nil {
		return nil, openError(s.path, err)
	}
	return db, nil
}

// cannotWrite reports whether Badger failed to open because the folder
// cannot be written.
func cannotWrite(err error) bool {
	msg := err.Error()
	return errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) ||
		strings.Contains(msg, "pid file") || strings.Contains(msg, "read-only file system") || strings.Contains(msg, "permission denied")
}

// lostManifest refuses a folder that holds Badger's tables or logs but no
// MANIFEST (the list of tables): opened, it would become a new, empty
// database, and Badger would delete the tables it does not know.
func lostManifest(dir string) error {
	if hasDatabase(dir) {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // Badger says what is wrong
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if fi, err := e.Info(); err == nil && (ext == ".sst" || (ext == ".vlog" || ext == ".mem") && fi.Size() > 20) {
			return &data.Error{Code: data.EDamaged, Message: fmt.Sprintf(
				"The database %s has lost its MANIFEST file, which lists its tables: opened as it is, it would become an empty database and its tables would be deleted. Nothing was changed. Restore your last backup into a new folder (dossier --db NEWFOLDER restore FILE), or put the MANIFEST back from a copy of the folder.", dir)}
		}
	}
	return nil
}

// dropEmptyValueLogs removes value-log files of no bytes at all. Badger
// creates the next value-log file, then sizes it and writes its header; a
// crash in between leaves an empty file that holds nothing, and that
// Badger (v4.9.6) then refuses to open the database over ("Open existing
// file … Create a new file").
func dropEmptyValueLogs(dir string) error {
	logs, _ := filepath.Glob(filepath.Join(dir, "*.vlog"))
	for _, l := range logs {
		if fi, err := os.Stat(l); err == nil && fi.Size() == 0 {
			if err := os.Remove(l); err != nil {
				return err
			}
		}
	}
	return nil
}

// writable says why nothing may be written, if it may not.
func (s *Store) writable() error { return s.readOnly }
