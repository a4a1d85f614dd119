package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	"dossier/data"
	"dossier/data/badgerstore"
)

// readPassphrase reads a passphrase file (its last line break dropped).
func readPassphrase(path string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, data.Errorf(data.EInvalid, "Cannot read the passphrase file %s: %v", path, err)
	}
	b = bytes.TrimRight(b, "\r\n")
	if len(b) == 0 {
		return nil, data.Errorf(data.EInvalid, "The passphrase file %s is empty.", path)
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
	return ExitOK
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
