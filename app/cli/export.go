package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"dossier/app"
	"dossier/app/report"
	"dossier/data"
)

var cmdExport = command{
	summary: "export events to a file whose extension says how: " + formatHelp(),
	usage:   "FILE" + strings.Join(formatExts(), "|FILE") + " [--from DATE] [--to DATE] [--actor ID|NAME]... [--type TYPE]...",
	run:     runExport,
}

// formatHelp lists the export formats for the help.
func formatHelp() string {
	var out []string
	for _, f := range report.Formats {
		out = append(out, f.Label)
	}
	return strings.Join(out, ", ")
}

func formatExts() []string {
	var out []string
	for _, f := range report.Formats {
		out = append(out, f.Ext)
	}
	return out
}

// multi collects a repeated flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func runExport(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "export")
	var f report.Filter
	var actors, types multi
	fs.StringVar(&f.From, "from", "", "first event date (YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "last event date (YYYY-MM-DD)")
	fs.Var(&actors, "actor", "only events where this actor (id, name or alias) takes part; repeat for several")
	fs.Var(&types, "type", "only events of this PLOVER type; repeat for several")
	fs.IntVar(&f.MinFatalities, "min-fatalities", 0, "only events reported to have killed at least this many")
	fs.Func("min-grade", "only events graded at least this well, as B3 (source A or B, information 1 to 3), B or 3", func(v string) (err error) {
		f.MinGrade, err = data.ParseGrade(v)
		return err
	})
	passFile := fs.String("password-file", "", "protect the workbook with the password this file holds (.xlsx only)")
	path, rest := firstOr(args), args
	if len(rest) > 0 {
		rest = rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitForParse(err)
	}
	if path == "" || strings.HasPrefix(path, "-") || fs.NArg() > 0 {
		return usageError(env, "export needs one output file first: dossier export report.xlsx [--from DATE] …")
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" {
			if _, _, _, err := data.ParsePartialDate(d); err != nil {
				return usageError(env, "%v", err)
			}
		}
	}
	path = env.path(path)
	ids, err := actorIDs(s, actors)
	if err != nil {
		return usageError(env, "%s", data.ErrorMessage(err))
	}
	f.Actors, f.Types = ids, types
	if _, ok := report.FormatOf(path); !ok {
		return usageError(env, "export writes %s files, not %q", report.FormatList(), filepath.Ext(path))
	}
	password, err := readSecret(*passFile, "password")
	if err != nil {
		return usageError(env, "%s", data.ErrorMessage(err))
	}
	if warning := s.Unprotected(path, string(password)); warning != "" {
		fmt.Fprintln(env.Stderr, "dossier: "+warning+" (--password-file FILE)")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := s.Export(ctx, path, report.Options{Filter: f, Password: string(password)})
	if err != nil {
		return fail(env, err)
	}
	for _, n := range res.Notices {
		fmt.Fprintln(env.Stderr, n)
	}
	fmt.Fprintln(env.Stdout, strings.TrimSpace(fmt.Sprintf("exported %d events to %s %s", res.Events, path, res.LeftOut())))
	return ExitOK
}

// actorIDs accepts ids, names or aliases.
func actorIDs(s *app.Session, given []string) ([]string, error) {
	var ids []string
	for _, g := range given {
		if _, err := s.Actor(g); err == nil {
			ids = append(ids, g)
			continue
		}
		found, err := s.ActorsNamed(g)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, data.Errorf(data.EInvalid, "no actor has the id or name %q", g)
		}
		for _, a := range found {
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}

var cmdImportXLSX = command{
	summary: "bring back an edited export: changed cells update events, rows without an ID create events;\n               conflicts and bad values are listed by row and column; --dry-run changes nothing",
	usage:   "FILE.xlsx [--dry-run] [--json]",
	run:     runImportXLSX,
}

func runImportXLSX(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "import-xlsx")
	dry := fs.Bool("dry-run", false, "show what would change, change nothing")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	path, rest := firstOr(args), args
	if len(rest) > 0 {
		rest = rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitForParse(err)
	}
	if path == "" || strings.HasPrefix(path, "-") {
		return usageError(env, "import-xlsx needs the workbook to read")
	}
	res, err := s.ImportWorkbook(env.path(path), *dry)
	if err != nil {
		return fail(env, err)
	}
	for _, p := range append(res.Conflicts, res.Problems...) {
		fmt.Fprintln(env.Stderr, p)
	}
	if *asJSON {
		json.NewEncoder(env.Stdout).Encode(res)
	} else {
		fmt.Fprintln(env.Stdout, res.Line())
	}
	if res.Refused > len(res.Problems) {
		fmt.Fprintf(env.Stderr, "… and %d more rows refused\n", res.Refused-len(res.Problems))
	}
	if len(res.Conflicts)+res.Refused > 0 {
		return ExitFailed
	}
	return ExitOK
}
