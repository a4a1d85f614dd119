package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"unicode/utf8"

	"dossier/app"
	"dossier/app/suggest"
)

var cmdLearn = command{
	summary: "teach the suggestions from annotated text: one JSON object a line, {\"text\": \"…\", \"entities\":\n               [{\"kind\": \"person\", \"start\": 0, \"end\": 13}, …]} (code points; every person, organisation,\n               location and nationality listed); a malformed line stops it, nothing learned",
	usage:   "FILE.jsonl",
	run:     runLearn,
}

func runLearn(env Env, s *app.Session, args []string) int {
	if len(args) != 1 {
		return usageError(env, "learn needs one file of annotated text (JSON lines)")
	}
	examples, err := readAnnotated(env.path(args[0]))
	if err != nil {
		fmt.Fprintf(env.Stderr, "dossier: %v; nothing was learned\n", err)
		return ExitFailed
	}
	n, err := s.LearnFrom(examples)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "learned from %d examples (%d entities)\n", len(examples), n)
	return ExitOK
}

// readAnnotated reads a JSON-lines file of complete examples, refusing the
// whole file at its first bad line.
func readAnnotated(path string) ([]suggest.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []suggest.Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		ex, err := parseAnnotated(sc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no examples", path)
	}
	return out, nil
}

// parseAnnotated reads one line and checks its entities lie in its text.
func parseAnnotated(b []byte) (suggest.Example, error) {
	var ex suggest.Example
	if err := json.Unmarshal(b, &ex); err != nil {
		return ex, fmt.Errorf("not a JSON object with text and entities (%v)", err)
	}
	if ex.Text == "" {
		return ex, fmt.Errorf("no text")
	}
	n := utf8.RuneCountInString(ex.Text)
	for _, e := range ex.Entities {
		switch {
		case e.Kind != suggest.Person && e.Kind != suggest.Organisation && e.Kind != suggest.Location && e.Kind != suggest.Nationality:
			return ex, fmt.Errorf("entity kind %q is not person, organisation, location or nationality", e.Kind)
		case e.Start < 0 || e.End > n || e.Start >= e.End:
			return ex, fmt.Errorf("entity %d-%d is not inside the text (%d code points)", e.Start, e.End, n)
		}
	}
	ex.Complete = true
	return ex, nil
}
