package app

import (
	"time"

	"dossier/data"
)

// SaveEvent stores a new or changed event as one undoable step, if the
// event is still at the version e was read at (a *data.Conflict says who
// changed it otherwise). field names the form field being edited, so that
// typing in it makes one step, not one per key; "" always makes a new step.
func (s *Session) SaveEvent(e *data.Event, field string) error {
	defer s.history.hold()()
	return s.commitEdits([]Edit{{Event: e, Field: field}})
}

// DeleteEvent removes an event read at version, as one undoable step.
func (s *Session) DeleteEvent(id string, version int) error {
	defer s.history.hold()()
	return s.commitEdits([]Edit{{DeleteEvent: id, Version: version}})
}

// SaveActor stores a new or changed actor as one undoable step, like
// SaveEvent.
func (s *Session) SaveActor(a *data.Actor) error {
	defer s.history.hold()()
	return s.commitEdits([]Edit{{Actor: a}})
}

// DeleteActor removes an actor no event cites, as one undoable step.
func (s *Session) DeleteActor(id string, version int) error {
	defer s.history.hold()()
	old, err := s.st.Actor(id)
	if err != nil {
		return err
	}
	if err := s.st.DeleteActor(s.ctx(s.origin), id, version); err != nil {
		return err
	}
	s.history.push(change{label: "delete actor " + old.Name, kind: data.RecordActor, id: id, before: snapshot(old), version: version + 1, at: time.Now()})
	return nil
}

// SaveArticle changes an article's header (title, status, notes …) as one
// undoable step, if it is still at the version a was read at.
func (s *Session) SaveArticle(a *data.Article, field string) error {
	defer s.history.hold()()
	return s.saveArticle(a, field)
}

func (s *Session) saveArticle(a *data.Article, field string) error {
	before := s.stateOf(data.RecordArticle, a.ID, a.Version)
	h := a.Header()
	if err := s.st.UpdateArticle(s.ctx(s.origin), &h); err != nil {
		return err
	}
	a.Revision = h.Revision
	s.history.push(change{label: "change article", kind: data.RecordArticle, id: a.ID, before: before, after: snapshot(h), version: h.Version, field: field, at: time.Now()})
	return nil
}

// DeleteArticle removes an article that no event cites. Its text is gone
// for good (import the file again to bring it back), so it is not undone.
func (s *Session) DeleteArticle(id string, version int) error {
	return s.st.DeleteArticle(s.ctx(s.origin), id, version)
}

// stateOf is a record's stored state, as an undo step keeps it, when it is
// at version (nil when it is new, or when the write will be refused
// anyway).
func (s *Session) stateOf(kind data.RecordKind, id string, version int) []byte {
	if id == "" || version == 0 {
		return nil
	}
	var rec any
	var err error
	switch kind {
	case data.RecordEvent:
		rec, err = s.st.Event(id)
	case data.RecordActor:
		rec, err = s.st.Actor(id)
	default:
		var a *data.Article
		if a, err = s.st.Article(id); err == nil {
			rec = a.Header()
		}
	}
	if err != nil {
		return nil
	}
	return snapshot(rec)
}
