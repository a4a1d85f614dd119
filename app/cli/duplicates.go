package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"dossier/app"
	"dossier/data"
)

var cmdDuplicates = command{
	summary: "list the pairs of events that are probably one event reported twice",
	usage:   "[--json]",
	run:     runDuplicates,
}

var cmdMergeEvents = command{
	summary: "merge event OTHER into event KEEP: KEEP cites OTHER's evidence and articles, OTHER goes",
	usage:   "KEEP OTHER",
	run:     runMergeEvents,
}

func runDuplicates(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "duplicates")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if fs.NArg() > 0 {
		return usageError(env, "duplicates takes no %q", fs.Arg(0))
	}
	pairs, err := s.DuplicateEvents()
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		type line struct {
			A       string   `json:"a"`
			B       string   `json:"b"`
			Score   float64  `json:"score"`
			Matched []string `json:"matched"`
		}
		out := make([]line, len(pairs))
		for i, p := range pairs {
			out[i] = line{p.A.ID, p.B.ID, p.Score, p.Matched}
		}
		return printJSON(env.Stdout, out)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	fmt.Fprintln(tw, "SCORE\tEVENT\tEVENT\tMATCHED")
	for _, p := range pairs {
		fmt.Fprintf(tw, "%.2f\t%s\t%s\t%s\n", p.Score, p.A.ID, p.B.ID, strings.Join(p.Matched, ", "))
	}
	return ExitOK
}

func runMergeEvents(env Env, s *app.Session, args []string) int {
	if len(args) != 2 || strings.HasPrefix(args[0], "-") || strings.HasPrefix(args[1], "-") {
		return usageError(env, "merge-events needs the event to keep and the one to merge into it: dossier merge-events KEEP OTHER")
	}
	for _, id := range args {
		if !data.IsID(id, data.EventPrefix) {
			return usageError(env, "%q is not an event id ('dossier duplicates' lists the pairs)", id)
		}
	}
	if err := s.MergeEvents(args[0], args[1]); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "merged %s into %s\n", args[1], args[0])
	return ExitOK
}
