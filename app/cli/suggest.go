package cli

import (
	"encoding/json"
	"fmt"

	"dossier/app"
	"dossier/app/ingest"
	"dossier/app/language"
	"dossier/app/suggest"
	"dossier/data"
)

var cmdSuggest = command{
	summary: "print the actors, places, dates and events Dossier would suggest for files (or a stored\n               article), storing nothing: a JSON array per file; --no-learning shows the rules alone",
	usage:   "PATH... [--json] [--no-learning] | --article ID [--json] [--no-learning]",
	run:     runSuggest,
}

func runSuggest(env Env, s *app.Session, args []string) int {
	st := s.Store() // reads the whole database or looks after it
	fs := newFlags(env, "suggest")
	article := fs.String("article", "", "a stored article's id instead of files")
	fs.Bool("json", true, "print JSON (the only form)")
	rulesOnly := fs.Bool("no-learning", false, "the rules alone, without what the database has learned")
	var paths []string
	for len(args) > 0 { // files and flags in any order
		if err := fs.Parse(args); err != nil {
			return exitForParse(err)
		}
		if fs.NArg() == 0 {
			break
		}
		paths, args = append(paths, fs.Arg(0)), fs.Args()[1:]
	}
	if (len(paths) == 0) == (*article == "") {
		return usageError(env, "suggest needs files, or --article ID")
	}
	known, err := st.Actors()
	if err != nil {
		return fail(env, err)
	}
	model := func(a *data.Article) *suggest.Model {
		if *rulesOnly {
			return nil
		}
		return app.LearnedModel(st, language.Of(a))
	}
	enc := json.NewEncoder(env.Stdout)
	if *article != "" {
		a, err := st.Article(*article)
		if err != nil {
			return fail(env, err)
		}
		enc.Encode(orEmpty(suggest.ArticleLearned(a.Text, a.Published, known, model(a))))
		return ExitOK
	}
	code := ExitOK
	for _, p := range paths {
		a, err := ingest.ReadFile(p, true, 0)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", p, err)
			code = ExitFailed
			continue
		}
		enc.Encode(orEmpty(suggest.ArticleLearned(a.Text, a.Published, known, model(a))))
	}
	return code
}

func orEmpty(s []suggest.Suggestion) []suggest.Suggestion {
	if s == nil {
		return []suggest.Suggestion{}
	}
	return s
}
