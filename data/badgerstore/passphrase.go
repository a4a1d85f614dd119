package badgerstore

import (
	"fmt"
	"io"
	"os"

	"dossier/data/folder"
)

// ChangePassphrase encrypts the database in dir, changes its passphrase, or
// (with an empty newPass) decrypts it. The records are streamed into a new
// database beside it, never written out in the clear, and the folders are
// swapped only once the copy is complete.
func ChangePassphrase(dir string, oldPass, newPass []byte) error {
	old, err := OpenWith(dir, oldPass)
	if err != nil {
		return err
	}
	tmp := dir + ".rekey"
	folder.Remove(tmp)
	fresh, err := OpenWith(tmp, newPass)
	if err != nil {
		old.Close()
		return err
	}
	err = copyRecords(old, fresh)
	old.Close()
	fresh.Close()
	if err != nil {
		folder.Remove(tmp)
		return fmt.Errorf("re-encrypt: %w", err)
	}
	return swapFolders(dir, tmp)
}

// copyRecords streams every key from one database into another.
func copyRecords(from, to *Store) error {
	pr, pw := io.Pipe()
	go func() {
		_, err := from.db.Backup(pw, 0)
		pw.CloseWithError(err)
	}()
	return to.db.Load(pr, 256)
}

// swapFolders puts next in place of dir, keeping dir until next is there.
func swapFolders(dir, next string) error {
	old := dir + ".old"
	folder.Remove(old)
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(next, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return folder.Remove(old)
}
