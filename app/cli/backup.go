package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
)

var cmdBackup = command{
	summary: "write a backup of the whole database to FILE",
	usage:   "FILE",
	run:     runBackup,
}

func runBackup(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "backup")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if fs.NArg() != 1 {
		return usageError(env, "backup needs the file to write")
	}
	if err := s.Backup(env.path(fs.Arg(0))); err != nil {
		return fail(env, err)
	}
	c, _ := s.Store().Counts()
	fmt.Fprintf(env.Stdout, "backed up %d articles, %d events and %d actors to %s\n", c.Articles, c.Events, c.Actors, fs.Arg(0))
	return ExitOK
}

var cmdRestore = command{
	summary: "load a backup into the database; a database that holds records is refused unless --replace (a damaged\n               one, or one that cannot be opened, is then kept aside as DIR.damaged-TIME)",
	usage:   "FILE [--replace]",
}

// runRestore opens the database itself: a damaged one, or one that does
// not open at all, can still be restored over.
func runRestore(env Env, db string, pass []byte, args []string) int {
	fs := newFlags(env, "restore")
	replace := fs.Bool("replace", false, "drop the records the database holds and restore the backup instead")
	file, rest := firstOr(args), args
	if len(rest) > 0 {
		rest = rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitForParse(err)
	}
	if file == "" || fs.NArg() > 0 {
		return usageError(env, "restore needs the backup file to read")
	}
	st, err := badgerstore.OpenWith(db, pass)
	if err == nil {
		err = st.Verify()
	}
	if code := data.ErrorCode(err); code == data.EDamaged || code == data.EInternal {
		if st != nil {
			st.Close()
		}
		if !*replace {
			return fail(env, data.Errorf(data.EInvalid, "The database %s cannot be restored over as it is (%s). Restore into a new folder (dossier --db NEWFOLDER restore %s), or add --replace: the damaged database is then kept aside, not deleted.", db, data.ErrorMessage(err), file))
		}
		if st, err = setAside(env, db, pass); err != nil {
			return fail(env, err)
		}
	} else if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	if err := app.RestoreFrom(context.Background(), st, file, *replace); err != nil {
		return fail(env, err)
	}
	c, _ := st.Counts()
	fmt.Fprintf(env.Stdout, "restored %d articles, %d events and %d actors\n", c.Articles, c.Events, c.Actors)
	return ExitOK
}

// setAside moves a damaged database's folder out of the way, keeping it,
// and opens a new one in its place.
func setAside(env Env, db string, pass []byte) (*badgerstore.Store, error) {
	aside := fmt.Sprintf("%s.damaged-%s", filepath.Clean(db), time.Now().Format("20060102-150405"))
	if err := os.Rename(db, aside); err != nil {
		return nil, data.Errorf(data.EInvalid, "The damaged database %s could not be moved aside to %s: %v. Nothing was changed.", db, aside, err)
	}
	fmt.Fprintf(env.Stderr, "dossier: the damaged database was moved aside to %s (nothing in it was deleted)\n", aside)
	return badgerstore.OpenWith(db, pass)
}
