package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"

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
// The lines that arrived while the last ones were being written are made
// together, in one commit (Session.SaveEdits): a stream goes at the pace of
// the disk's batches, and a line sent alone is made at once.
func runApply(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "apply")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	lines, stop := readLines(env.Stdin)
	defer stop()
	a := &applying{s: s, out: bufio.NewWriter(env.Stdout), status: ExitOK}
	for batch := range batches(lines) {
		if err := a.lines(batch); err != nil {
			a.out.Flush()
			fmt.Fprintf(env.Stderr, "dossier: %s\n", err)
			return ExitFailed
		}
	}
	return a.status
}

// applying is an apply under way: where acknowledgements go, and the exit
// status so far.
type applying struct {
	s      *app.Session
	out    *bufio.Writer
	status int
}

// lines makes a batch of lines' edits and acknowledges them, once on disk;
// it stops at a line that cannot be read or made, after making those
// before it.
func (a *applying) lines(batch []line) error {
	var edits []app.Edit
	var at []int // each edit's line
	var bad error
	for _, l := range batch {
		ed, err := l.edit()
		if err != nil {
			bad = fmt.Errorf("line %d: %s", l.n, data.ErrorMessage(err))
			break
		}
		edits, at = append(edits, ed), append(at, l.n)
	}
	for len(edits) > 0 {
		made, err := a.s.SaveEdits(edits)
		for _, ed := range edits[:made] {
			fmt.Fprintln(a.out, acknowledgement(ed))
		}
		edits, at = edits[made:], at[made:]
		var c *data.Conflict
		switch {
		case errors.As(err, &c):
			fmt.Fprintf(a.out, "conflict %s %d\n", c.ID, c.Stored)
			a.status, edits, at = ExitFailed, edits[1:], at[1:]
		case err != nil:
			return fmt.Errorf("line %d: %s", at[0], data.ErrorMessage(err))
		}
	}
	a.out.Flush() // acknowledged only once durable
	return bad
}

// acknowledgement is the line that says an edit is on disk.
func acknowledgement(ed app.Edit) string {
	switch {
	case ed.Actor != nil:
		return fmt.Sprintf("ok actor %s %d", ed.Actor.ID, ed.Actor.Version)
	case ed.Event != nil:
		return fmt.Sprintf("ok event %s %d", ed.Event.ID, ed.Event.Version)
	}
	return "ok deleted " + ed.DeleteEvent
}

// maxLine is the longest line an apply stream may hold.
const maxLine = 64 << 20

// line is one line of an apply stream, by number, or why it cannot be
// read.
type line struct {
	n    int
	text []byte
	err  error
}

// edit reads the edit a line holds.
func (l line) edit() (app.Edit, error) {
	if l.err != nil {
		return app.Edit{}, l.err
	}
	var e edit
	if err := json.Unmarshal(l.text, &e); err != nil {
		return app.Edit{}, data.Errorf(data.EInvalid, "not a JSON edit: %v", err)
	}
	switch {
	case e.Actor != nil:
		return app.Edit{Actor: e.Actor}, nil
	case e.Event != nil:
		return app.Edit{Event: e.Event}, nil
	case e.DeleteEvent != "":
		return app.Edit{DeleteEvent: e.DeleteEvent, Version: e.Version}, nil
	}
	return app.Edit{}, data.Errorf(data.EInvalid, "an edit names an actor, an event or delete_event")
}

// readLines reads r's lines ahead, while the ones before are written;
// stop ends the reading.
func readLines(r io.Reader) (<-chan line, func()) {
	ch, done := make(chan line, 256), make(chan struct{})
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), maxLine)
		for n := 1; ; n++ {
			l := line{n: n}
			switch {
			case sc.Scan():
				l.text = bytes.Clone(sc.Bytes())
			case errors.Is(sc.Err(), bufio.ErrTooLong):
				l.err = data.Errorf(data.EInvalid, "longer than %d MiB, so not read (one edit a line)", maxLine>>20)
			case sc.Err() != nil:
				l.err = sc.Err()
			default:
				return
			}
			select {
			case ch <- l:
			case <-done:
				return
			}
			if l.err != nil {
				return
			}
		}
	}()
	return ch, func() { close(done) }
}

// batches gathers the lines that have arrived: it waits for one, then takes
// those already read, up to a commit's worth.
func batches(lines <-chan line) iter.Seq[[]line] {
	return func(yield func([]line) bool) {
		for l := range lines {
			batch := []line{l}
		more:
			for len(batch) < app.MaxEditBatch {
				select {
				case l, ok := <-lines:
					if !ok {
						break more
					}
					batch = append(batch, l)
				default:
					break more
				}
			}
			if !yield(batch) {
				return
			}
		}
	}
}
