package cli

import (
	"fmt"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
)

var cmdCheck = command{
	summary: "check every table against its checksums and the indexes against the records, mend the indexes, and\n               report what cannot be mended or read; --salvage DIR copies what a damaged database can still\n               read into a new one; --acknowledge forgets changes reported lost once you have dealt with them",
	usage:   "[--salvage NEWFOLDER] [--acknowledge]",
	run:     runCheck,
}

func runCheck(env Env, s *app.Session, args []string) int {
	st := s.Store() // reads the whole database or looks after it
	fs := newFlags(env, "check")
	salvage := fs.String("salvage", "", "copy what can still be read into a new database in this folder")
	ack := fs.Bool("acknowledge", false, "forget the changes reported lost from the database's log")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if *ack {
		if err := st.AcknowledgeLoss(); err != nil {
			return fail(env, err)
		}
	}
	if *salvage != "" {
		return runSalvage(env, st, *salvage)
	}
	rep, err := st.Check()
	if err != nil {
		return fail(env, err)
	}
	code := printCheck(env, rep, st.Counts)
	if aside, err := st.SetAside(); err == nil && len(aside) > 0 {
		fmt.Fprintf(env.Stdout, "set aside: %d of what arrived from colleagues (not taken in; 'dossier conflicts' lists why)\n", len(aside))
	}
	return code
}

// printCheck prints a check's report and a summary line, and returns the
// exit code (failed when there are problems).
func printCheck(env Env, rep data.CheckReport, counts func() (data.Counts, error)) int {
	for _, r := range rep.Repaired {
		fmt.Fprintln(env.Stdout, "mended:", r)
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(env.Stdout, "problem:", p)
	}
	if c, err := counts(); err == nil {
		fmt.Fprintf(env.Stdout, "checked %d articles, %d events, %d actors: %d mended, %d problems\n", c.Articles, c.Events, c.Actors, len(rep.Repaired), len(rep.Problems))
	} else {
		fmt.Fprintf(env.Stdout, "checked: %d mended, %d problems\n", len(rep.Repaired), len(rep.Problems))
	}
	if len(rep.Problems) > 0 {
		return ExitFailed
	}
	return ExitOK
}

// runSalvage copies what a database can still read into a new one.
func runSalvage(env Env, st data.Store, dir string) int {
	rep, err := st.Salvage(dir)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "copied what could be read into %s, and checked it there:\n", dir)
	return printCheck(env, rep, func() (data.Counts, error) {
		to, err := badgerstore.OpenWith(dir, nil)
		if err != nil {
			return data.Counts{}, err
		}
		defer to.Close()
		return to.Counts()
	})
}
