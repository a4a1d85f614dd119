package cli

import (
	"context"
	"fmt"

	"dossier/app"
	"dossier/data"
)

var cmdBackup = command{
	summary: "write a backup of the whole database to FILE",
	usage:   "FILE",
	run:     runBackup,
}

func runBackup(env Env, st data.Store, args []string) int {
	fs := newFlags(env, "backup")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if fs.NArg() != 1 {
		return usageError(env, "backup needs the file to write")
	}
	if err := app.BackupTo(st, fs.Arg(0)); err != nil {
		return fail(env, err)
	}
	c, _ := st.Counts()
	fmt.Fprintf(env.Stdout, "backed up %d articles, %d events and %d actors to %s\n", c.Articles, c.Events, c.Actors, fs.Arg(0))
	return ExitOK
}

var cmdRestore = command{
	summary: "load a backup into the database; a database that holds records is refused unless --replace",
	usage:   "FILE [--replace]",
	run:     runRestore,
}

func runRestore(env Env, st data.Store, args []string) int {
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
	if err := app.RestoreFrom(context.Background(), st, file, *replace); err != nil {
		return fail(env, err)
	}
	c, _ := st.Counts()
	fmt.Fprintf(env.Stdout, "restored %d articles, %d events and %d actors\n", c.Articles, c.Events, c.Actors)
	return ExitOK
}
