package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"dossier/app"
	"dossier/data"
)

var cmdList = command{
	summary: "list stored articles, events or actors, as a table or a JSON array",
	usage:   "articles|events|actors [--json]",
	run:     runList,
}

func runList(env Env, s *app.Session, args []string) int {
	st := s.Store() // reads the whole database or looks after it
	fs := newFlags(env, "list")
	asJSON := fs.Bool("json", false, "print a JSON array")
	what, rest := firstOr(args), args
	if len(rest) > 0 {
		rest = rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return exitForParse(err)
	}
	var (
		rows any
		err  error
	)
	switch what {
	case "articles":
		rows, err = st.Articles()
	case "events":
		if *asJSON { // streamed: a million events need not sit in memory
			if err := streamJSON(env.Stdout, st); err != nil {
				return fail(env, err)
			}
			return ExitOK
		}
		rows, err = st.Events(data.EventQuery{})
	case "actors":
		rows, err = st.Actors()
	default:
		return usageError(env, "list what? say articles, events or actors")
	}
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return printJSON(env.Stdout, rows)
	}
	printTable(env.Stdout, rows)
	return ExitOK
}

// streamJSON prints every event as printJSON prints the list of them,
// reading and writing one event at a time.
func streamJSON(out io.Writer, st data.EventReader) error {
	w := bufio.NewWriterSize(out, 1<<16)
	n := 0
	err := st.EachEvent(data.EventQuery{}, func(e *data.Event) error {
		b, err := json.MarshalIndent(e, "  ", "  ")
		if err != nil {
			return err
		}
		if n == 0 {
			w.WriteString("[\n  ")
		} else {
			w.WriteString(",\n  ")
		}
		n++
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		w.WriteString("[]\n")
	} else {
		w.WriteString("\n]\n")
	}
	return w.Flush()
}

func printJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if b, _ := json.Marshal(v); string(b) == "null" {
		v = []struct{}{}
	}
	if err := enc.Encode(v); err != nil {
		return ExitFailed
	}
	return ExitOK
}

func printTable(w io.Writer, rows any) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	switch rs := rows.(type) {
	case []data.Article:
		fmt.Fprintln(tw, "ID\tPUBLISHED\tSTATUS\tTITLE")
		for _, a := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, orDash(a.Published), a.Status, a.Title)
		}
	case []data.Event:
		fmt.Fprintln(tw, "ID\tDATE\tTYPE\tACTORS\tRECIPIENTS")
		for _, e := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.ID, orDash(e.Date.Start), e.Type, strings.Join(e.Actors, ","), strings.Join(e.Recipients, ","))
		}
	case []data.Actor:
		fmt.Fprintln(tw, "ID\tKIND\tCOUNTRY\tNAME")
		for _, a := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, a.Kind, orDash(a.Country), a.Name)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
