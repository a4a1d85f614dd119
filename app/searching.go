package app

import (
	"sync"

	"dossier/app/search"
	"dossier/data"
)

// searchLink is a session's full-text search: the index beside the
// database, followed while it is open. Its methods (OpenSearch, Search …)
// are the session's.
type searchLink struct {
	mu     sync.Mutex
	dbPath string
	st     interface {
		data.Keys     // the index's key, on an encrypted database
		search.Source // what it indexes, and the change feed
	}
	f        *search.Follower // nil until OpenSearch
	building [2]int           // records indexed, of how many, while OpenSearch brings the index in step
}

// OpenSearch opens the search index beside the database (catching up
// with what changed since it was last open, or building it when missing)
// and keeps it in step with every change to it. progress hears how many
// records are indexed of how many.
func (l *searchLink) OpenSearch(progress func(done, total int)) error {
	ix, err := search.OpenFor(l.dbPath, l.st)
	if err != nil {
		return err
	}
	f := search.Follow(ix, l.st) // follows first: no change falls between
	_, err = f.Sync(func(done, total int) {
		l.mu.Lock()
		l.building = [2]int{done, total}
		l.mu.Unlock()
		if progress != nil {
			progress(done, total)
		}
	})
	if err != nil {
		f.Close()
		return err
	}
	l.mu.Lock()
	l.f = f
	l.mu.Unlock()
	return nil
}

// Searching reports whether the session's search index is open.
func (l *searchLink) Searching() bool { return l.follower() != nil }

// CloseSearch closes the index.
func (l *searchLink) CloseSearch() {
	l.mu.Lock()
	f := l.f
	l.f = nil
	l.mu.Unlock()
	if f != nil {
		f.Close()
	}
}

// Search runs a full-text query over articles and records, once every edit
// made before it is indexed.
func (l *searchLink) Search(query string, limit int) ([]search.Hit, error) {
	f := l.follower()
	if f == nil {
		l.mu.Lock()
		done, total := l.building[0], l.building[1]
		l.mu.Unlock()
		if total == 0 {
			return nil, data.Errorf(data.EInvalid, "The search index is still being opened; try again in a moment.")
		}
		return nil, data.Errorf(data.EInvalid, "The search index is being brought up to date: %d of %d records so far (%d%%); try again in a moment.",
			done, total, done*100/total)
	}
	f.Settle()
	return f.Index().Search(query, limit)
}

func (l *searchLink) follower() *search.Follower {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f
}
