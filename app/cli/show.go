package cli

import (
	"fmt"
	"strings"

	"dossier/app"
	"dossier/data"
)

var cmdShow = command{
	summary: "print one article with its whole text as stored, or one event or actor",
	usage:   "ID [--json]",
	run:     runShow,
}

func runShow(env Env, s *app.Session, args []string) int {
	st := s.Store() // reads the whole database or looks after it
	fs := newFlags(env, "show")
	asJSON := fs.Bool("json", false, "print the record as JSON")
	id, rest := firstOr(args), args
	if len(rest) > 0 {
		rest = rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitForParse(err)
	}
	if id == "" || strings.HasPrefix(id, "-") {
		return usageError(env, "show needs the id of an article, event or actor ('dossier list' prints them)")
	}
	var rec any
	var err error
	switch {
	case strings.HasPrefix(id, data.EventPrefix+"-"):
		rec, err = st.Event(id)
	case strings.HasPrefix(id, data.ActorPrefix+"-"):
		rec, err = st.Actor(id)
	default:
		rec, err = st.Article(id)
	}
	if data.ErrorCode(err) == data.ENotFound && strings.HasPrefix(id, data.EventPrefix+"-") {
		if into, _ := s.MergedInto(id); into != "" {
			return fail(env, data.Errorf(data.ENotFound, "The event %s was merged into %s ('dossier show %s').", id, into, into))
		}
	}
	if err != nil {
		return fail(env, err)
	}
	if a, ok := rec.(*data.Article); ok && !*asJSON {
		fmt.Fprintf(env.Stdout, "%s\n%s · %s · %d characters\n\n%s", a.Title, orDash(a.Published), a.File, a.Length, a.Text)
		if !strings.HasSuffix(a.Text, "\n") {
			fmt.Fprintln(env.Stdout)
		}
		return ExitOK
	}
	return printJSON(env.Stdout, rec)
}
