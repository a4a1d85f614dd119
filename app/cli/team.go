package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"
)

var cmdBundle = command{
	summary: "carry changes between databases on a file: 'bundle export FILE [--since last|all|DATE]' writes this\n               database's changes; 'bundle import FILE [--dry-run]' merges a colleague's (conflicts are kept for you);\n               --team-passphrase-file F seals or opens a bundle",
	usage:   "export FILE [--since last|all|DATE] [--team-passphrase-file F] | import FILE [--dry-run] [--team-passphrase-file F]",
	run:     runBundle,
}

func runBundle(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "bundle")
	since := fs.String("since", "all", "which changes: all, last (since the last bundle written), or those made since a day (YYYY-MM-DD)")
	dry := fs.Bool("dry-run", false, "import: say what would change, change nothing")
	passFile := fs.String("team-passphrase-file", "", "file holding the team passphrase, to seal or open the bundle")
	if len(args) < 2 || (args[0] != "export" && args[0] != "import") {
		return usageError(env, "bundle export FILE or bundle import FILE")
	}
	verb, path := args[0], args[1]
	if err := fs.Parse(args[2:]); err != nil {
		return exitForParse(err)
	}
	pass, err := readSecret(*passFile, "team passphrase")
	if err != nil {
		return usageError(env, "%s", data.ErrorMessage(err))
	}
	if verb == "export" {
		return exportBundle(env, s, env.path(path), team.Since(*since), pass)
	}
	return importBundle(env, s, env.path(path), pass, *dry)
}

func exportBundle(env Env, s *app.Session, path string, since team.Since, pass []byte) int {
	res, err := s.ExportBundle(path, since, pass)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "wrote %d changed records to %s\n", res.Records, path)
	return ExitOK
}

func importBundle(env Env, s *app.Session, path string, pass []byte, dry bool) int {
	b, err := s.ReadBundle(path, pass)
	if err != nil {
		return fail(env, err)
	}
	defer b.Close()
	fmt.Fprintf(env.Stderr, "dossier: %s\n", s.AboutBundle(b))
	rep, err := s.ImportBundle(b, dry)
	if err != nil {
		return fail(env, err)
	}
	line := team.Line(rep)
	if dry {
		line = "would have: " + line
	}
	fmt.Fprintln(env.Stdout, line)
	if rep.Conflicts > 0 && !dry {
		fmt.Fprintln(env.Stderr, "dossier: records changed on both sides are kept as conflicts: 'dossier conflicts' lists them, 'dossier resolve ID --keep mine|theirs' settles one")
	}
	return ExitOK
}

var cmdSync = command{
	summary: "exchange changes with the team hub (NATS JetStream): push this database's, merge the team's; runs\n               until stopped, or with --once exchanges what waits and exits; settings are remembered",
	usage:   "--server URL [--creds FILE | --user U --password-file F] [--tls-ca FILE] [--team NAME] [--team-passphrase-file F] [--once]",
	run:     runSync,
}

func runSync(env Env, s *app.Session, args []string) int {
	saved := s.HubSettings()
	fs := newFlags(env, "sync")
	cfg := saved
	fs.StringVar(&cfg.Server, "server", saved.Server, "the hub's address (nats://host:4222, tls://host:4222)")
	fs.StringVar(&cfg.Creds, "creds", saved.Creds, "a NATS credentials file")
	fs.StringVar(&cfg.User, "user", saved.User, "user name on the hub")
	passFile := fs.String("password-file", "", "file holding the hub password")
	fs.StringVar(&cfg.CA, "tls-ca", saved.CA, "the hub's CA certificate (PEM), for TLS")
	fs.StringVar(&cfg.Team, "team", orDefault(saved.Team, "team"), "the team's name")
	teamFile := fs.String("team-passphrase-file", "", "file holding the team passphrase (what travels is sealed with it)")
	onceOnly := fs.Bool("once", false, "exchange what waits, then exit")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if cfg.Server == "" || fs.NArg() > 0 {
		return usageError(env, "sync needs the hub's address: dossier sync --server nats://host:4222")
	}
	var err error
	if pw, e := readSecret(*passFile, "password"); e == nil && pw != nil {
		cfg.Password = string(pw)
	} else if e != nil {
		return usageError(env, "%s", data.ErrorMessage(e))
	}
	if p, e := readSecret(*teamFile, "team passphrase"); e == nil && p != nil {
		cfg.Passphrase = p
	} else if e != nil {
		return usageError(env, "%s", data.ErrorMessage(e))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sy, err := s.ConnectHub(ctx, cfg)
	if err != nil {
		return fail(env, err)
	}
	defer sy.Close()
	if h, err := Hold(s); err == nil { // commands typed meanwhile are run here
		defer h.Close()
	}
	if *onceOnly {
		ex, err := sy.Once(ctx)
		if err != nil {
			return fail(env, err)
		}
		fmt.Fprintf(env.Stdout, "pushed %d, pulled: %s\n", ex.Pushed, team.Line(ex.Pulled))
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "dossier: syncing with %s (team %s); Ctrl+C stops\n", cfg.Server, cfg.Team)
	sy.OnStatus(func(st team.Status) {
		if st.Problem != "" {
			fmt.Fprintln(env.Stderr, "dossier:", st.Problem)
		}
	})
	sy.Run(ctx)
	return ExitOK
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

var cmdConflicts = command{
	summary: "list the records changed here and on a colleague's database since a common version, then what arrived from colleagues and was set aside (with why); --set-aside --json prints those",
	usage:   "[--set-aside] [--json]",
	run:     runConflicts,
}

// conflictJSON is one open conflict for scripts.
type conflictJSON struct {
	Record data.RecordKind `json:"record"`
	ID     string          `json:"id"`
	Mine   data.Version    `json:"mine"`
	Theirs []data.Version  `json:"theirs"`
	Fields []team.Field    `json:"fields"`
}

func runConflicts(env Env, s *app.Session, args []string) int {
	st := s.Store() // reads the whole database or looks after it
	fs := newFlags(env, "conflicts")
	asJSON := fs.Bool("json", false, "print a JSON array")
	asideOnly := fs.Bool("set-aside", false, "list only what was set aside")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if *asideOnly {
		return printSetAside(env, st, *asJSON)
	}
	open, err := st.Conflicts()
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		out := []conflictJSON{}
		for _, c := range open {
			out = append(out, conflictJSON{c.Record, c.ID, c.Mine, c.Theirs, team.Fields(c)})
		}
		return printJSON(env.Stdout, out)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRECORD\tDIFFERS IN\tSIDES")
	for _, c := range open {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Record, strings.Join(team.Differing(c), ", "), team.Describe(st, c))
	}
	tw.Flush()
	if aside, err := st.SetAside(); err != nil || len(aside) > 0 {
		fmt.Fprintln(env.Stdout)
		return printSetAside(env, st, false)
	}
	return ExitOK
}

// printSetAside lists what arrived from colleagues and was not taken in.
func printSetAside(env Env, st data.Store, asJSON bool) int {
	aside, err := st.SetAside()
	if err != nil {
		return fail(env, err)
	}
	if asJSON {
		if aside == nil {
			aside = []data.SetAside{}
		}
		return printJSON(env.Stdout, aside)
	}
	fmt.Fprintf(env.Stdout, "set aside %d (arrived from colleagues and not taken in; 'dossier resolve ID --dismiss' forgets one):\n", len(aside))
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRECORD\tVERSION\tBY\tFROM\tREASON")
	for _, a := range aside {
		by := ""
		if a.Rev.By != "" {
			by = st.AnalystName(a.Rev.By)
		}
		fmt.Fprintf(tw, "%q\t%s\t%d\t%s\t%s\t%s\n", a.ID, a.Record, a.Rev.N, by, a.From.Place(), a.Reason)
	}
	tw.Flush()
	return ExitOK
}

var cmdResolve = command{
	summary: "settle a conflict keeping one side: --keep mine or --keep theirs; the result travels as a new version; --dismiss forgets something set aside",
	usage:   "ID --keep mine|theirs | ID --dismiss",
	run:     runResolve,
}

func runResolve(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "resolve")
	keep := fs.String("keep", "", "mine or theirs")
	dismiss := fs.Bool("dismiss", false, "forget what was set aside about ID")
	id, rest := firstOr(args), args
	if len(rest) > 0 {
		rest = rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitForParse(err)
	}
	if *dismiss && id != "" && !strings.HasPrefix(id, "-") && *keep == "" {
		if err := s.Dismiss(id); err != nil {
			return fail(env, err)
		}
		fmt.Fprintf(env.Stdout, "dismissed what was set aside about %q\n", id)
		return ExitOK
	}
	if id == "" || strings.HasPrefix(id, "-") || (*keep != "mine" && *keep != "theirs") {
		return usageError(env, "resolve ID --keep mine|theirs")
	}
	open, err := s.Conflicts()
	if err != nil {
		return fail(env, err)
	}
	for _, c := range open {
		if c.ID == id {
			body, err := team.Kept(c, *keep)
			if err == nil {
				err = s.Settle(c.ID, body)
			}
			if err != nil {
				return fail(env, err)
			}
			fmt.Fprintf(env.Stdout, "settled %s, keeping %s\n", id, *keep)
			return ExitOK
		}
	}
	return fail(env, data.Errorf(data.ENotFound, "There is no open conflict about %s ('dossier conflicts' lists them).", id))
}
