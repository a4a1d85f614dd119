package cli

import (
	"fmt"
	"strings"

	"dossier/app/search"
	"dossier/data"
)

var cmdSearch = command{
	summary: "search articles and records: words, \"a phrase\", prefix*; prints the matching passages",
	usage:   "QUERY [--json] [--limit N]",
	run:     runSearch,
}

func runSearch(env Env, st data.Store, args []string) int {
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
	ix, err := search.OpenFor(dbPathOf(st), st)
	if err != nil {
		return fail(env, err)
	}
	defer ix.Close()
	rebuilt, err := ix.Sync(st, func(done, total int) { fmt.Fprintf(env.Stderr, "\rindexing %d of %d articles", done, total) })
	if err != nil {
		return fail(env, err)
	}
	if rebuilt {
		fmt.Fprintln(env.Stderr, "\rthe search index was rebuilt          ")
	}
	hits, err := ix.Search(query, *limit)
	if err != nil {
		return usageError(env, "the query %q cannot be read: %v", query, err)
	}
	if *asJSON {
		return printJSON(env.Stdout, hits)
	}
	for _, h := range hits {
		fmt.Fprintf(env.Stdout, "%s %s  %s\n    %s\n", h.Kind, h.ID, h.Title, h.Passage)
	}
	return ExitOK
}

// dbPathOf is the folder of a store that knows it.
func dbPathOf(st data.Store) string {
	if p, ok := st.(interface{ Path() string }); ok {
		return p.Path()
	}
	return "dossier"
}
