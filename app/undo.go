package app

import (
	"encoding/json"
	"slices"
	"time"

	"dossier/data"
)

// A change is one undoable edit: a record's state before and after it
// (nil for "did not exist"). Undo writes before back; redo writes after.
type change struct {
	label         string
	kind          string // "event", "actor" or "article"
	id            string
	before, after []byte // JSON, nil when absent
	field         string // edits of one field in a row merge into one change
	at            time.Time
	more          []change // records changed in the same step, before this one
}

type history struct {
	undo, redo []change
}

// mergeWindow is how close in time edits of the same field must be to merge.
const mergeWindow = 3 * time.Second

func (h *history) push(c change) {
	h.redo = nil
	if n := len(h.undo); n > 0 && c.field != "" {
		last := &h.undo[n-1]
		if last.kind == c.kind && last.id == c.id && last.field == c.field && c.at.Sub(last.at) < mergeWindow {
			last.after, last.at = c.after, c.at
			return
		}
	}
	h.undo = append(h.undo, c)
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
func (s *Session) CanUndo() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.history.undo) > 0 }
func (s *Session) CanRedo() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.history.redo) > 0 }

func (s *Session) UndoLabel() string { s.mu.Lock(); defer s.mu.Unlock(); return top(s.history.undo) }
func (s *Session) RedoLabel() string { s.mu.Lock(); defer s.mu.Unlock(); return top(s.history.redo) }

func top(stack []change) string {
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1].label
}

// Undo reverts the last edit and returns what it was.
func (s *Session) Undo() (string, error) {
	return s.travel(&s.history.undo, &s.history.redo, func(c change) []byte { return c.before })
}

// Redo applies again the last undone edit.
func (s *Session) Redo() (string, error) {
	return s.travel(&s.history.redo, &s.history.undo, func(c change) []byte { return c.after })
}

func (s *Session) travel(from, to *[]change, state func(change) []byte) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(*from) == 0 {
		return "", nil
	}
	c := (*from)[len(*from)-1]
	steps := append(append([]change{}, c.more...), c) // the order they were made in
	if from == &s.history.undo {
		slices.Reverse(steps)
	}
	for _, st := range steps {
		if err := s.restore(st.kind, st.id, state(st)); err != nil {
			return "", err
		}
		s.reindexRecord(st.kind, st.id)
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, c)
	return c.label, nil
}

// restore writes a record's JSON state back, or deletes it when nil.
func (s *Session) restore(kind, id string, state []byte) error {
	switch kind {
	case "event":
		if state == nil {
			return s.st.DeleteEvent(id)
		}
		var e data.Event
		json.Unmarshal(state, &e)
		return s.st.PutEvent(&e)
	case "actor":
		if state == nil {
			return s.st.DeleteActor(id)
		}
		var a data.Actor
		json.Unmarshal(state, &a)
		return s.st.PutActor(&a)
	default:
		var a data.Article
		json.Unmarshal(state, &a)
		return s.st.UpdateArticle(&a)
	}
}
