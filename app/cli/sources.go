package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"dossier/app"
	"dossier/data"
)

var cmdSources = command{
	summary: "list the register of sources, or grade one (reliability A–F, STANAG 2511)",
	usage:   "[--json] | grade SOURCE A|B|C|D|E|F|none",
	run:     runSources,
}

func runSources(env Env, s *app.Session, args []string) int {
	if firstOr(args) == "grade" {
		return gradeSource(env, s, args[1:])
	}
	fs := newFlags(env, "sources")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if fs.NArg() > 0 {
		return usageError(env, "sources takes no %q: say 'dossier sources' or 'dossier sources grade SOURCE B'", fs.Arg(0))
	}
	rows, err := s.Sources(context.Background())
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		type line struct {
			Source      string   `json:"source"`
			Reliability []string `json:"reliability"`
			Articles    int      `json:"articles"`
			Events      int      `json:"events"`
		}
		out := make([]line, len(rows))
		for i, r := range rows {
			out[i] = line{r.Name, r.Reliabilities, r.Articles, r.Events}
		}
		return printJSON(env.Stdout, out)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	fmt.Fprintln(tw, "SOURCE\tRELIABILITY\tARTICLES\tEVENTS")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", r.Label(), orDash(r.Reliability()), r.Articles, r.Events)
	}
	return ExitOK
}

// gradeSource gives every article of one source a reliability.
func gradeSource(env Env, s *app.Session, args []string) int {
	if len(args) != 2 {
		return usageError(env, "sources grade needs a source and a reliability: dossier sources grade Xinhua B")
	}
	r := args[1]
	if r == "none" {
		r = ""
	}
	g, err := data.ParseGrade(r)
	if err != nil || g.Credibility != "" {
		return usageError(env, "%q is not a source reliability: say A, B, C, D, E, F or none", args[1])
	}
	n, err := s.GradeSource(args[0], g.Reliability)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "graded %d article(s) of %s %s\n", n, args[0], orDash(g.Reliability))
	return ExitOK
}
