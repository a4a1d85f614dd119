package app

import (
	"time"

	"dossier/data"
)

// An Edit is one change of a record, as a command or the window makes it:
// an actor or an event saved (based on the version it was read at, 0 for
// a new one), or an event deleted at Version.
type Edit struct {
	Actor       *data.Actor
	Event       *data.Event
	DeleteEvent string
	Version     int
	Field       string // the form field being edited: edits of one field in a row make one step
}

// MaxEditBatch is how many edits one commit takes at most.
const MaxEditBatch = 1000

// SaveEdits makes edits in order, each one undoable step, committing as
// many together as it can: a stream of edits is written to disk once a
// batch, not once an edit. It returns how many edits from the first were
// made (they are on disk); when err is not nil it is the error of the edit
// after them (a *data.Conflict, say), and none after that was tried.
func (s *Session) SaveEdits(edits []Edit) (int, error) {
	defer s.history.hold()()
	return s.makeEdits(edits[:together(edits)])
}

// makeEdits commits edits together; when one of them cannot be made (and
// the commit wrote nothing), it makes each half the same way, so that the
// edits before the one that fails are made in a few commits.
func (s *Session) makeEdits(edits []Edit) (int, error) {
	err := s.commitEdits(edits)
	switch {
	case err == nil:
		return len(edits), nil
	case len(edits) == 1:
		return 0, err
	}
	half := len(edits) / 2
	if made, err := s.makeEdits(edits[:half]); err != nil {
		return made, err
	}
	made, err := s.makeEdits(edits[half:])
	return half + made, err
}

// together is how many edits from the first can share a commit: at most
// MaxEditBatch, and no record twice (the second would be based on the
// version the first makes).
func together(edits []Edit) int {
	seen := map[string]bool{}
	for i, ed := range edits {
		key := ed.record()
		if i == MaxEditBatch || (key != "" && seen[key]) {
			return i
		}
		seen[key] = true
	}
	return len(edits)
}

// record names the record an edit changes ("" for a new one).
func (ed Edit) record() string {
	switch {
	case ed.Actor != nil && ed.Actor.ID != "":
		return "actor " + ed.Actor.ID
	case ed.Event != nil && ed.Event.ID != "":
		return "event " + ed.Event.ID
	case ed.DeleteEvent != "":
		return "event " + ed.DeleteEvent
	}
	return ""
}

// commitEdits writes edits in one commit, then makes each its step of the
// history and teaches the learner what it shows. The edit lock is held.
func (s *Session) commitEdits(edits []Edit) error {
	b := &data.Batch{}
	steps := make([]func() change, len(edits))
	for i, ed := range edits {
		step, err := s.stage(ed, b)
		if err != nil {
			return err
		}
		steps[i] = step
	}
	if err := s.st.Commit(s.ctx(s.origin), b); err != nil {
		return err
	}
	for i, ed := range edits {
		s.history.push(steps[i]())
		if ed.Event != nil && ed.Field == "" && ed.Event.CAMEO != "" {
			s.teachEvent(ed.Event)
		}
	}
	return nil
}

// stage adds an edit to b, and returns its step of the history, to be
// taken once b is committed (the record then has its new version).
func (s *Session) stage(ed Edit, b *data.Batch) (func() change, error) {
	now := time.Now()
	switch {
	case ed.Actor != nil:
		a := ed.Actor
		before := s.stateOf(data.RecordActor, a.ID, a.Version)
		b.Actors = append(b.Actors, a)
		return func() change {
			return change{label: newOrChange(before, "actor "+a.Name), kind: data.RecordActor, id: a.ID, before: before, after: snapshot(a), version: a.Version, at: now}
		}, nil
	case ed.Event != nil:
		e := ed.Event
		before := s.stateOf(data.RecordEvent, e.ID, e.Version)
		b.Events = append(b.Events, e)
		return func() change {
			return change{label: newOrChange(before, "event"), kind: data.RecordEvent, id: e.ID, before: before, after: snapshot(e), version: e.Version, field: ed.Field, at: now}
		}, nil
	case ed.DeleteEvent != "":
		old, err := s.st.Event(ed.DeleteEvent)
		if err != nil {
			return nil, err
		}
		b.Deletes = append(b.Deletes, data.Ref{Record: data.RecordEvent, ID: ed.DeleteEvent, Version: ed.Version})
		return func() change {
			return change{label: "delete event", kind: data.RecordEvent, id: ed.DeleteEvent, before: snapshot(old), version: ed.Version + 1, at: now}
		}, nil
	}
	return nil, data.Errorf(data.EInvalid, "An edit names an actor, an event or an event to delete.")
}

// newOrChange is a step's label: "new …" for a record that did not exist.
func newOrChange(before []byte, what string) string {
	if before == nil {
		return "new " + what
	}
	return "change " + what
}

// teachEvent teaches the learner the words of an event's evidence as its
// type, each in its article's language.
func (s *Session) teachEvent(e *data.Event) {
	for _, sp := range e.Evidence {
		lang := ""
		if a, err := s.st.Article(sp.Article); err == nil {
			lang = articleLanguage(a)
		}
		s.learner.teach(lesson{lang: lang, event: [2]string{sp.Quote, e.CAMEO}})
	}
}
