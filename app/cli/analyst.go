package cli

import (
	"context"
	"fmt"

	"dossier/data"
)

var cmdAnalyst = command{
	summary: "show who works on this database (the name colleagues see on its changes), or set the name with --name",
	usage:   "[--name NAME]",
	run:     runAnalyst,
}

func runAnalyst(env Env, st data.Store, args []string) int {
	fs := newFlags(env, "analyst")
	name := fs.String("name", "", "the name to show on this database's changes")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if fs.NArg() > 0 {
		return usageError(env, "analyst takes no arguments; give a name with --name \"Your Name\"")
	}
	if *name != "" {
		if err := st.SetAnalystName(context.Background(), *name); err != nil {
			return fail(env, err)
		}
	}
	a := st.Analyst()
	fmt.Fprintf(env.Stdout, "%s\t%s\n", a.ID, a.DisplayName())
	return ExitOK
}
