package cli

import (
	"strings"
	"testing"

	"dossier/data/storetest"
)

// `dossier sample` fills a new database with what it says it made, and
// refuses a database that holds records.
func TestSampleCommand(t *testing.T) {
	db := storetest.TempDir(t)
	code, out, errOut := run(t, "", "--db", db, "sample", "--events", "400", "--actors", "30", "--seed", "2")
	if code != ExitOK || !strings.HasPrefix(out, "made 20 articles, 30 actors, 400 events (second reports of an event: ") || !strings.Contains(errOut, "400 of 400 events (100%)") {
		t.Fatalf("sample: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run(t, "", "--db", db, "check"); code != ExitOK || !strings.Contains(out, "20 articles, 400 events, 30 actors: 0 mended, 0 problems") {
		t.Fatalf("check of the sample: %d %q", code, out)
	}
	if code, _, errOut := run(t, "", "--db", db, "sample"); code != ExitFailed || !strings.Contains(errOut, "a sample is made only in a new database") {
		t.Fatalf("a second sample: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "--db", storetest.TempDir(t), "sample", "--actors", "1"); code != ExitUsage || !strings.Contains(errOut, "--actors of 2 or more") {
		t.Fatalf("one actor: %d %q", code, errOut)
	}
}
