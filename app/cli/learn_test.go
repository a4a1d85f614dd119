package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/data/storetest"
)

// annotatedLine is one example line for `dossier learn`, with the name at
// its place.
func annotatedLine(text, name, kind string) string {
	at := len([]rune(text[:strings.Index(text, name)]))
	b, _ := json.Marshal(map[string]any{"text": text, "entities": []map[string]any{{"kind": kind, "start": at, "end": at + len([]rune(name))}}})
	return string(b)
}

// TestLearnThenSuggest: a name the suggestions miss, taught from a file, is
// suggested afterwards (not with --no-learning); a file with a bad line
// is refused with its line number and teaches nothing.
func TestLearnThenSuggest(t *testing.T) {
	db, dir := storetest.TempDir(t), storetest.TempDir(t)
	article := filepath.Join(dir, "new.txt")
	os.WriteFile(article, []byte("Before leaving the capital, ul-Tarvo said the crossing would open within a month.\n"), 0o644)
	_, before, _ := run(t, "", "--db", db, "suggest", article)
	if strings.Contains(before, `"ul-Tarvo"`) {
		t.Fatal("the suggestions already offer ul-Tarvo: the test needs a name they miss")
	}
	var lines []string
	for _, s := range []string{"The envoys met for talks with ul-Tarvo and agreed to meet again.", "ul-Tarvo returned from the border on Sunday.", "Reporters asked ul-Tarvo about the convoy."} {
		lines = append(lines, annotatedLine(s, "ul-Tarvo", "person"))
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(strings.Join(append(lines[:2:2], `{"text": "x", "entities": [{"kind": "person", "start": 0, "end": 9}]}`), "\n")), 0o644)
	code, _, errOut := run(t, "", "--db", db, "learn", bad)
	if code != ExitFailed || !strings.Contains(errOut, "bad.jsonl:3: entity 0-9 is not inside the text (1 code points)") || !strings.Contains(errOut, "nothing was learned") {
		t.Fatalf("bad file: %d %q", code, errOut)
	}
	if _, out, _ := run(t, "", "--db", db, "suggest", article); strings.Contains(out, `"ul-Tarvo"`) {
		t.Fatal("a refused file taught something")
	}
	good := filepath.Join(dir, "good.jsonl")
	os.WriteFile(good, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	code, out, errOut := run(t, "", "--db", db, "learn", good)
	if code != ExitOK || out != "learned from 3 examples (3 entities)\n" {
		t.Fatalf("learn: %d %q %q", code, out, errOut)
	}
	_, out, _ = run(t, "", "--db", db, "suggest", article)
	var got []struct{ Kind, Text string }
	json.Unmarshal([]byte(out), &got)
	if !strings.Contains(fmt.Sprint(got), "{person ul-Tarvo}") {
		t.Errorf("after learning, suggest gives %v", got)
	}
	if _, out, _ = run(t, "", "--db", db, "suggest", "--no-learning", article); strings.Contains(out, `"ul-Tarvo"`) {
		t.Error("--no-learning still uses what was learned")
	}
}

// TestShippedModelFindsWhatTheRulesMiss: the model Dossier ships for
// English offers a name the rules alone do not (--no-learning).
func TestShippedModelFindsWhatTheRulesMiss(t *testing.T) {
	db, dir := storetest.TempDir(t), storetest.TempDir(t)
	article := filepath.Join(dir, "new.txt")
	os.WriteFile(article, []byte("Before leaving the capital, Tarvo said the crossing would open within a month.\n"), 0o644)
	if _, out, _ := run(t, "", "--db", db, "suggest", "--no-learning", article); strings.Contains(out, `"Tarvo"`) {
		t.Fatal("the rules alone offer Tarvo: the test needs a name they miss")
	}
	_, out, _ := run(t, "", "--db", db, "suggest", article)
	var got []struct{ Kind, Text string }
	json.Unmarshal([]byte(out), &got)
	if !strings.Contains(fmt.Sprint(got), "{person Tarvo}") {
		t.Errorf("with the shipped model, suggest gives %v", got)
	}
}
