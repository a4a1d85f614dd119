package badgerstore

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dossier/data/folder"
)

// ChangePassphrase encrypts the database in dir, changes its passphrase, or
// (with an empty newPass) decrypts it. The records are streamed into a new
// database beside it (dir.rekey), never written out in the clear; once the
// copy is whole and on disk it is marked so, and the folders are swapped:
// dir becomes dir.old, dir.rekey becomes dir, dir.old goes. A crash at any
// point leaves what the next open finishes or rolls back (see recoverRekey):
// nothing ever deletes the last good copy.
func ChangePassphrase(dir string, oldPass, newPass []byte) error {
	if _, err := recoverRekey(dir); err != nil {
		return err
	}
	old, err := OpenWith(dir, oldPass)
	if err != nil {
		return err
	}
	tmp := dir + rekeySuffix
	folder.Remove(tmp) // a copy never marked whole: the original is intact
	fresh, err := OpenWith(tmp, newPass)
	if err != nil {
		old.Close()
		return err
	}
	err = copyRecords(old, fresh)
	old.Close()
	if cerr := fresh.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = markWhole(tmp)
	}
	if err != nil {
		folder.Remove(tmp)
		return fmt.Errorf("re-encrypt: %w", err)
	}
	return swapFolders(dir, tmp)
}

// The folders of a passphrase change, and the mark of a whole copy.
const (
	rekeySuffix = ".rekey"
	oldSuffix   = ".old"
	wholeMark   = "dossier-rekey-whole"
)

// copyRecords streams every key from one database into another.
func copyRecords(from, to *Store) error {
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(writeBackupStream(from.db, pw))
	}()
	return to.db.Load(pr, restoreWrites)
}

// markWhole marks a copied database as whole, on disk.
func markWhole(dir string) error {
	f, err := os.OpenFile(filepath.Join(dir, wholeMark), os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dir))
}

// swapFolders puts next in place of dir, keeping dir until next is there.
func swapFolders(dir, next string) error {
	old := dir + oldSuffix
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(next, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	if err := syncDir(filepath.Dir(dir)); err != nil {
		return err
	}
	return finishSwap(dir)
}

// finishSwap drops the old folder once the new one is in place.
func finishSwap(dir string) error {
	if err := folder.Remove(dir + oldSuffix); err != nil {
		return err
	}
	return os.Remove(filepath.Join(dir, wholeMark))
}

// recoverRekey finishes or rolls back a passphrase change that a crash cut
// off, and says which it did ("" for nothing to do):
//   - dir missing, dir.old there: the swap was cut between its renames; a
//     whole dir.rekey is put in place (finished), else dir.old is put back
//     (rolled back);
//   - dir there and whole, dir.old there: only the old folder was left to
//     remove.
//
// (A dir.rekey never marked whole, beside an intact dir, is dropped by the
// next ChangePassphrase, which holds the database then.)
func recoverRekey(dir string) (string, error) {
	old, tmp := dir+oldSuffix, dir+rekeySuffix
	switch {
	case !present(dir) && present(old):
		if isWhole(tmp) {
			if err := os.Rename(tmp, dir); err != nil {
				return "", err
			}
			return "The change of passphrase that was cut off was finished: the database now opens with the new passphrase.", finishSwap(dir)
		}
		if err := os.Rename(old, dir); err != nil {
			return "", err
		}
		folder.Remove(tmp)
		return "The change of passphrase that was cut off was rolled back: the database opens with its old passphrase.", nil
	case present(dir) && present(old) && isWhole(dir):
		return "", finishSwap(dir)
	}
	return "", nil
}

func present(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func isWhole(dir string) bool { return present(filepath.Join(dir, wholeMark)) }
