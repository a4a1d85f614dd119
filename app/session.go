package app

import (
	"context"
	"sort"
	"strings"
	"sync"

	"dossier/app/ingest"
	"dossier/app/search"
	"dossier/data"
)

// Session is one analyst's work on one database: reads pass through to the
// store, every edit is saved at once and can be undone and redone.
type Session struct {
	st      data.Store
	dbPath  string
	mu      sync.Mutex
	history history
	index   *search.Index // nil until OpenSearch
}

// NewSession works on st, which lives at dbPath (shown to the analyst).
func NewSession(st data.Store, dbPath string) *Session {
	return &Session{st: st, dbPath: dbPath}
}

// DatabasePath is where the records live.
func (s *Session) DatabasePath() string { return s.dbPath }

// Articles returns every article header (no text), newest import first.
func (s *Session) Articles() ([]data.Article, error) {
	arts, err := s.st.Articles()
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].ID > arts[j].ID })
	return arts, err
}

// Article returns one article with its text.
func (s *Session) Article(id string) (*data.Article, error) { return s.st.Article(id) }

// EventsOf returns the events citing an article, in creation order.
func (s *Session) EventsOf(articleID string) ([]data.Event, error) {
	evs, err := s.st.Events(data.EventQuery{Article: articleID})
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].ID < evs[j].ID })
	return evs, err
}

// EventCounts returns how many events cite each article, from the index.
func (s *Session) EventCounts() (map[string]int, error) { return s.st.EventCountsByArticle() }

// Event returns one event.
func (s *Session) Event(id string) (*data.Event, error) { return s.st.Event(id) }

// Actor returns one actor.
func (s *Session) Actor(id string) (*data.Actor, error) { return s.st.Actor(id) }

// Actors returns the register, by name.
func (s *Session) Actors() ([]data.Actor, error) {
	as, err := s.st.Actors()
	sort.SliceStable(as, func(i, j int) bool { return strings.ToLower(as[i].Name) < strings.ToLower(as[j].Name) })
	return as, err
}

// ActorsNamed returns the actors called name or having it as an alias.
func (s *Session) ActorsNamed(name string) ([]data.Actor, error) { return s.st.ActorsNamed(name) }

// SearchActors finds actors one of whose names has words starting with
// every word of query ("shoi" finds Sergei Shoigu), best matches first.
func (s *Session) SearchActors(query string) ([]data.Actor, error) {
	all, err := s.Actors()
	q := strings.Fields(data.NormaliseName(query))
	var out []data.Actor
	for _, a := range all {
		if a.MergedInto == "" && anyNameMatches(q, a.Names()) {
			out = append(out, a)
		}
	}
	return out, err
}

func anyNameMatches(query []string, names []string) bool {
	if len(query) == 0 {
		return false
	}
	for _, n := range names {
		words := strings.Fields(data.NormaliseName(n))
		if allPrefixes(query, words) {
			return true
		}
	}
	return false
}

func allPrefixes(query, words []string) bool {
	for _, q := range query {
		found := false
		for _, w := range words {
			if strings.HasPrefix(w, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Import reads files and folders into the database (see package ingest).
// Imports are not undone: the files are still there to import again.
func (s *Session) Import(ctx context.Context, paths []string, progress func(ingest.Progress)) (ingest.Summary, error) {
	sum, err := ingest.Import(ctx, s.st, paths, ingest.Options{Progress: progress})
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range sum.IDs {
		s.reindexRecord("article", id)
	}
	return sum, err
}

// AddText stores pasted text as a new article, with its title and date found
// as for a .txt file. It returns the new (or already stored) article's id.
func (s *Session) AddText(text string) (string, bool, error) {
	a, err := ingest.ArticleFromText(text)
	if err != nil {
		return "", false, data.Errorf(data.EInvalid, "The pasted text holds no article: %v.", err)
	}
	res, err := s.st.AddArticles(context.Background(), []*data.Article{a})
	if err != nil {
		return "", false, err
	}
	s.mu.Lock()
	s.reindex([]any{a}, nil)
	s.mu.Unlock()
	return res[0].ID, res[0].Duplicate, nil
}
