package cli

import (
	"errors"
	"fmt"
	"strings"

	"dossier/app"
	"dossier/app/search"
)

var cmdSearch = command{
	summary: "search articles and records: words, \"a phrase\", prefix*; prints the matching passages",
	usage:   "QUERY [--json] [--limit N]",
	run:     runSearch,
}

func runSearch(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "search")
	asJSON := fs.Bool("json", false, "print a JSON array of hits")
	limit := fs.Int("limit", 20, "at most this many hits")
	query, rest := firstOr(args), args
	if len(rest) > 0 {
		rest = rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitForParse(err)
	}
	if strings.TrimSpace(query) == "" || fs.NArg() > 0 {
		return usageError(env, "search needs one query (quote it for the shell): dossier search '\"security talks\"'")
	}
	hits, err := searchFor(env, s, query, *limit)
	var bad unreadQuery
	if errors.As(err, &bad) {
		return usageError(env, "the query %q cannot be read: %v", query, bad.err)
	}
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return printJSON(env.Stdout, hits)
	}
	for _, h := range hits {
		fmt.Fprintf(env.Stdout, "%s %s  %s\n    %s\n", h.Kind, h.ID, h.Title, h.Passage)
	}
	return ExitOK
}

// searchFor runs a query through the session's index when it has one open
// (a window's), or opens the database's index for this command.
func searchFor(env Env, s *app.Session, query string, limit int) ([]search.Hit, error) {
	if s.Searching() {
		return queryHits(s.Search(query, limit))
	}
	st := s.Store()
	ix, err := search.OpenFor(s.DatabasePath(), st)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	indexed := 0
	rebuilt, err := ix.Sync(st, func(done, total int) {
		indexed = done
		fmt.Fprintf(env.Stderr, "\rindexing %d of %d records", done, total)
	})
	if err != nil {
		return nil, err
	}
	switch {
	case rebuilt:
		fmt.Fprintln(env.Stderr, "\rthe search index was rebuilt                    ")
	case indexed > 0:
		fmt.Fprintf(env.Stderr, "\rthe search index caught up with %d changed records\n", indexed)
	}
	return queryHits(ix.Search(query, limit))
}

// unreadQuery is a query the index cannot read: the analyst's to fix.
type unreadQuery struct{ err error }

func (u unreadQuery) Error() string { return u.err.Error() }

func queryHits(hits []search.Hit, err error) ([]search.Hit, error) {
	if err != nil {
		return nil, unreadQuery{err}
	}
	return hits, nil
}
