package app

import (
	"dossier/app/search"
	"dossier/data"
)

// OpenSearch opens (and, when missing or stale, rebuilds) the search index
// beside the database and keeps it in step with every change to it.
func (s *Session) OpenSearch(progress func(done, total int)) error {
	ix, err := search.OpenFor(s.dbPath, s.st)
	if err != nil {
		return err
	}
	f := search.Follow(ix, s.st) // follows first: no change falls between
	if _, err := f.Sync(progress); err != nil {
		f.Close()
		return err
	}
	s.mu.Lock()
	s.search = f
	s.mu.Unlock()
	return nil
}

// Searching reports whether the session's search index is open.
func (s *Session) Searching() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.search != nil
}

// CloseSearch closes the index.
func (s *Session) CloseSearch() {
	s.mu.Lock()
	f := s.search
	s.search = nil
	s.mu.Unlock()
	if f != nil {
		f.Close()
	}
}

// Search runs a full-text query over articles and records, once every edit
// made before it is indexed.
func (s *Session) Search(query string, limit int) ([]search.Hit, error) {
	s.mu.Lock()
	f := s.search
	s.mu.Unlock()
	if f == nil {
		return nil, data.Errorf(data.EInvalid, "The search index is still being built.")
	}
	f.Settle()
	return f.Index().Search(query, limit)
}
