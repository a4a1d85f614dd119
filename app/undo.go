package app

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"dossier/data"
)

// A change is one undoable edit of a record: its state before and after
// (JSON, nil for "did not exist"). Undo writes before back and redo writes
// after, each only if the record is still at the version the history last
// left it at (history.at): a record someone else changed since is never
// overwritten.
type change struct {
	label         string
	kind          data.RecordKind
	id            string
	before, after []byte
	version       int    // the record's version once the step was made
	field         string // edits of one field in a row merge into one change
	at            time.Time
	more          []change // records changed in the same step, before this one
}

// history is a session's undo history: the steps to undo and redo, and
// the lock every edit holds from its commit to its step, so that steps
// stand in the order their commits were made. Its methods (CanUndo, Undo,
// Redo …) are the session's.
type history struct {
	mu         sync.Mutex
	st         committer
	undo, redo []change
	at         map[string]int // record id → the version this history last wrote
}

// committer is what the history writes back through.
type committer interface {
	Commit(ctx context.Context, b *data.Batch) error
}

// hold takes the edit lock, for one edit's commit and step; call what it
// returns to let go.
func (h *history) hold() func() {
	h.mu.Lock()
	return h.mu.Unlock
}

// mergeWindow is how close in time edits of the same field must be to merge.
const mergeWindow = 3 * time.Second

// maxSteps is how many steps can be undone: a window open for weeks, with
// commands run beside it, keeps the latest and lets the oldest go.
const maxSteps = 5000

func (h *history) push(c change) {
	if h.at == nil {
		h.at = map[string]int{}
	}
	for _, r := range append([]change{c}, c.more...) {
		h.at[r.id] = r.version
	}
	h.redo = nil
	if n := len(h.undo); n > 0 && c.field != "" {
		last := &h.undo[n-1]
		if last.kind == c.kind && last.id == c.id && last.field == c.field && c.at.Sub(last.at) < mergeWindow && len(last.more) == 0 {
			last.after, last.version, last.at = c.after, c.version, c.at
			return
		}
	}
	h.undo = append(h.undo, c)
	if len(h.undo) > maxSteps { // a reslice, not a shift: an apply of 200,000 lines pushes as many steps
		h.undo = h.undo[len(h.undo)-maxSteps:]
	}
}

func snapshot(v any) []byte {
	if v == nil {
		return nil
	}
	b, _ := json.Marshal(v)
	return b
}

// CanUndo and CanRedo say whether there is something to undo or redo, and
// UndoLabel and RedoLabel name it for the menu ("Undo change event").
func (h *history) CanUndo() bool { defer h.hold()(); return len(h.undo) > 0 }
func (h *history) CanRedo() bool { defer h.hold()(); return len(h.redo) > 0 }

func (h *history) UndoLabel() string { defer h.hold()(); return top(h.undo) }
func (h *history) RedoLabel() string { defer h.hold()(); return top(h.redo) }

func top(stack []change) string {
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1].label
}

// Undo reverts the last edit and returns what it was. When a record of the
// step was changed by someone else since, nothing is written, the step
// stays, and the error says who changed what.
func (h *history) Undo() (string, error) {
	return h.travel(&h.undo, &h.redo, "undone", func(c change) []byte { return c.before })
}

// Redo applies again the last undone edit, on the same condition.
func (h *history) Redo() (string, error) {
	return h.travel(&h.redo, &h.undo, "redone", func(c change) []byte { return c.after })
}

func (h *history) travel(from, to *[]change, verb string, state func(change) []byte) (string, error) {
	defer h.hold()()
	if len(*from) == 0 {
		return "", nil
	}
	c := (*from)[len(*from)-1]
	steps := append(append([]change{}, c.more...), c)
	b, versions, err := stepBatch(steps, state, h.at)
	if err != nil {
		return "", err
	}
	if err := h.st.Commit(data.WithOrigin(context.Background(), data.OriginUndo), b); err != nil {
		var conflict *data.Conflict
		if errors.As(err, &conflict) {
			return "", &data.Error{Code: data.EConflict, Message: conflict.NotUndone(verb), Err: conflict}
		}
		return "", err
	}
	for i, st := range steps {
		h.at[st.id] = versions[i]()
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, c)
	return c.label, nil
}

// stepBatch is the one batch that puts every record of a step in the state
// chosen, each conditional on the version the history left it at; versions
// tell, once it is committed, the version each record is at.
func stepBatch(steps []change, state func(change) []byte, at map[string]int) (*data.Batch, []func() int, error) {
	b := &data.Batch{}
	versions := make([]func() int, len(steps))
	for i, st := range steps {
		raw, version := state(st), at[st.id]
		if raw == nil {
			b.Deletes = append(b.Deletes, data.Ref{Record: st.kind, ID: st.id, Version: version})
			v := version + 1
			versions[i] = func() int { return v }
			continue
		}
		var rev *data.Revision
		var err error
		switch st.kind {
		case data.RecordEvent:
			var e *data.Event
			e, err = decode[data.Event](raw, version)
			b.Events, rev = append(b.Events, e), e.Rev()
		case data.RecordActor:
			var a *data.Actor
			a, err = decode[data.Actor](raw, version)
			b.Actors, rev = append(b.Actors, a), a.Rev()
		default:
			var a *data.Article
			a, err = decode[data.Article](raw, version)
			b.Articles, rev = append(b.Articles, a), a.Rev()
		}
		if err != nil {
			return nil, nil, err
		}
		versions[i] = func() int { return rev.Version }
	}
	return b, versions, nil
}

// decode reads a record's saved state, to be written based on version.
func decode[T any, P interface {
	*T
	Rev() *data.Revision
}](raw []byte, version int) (P, error) {
	rec := P(new(T))
	err := json.Unmarshal(raw, rec)
	rec.Rev().Version = version
	return rec, err
}

// forget drops undo and redo (after a restore: the steps no longer
// describe the records); the edit lock is held.
func (h *history) forget() { h.undo, h.redo, h.at = nil, nil, nil }
