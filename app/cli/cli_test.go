package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/sharedtest"
	"dossier/data/storetest"
)

// run runs the command line with stdin and returns exit code, stdout, stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut})
	return code, out.String(), errOut.String()
}

const article = "date 2025-03-02\n\nSergei Shoigu met Wang Yi in Beijing on Friday. They agreed to talk again.\n"

func TestImportListAndPut(t *testing.T) {
	db, dir := storetest.TempDir(t), storetest.TempDir(t)
	os.WriteFile(filepath.Join(dir, "talks.txt"), []byte(article), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.docx"), []byte("not a zip"), 0o644)
	code, out, errOut := run(t, "", "--db", db, "import", dir)
	if code != ExitFailed || out != "imported 1, duplicates 0, skipped 0, failed 1\n" || !strings.Contains(errOut, "bad.docx: named .docx but holds plain text, not a Word document (was it renamed?)") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, "", "--db", db, "list", "articles", "--json")
	var arts []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &arts) != nil || len(arts) != 1 {
		t.Fatalf("list: %d %s", code, out)
	}
	a := arts[0]
	if a["title"] != "Sergei Shoigu met Wang Yi in Beijing on Friday." || a["published"] != "2025-03-02" || !strings.HasSuffix(a["file"].(string), "talks.txt") || a["id"] == "" {
		t.Fatalf("article JSON: %v", a)
	}
	code, shoigu, errOut := run(t, `{"name":"Sergei Shoigu","kind":"person","country":"RUS","aliases":["Shoigu"]}`, "--db", db, "put", "actor")
	shoigu = strings.TrimSpace(shoigu)
	if code != 0 || !data.IsID(shoigu, data.ActorPrefix) {
		t.Fatalf("put actor: %d %q %q", code, shoigu, errOut)
	}
	ev := `{"type":"CONSULT","mode":"visit","date":{"start":"2025-02-28","raw":"on Friday"},"actors":["` + shoigu + `"],"recipients":["ac-0000000000000000"],"evidence":[{"article":"` + a["id"].(string) + `","start":17,"end":30}]}`
	code, _, errOut = run(t, ev, "--db", db, "put", "event")
	if code != ExitFailed || !strings.Contains(errOut, `unknown actor "ac-0000000000000000"`) {
		t.Fatalf("put event with unknown actor: %d %q", code, errOut)
	}
	ev = strings.Replace(ev, `,"recipients":["ac-0000000000000000"]`, "", 1)
	code, id, errOut := run(t, ev, "--db", db, "put", "event")
	if code != 0 || !data.IsID(strings.TrimSpace(id), data.EventPrefix) {
		t.Fatalf("put event: %d %q %q", code, id, errOut)
	}
	_, out, _ = run(t, "", "--db", db, "list", "events", "--json")
	var evs []data.Event
	json.Unmarshal([]byte(out), &evs)
	if len(evs) != 1 || evs[0].Evidence[0].Quote != "Sergei Shoigu" || evs[0].Date.Precision != "day" {
		t.Fatalf("events: %s", out)
	}
	code, _, errOut = run(t, `{"name":"X","nickname":"Y"}`, "--db", db, "put", "actor")
	if code != ExitFailed || !strings.Contains(errOut, "nickname") {
		t.Fatalf("unknown field: %d %q", code, errOut)
	}
}

func TestUsageAndHelp(t *testing.T) {
	db := storetest.TempDir(t)
	for _, args := range [][]string{{"--nope"}, {"list"}, {"list", "things"}, {"import"}, {"put"}} {
		if code, _, errOut := run(t, "", append([]string{"--db", db}, args...)...); code != ExitUsage || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	for _, cmd := range []string{"import", "list", "put"} {
		code, out, _ := run(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(out, "Usage: dossier [--db DIR] "+cmd) {
			t.Errorf("%s --help: %d %q", cmd, code, out)
		}
	}
	if code, out, _ := run(t, "", "help"); code != 0 || !strings.Contains(out, "import") || !strings.Contains(out, "-db") {
		t.Errorf("help: %q", out)
	}
	if code, _, errOut := run(t, "", "--db", db); code != ExitUsage || !strings.Contains(errOut, "no window") {
		t.Errorf("no window: %d %q", code, errOut)
	}
}

// TestMain lets the test binary act as a second Dossier process holding a
// database open until its stdin closes.
func TestMain(m *testing.M) {
	if dir := os.Getenv("DOSSIER_TEST_HOLD"); dir != "" {
		st, err := badgerstore.Open(dir)
		if err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("holding\n")
		bufio.NewReader(os.Stdin).ReadString('\n')
		st.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A command finding the database held by another process that answers no
// commands (a command of its own, say) waits for it and runs once it lets
// go; one that waits too long gives up and says why.
func TestSecondProcessWaitsForTheDatabase(t *testing.T) {
	db := storetest.TempDir(t)
	if code, _, _ := run(t, `{"name":"Wang Yi","kind":"person"}`, "--db", db, "put", "actor"); code != 0 {
		t.Fatal("setup failed")
	}
	hold := func() (release func()) {
		holder := exec.Command(os.Args[0], "-test.run=^$")
		holder.Env = append(os.Environ(), "DOSSIER_TEST_HOLD="+db)
		stdin, _ := holder.StdinPipe()
		stdout, _ := holder.StdoutPipe()
		if err := holder.Start(); err != nil {
			t.Fatal(err)
		}
		if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "holding\n" {
			t.Fatalf("holder did not start: %q", line)
		}
		return func() { stdin.Close(); holder.Wait() }
	}
	defer func(was time.Duration) { holdWait = was }(holdWait)
	holdWait = time.Second
	release := hold()
	code, _, errOut := run(t, "", "--db", db, "list", "articles")
	release()
	if code == 0 || !strings.Contains(errOut, "still holds the database "+db) {
		t.Fatalf("giving up: exit %d, stderr %q", code, errOut)
	}

	// The holder lets go once the command says it waits (let go after a
	// fixed half second, a command slow to start under -race found the
	// database free and never waited).
	holdWait = 30 * time.Second
	release = hold()
	var out bytes.Buffer
	stderr := &onSaying{words: "waiting for another Dossier process", then: release}
	code = Main([]string{"--db", db, "list", "actors", "--json"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: stderr})
	if code != 0 || !strings.Contains(out.String(), "Wang Yi") || !stderr.said() {
		release()
		t.Fatalf("after waiting: %d %q %q", code, out.String(), stderr.String())
	}
}

// onSaying is a command's stderr that calls then, once, when the command
// has said words.
type onSaying struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	words string
	then  func()
	done  bool
}

func (w *onSaying) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.done && strings.Contains(w.buf.String(), w.words) {
		w.done = true
		go w.then()
	}
	return len(p), nil
}

func (w *onSaying) said() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.done
}

func (w *onSaying) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func TestImportSharedCorpus(t *testing.T) {
	seed := sharedtest.Need(t, "seed")
	re3d := sharedtest.Need(t, "corpus", "re3d")
	db := storetest.TempDir(t)
	code, out, errOut := run(t, "", "--db", db, "import", seed, re3d)
	if code != 0 || !strings.HasPrefix(out, "imported 62, duplicates 0, skipped ") || !strings.HasSuffix(out, "failed 0\n") {
		t.Fatalf("first import: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, "", "--db", db, "import", seed, re3d)
	if code != 0 || !strings.HasPrefix(out, "imported 0, duplicates 62,") {
		t.Fatalf("second import: %d %q", code, out)
	}
	_, out, _ = run(t, "", "--db", db, "list", "articles", "--json")
	var arts []data.Article
	json.Unmarshal([]byte(out), &arts)
	for _, a := range arts {
		if strings.HasSuffix(a.File, "shoigu-wang-yi-beijing.txt") {
			if a.Published != "2025-03-02" || !strings.HasPrefix(a.Title, "Russian Security Council Secretary Sergei Shoigu") {
				t.Fatalf("seed article: published %q title %q", a.Published, a.Title)
			}
			return
		}
	}
	t.Fatal("seed article not listed")
}

func TestExportAndBringBack(t *testing.T) {
	db := storetest.TempDir(t)
	st, err := badgerstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.NewSession(st, db).LoadSample(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	dir := storetest.TempDir(t)
	for _, c := range []struct {
		file string
		args []string
		want string
	}{
		{"all.xlsx", nil, "exported 4 events"},
		{"recent.csv", []string{"--from", "2025-01-01"}, "exported 3 events"},
		{"agree.jsonl", []string{"--type", "AGREE"}, "exported 1 events"},
		{"xi.xlsx", []string{"--actor", "Xi Jinping"}, "exported 1 events"},
		{"sample.acled.csv", nil, "exported 4 events"},
	} {
		path := filepath.Join(dir, c.file)
		code, out, errOut := run(t, "", append([]string{"--db", db, "export", path}, c.args...)...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Fatalf("export %s: %d %q %q", c.file, code, out, errOut)
		}
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			t.Fatalf("%s not written", c.file)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "sample.acled.csv")); !strings.HasPrefix(string(b), "event_id_cnty,event_date,year,time_precision,") {
		t.Fatalf("the .acled.csv export is not ACLED-style: %.200s", b)
	}
	line, _ := os.ReadFile(filepath.Join(dir, "agree.jsonl"))
	var ev map[string]any
	if json.Unmarshal(line, &ev) != nil || ev["event_type"] != "AGREE" || ev["quad_class"] != 1.0 {
		t.Fatalf("jsonl: %s", line)
	}
	code, out, _ := run(t, "", "--db", db, "import-xlsx", filepath.Join(dir, "all.xlsx"), "--dry-run")
	if code != 0 || out != "would update 0, created 0, unchanged 4, conflicts 0, rows refused 0\n" {
		t.Fatalf("dry run of an unedited export: %d %q", code, out)
	}
	if code, _, errOut := run(t, "", "--db", db, "export", filepath.Join(dir, "x.pdf")); code != ExitUsage || !strings.Contains(errOut, ".pdf") {
		t.Fatalf("bad extension: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "--db", db, "export", filepath.Join(dir, "x.xlsx"), "--actor", "Nobody"); code != ExitUsage || !strings.Contains(errOut, "Nobody") {
		t.Fatalf("unknown actor: %d %q", code, errOut)
	}
}

func TestBackupAndRestore(t *testing.T) {
	db := storetest.TempDir(t)
	st, _ := badgerstore.Open(db)
	app.NewSession(st, db).LoadSample()
	st.Close()
	backup := filepath.Join(storetest.TempDir(t), "dossier.backup")
	code, out, errOut := run(t, "", "--db", db, "backup", backup)
	if code != 0 || !strings.Contains(out, "backed up 1 articles, 4 events and 6 actors") {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	fresh := filepath.Join(storetest.TempDir(t), "restored")
	if code, out, errOut := run(t, "", "--db", fresh, "restore", backup); code != 0 || !strings.Contains(out, "restored 1 articles, 4 events and 6 actors") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	for _, what := range []string{"articles", "events", "actors"} {
		_, orig, _ := run(t, "", "--db", db, "list", what, "--json")
		_, back, _ := run(t, "", "--db", fresh, "list", what, "--json")
		if orig != back || len(orig) < 10 {
			t.Fatalf("%s differ after restore", what)
		}
	}
	if code, _, errOut := run(t, "", "--db", fresh, "restore", backup); code == 0 || !strings.Contains(errOut, "already holds 1 articles") {
		t.Fatalf("restore over records: %d %q", code, errOut)
	}
	if code, _, _ := run(t, "", "--db", fresh, "restore", backup, "--replace"); code != 0 {
		t.Fatal("restore --replace failed")
	}
	bogus := filepath.Join(storetest.TempDir(t), "x.backup")
	os.WriteFile(bogus, []byte("hello"), 0o600)
	if code, _, errOut := run(t, "", "--db", storetest.TempDir(t), "restore", bogus); code == 0 || !strings.Contains(errOut, "not a Dossier backup") {
		t.Fatalf("bogus backup: %d %q", code, errOut)
	}
}

func TestAutomaticBackupsAreKept(t *testing.T) {
	db := filepath.Join(storetest.TempDir(t), "db")
	win := func(*app.Session, []string) error { return nil }
	for range 4 {
		var out, errOut bytes.Buffer
		if code := Main([]string{"--db", db, "--backups", "2"}, Env{Stdout: &out, Stderr: &errOut, Window: win}); code != 0 {
			t.Fatalf("window run: %d %s", code, errOut.String())
		}
	}
	entries, _ := os.ReadDir(app.BackupFolder(db))
	if len(entries) != 2 {
		t.Fatalf("%d automatic backups kept, want 2", len(entries))
	}
}

func TestEncryptionAtRest(t *testing.T) {
	dir := storetest.TempDir(t)
	db := filepath.Join(dir, "secret-db")
	p1, p2, wrong := filepath.Join(dir, "p1"), filepath.Join(dir, "p2"), filepath.Join(dir, "wrong")
	os.WriteFile(p1, []byte("correct horse battery\n"), 0o600)
	os.WriteFile(p2, []byte("another passphrase"), 0o600)
	os.WriteFile(wrong, []byte("not it"), 0o600)
	article := filepath.Join(dir, "sample.txt")
	os.WriteFile(article, []byte(app.SampleText()), 0o600)
	const sentence = "received by Chinese Foreign Minister Wang Yi"

	if code, out, errOut := run(t, "", "--db", db, "--passphrase-file", p1, "import", article); code != 0 || !strings.HasPrefix(out, "imported 1") {
		t.Fatalf("import into a new encrypted database: %d %q %q", code, out, errOut)
	}
	if fi, _ := os.Stat(db); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 { // Windows: the folder's ACL, not a mode
		t.Fatalf("database folder mode %v, want owner-only", fi.Mode().Perm())
	}
	if code, _, errOut := run(t, "", "--db", db, "list", "articles"); code == 0 || !strings.Contains(errOut, "is encrypted: give its passphrase") {
		t.Fatalf("no passphrase: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "--db", db, "--passphrase-file", wrong, "list", "articles"); code == 0 || !strings.Contains(errOut, "The passphrase is wrong") {
		t.Fatalf("wrong passphrase: %d %q", code, errOut)
	}
	code, listed, _ := run(t, "", "--db", db, "--passphrase-file", p1, "list", "articles", "--json")
	if code != 0 || !strings.Contains(listed, "Shoigu and Wang Yi") {
		t.Fatalf("right passphrase after a wrong one: %d %q", code, listed)
	}
	if found := grepTree(t, db, sentence); found != "" {
		t.Fatalf("%s holds an article sentence in the clear", found)
	}

	backup := filepath.Join(dir, "secret.backup")
	run(t, "", "--db", db, "--passphrase-file", p1, "backup", backup)
	if found := grepTree(t, backup, sentence); found != "" {
		t.Fatal("the backup of an encrypted database is readable")
	}
	if code, _, errOut := run(t, "", "--db", filepath.Join(dir, "r1"), "restore", backup); code == 0 || !strings.Contains(errOut, "backup is encrypted") {
		t.Fatalf("restoring a sealed backup without the passphrase: %d %q", code, errOut)
	}
	if code, out, errOut := run(t, "", "--db", filepath.Join(dir, "r2"), "--passphrase-file", p1, "restore", backup); code != 0 || !strings.Contains(out, "restored 1 articles") {
		t.Fatalf("restore with the passphrase: %d %q %q", code, out, errOut)
	}

	if code, out, errOut := run(t, "", "--db", db, "--passphrase-file", p1, "set-passphrase", "--new-passphrase-file", p2); code != 0 {
		t.Fatalf("change passphrase: %d %q %q", code, out, errOut)
	}
	if code, _, _ := run(t, "", "--db", db, "--passphrase-file", p1, "list", "articles"); code == 0 {
		t.Fatal("the old passphrase still opens the database")
	}
	if _, after, _ := run(t, "", "--db", db, "--passphrase-file", p2, "list", "articles", "--json"); after != listed {
		t.Fatalf("records changed with the passphrase:\n%s\n%s", after, listed)
	}

	plain := filepath.Join(dir, "plain")
	run(t, "", "--db", plain, "import", article)
	if code, _, errOut := run(t, "", "--db", plain, "--passphrase-file", p1, "list", "articles"); code == 0 || !strings.Contains(errOut, "not encrypted") {
		t.Fatalf("passphrase on a plain database: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "new passphrase\n", "--db", plain, "set-passphrase"); code != 0 {
		t.Fatalf("encrypting a plain database: %d %q", code, errOut)
	}
	if code, _, _ := run(t, "", "--db", plain, "list", "articles"); code == 0 {
		t.Fatal("the encrypted database opens without its passphrase")
	}
}

// grepTree returns the first file under root holding needle, or "".
func grepTree(t *testing.T, root, needle string) string {
	var found string
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && found == "" {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(needle)) {
				found = p
			}
		}
		return nil
	})
	return found
}

func TestSearchCommand(t *testing.T) {
	db := storetest.TempDir(t)
	st, _ := badgerstore.Open(db)
	app.NewSession(st, db).LoadSample()
	st.Close()
	code, out, errOut := run(t, "", "--db", db, "search", `"strategic security talks"`, "--json")
	var hits []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &hits) != nil {
		t.Fatalf("search: %d %q %q", code, out, errOut)
	}
	kinds := map[any]string{}
	for _, h := range hits {
		kinds[h["kind"]] = h["passage"].(string)
	}
	if len(hits) != 2 || !strings.Contains(kinds["article"], "new round of strategic security talks") || kinds["event"] == "" {
		t.Fatalf("want the article and the AGREE event's evidence, got %v", hits)
	}
	if !strings.Contains(errOut, "rebuilt") {
		t.Fatalf("a missing index was not reported rebuilt: %q", errOut)
	}
	if _, _, errOut := run(t, "", "--db", db, "search", "Shoigu"); strings.Contains(errOut, "rebuilt") {
		t.Fatal("an index in step was rebuilt")
	}
}

func TestSearchSeedArticle(t *testing.T) {
	seed := sharedtest.Need(t, "seed")
	db := storetest.TempDir(t)
	run(t, "", "--db", db, "import", seed)
	_, out, _ := run(t, "", "--db", db, "search", `"strategic security talks"`, "--json")
	if !strings.Contains(out, "Russian Security Council Secretary Sergei Shoigu") || !strings.Contains(out, "strategic security talks") {
		t.Fatalf("seed search: %s", out)
	}
}

func TestSuggestCommand(t *testing.T) {
	db, dir := storetest.TempDir(t), storetest.TempDir(t)
	file := filepath.Join(dir, "sample.txt")
	os.WriteFile(file, []byte(app.SampleText()), 0o600)
	code, out, errOut := run(t, "", "--db", db, "suggest", file, "--json")
	var ss []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &ss) != nil || len(ss) < 10 {
		t.Fatalf("suggest: %d %q %q", code, out, errOut)
	}
	found := false
	for _, s := range ss {
		if s["kind"] == "event" && s["type"] == "CONSULT" && s["date"] == "2025-02-28" {
			found = true
		}
		if s["kind"] == "" || s["start"] == nil || s["confidence"] == nil {
			t.Fatalf("a suggestion lacks its fields: %v", s)
		}
	}
	if !found {
		t.Fatal("no CONSULT event on 2025-02-28")
	}
	if c, _ := os.ReadDir(db); len(c) > 0 {
		if code, out, _ := run(t, "", "--db", db, "list", "articles", "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
			t.Fatalf("suggest stored something: %s", out)
		}
	}
}

// put and apply refuse a record based on a version that is no longer the
// stored one; apply acknowledges it as "conflict ID VERSION" and goes on.
func TestStaleVersionsAreRefused(t *testing.T) {
	db := storetest.TempDir(t)
	code, id, _ := run(t, `{"name":"Wang Yi","kind":"person"}`, "--db", db, "put", "actor")
	id = strings.TrimSpace(id)
	if code != 0 {
		t.Fatal("put actor failed")
	}
	stale := `{"id":"` + id + `","name":"Wang Yi","kind":"person","notes":"stale","version":0}`
	code, _, errOut := run(t, stale, "--db", db, "put", "actor")
	if code != ExitFailed || !strings.Contains(errOut, "Wang Yi already exists (version 1") {
		t.Fatalf("stale put: %d %q", code, errOut)
	}
	edits := strings.Join([]string{
		`{"actor":{"id":"` + id + `","name":"Wang Yi","kind":"person","notes":"first","version":1}}`,
		`{"actor":{"id":"` + id + `","name":"Wang Yi","kind":"person","notes":"second","version":1}}`,
		`{"actor":{"name":"Xi Jinping","kind":"person"}}`,
	}, "\n")
	code, out, errOut := run(t, edits, "--db", db, "apply")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitFailed || len(lines) != 3 || lines[0] != "ok actor "+id+" 2" || lines[1] != "conflict "+id+" 2" || !strings.HasPrefix(lines[2], "ok actor ac-") {
		t.Fatalf("apply: %d %q %q", code, out, errOut)
	}
	_, out, _ = run(t, "", "--db", db, "list", "actors", "--json")
	if !strings.Contains(out, `"notes": "first"`) || strings.Contains(out, "second") {
		t.Fatalf("after apply: %s", out)
	}
}

func TestAnalystName(t *testing.T) {
	db := storetest.TempDir(t)
	code, out, _ := run(t, "", "--db", db, "analyst", "--name", "Analyst B")
	if code != 0 || !strings.HasPrefix(out, "an-") || !strings.HasSuffix(out, "\tAnalyst B\n") {
		t.Fatalf("analyst --name: %d %q", code, out)
	}
	run(t, `{"name":"Wang Yi","kind":"person"}`, "--db", db, "put", "actor")
	_, out, _ = run(t, "", "--db", db, "list", "actors", "--json")
	if id := strings.Fields(out); !strings.Contains(out, `"updated_by": "an-`) || len(id) == 0 {
		t.Fatalf("the actor does not say who wrote it: %s", out)
	}
}

// Two analysts carry their work on a bundle; an actor changed by both is
// a conflict that 'conflicts' lists and 'resolve' settles.
func TestBundlesAndConflictsFromTheCommandLine(t *testing.T) {
	a, b, dir := storetest.TempDir(t), storetest.TempDir(t), storetest.TempDir(t)
	pass := filepath.Join(dir, "team")
	os.WriteFile(pass, []byte("team secret\n"), 0o600)
	bundle := filepath.Join(dir, "a.bundle")
	_, id, _ := run(t, `{"name":"Wang Yi","kind":"person"}`, "--db", a, "put", "actor")
	id = strings.TrimSpace(id)
	if code, out, errOut := run(t, "", "--db", a, "bundle", "export", bundle, "--team-passphrase-file", pass); code != 0 || out != "wrote 1 changed records to "+bundle+"\n" {
		t.Fatalf("bundle export: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run(t, "", "--db", b, "bundle", "import", bundle, "--dry-run", "--team-passphrase-file", pass); code != 0 || out != "would have: added 1, updated 0, conflicts 0, unchanged 0\n" {
		t.Fatalf("dry run: %d %q", code, out)
	}
	if code, out, _ := run(t, "", "--db", b, "bundle", "import", bundle, "--team-passphrase-file", pass); code != 0 || out != "added 1, updated 0, conflicts 0, unchanged 0\n" {
		t.Fatalf("import: %d %q", code, out)
	}
	if code, out, _ := run(t, "", "--db", b, "bundle", "import", bundle, "--team-passphrase-file", pass); code != 0 || out != "added 0, updated 0, conflicts 0, unchanged 1\n" {
		t.Fatalf("the same bundle twice: %d %q", code, out)
	}
	run(t, `{"id":"`+id+`","name":"Wang Yi","kind":"person","country":"CHN","version":1}`, "--db", a, "put", "actor")
	run(t, `{"id":"`+id+`","name":"Wang Yi","kind":"person","notes":"Foreign Minister","version":1}`, "--db", b, "put", "actor")
	run(t, "", "--db", a, "bundle", "export", bundle, "--since", "last", "--team-passphrase-file", pass)
	if _, out, _ := run(t, "", "--db", b, "bundle", "import", bundle, "--team-passphrase-file", pass); out != "added 0, updated 0, conflicts 1, unchanged 0\n" {
		t.Fatalf("the edit made on both: %q", out)
	}
	_, out, _ := run(t, "", "--db", b, "conflicts")
	if !strings.Contains(out, id) || !strings.Contains(out, "country, notes") {
		t.Fatalf("conflicts: %q", out)
	}
	if code, out, errOut := run(t, "", "--db", b, "resolve", id, "--keep", "theirs"); code != 0 || !strings.Contains(out, "settled") {
		t.Fatalf("resolve: %d %q %q", code, out, errOut)
	}
	_, out, _ = run(t, "", "--db", b, "list", "actors", "--json")
	if !strings.Contains(out, `"country": "CHN"`) || strings.Contains(out, "Foreign Minister") {
		t.Fatalf("after keeping theirs: %s", out)
	}
	if _, out, _ := run(t, "", "--db", b, "conflicts", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("still open: %s", out)
	}
	if code, _, errOut := run(t, "", "--db", b, "bundle", "import", bundle, "--team-passphrase-file", filepath.Join(dir, "missing")); code != ExitUsage || !strings.Contains(errOut, "Cannot read the team passphrase file") {
		t.Fatalf("a missing passphrase file: %d %q", code, errOut)
	}
}

// A mistyped command is not taken for a file to open: it is explained, with
// the command meant, and the exit status is 2.
func TestUnknownCommand(t *testing.T) {
	code, _, errOut := run(t, "", "--db", storetest.TempDir(t), "frobnicate")
	if code != ExitUsage || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Fatalf("frobnicate: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "", "--db", storetest.TempDir(t), "exprot", "x.xlsx")
	if code != ExitUsage || !strings.Contains(errOut, "(did you mean export?)") {
		t.Fatalf("exprot: %d %q", code, errOut)
	}
}

// On the seed file (which starts with a space and a dateline), every
// suggestion's offsets index the file's own text, and the dateline is the
// day it names.
func TestSuggestOffsetsIndexTheFile(t *testing.T) {
	file := sharedtest.Need(t, "seed", "shoigu-wang-yi-beijing.txt")
	raw, _ := os.ReadFile(file)
	text := []rune(string(raw))
	code, out, errOut := run(t, "", "--db", storetest.TempDir(t), "suggest", file)
	var ss []struct {
		Kind, Text, Date, Precision string
		Start, End                  int
	}
	if code != 0 || json.Unmarshal([]byte(out), &ss) != nil {
		t.Fatalf("suggest: %d %q", code, errOut)
	}
	for _, s := range ss {
		if s.End > len(text) || string(text[s.Start:s.End]) != s.Text {
			t.Fatalf("%s %q at %d–%d is not the file's text there", s.Kind, s.Text, s.Start, s.End)
		}
	}
	if len(ss) == 0 || ss[0].Kind != "date" || ss[0].Date != "2025-03-02" || ss[0].Precision != "day" {
		t.Fatalf("the dateline: %+v", ss[0])
	}
}

// show prints an article's text exactly as stored: the file's own.
func TestShowPrintsTheStoredText(t *testing.T) {
	db, dir := storetest.TempDir(t), storetest.TempDir(t)
	text := " date 2025-03-02\r\n\r\nSergei Shoigu met Wang Yi in Beijing on Friday.\r\n"
	os.WriteFile(filepath.Join(dir, "talks.txt"), []byte("\ufeff"+text), 0o644)
	run(t, "", "--db", db, "import", dir)
	var arts []data.Article
	_, out, _ := run(t, "", "--db", db, "list", "articles", "--json")
	json.Unmarshal([]byte(out), &arts)
	code, out, _ := run(t, "", "--db", db, "show", arts[0].ID, "--json")
	var a data.Article
	if code != 0 || json.Unmarshal([]byte(out), &a) != nil || a.Text != text || a.Published != "2025-03-02" {
		t.Fatalf("show --json: %d %q (want the file's text without its BOM)", code, a.Text)
	}
	if code, out, _ := run(t, "", "--db", db, "show", arts[0].ID); code != 0 || !strings.HasSuffix(out, text) {
		t.Fatalf("show: %q", out)
	}
}

// What arrived from a colleague and was set aside is listed after the
// conflicts, with its reason (and as JSON with --set-aside), and
// 'resolve ID --dismiss' forgets it.
func TestSetAsideListedAndDismissed(t *testing.T) {
	db := filepath.Join(storetest.TempDir(t), "db")
	st, err := badgerstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.PutAside(data.SetAside{ID: "r.ev-bad\n", From: data.OriginColleague, Reason: "It does not open with the team's key."})
	st.Close()
	if _, out, _ := run(t, "", "--db", db, "check"); !strings.Contains(out, "set aside: 1 of what arrived") {
		t.Fatalf("check: %q", out)
	}
	_, out, _ := run(t, "", "--db", db, "conflicts")
	if !strings.Contains(out, "set aside 1") || !strings.Contains(out, `"r.ev-bad\n"`) || !strings.Contains(out, "does not open") {
		t.Fatalf("conflicts: %q", out)
	}
	if _, out, _ := run(t, "", "--db", db, "conflicts", "--set-aside", "--json"); !strings.Contains(out, `"reason": "It does not open`) {
		t.Fatalf("--set-aside --json: %s", out)
	}
	if code, out, errOut := run(t, "", "--db", db, "resolve", "r.ev-bad\n", "--dismiss"); code != 0 || !strings.Contains(out, "dismissed") {
		t.Fatalf("dismiss: %d %q %q", code, out, errOut)
	}
	if _, out, _ := run(t, "", "--db", db, "conflicts", "--set-aside", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("after dismissing: %s", out)
	}
	if code, _, errOut := run(t, "", "--db", db, "resolve", "r.ev-bad\n", "--dismiss"); code == 0 || !strings.Contains(errOut, "Nothing is set aside") {
		t.Fatalf("dismissed twice: %d %q", code, errOut)
	}
}
