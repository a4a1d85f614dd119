// Package cli is Dossier's command line. It parses the global flags, opens
// the store and runs one command through the same app calls the window
// uses; with no command it hands the store to the window.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
)

// Version is this build's version (set from FyneApp.toml by the Makefile).
var Version = "dev"

// Exit codes.
const (
	ExitOK      = 0
	ExitFailed  = 1 // the command ran but something failed
	ExitUsage   = 2 // the command line was wrong
	usageHeader = `Dossier: an offline workbench for coding news articles into events and actors.

Usage:
  dossier [--db DIR] [FILE|FOLDER...]   open the window (and import the files given)
  dossier [--db DIR] COMMAND [ARGS]     run a command

Commands:
`
)

// Env is what a command runs with; tests give buffers, main gives the
// process's files and the window.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Window opens the main window on a session and imports files into
	// it; it returns when the window closes. Nil means no window is
	// available.
	Window func(sess *app.Session, files []string) error
	// Problem shows, in a window, why the window cannot open. Nil: stderr only.
	Problem func(message string)
	// Locked asks for an encrypted database's passphrase in a window, opens
	// it with open and runs the workbench; it returns the session it opened.
	Locked func(dbPath string, open func([]byte) (*app.Session, error), files []string) (*app.Session, error)
	// Dir is the folder relative paths on the command line are read from
	// ("": this process's own); a command an open window runs for another
	// process reads them from that process's folder.
	Dir string
}

// path is a file named on the command line, read from the command's folder.
func (env Env) path(p string) string {
	if env.Dir == "" || p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(env.Dir, p)
}

// paths are files named on the command line, read from its folder.
func (env Env) paths(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = env.path(p)
	}
	return out
}

type command struct {
	summary string
	usage   string // argument synopsis
	run     func(env Env, s *app.Session, args []string) int
}

// commands is filled in init: command functions print their own help from it.
var commands map[string]command

func init() {
	commands = map[string]command{
		"analyst":        cmdAnalyst,
		"bundle":         cmdBundle,
		"sync":           cmdSync,
		"conflicts":      cmdConflicts,
		"resolve":        cmdResolve,
		"import":         cmdImport,
		"list":           cmdList,
		"put":            cmdPut,
		"export":         cmdExport,
		"import-xlsx":    cmdImportXLSX,
		"backup":         cmdBackup,
		"restore":        cmdRestore,
		"check":          cmdCheck,
		"apply":          cmdApply,
		"set-passphrase": cmdSetPassphrase,
		"search":         cmdSearch,
		"show":           cmdShow,
		"suggest":        cmdSuggest,
		"learn":          cmdLearn,
		"sample":         cmdSample,
		"sources":        cmdSources,
		"duplicates":     cmdDuplicates,
		"merge-events":   cmdMergeEvents,
	}
}

// Main runs the command line and returns the exit code.
func Main(args []string, env Env) int {
	global := flag.NewFlagSet("dossier", flag.ContinueOnError)
	global.SetOutput(env.Stderr)
	db := global.String("db", DefaultDatabase(), "database folder")
	keep := global.Int("backups", 5, "automatic backups kept when the window closes (0: none)")
	showVersion := global.Bool("version", false, "print the version and exit")
	passFile := global.String("passphrase-file", "", "file holding the passphrase of an encrypted database\n(a new database is created encrypted with it)")
	global.Usage = func() { printUsage(env.Stderr, global) }
	if err := global.Parse(args); err != nil {
		return exitForParse(err)
	}
	rest := global.Args()
	if *showVersion {
		fmt.Fprintln(env.Stdout, "Dossier", Version)
		return ExitOK
	}
	if len(rest) > 0 && rest[0] == "help" {
		printUsage(env.Stdout, global)
		return ExitOK
	}
	cmd, isCommand := commands[firstOr(rest)]
	if !isCommand && len(rest) > 0 && !exists(rest[0]) {
		return unknownCommand(env, rest[0])
	}
	if isCommand && wantsHelp(rest[1:]) {
		printCommandUsage(env.Stdout, rest[0], cmd)
		return ExitOK
	}
	if isCommand && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(commandGC)
	}
	pass, err := readPassphrase(*passFile)
	if err != nil {
		return usageError(env, "%s", data.ErrorMessage(err))
	}
	switch firstOr(rest) {
	case "set-passphrase":
		return runSetPassphrase(env, *db, pass, rest[1:])
	case "restore":
		return runRestore(env, *db, pass, rest[1:])
	}
	open := func(p []byte) (data.Store, error) { return badgerstore.OpenWith(*db, p) }
	st, err := open(pass)
	if data.ErrorCode(err) == data.ENeedPassphrase && !isCommand && env.Locked != nil {
		return lockedWindow(env, *db, open, rest, *keep)
	}
	if data.ErrorCode(err) == data.ELocked && isCommand {
		var code int
		if st, code, err = besideHolder(env, *db, rest, func() (data.Store, error) { return open(pass) }); st == nil && err == nil {
			return code
		}
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "dossier:", explain(err))
		if !isCommand && env.Problem != nil {
			env.Problem(data.ErrorMessage(err))
		}
		return ExitFailed
	}
	defer st.Close()
	for _, n := range st.Notices() {
		fmt.Fprintln(env.Stderr, "dossier:", n)
	}
	if !isCommand {
		return openWindow(env, st, *db, rest, *keep)
	}
	sess := app.NewSessionFrom(st, *db, data.OriginCommand)
	defer sess.SettleLearning() // what a put taught is kept before the store closes
	return cmd.run(env, sess, rest[1:])
}

// commandGC is the garbage collector's pace for a command (Go's default,
// 100, for the window): a command's heap grows to half again what it
// holds instead of twice, for some 7% more time. On 200,000 events, list
// --json peaks at 305 MB resident instead of 360, an Excel export at
// 0.96 GB instead of 1.12 (GOGC set by the user is kept).
const commandGC = 50

// lockedWindow lets the window ask for the passphrase, then backs up and
// closes what it opened.
func lockedWindow(env Env, db string, open func([]byte) (data.Store, error), files []string, keep int) int {
	var holder *Holder
	sess, err := env.Locked(db, func(p []byte) (*app.Session, error) {
		st, err := open(p)
		if err != nil {
			return nil, err
		}
		sess := app.NewSession(st, db)
		holder = holdFor(env, sess)
		return sess, nil
	}, files)
	holder.Close()
	if err != nil {
		fmt.Fprintln(env.Stderr, "dossier:", data.ErrorMessage(err))
	}
	if err != nil || sess == nil {
		return ExitFailed
	}
	st := sess.Store()
	defer st.Close()
	autoBackup(env, st, db, keep)
	return ExitOK
}

// openWindow runs the window, answering the commands typed beside it,
// then backs the database up as it closes.
func openWindow(env Env, st data.Store, db string, files []string, keep int) int {
	if env.Window == nil {
		fmt.Fprintln(env.Stderr, "dossier: this build has no window; run 'dossier help' for the commands")
		return ExitUsage
	}
	sess := app.NewSession(st, db)
	holder := holdFor(env, sess)
	err := env.Window(sess, files)
	holder.Close()
	if err != nil {
		fmt.Fprintln(env.Stderr, "dossier:", data.ErrorMessage(err))
		return ExitFailed
	}
	autoBackup(env, st, db, keep)
	return ExitOK
}

// holdFor answers commands for a session's database, or says why it
// cannot (they will then wait for this process to let go of it).
func holdFor(env Env, sess *app.Session) *Holder {
	h, err := Hold(sess)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dossier: commands typed beside this window will wait for it to close (%v)\n", err)
		return nil
	}
	return h
}

func autoBackup(env Env, st data.Store, db string, keep int) {
	if path, err := app.AutoBackup(st, db, keep); err != nil {
		fmt.Fprintln(env.Stderr, "dossier: the automatic backup on close failed:", data.ErrorMessage(err))
	} else if path != "" {
		fmt.Fprintln(env.Stderr, "dossier: backed up to", path)
	}
}

// exists reports whether a path names a file or folder (to open in the
// window, as a file manager would).
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// unknownCommand explains a word that is neither a command nor a file.
func unknownCommand(env Env, word string) int {
	msg := fmt.Sprintf("dossier: unknown command %q, and no file or folder has that name", word)
	if near := nearest(word); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	fmt.Fprintln(env.Stderr, msg+"; 'dossier help' lists the commands")
	return ExitUsage
}

// nearest is the command closest to a mistyped word, if one is close.
func nearest(word string) string {
	best, bestD := "", 3
	for name := range commands {
		if d := editDistance(strings.ToLower(word), name); d < bestD || d == bestD && name < best {
			best, bestD = name, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions and substitutions that
// turn a into b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func firstOr(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
	}
	return false
}

func exitForParse(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	return ExitUsage
}

func printUsage(w io.Writer, global *flag.FlagSet) {
	fmt.Fprintf(w, "Dossier %s: ", Version)
	fmt.Fprint(w, strings.TrimPrefix(usageHeader, "Dossier: "))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nGlobal flags:")
	global.SetOutput(w)
	global.PrintDefaults()
	fmt.Fprintln(w, "\n'dossier COMMAND --help' explains one command.")
}

func printCommandUsage(w io.Writer, name string, c command) {
	fmt.Fprintf(w, "Usage: dossier [--db DIR] %s %s\n\n%s\n", name, c.usage, c.summary)
}

// newFlags makes a command's flag set whose usage prints the command's help.
func newFlags(env Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { printCommandUsage(env.Stderr, name, commands[name]); fs.PrintDefaults() }
	return fs
}

// fail prints an error as a sentence and returns ExitFailed.
func fail(env Env, err error) int {
	fmt.Fprintln(env.Stderr, "dossier:", explain(err))
	return ExitFailed
}

// explain is the sentence for an error, with its cause when the failure is
// Dossier's own (the analyst can pass it on).
func explain(err error) string {
	if data.ErrorCode(err) == data.EInternal {
		return err.Error()
	}
	return data.ErrorMessage(err)
}

// usageError prints a usage mistake and returns ExitUsage.
func usageError(env Env, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "dossier: "+format+"\n", args...)
	return ExitUsage
}

// DefaultDatabase is the database folder in the user's data directory:
// $XDG_DATA_HOME/dossier, else ~/.local/share/dossier (the platform's
// application-data folder on macOS and Windows).
func DefaultDatabase() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return joinPath(d, "dossier")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "dossier-data"
	}
	switch {
	case os.Getenv("LOCALAPPDATA") != "":
		return joinPath(os.Getenv("LOCALAPPDATA"), "Dossier")
	case isMac():
		return joinPath(home, "Library", "Application Support", "Dossier")
	}
	return joinPath(home, ".local", "share", "dossier")
}

func joinPath(parts ...string) string { return strings.Join(parts, string(os.PathSeparator)) }
