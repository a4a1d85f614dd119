package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"

	"dossier/app"
	"dossier/data"
)

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
	fs := newFlags(env, "apply")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	sc := bufio.NewScanner(env.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(env.Stdout)
	status := ExitOK
	for n := 1; sc.Scan(); n++ {
		ack, err := applyLine(s, sc.Bytes())
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

// applyLine makes one edit through the session, as the window would: it
// is an undoable step there (when the command is served by an open
// window) and an event with its type and evidence teaches the learner.
func applyLine(s *app.Session, line []byte) (string, error) {
	var e edit
	if err := json.Unmarshal(line, &e); err != nil {
		return "", data.Errorf(data.EInvalid, "not a JSON edit: %v", err)
	}
	switch {
	case e.Actor != nil:
		err := s.SaveActor(e.Actor)
		return fmt.Sprintf("ok actor %s %d", e.Actor.ID, e.Actor.Version), err
	case e.Event != nil:
		err := s.SaveEvent(e.Event, "")
		return fmt.Sprintf("ok event %s %d", e.Event.ID, e.Event.Version), err
	case e.DeleteEvent != "":
		return "ok deleted " + e.DeleteEvent, s.DeleteEvent(e.DeleteEvent, e.Version)
	}
	return "", data.Errorf(data.EInvalid, "an edit names an actor, an event or delete_event")
}
