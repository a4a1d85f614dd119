package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"dossier/app"
	"dossier/data"
)

var cmdPut = command{
	summary: "read one event or actor as JSON on stdin, check it, store it and print its id; a changed\n               record must carry the version it was read at (0 or none for a new one)",
	usage:   "event|actor < record.json",
	run:     runPut,
}

func runPut(env Env, s *app.Session, args []string) int {
	if len(args) != 1 {
		return usageError(env, "put what? say event or actor, and give the record as JSON on stdin")
	}
	var (
		id  string
		err error
	)
	switch data.RecordKind(args[0]) {
	case data.RecordEvent:
		var e data.Event
		if err = decodeRecord(env.Stdin, &e); err == nil {
			err = s.SaveEvent(&e, "")
			id = e.ID
		}
	case data.RecordActor:
		var a data.Actor
		if err = decodeRecord(env.Stdin, &a); err == nil {
			err = s.SaveActor(&a)
			id = a.ID
		}
	default:
		return usageError(env, "put what? say event or actor")
	}
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintln(env.Stdout, id)
	return ExitOK
}

// decodeRecord reads exactly one JSON object and refuses unknown fields, so
// that a misspelt field is an error instead of lost data.
func decodeRecord(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return data.Errorf(data.EInvalid, "The record on stdin is not valid JSON for this kind of record: %v.", err)
	}
	if dec.More() {
		return data.Errorf(data.EInvalid, "Give one record at a time on stdin.")
	}
	return nil
}
