package e2e

// Team sync with the real binary: against Debian's nats-server (end to
// end), and killed with SIGKILL while it pushes and pulls (crash cycles).

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"dossier/app"
	"dossier/app/team/hubtest"
	"dossier/data"
)

// run runs the binary and fails the test on a failure.
func run(t *testing.T, bin, stdin string, args ...string) string {
	t.Helper()
	c := exec.Command(bin, args...)
	c.Stdin = strings.NewReader(stdin)
	out, err := c.Output()
	if err != nil {
		var stderr string
		if e, ok := err.(*exec.ExitError); ok {
			stderr = string(e.Stderr)
		}
		t.Fatalf("dossier %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

// freePort is a loopback port nothing listens on.
func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Two analysts share one coded article through Debian's nats-server,
// started here on a loopback port.
func TestSyncThroughNatsServer(t *testing.T) {
	natsServer, err := exec.LookPath("nats-server")
	if err != nil {
		t.Skip("skipped: nats-server is not installed (apt-get install nats-server)")
	}
	port := freePort(t)
	hub := exec.Command(natsServer, "-js", "-a", "127.0.0.1", "-p", strconv.Itoa(port), "-sd", t.TempDir())
	if err := hub.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hub.Process.Signal(syscall.SIGTERM); hub.Wait() })
	waitForPort(t, port)
	bin, dir := buildBinary(t), t.TempDir()
	a, b, pass := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "team")
	os.WriteFile(pass, []byte("team secret\n"), 0o600)
	article := filepath.Join(dir, "sample.txt")
	os.WriteFile(article, []byte(app.SampleText()), 0o644)
	run(t, bin, "", "--db", a, "import", article)
	var arts []data.Article
	json.Unmarshal([]byte(run(t, bin, "", "--db", a, "list", "articles", "--json")), &arts)
	actor := strings.TrimSpace(run(t, bin, `{"name":"Sergei Shoigu","kind":"person","country":"RUS"}`, "--db", a, "put", "actor"))
	at := utf8.RuneCountInString(app.SampleText()[:strings.Index(app.SampleText(), "Sergei Shoigu")])
	event := fmt.Sprintf(`{"type":"CONSULT","mode":"visit","article":%q,"actors":[%q],"date":{"start":"2025-02-28"},"evidence":[{"article":%q,"start":%d,"end":%d}]}`,
		arts[0].ID, actor, arts[0].ID, at, at+13)
	run(t, bin, event, "--db", a, "put", "event")
	sync := []string{"sync", "--server", fmt.Sprintf("nats://127.0.0.1:%d", port), "--team", "desk", "--team-passphrase-file", pass, "--once"}
	if out := run(t, bin, "", append([]string{"--db", a}, sync...)...); !strings.HasPrefix(out, "pushed 3,") {
		t.Fatalf("a's sync: %q", out)
	}
	if out := run(t, bin, "", append([]string{"--db", b}, sync...)...); !strings.Contains(out, "added 3,") {
		t.Fatalf("b's sync: %q", out)
	}
	for _, what := range []string{"events", "actors"} {
		if x, y := run(t, bin, "", "--db", a, "list", what, "--json"), run(t, bin, "", "--db", b, "list", what, "--json"); x != y {
			t.Fatalf("the %s differ:\n%s\n%s", what, x, y)
		}
	}
	var evs []data.Event
	json.Unmarshal([]byte(run(t, bin, "", "--db", b, "list", "events", "--json")), &evs)
	if len(evs) != 1 || evs[0].Evidence[0].Quote != "Sergei Shoigu" {
		t.Fatalf("b's event: %+v", evs)
	}
}

func waitForPort(t *testing.T, port int) {
	for range 100 {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("the hub did not start")
}

// 'dossier sync' killed with SIGKILL at random moments while it pushes
// (on the first database) and pulls (on the second): once both have synced
// in peace, the second holds every acknowledged edit of the first, each at
// the same version: none lost, none applied twice. DOSSIER_SYNC_CYCLES
// sets the number of cycles (20 in make test).
func TestSyncSurvivesKills(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: kills real processes")
	}
	cycles, _ := strconv.Atoi(os.Getenv("DOSSIER_SYNC_CYCLES"))
	if cycles <= 0 {
		cycles = 20
	}
	hub, _ := hubtest.Start(t)
	bin, dir := buildBinary(t), t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	article := filepath.Join(dir, "a0.txt")
	os.WriteFile(article, []byte("Dispatch\n\nDelegates met officials on Tuesday and agreed to talk again."), 0o644)
	run(t, bin, "", "--db", a, "import", article)
	var arts []data.Article
	json.Unmarshal([]byte(run(t, bin, "", "--db", a, "list", "articles", "--json")), &arts)
	sync := []string{"sync", "--server", hub.ClientURL(), "--team", "crash", "--once"}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	acked := 0
	for c := range cycles {
		acked += applyEdits(t, bin, a, arts[0].ID, c)
		db := a // push…
		if c%2 == 1 {
			db = b // …or pull
		}
		killDuring(exec.Command(bin, append([]string{"--db", db}, sync...)...), time.Duration(30+rng.Intn(500))*time.Millisecond)
		if out, err := exec.Command(bin, "--db", db, "check").CombinedOutput(); err != nil {
			t.Fatalf("cycle %d: check after the kill: %v\n%s", c, err, out)
		}
	}
	run(t, bin, "", append([]string{"--db", a}, sync...)...)
	run(t, bin, "", append([]string{"--db", b}, sync...)...)
	for _, what := range []string{"events", "actors"} {
		x, y := run(t, bin, "", "--db", a, "list", what, "--json"), run(t, bin, "", "--db", b, "list", what, "--json")
		if x != y {
			t.Fatalf("seed %d: after %d kill cycles the %s differ: %s", seed, cycles, what, firstDifference(x, y))
		}
	}
	var evs []data.Event
	json.Unmarshal([]byte(run(t, bin, "", "--db", b, "list", "events", "--json")), &evs)
	t.Logf("seed %d: %d kill cycles, %d acknowledged edits; the second database holds all %d events at the same versions", seed, cycles, acked, len(evs))
}

// firstDifference names the records of two JSON lists that differ (by id
// and version), for the failure message.
func firstDifference(x, y string) string {
	var xs, ys []json.RawMessage
	json.Unmarshal([]byte(x), &xs)
	json.Unmarshal([]byte(y), &ys)
	type record struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
	}
	seen := map[string]string{}
	for _, r := range ys {
		var h record
		json.Unmarshal(r, &h)
		seen[h.ID] = string(r)
	}
	var diff []string
	for _, r := range xs {
		var h record
		json.Unmarshal(r, &h)
		other, ok := seen[h.ID]
		switch {
		case !ok:
			diff = append(diff, h.ID+" missing from the second")
		case other != string(r):
			diff = append(diff, fmt.Sprintf("%s: %s against %s", h.ID, r, other))
		}
		delete(seen, h.ID)
	}
	for id := range seen {
		diff = append(diff, id+" only in the second")
	}
	if len(diff) > 5 {
		diff = append(diff[:5], fmt.Sprintf("and %d more", len(diff)-5))
	}
	return fmt.Sprintf("%d and %d records; %s", len(xs), len(ys), strings.Join(diff, "; "))
}

// applyEdits applies a stream of new actors and events, and edits of
// them, to db and returns how many were acknowledged.
func applyEdits(t *testing.T, bin, db, article string, cycle int) int {
	var lines []string
	for i := range 60 {
		actor := fmt.Sprintf("ac-sync%03d%04d", cycle, i/3)
		switch i % 3 {
		case 0:
			lines = append(lines, fmt.Sprintf(`{"actor":{"id":%q,"name":"Sync actor %d %d","kind":"person"}}`, actor, cycle, i))
		case 1:
			lines = append(lines, fmt.Sprintf(`{"event":{"id":"ev-sync%03d%04d","type":"AGREE","article":%q,"actors":[%q],"notes":"cycle %d"}}`, cycle, i, article, actor, cycle))
		default:
			lines = append(lines, fmt.Sprintf(`{"event":{"id":"ev-sync%03d%04d","type":"AGREE","article":%q,"actors":[%q],"notes":"cycle %d edited","version":1}}`, cycle, i-1, article, actor, cycle))
		}
	}
	out := run(t, bin, strings.Join(lines, "\n"), "--db", db, "apply")
	return strings.Count(out, "ok ")
}

// killDuring starts c and kills it with SIGKILL after d (if it is still
// running).
func killDuring(c *exec.Cmd, d time.Duration) {
	out, _ := c.StdoutPipe()
	if c.Start() != nil {
		return
	}
	go bufio.NewReader(out).WriteTo(os.Stderr)
	time.Sleep(d)
	c.Process.Signal(syscall.SIGKILL)
	c.Wait()
}
