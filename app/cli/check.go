package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
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

var cmdApply = command{
	summary: "apply a stream of edits, one JSON object a line on stdin ({\"actor\":{…}}, {\"event\":{…}} or\n               {\"delete_event\":\"ID\",\"version\":N}); each is acknowledged on stdout once it is on disk\n               (ok …), or as conflict ID VERSION when the record is no longer at the version given",
	usage:   "< edits.jsonl",
	run:     runApply,
}

// edit is one line of an apply stream; records carry the version they were
// read at (0 for new ones), a deletion the version it deletes.
type edit struct {
	Actor       *data.Actor `json:"actor"`
	Event       *data.Event `json:"event"`
	DeleteEvent string      `json:"delete_event"`
	Version     int         `json:"version"`
}

// runApply acknowledges each edit once it is on disk. An edit based on a
// version that is no longer stored is acknowledged as "conflict ID VERSION"
// (the version stored now) and the stream goes on; the exit status is then 1.
func runApply(env Env, s *app.Session, args []string) int {
	st := s.Store() // reads the whole database or looks after it
	fs := newFlags(env, "apply")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	sc := bufio.NewScanner(env.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(env.Stdout)
	status := ExitOK
	for n := 1; sc.Scan(); n++ {
		ack, err := applyLine(st, sc.Bytes())
		var c *data.Conflict
		switch {
		case errors.As(err, &c):
			ack, status = fmt.Sprintf("conflict %s %d", c.ID, c.Stored), ExitFailed
		case err != nil:
			out.Flush()
			fmt.Fprintf(env.Stderr, "dossier: line %d: %s\n", n, data.ErrorMessage(err))
			return ExitFailed
		}
		fmt.Fprintln(out, ack)
		out.Flush() // acknowledged only once durable
	}
	return status
}

func applyLine(st data.Store, line []byte) (string, error) {
	var e edit
	if err := json.Unmarshal(line, &e); err != nil {
		return "", data.Errorf(data.EInvalid, "not a JSON edit: %v", err)
	}
	ctx := context.Background()
	switch {
	case e.Actor != nil:
		err := st.PutActor(ctx, e.Actor)
		return fmt.Sprintf("ok actor %s %d", e.Actor.ID, e.Actor.Version), err
	case e.Event != nil:
		err := st.PutEvent(ctx, e.Event)
		return fmt.Sprintf("ok event %s %d", e.Event.ID, e.Event.Version), err
	case e.DeleteEvent != "":
		return "ok deleted " + e.DeleteEvent, st.DeleteEvent(ctx, e.DeleteEvent, e.Version)
	}
	return "", data.Errorf(data.EInvalid, "an edit names an actor, an event or delete_event")
}
