package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"

	"dossier/app"
)

var cmdImport = command{
	summary: "import article files and folders (.pdf .docx .odt .rtf .html .mhtml .eml .txt .md); per-file problems go to stderr,\n               the summary to stdout; exit 1 when a file failed",
	usage:   "[--json] PATH...",
	run:     runImport,
}

func runImport(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "import")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if fs.NArg() == 0 {
		return usageError(env, "import needs at least one file or folder")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sum, err := s.Import(ctx, env.paths(fs.Args()), nil)
	for _, p := range sum.Failures {
		fmt.Fprintln(env.Stderr, p)
	}
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(sum)
	} else {
		fmt.Fprintln(env.Stdout, sum.Line())
	}
	if sum.Failed > 0 || sum.Cancelled {
		return ExitFailed
	}
	return ExitOK
}
