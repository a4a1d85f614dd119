package cli

import (
	"fmt"

	"dossier/app"
)

var cmdAnalyst = command{
	summary: "show who works on this database (the name colleagues see on its changes), or set the name with --name",
	usage:   "[--name NAME]",
	run:     runAnalyst,
}

func runAnalyst(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "analyst")
	name := fs.String("name", "", "the name to show on this database's changes")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if fs.NArg() > 0 {
		return usageError(env, "analyst takes no arguments; give a name with --name \"Your Name\"")
	}
	if *name != "" {
		if err := s.SetAnalystName(*name); err != nil {
			return fail(env, err)
		}
	}
	a := s.Analyst()
	fmt.Fprintf(env.Stdout, "%s\t%s\n", a.ID, a.DisplayName())
	return ExitOK
}
