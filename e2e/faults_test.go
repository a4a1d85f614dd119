package e2e

// Store-damage tests with the real binary (make faults runs every
// TestFault…): tables and logs with a byte flipped, a lost MANIFEST, a
// passphrase change killed between its renames (by strace's fault
// injection), a folder that cannot be written. Each fails on the Dossier
// before issue 23's work.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier/data"
	"dossier/data/storetest"
)

// dossier runs the binary and returns what it printed and its exit code.
func dossier(t *testing.T, bin, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	c := exec.Command(bin, args...)
	c.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	err := c.Run()
	if e, ok := err.(*exec.ExitError); ok {
		code = e.ExitCode()
	} else if err != nil {
		t.Fatalf("dossier %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), errOut.String(), code
}

// codedDatabase is a database with one article, one actor and n events,
// each acknowledged by apply; it returns the events' ids.
func codedDatabase(t *testing.T, bin, db string, n int) []string {
	t.Helper()
	dir := filepath.Dir(db)
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte("Sergei Shoigu met Wang Yi in Beijing on Friday. The talks were long."), 0o644)
	run(t, bin, "", "--db", db, "import", article)
	var arts []data.Article
	json.Unmarshal([]byte(run(t, bin, "", "--db", db, "list", "articles", "--json")), &arts)
	actor := strings.TrimSpace(run(t, bin, `{"name":"Sergei Shoigu","kind":"person"}`, "--db", db, "put", "actor"))
	return applyEvents(t, nil, bin, db, arts[0].ID, actor, n)
}

// applyEvents sends n new events to apply and returns the ids it
// acknowledged (all, unless kill stops it first).
func applyEvents(t *testing.T, under []string, bin, db, article, actor string, n int) []string {
	var edits strings.Builder
	for i := range n {
		fmt.Fprintf(&edits, `{"event":{"type":"CONSULT","article":%q,"actors":[%q],"notes":"note %d %s"}}`+"\n", article, actor, i, strings.Repeat("x", 200))
	}
	args := append(append(under[:len(under):len(under)], bin), "--db", db, "apply")
	c := exec.Command(args[0], args[1:]...)
	c.Stdin = strings.NewReader(edits.String())
	var out bytes.Buffer
	c.Stdout = &out
	c.Run()
	var ids []string
	for _, l := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(l); len(f) == 4 && f[0] == "ok" {
			ids = append(ids, f[2])
		}
	}
	return ids
}

// flipByte changes one byte of a file, at a fraction of its length.
func flipByte(t *testing.T, path string, at float64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[int(float64(len(b))*at)] ^= 0xff
	os.WriteFile(path, b, 0o644)
}

// copyFolder copies a database folder as cp -a would.
func copyFolder(t *testing.T, from, to string) {
	t.Helper()
	if out, err := exec.Command("cp", "-a", from, to).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
}

var cannotBeRead = regexp.MustCompile(`(\d+) events cannot be read`)

// 10. A byte flipped in a table, wherever it falls: check says the
// database is damaged and exactly which events cannot be read (and says it
// again: nothing was rewritten meanwhile), list refuses with the same
// sentence instead of printing part of the events, and --salvage copies
// every event that can still be read into a new database that checks
// clean.
func TestFaultDamagedTable(t *testing.T) {
	bin, dir := buildBinary(t), t.TempDir()
	db := filepath.Join(dir, "db")
	ids := codedDatabase(t, bin, db, 3000)
	for _, at := range []float64{0.1, 0.3, 0.7} {
		name := fmt.Sprintf("damaged-%02.0f", at*100)
		copyDB := filepath.Join(dir, name)
		copyFolder(t, db, copyDB)
		tables, _ := filepath.Glob(filepath.Join(copyDB, "*.sst"))
		flipByte(t, tables[len(tables)-1], at)
		var reports []string
		for range 2 {
			out, _, code := dossier(t, bin, "", "--db", copyDB, "check")
			if code != 1 || !strings.Contains(out, "is damaged") || strings.Contains(out, ", 0 problems") {
				t.Fatalf("%s: check said (%d):\n%s", name, code, out)
			}
			reports = append(reports, out)
		}
		if reports[0] != reports[1] {
			t.Fatalf("%s: the second check differs:\n%s\n%s", name, reports[0], reports[1])
		}
		lost := 0
		if m := cannotBeRead.FindStringSubmatch(reports[0]); m != nil {
			lost, _ = strconv.Atoi(m[1])
		}
		if _, errOut, code := dossier(t, bin, "", "--db", copyDB, "list", "events"); code != 1 || !strings.Contains(errOut, "is damaged") {
			t.Fatalf("%s: list events (%d): %s", name, code, errOut)
		}
		salvaged := filepath.Join(dir, name+"-salvaged")
		dossier(t, bin, "", "--db", copyDB, "check", "--salvage", salvaged)
		var evs []data.Event
		json.Unmarshal([]byte(run(t, bin, "", "--db", salvaged, "list", "events", "--json")), &evs)
		if len(evs) != len(ids)-lost {
			t.Fatalf("%s: %d events salvaged, %d were coded and check said %d cannot be read", name, len(evs), len(ids), lost)
		}
		if out, _, code := dossier(t, bin, "", "--db", salvaged, "check"); code != 0 {
			t.Fatalf("%s: the salvaged database: %s", name, out)
		}
		t.Logf("a byte flipped at %.0f%% of the table: %d events lost, %d salvaged", at*100, lost, len(evs))
	}
}

// 10. A byte flipped in the write-ahead log left by a kill: the events
// after it are lost (Badger cuts the log there), and the database says how
// many changes it lost, on opening and in every check until acknowledged;
// a copy of the log is kept. The kill falls as the witness of what was
// saved is being written (strace kills the process at its third write;
// apply writes a batch of lines at a time, so that is a few hundred
// lines in): the witness must still hold its last number, not nothing (a witness
// truncated before it was written hid the loss once in CI).
func TestFaultDamagedLog(t *testing.T) {
	need(t, "strace")
	bin, dir := buildBinary(t), t.TempDir()
	db := filepath.Join(dir, "db")
	codedDatabase(t, bin, db, 1)
	var arts []data.Article
	json.Unmarshal([]byte(run(t, bin, "", "--db", db, "list", "articles", "--json")), &arts)
	var acts []data.Actor
	json.Unmarshal([]byte(run(t, bin, "", "--db", db, "list", "actors", "--json")), &acts)
	killAtWitness := []string{"strace", "-f", "-qq", "-o", os.DevNull, "-e", "trace=write,pwrite64",
		"-e", "inject=write,pwrite64:signal=SIGKILL:when=3", "-P", filepath.Join(db, "dossier-saved")}
	acked := applyEvents(t, killAtWitness, bin, db, arts[0].ID, acts[0].ID, 3000)
	if len(acked) == 0 || len(acked) >= 3000 {
		t.Fatalf("the kill did not fall during the writes: %d acknowledged", len(acked))
	}
	logs, _ := filepath.Glob(filepath.Join(db, "*.mem"))
	if len(logs) == 0 {
		t.Skip("skipped: the kill left no write-ahead log")
	}
	b, _ := os.ReadFile(logs[0])
	used := len(bytes.TrimRight(b, "\x00"))
	b[used/2] ^= 0xff
	os.WriteFile(logs[0], b, 0o644)

	_, errOut, _ := dossier(t, bin, "", "--db", db, "list", "events")
	var evs []data.Event
	json.Unmarshal([]byte(run(t, bin, "", "--db", db, "list", "events", "--json")), &evs)
	lost := len(acked) + 1 - len(evs)
	if lost <= 0 {
		t.Skipf("skipped: the flipped byte lost nothing (%d acknowledged, %d there)", len(acked)+1, len(evs))
	}
	if !strings.Contains(errOut, fmt.Sprintf("lost %d changes", lost)) || !strings.Contains(errOut, "copy of the damaged log") {
		t.Fatalf("%d events lost; on opening it said: %s", lost, errOut)
	}
	out, _, code := dossier(t, bin, "", "--db", db, "check")
	if code != 1 || !strings.Contains(out, fmt.Sprintf("lost %d changes", lost)) {
		t.Fatalf("check (%d): %s", code, out)
	}
	if out, _, code := dossier(t, bin, "", "--db", db, "check", "--acknowledge"); code != 0 {
		t.Fatalf("check --acknowledge (%d): %s", code, out)
	}
	t.Logf("%d acknowledged, %d lost, said so", len(acked)+1, lost)
}

// 10. A database whose MANIFEST was deleted is refused, its tables left as
// they were, instead of opening as a new, empty database.
func TestFaultLostManifest(t *testing.T) {
	bin, dir := buildBinary(t), t.TempDir()
	db := filepath.Join(dir, "db")
	codedDatabase(t, bin, db, 10)
	before, _ := filepath.Glob(filepath.Join(db, "*.sst"))
	os.Remove(filepath.Join(db, "MANIFEST"))
	for _, args := range [][]string{{"list", "events"}, {"check"}} {
		_, errOut, code := dossier(t, bin, "", append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errOut, "lost its MANIFEST") {
			t.Fatalf("%s (%d): %s", args[0], code, errOut)
		}
	}
	if after, _ := filepath.Glob(filepath.Join(db, "*.sst")); len(after) != len(before) || len(before) == 0 {
		t.Fatalf("tables before %v, after %v", before, after)
	}
}

// 10. A damaged database, or one that does not open at all, is restored
// over with --replace (kept aside, not deleted); without --replace the
// sentence says how.
func TestFaultRestoreOverDamaged(t *testing.T) {
	bin, dir := buildBinary(t), t.TempDir()
	db := filepath.Join(dir, "db")
	ids := codedDatabase(t, bin, db, 100)
	backup := filepath.Join(dir, "good.backup")
	run(t, bin, "", "--db", db, "backup", backup)
	os.Remove(filepath.Join(db, "MANIFEST"))
	_, errOut, code := dossier(t, bin, "", "--db", db, "restore", backup)
	if code != 1 || !strings.Contains(errOut, "--replace") || !strings.Contains(errOut, "restore into a new folder") && !strings.Contains(errOut, "Restore into a new folder") {
		t.Fatalf("restore without --replace (%d): %s", code, errOut)
	}
	_, errOut, code = dossier(t, bin, "", "--db", db, "restore", backup, "--replace")
	if code != 0 || !strings.Contains(errOut, "moved aside") {
		t.Fatalf("restore --replace (%d): %s", code, errOut)
	}
	var evs []data.Event
	json.Unmarshal([]byte(run(t, bin, "", "--db", db, "list", "events", "--json")), &evs)
	if len(evs) != len(ids) {
		t.Fatalf("%d events after the restore, %d backed up", len(evs), len(ids))
	}
	if aside, _ := filepath.Glob(db + ".damaged-*"); len(aside) != 1 {
		t.Fatalf("the damaged database was not kept: %v", aside)
	}
}

// 11. set-passphrase killed between its two renames (strace injects
// SIGKILL at the second): the next open finishes the change instead of
// creating an empty database, and running set-passphrase again loses
// nothing.
func TestFaultPassphraseChangeKilled(t *testing.T) {
	need(t, "strace")
	bin, dir := buildBinary(t), t.TempDir()
	db := filepath.Join(dir, "db")
	ids := codedDatabase(t, bin, db, 200)
	pass, again := filepath.Join(dir, "pass"), filepath.Join(dir, "again")
	os.WriteFile(pass, []byte("new secret\n"), 0o600)
	os.WriteFile(again, []byte("another secret\n"), 0o600)
	c := exec.Command("strace", "-f", "-qq", "-o", os.DevNull, "-e", "trace=rename,renameat,renameat2",
		"-e", "inject=rename,renameat,renameat2:signal=SIGKILL", "-P", "db.rekey",
		bin, "--db", "db", "set-passphrase", "--new-passphrase-file", pass)
	c.Dir = dir
	if out, err := c.CombinedOutput(); err == nil {
		t.Fatalf("set-passphrase was not killed: %s", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("the kill did not fall between the renames")
	}
	_, errOut, code := dossier(t, bin, "", "--db", db, "--passphrase-file", pass, "list", "events")
	if code != 0 || !strings.Contains(errOut, "was finished") {
		t.Fatalf("the open after the kill (%d): %s", code, errOut)
	}
	run(t, bin, "", "--db", db, "--passphrase-file", pass, "set-passphrase", "--new-passphrase-file", again)
	var evs []data.Event
	json.Unmarshal([]byte(run(t, bin, "", "--db", db, "--passphrase-file", again, "list", "events", "--json")), &evs)
	if len(evs) != len(ids) {
		t.Fatalf("%d events after the second change, %d coded", len(evs), len(ids))
	}
}

// 12. A folder that cannot be written opens for reading: list and backup
// work, a write is refused with a sentence (not Badger's "Cannot write pid
// file").
func TestFaultReadOnlyFolder(t *testing.T) {
	bin, dir := buildBinary(t), t.TempDir()
	db := filepath.Join(dir, "db")
	ids := codedDatabase(t, bin, db, 20)
	ro := readOnlyView(t, db)
	var evs []data.Event
	json.Unmarshal([]byte(run(t, bin, "", "--db", ro, "list", "events", "--json")), &evs)
	if len(evs) != len(ids) {
		t.Fatalf("listed %d of %d events", len(evs), len(ids))
	}
	run(t, bin, "", "--db", ro, "backup", filepath.Join(dir, "ro.backup"))
	_, errOut, code := dossier(t, bin, `{"name":"Wang Yi","kind":"person"}`, "--db", ro, "put", "actor")
	if code != 1 || !strings.Contains(errOut, "cannot be written") || strings.Contains(errOut, "pid file") {
		t.Fatalf("a write (%d): %s", code, errOut)
	}
}

// readOnlyView is the database folder as one that cannot be written: a
// read-only bind mount for root (whom permissions do not stop), the folder
// made read-only for anyone else.
func readOnlyView(t *testing.T, db string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		os.Chmod(db, 0o500)
		t.Cleanup(func() { os.Chmod(db, 0o700) })
		return db
	}
	ro := db + "-ro"
	os.Mkdir(ro, 0o700)
	if out, err := exec.Command("mount", "--bind", db, ro).CombinedOutput(); err != nil {
		t.Skipf("skipped: cannot bind-mount here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", ro).Run() })
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", ro).CombinedOutput(); err != nil {
		t.Skipf("skipped: cannot make the mount read-only: %v %s", err, out)
	}
	return ro
}

// Debian's nats-server killed while a sync pushes: the command says the
// hub cannot be reached and that the changes wait here (not the client's
// "context deadline exceeded"), and the next sync with the hub back sends
// them all.
func TestFaultHubKilledMidPush(t *testing.T) {
	need(t, "nats-server")
	bin, dir := buildBinary(t), t.TempDir()
	db := filepath.Join(dir, "db")
	codedDatabase(t, bin, db, 3000)
	port, store := freePort(t), filepath.Join(dir, "hub")
	startHub := func() *exec.Cmd {
		hub := exec.Command("nats-server", "-js", "-a", "127.0.0.1", "-p", strconv.Itoa(port), "-sd", store)
		if err := hub.Start(); err != nil {
			t.Fatal(err)
		}
		waitForPort(t, port)
		return hub
	}
	hub := startHub()
	sync := exec.Command(bin, "--db", db, "sync", "--server", fmt.Sprintf("nats://127.0.0.1:%d", port), "--team", "desk", "--once")
	var out, errOut bytes.Buffer
	sync.Stdout, sync.Stderr = &out, &errOut
	if err := sync.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	hub.Process.Kill()
	hub.Wait()
	if err := sync.Wait(); err == nil {
		t.Skipf("the sync finished before the hub was killed: %s", out.String())
	}
	if msg := errOut.String(); !strings.Contains(msg, "cannot be reached: your changes wait here") || strings.Contains(msg, "deadline") {
		t.Fatalf("the sync said %q", msg)
	}
	hub = startHub()
	defer func() { hub.Process.Signal(syscall.SIGTERM); hub.Wait() }()
	again := run(t, bin, "", "--db", db, "sync", "--server", fmt.Sprintf("nats://127.0.0.1:%d", port), "--team", "desk", "--once")
	other := filepath.Join(dir, "other")
	got := run(t, bin, "", "--db", other, "sync", "--server", fmt.Sprintf("nats://127.0.0.1:%d", port), "--team", "desk", "--once")
	if !strings.Contains(got, "added 3002,") {
		t.Fatalf("after the hub came back: %q, then a colleague %q", again, got)
	}
}

// Articles as long as Dossier keeps (12 MB of text each, some 2,000
// pages) import, and are then indexed by the first search, each below
// 500 MB of the process's own memory; a longer one is refused with a
// sentence naming it. (Eight such articles took 3.5 GB to import and the
// index 14 GB before.)
func TestFaultBigArticles(t *testing.T) {
	if os.Getenv("DOSSIER_FAULTS") == "" {
		t.Skip("skipped: indexing 36 MB of text takes a minute; make faults runs it")
	}
	bin, dir := buildBinary(t), t.TempDir()
	files := filepath.Join(dir, "files")
	os.Mkdir(files, 0o755)
	words := strings.Fields("talks envoys ministry ceasefire border troops agreed statement officials capital sanctions delegation summit " +
		"переговоры министр граница заявление войска делегация санкции встреча")
	for i := range 3 {
		var b strings.Builder
		fmt.Fprintf(&b, "Long dispatch %d\n\n", i)
		for n := 0; b.Len() < data.MaxTextBytes-200_000; n++ {
			fmt.Fprintf(&b, "%s %s %s w%d. ", words[n%len(words)], words[(n*7)%len(words)], words[(n*13)%len(words)], n%50000)
		}
		if i == 2 {
			b.WriteString("The Zanzibar accord was signed at last.")
		}
		os.WriteFile(filepath.Join(files, fmt.Sprintf("long%d.txt", i)), []byte(b.String()), 0o644)
	}
	os.WriteFile(filepath.Join(files, "too long.txt"), []byte("Too long\n\n"+strings.Repeat("word ", data.MaxTextBytes/5+1000)), 0o644)
	db := filepath.Join(dir, "db")
	var out, errOut bytes.Buffer
	imp := exec.Command(bin, "--db", db, "import", files)
	imp.Stdout, imp.Stderr = &out, &errOut
	peak, _ := storetest.PeakMemory(imp)
	if !strings.Contains(out.String(), "imported 3,") || !strings.Contains(errOut.String(), "too long.txt: its text is too long") {
		t.Fatalf("import: %s%s", out.String(), errOut.String())
	}
	t.Logf("import: peak %d MB own memory, %d MB resident", peak.Anon>>20, peak.Resident>>20)
	if peak.Anon > 500<<20 {
		t.Errorf("importing took %d MB", peak.Anon>>20)
	}
	out.Reset()
	search := exec.Command(bin, "--db", db, "search", "zanzibar")
	search.Stdout = &out
	peak, _ = storetest.PeakMemory(search)
	t.Logf("first search (builds the index): peak %d MB own memory, %d MB resident", peak.Anon>>20, peak.Resident>>20)
	if !strings.Contains(out.String(), "Zanzibar accord") || strings.Count(out.String(), "article ") != 1 {
		t.Fatalf("search: %s", out.String())
	}
	if peak.Anon > 500<<20 {
		t.Errorf("indexing took %d MB", peak.Anon>>20)
	}
}
