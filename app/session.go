package app

import (
	"context"
	"slices"
	"sort"
	"strings"

	"dossier/app/ingest"
	"dossier/data"
)

// Session is one analyst's work on one database: every edit is saved at
// once, conditionally on the version it was based on, and can be undone
// and redone. What it reads as the store keeps it comes straight from the
// store (Reads); every committed change, whoever made it, reaches the
// session's subscribers (Subscribe).
type Session struct {
	Reads
	st     data.Store
	dbPath string
	origin data.Origin // where this session's edits come from
	*shared
}

// shared is what every face of a session has in common (From), each a
// part with its own lock whose methods are the session's: one history of
// edits to undo, one search index, one learner, one link to the hub.
type shared struct {
	*history    // undo and redo, and the lock each edit holds
	*searchLink // the full-text index, while open
	*learner    // the suggestion models, learning from decisions
	*teamLink   // to the team hub, while connected (Sync)
}

// Reads are what a session gives as the store keeps it: one record by id,
// the actors a name may be, counts from the indexes, who works here, what
// arrived from colleagues and was set aside, and the change feed.
type Reads interface {
	Article(id string) (*data.Article, error)
	Event(id string) (*data.Event, error)
	Actor(id string) (*data.Actor, error)
	ActorsNamed(name string) ([]data.Actor, error)
	EventCount(id string) (int, error)
	EventCountsByArticle() (map[string]int, error)
	Analyst() data.Analyst
	AnalystName(id string) string
	Notices() []string
	Conflicts() ([]data.OpenConflict, error)
	SetAside() ([]data.SetAside, error)
	Subscribe(fn func([]data.Change)) (cancel func())
}

// NewSession works on st, which lives at dbPath (shown to the analyst);
// its edits come from the window.
func NewSession(st data.Store, dbPath string) *Session {
	return NewSessionFrom(st, dbPath, data.OriginWindow)
}

// NewSessionFrom is a session whose edits come from origin (a colleague's,
// arriving through the team hub, say).
func NewSessionFrom(st data.Store, dbPath string, origin data.Origin) *Session {
	return &Session{Reads: st, st: st, dbPath: dbPath, origin: origin, shared: &shared{
		history:    &history{st: st},
		searchLink: &searchLink{dbPath: dbPath, st: st},
		learner:    &learner{st: st},
		teamLink:   &teamLink{},
	}}
}

// From is the same session with its edits coming from origin: a command
// typed beside the open window edits through the window's session (its
// undo history, its learner), and the window says the change came from the
// command line.
func (s *Session) From(origin data.Origin) *Session {
	c := *s
	c.origin = origin
	return &c
}

// Store is the database itself, for the commands that read it whole or
// look after it (list, show, check, sync); every edit goes through the
// session's own methods.
func (s *Session) Store() data.Store { return s.st }

// ctx carries the origin of the session's edits to the store.
func (s *Session) ctx(o data.Origin) context.Context {
	return data.WithOrigin(context.Background(), o)
}

// SetAnalystName changes the name colleagues see on this analyst's changes.
func (s *Session) SetAnalystName(name string) error {
	return s.st.SetAnalystName(s.ctx(s.origin), name)
}

// DatabasePath is where the records live.
func (s *Session) DatabasePath() string { return s.dbPath }

// Articles returns every article header (no text), newest import first.
func (s *Session) Articles() ([]data.Article, error) {
	arts, err := s.st.Articles()
	slices.Reverse(arts) // the store lists them oldest first
	return arts, err
}

// EventsOf returns the events citing an article, in creation order; no
// article ("", as when none is open) cites none (a query without an
// article would read every event of the store).
func (s *Session) EventsOf(articleID string) ([]data.Event, error) {
	if articleID == "" {
		return nil, nil
	}
	evs, err := s.st.Events(data.EventQuery{Article: articleID})
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].ID < evs[j].ID })
	return evs, err
}

// ArticleHeader returns one article without its text.
func (s *Session) ArticleHeader(id string) (*data.Article, error) {
	a, err := s.st.Article(id)
	if err != nil {
		return nil, err
	}
	h := a.Header()
	return &h, nil
}

// Actors returns the register, by name.
func (s *Session) Actors() ([]data.Actor, error) {
	as, err := s.st.Actors()
	sort.SliceStable(as, func(i, j int) bool { return strings.ToLower(as[i].Name) < strings.ToLower(as[j].Name) })
	return as, err
}

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
// A new article from a graded source gets the source's reliability.
func (s *Session) Import(ctx context.Context, paths []string, progress func(ingest.Progress)) (ingest.Summary, error) {
	grades, err := s.sourceGrades()
	if err != nil {
		return ingest.Summary{}, err
	}
	return ingest.Import(data.WithOrigin(ctx, data.OriginImport), s.st, paths, ingest.Options{Progress: progress, Prepare: gradeNew(grades)})
}

// AddText stores pasted text as a new article, with its title and date found
// as for a .txt file. It returns the new (or already stored) article's id.
func (s *Session) AddText(text string) (string, bool, error) {
	a, err := ingest.ArticleFromText(text)
	if err != nil {
		return "", false, data.Errorf(data.EInvalid, "The pasted text holds no article: %v.", err)
	}
	if a.Source != "" {
		grades, err := s.sourceGrades()
		if err != nil {
			return "", false, err
		}
		gradeNew(grades)(a)
	}
	res, err := s.st.AddArticles(s.ctx(data.OriginImport), []*data.Article{a})
	if err != nil {
		return "", false, err
	}
	return res[0].ID, res[0].Duplicate, nil
}
