package app

import (
	"time"

	"dossier/data"
)

// SaveEvent stores a new or changed event as one undoable step. field names
// the form field being edited, so that typing in it makes one step, not one
// per key; "" always makes a new step.
func (s *Session) SaveEvent(e *data.Event, field string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var before []byte
	if e.ID != "" {
		if old, err := s.st.Event(e.ID); err == nil {
			before = snapshot(old)
		}
	}
	if err := s.st.PutEvent(e); err != nil {
		return err
	}
	label := "change event"
	if before == nil {
		label = "new event"
	}
	s.history.push(change{label: label, kind: "event", id: e.ID, before: before, after: snapshot(e), field: field, at: time.Now()})
	s.reindexRecord("event", e.ID)
	return nil
}

// DeleteEvent removes an event as one undoable step.
func (s *Session) DeleteEvent(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.st.Event(id)
	if err != nil {
		return err
	}
	if err := s.st.DeleteEvent(id); err != nil {
		return err
	}
	s.history.push(change{label: "delete event", kind: "event", id: id, before: snapshot(old), at: time.Now()})
	s.reindexRecord("event", id)
	return nil
}

// SaveActor stores a new or changed actor as one undoable step.
func (s *Session) SaveActor(a *data.Actor) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var before []byte
	if a.ID != "" {
		if old, err := s.st.Actor(a.ID); err == nil {
			before = snapshot(old)
		}
	}
	if err := s.st.PutActor(a); err != nil {
		return err
	}
	label := "change actor " + a.Name
	if before == nil {
		label = "new actor " + a.Name
	}
	s.history.push(change{label: label, kind: "actor", id: a.ID, before: before, after: snapshot(a), at: time.Now()})
	s.reindexRecord("actor", a.ID)
	return nil
}

// DeleteActor removes an actor no event cites, as one undoable step.
func (s *Session) DeleteActor(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.st.Actor(id)
	if err != nil {
		return err
	}
	if err := s.st.DeleteActor(id); err != nil {
		return err
	}
	s.history.push(change{label: "delete actor " + old.Name, kind: "actor", id: id, before: snapshot(old), at: time.Now()})
	s.reindexRecord("actor", id)
	return nil
}

// SaveArticle changes an article's header (title, status, notes …) as one
// undoable step.
func (s *Session) SaveArticle(a *data.Article, field string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.st.Article(a.ID)
	if err != nil {
		return err
	}
	if err := s.st.UpdateArticle(a); err != nil {
		return err
	}
	s.history.push(change{label: "change article", kind: "article", id: a.ID, before: snapshot(old.Header()), after: snapshot(a.Header()), field: field, at: time.Now()})
	s.reindexRecord("article", a.ID)
	return nil
}

// DeleteArticle removes an article that no event cites. Its text is gone
// for good (import the file again to bring it back), so it is not undone.
func (s *Session) DeleteArticle(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.DeleteArticle(id); err != nil {
		return err
	}
	s.reindex(nil, []string{id})
	return nil
}
