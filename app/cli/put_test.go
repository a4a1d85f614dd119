package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/app/suggest"
	"dossier/data/storetest"
)

// A put goes through the front door the window uses: an event coded from
// the command line teaches the suggestions its type, as one coded in the
// window does.
func TestPutTeachesTheSuggestions(t *testing.T) {
	db, dir := storetest.TempDir(t), storetest.TempDir(t)
	first := "The foreign ministry warned the neighbouring government on Monday."
	os.WriteFile(filepath.Join(dir, "first.txt"), []byte("Warning one\n\n"+first+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "second.txt"), []byte("Warning two\n\nThe interior ministry warned the border guards on Tuesday.\n"), 0o644)
	if code, out, errOut := run(t, "", "--db", db, "import", dir); code != 0 {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	_, out, _ := run(t, "", "--db", db, "list", "articles", "--json")
	var arts []struct{ ID, Title, Text string }
	json.Unmarshal([]byte(out), &arts)
	ids := map[string]string{}
	for _, a := range arts {
		ids[a.Title] = a.ID
	}
	cameo := func() string {
		_, out, _ := run(t, "", "--db", db, "suggest", "--article", ids["Warning two"])
		var ss []struct{ Kind, Text, CAMEO, Learned string }
		json.Unmarshal([]byte(out), &ss)
		for _, s := range ss {
			if s.Kind == "event" && strings.Contains(s.Text, "warned") {
				return s.CAMEO + s.Learned
			}
		}
		return ""
	}
	if got := cameo(); got != "130" {
		t.Fatalf("the rules read %q, want a threat (130): the test needs them to", got)
	}
	text := articleText(t, db, ids["Warning one"])
	start := utf8.RuneCountInString(text[:strings.Index(text, first)])
	event := fmt.Sprintf(`{"type": "ACCUSE", "cameo": "112", "evidence": [{"article": %q, "start": %d, "end": %d, "quote": %q}]}`,
		ids["Warning one"], start, start+len([]rune(first)), first)
	if code, out, errOut := run(t, event, "--db", db, "put", "event"); code != 0 {
		t.Fatalf("put: %d %q %q", code, out, errOut)
	}
	if got := cameo(); got != "112"+suggest.LearnedType {
		t.Errorf("after putting an accusation, the next \"warned\" is suggested as %q", got)
	}
}

// articleText is a stored article's text, as 'dossier show' prints it.
func articleText(t *testing.T, db, id string) string {
	t.Helper()
	_, out, _ := run(t, "", "--db", db, "show", id, "--json")
	var a struct{ Text string }
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("show %s: %v\n%s", id, err, out)
	}
	return a.Text
}
