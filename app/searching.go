package app

import (
	"log"

	"dossier/app/search"
	"dossier/data"
)

// OpenSearch opens (and, when missing or stale, rebuilds) the search index
// beside the database and keeps it in step with the session's edits.
func (s *Session) OpenSearch(progress func(done, total int)) error {
	ix, err := search.Open(search.Folder(s.dbPath))
	if err != nil {
		return err
	}
	if _, err := ix.Sync(s.st, progress); err != nil {
		ix.Close()
		return err
	}
	s.mu.Lock()
	s.index = ix
	s.mu.Unlock()
	return nil
}

// CloseSearch closes the index.
func (s *Session) CloseSearch() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.index != nil {
		s.index.Close()
		s.index = nil
	}
}

// Search runs a full-text query over articles and records.
func (s *Session) Search(query string, limit int) ([]search.Hit, error) {
	s.mu.Lock()
	ix := s.index
	s.mu.Unlock()
	if ix == nil {
		return nil, data.Errorf(data.EInvalid, "The search index is still being built.")
	}
	return ix.Search(query, limit)
}

// reindex brings the index in step after an edit: records to index again,
// ids to drop. The index is derived data: when this fails it is left stale
// and rebuilt at the next start. Callers hold s.mu.
func (s *Session) reindex(put []any, drop []string) {
	if s.index == nil {
		return
	}
	err := s.index.Put(put...)
	if err == nil && len(drop) > 0 {
		err = s.index.Delete(drop...)
	}
	if err == nil {
		err = s.index.MarkInStep(s.st)
	}
	if err != nil {
		log.Printf("search index left stale: %v", err)
	}
}

// reindexRecord indexes the current state of one record, or drops it.
func (s *Session) reindexRecord(kind, id string) {
	var rec any
	var err error
	switch kind {
	case "event":
		rec, err = s.st.Event(id)
	case "actor":
		rec, err = s.st.Actor(id)
	default:
		rec, err = s.st.Article(id)
	}
	if err != nil {
		s.reindex(nil, []string{id})
		return
	}
	s.reindex([]any{rec}, nil)
}
