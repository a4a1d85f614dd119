package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dossier/app"
	"dossier/app/safefile"
	"dossier/app/search"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/folder"
)

// readPassphrase reads a passphrase file (its last line break dropped).
func readPassphrase(path string) ([]byte, error) { return readSecret(path, "passphrase") }

// readSecret reads a file holding a passphrase or password (what), its
// last line break dropped; no file, no secret.
func readSecret(path, what string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, data.Errorf(data.EInvalid, "Cannot read the %s file %s: %v", what, path, err)
	}
	b = bytes.TrimRight(b, "\r\n")
	if len(b) == 0 {
		return nil, data.Errorf(data.EInvalid, "The %s file %s is empty.", what, path)
	}
	return b, nil
}

// runSetPassphrase encrypts a database or changes its passphrase. The old
// passphrase comes from --passphrase-file, the new one from
// --new-passphrase-file or, failing that, a line on stdin.
func runSetPassphrase(env Env, db string, old []byte, args []string) int {
	fs := newFlags(env, "set-passphrase")
	newFile := fs.String("new-passphrase-file", "", "file holding the new passphrase (else it is read from stdin)")
	remove := fs.Bool("remove", false, "decrypt the database instead")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	var fresh []byte
	if !*remove {
		var err error
		if fresh, err = newPassphrase(env, *newFile); err != nil {
			return usageError(env, "%s", data.ErrorMessage(err))
		}
	}
	if err := badgerstore.ChangePassphrase(db, old, fresh); err != nil {
		return fail(env, err)
	}
	if *remove {
		fmt.Fprintln(env.Stdout, "the database is no longer encrypted")
	} else {
		fmt.Fprintln(env.Stdout, "the database is encrypted with the new passphrase")
	}
	if err := reindex(db, fresh); err != nil {
		return fail(env, err)
	}
	n, err := resealBackups(db, old, fresh)
	if err != nil {
		return fail(env, err)
	}
	if n > 0 {
		fmt.Fprintf(env.Stdout, "its %d automatic backups were sealed again with the new passphrase\n", n)
	}
	return ExitOK
}

// reindex replaces the search index, which was kept under the old key,
// with one under the new key (or in the clear, for a decrypted database).
func reindex(db string, pass []byte) error {
	if err := folder.Remove(search.Folder(db)); err != nil {
		return fmt.Errorf("remove the old search index: %w", err)
	}
	st, err := badgerstore.OpenWith(db, pass)
	if err != nil {
		return err
	}
	defer st.Close()
	ix, err := search.OpenFor(db, st)
	if err != nil {
		return err
	}
	defer ix.Close()
	_, err = ix.Sync(st, nil)
	return err
}

// resealBackups seals the automatic backups again with the new passphrase
// (a decrypted database's stay sealed with the old one: they were written
// protected, and stay so). It returns how many it sealed.
func resealBackups(db string, old, fresh []byte) (int, error) {
	if len(fresh) == 0 {
		return 0, nil
	}
	paths, _ := filepath.Glob(filepath.Join(app.BackupFolder(db), "*.backup"))
	for _, p := range paths {
		err := safefile.Write(p, true, func(out io.Writer) error {
			in, err := os.Open(p)
			if err != nil {
				return err
			}
			defer in.Close()
			return badgerstore.ResealBackup(in, out, old, fresh)
		})
		if err != nil {
			return 0, fmt.Errorf("seal the backup %s again: %w", p, err)
		}
	}
	return len(paths), nil
}

func newPassphrase(env Env, file string) ([]byte, error) {
	if file != "" {
		return readPassphrase(file)
	}
	fmt.Fprint(env.Stderr, "New passphrase: ")
	line, err := bufio.NewReader(env.Stdin).ReadBytes('\n')
	line = bytes.TrimRight(line, "\r\n")
	if len(line) == 0 {
		return nil, data.Errorf(data.EInvalid, "No new passphrase was given (%v).", err)
	}
	return line, nil
}

var cmdSetPassphrase = command{
	summary: "encrypt the database, or change its passphrase (old: --passphrase-file; new: --new-passphrase-file\n               or stdin); --remove decrypts it",
	usage:   "[--new-passphrase-file FILE] [--remove]",
}
