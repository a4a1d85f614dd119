package e2e

// The crash harness: start dossier importing a folder or applying a stream
// of edits, SIGKILL it at a random moment, reopen the database and check
// that it opens, that every edit acknowledged before the kill is there and
// intact, and that the indexes agree with the records. `make test` runs 10
// cycles, `make crash` 100 (DOSSIER_CRASH_CYCLES).

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier/data"
)

type crashRun struct {
	t      *testing.T
	bin    string
	db     string
	rng    *rand.Rand
	notes  map[string]string // acknowledged event id → its notes
	actors map[string]string // acknowledged actor id → its name
	art    string
	// inFlight are the edits after the last acknowledged one: apply makes
	// the lines that have arrived in one commit, so the process may have
	// stored them just before the kill, without saying so yet.
	inFlight map[string]string
}

func TestCrashCycles(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: kills real processes")
	}
	cycles, _ := strconv.Atoi(os.Getenv("DOSSIER_CRASH_CYCLES"))
	if cycles <= 0 {
		cycles = 10
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d, %d cycles", seed, cycles)
	r := &crashRun{t: t, bin: buildBinary(t), db: filepath.Join(t.TempDir(), "db"), rng: rand.New(rand.NewSource(seed)),
		notes: map[string]string{}, actors: map[string]string{}}
	folder := crashCorpus(t, 1000)
	r.art = r.firstArticle(folder)
	for c := range cycles {
		if c%2 == 0 {
			r.killDuring(r.cmd("import", folder), nil)
		} else {
			r.killDuring(r.cmd("apply"), r.edits(c))
		}
		r.verify(c)
	}
	out, err := r.cmd("import", folder).Output()
	if err != nil || !strings.Contains(string(out), "failed 0") {
		t.Fatalf("a full import after the crashes: %v %s", err, out)
	}
	var imported, dups int
	fmt.Sscanf(string(out), "imported %d, duplicates %d", &imported, &dups)
	if imported+dups != 1000 {
		t.Fatalf("after the crashes the folder imports as %q", out)
	}
	t.Logf("%d kill cycles: %d acknowledged events and %d actors all intact", cycles, len(r.notes), len(r.actors))
}

func (r *crashRun) cmd(args ...string) *exec.Cmd {
	return exec.Command(r.bin, append([]string{"--db", r.db}, args...)...)
}

// firstArticle imports one article for the edits to cite.
func (r *crashRun) firstArticle(folder string) string {
	out, err := r.cmd("import", filepath.Join(folder, "a0000.txt")).Output()
	if err != nil {
		r.t.Fatalf("import: %v %s", err, out)
	}
	var arts []data.Article
	out, _ = r.cmd("list", "articles", "--json").Output()
	json.Unmarshal(out, &arts)
	return arts[0].ID
}

// edits makes a stream of new actors, new events and changes to them.
func (r *crashRun) edits(cycle int) []string {
	var lines []string
	for i := range 400 {
		actor := fmt.Sprintf("ac-crash%03d%04d", cycle, i/4)
		switch i % 4 {
		case 0:
			lines = append(lines, fmt.Sprintf(`{"actor":{"id":%q,"name":"Crash actor %d %d","kind":"person"}}`, actor, cycle, i))
		case 3:
			lines = append(lines, fmt.Sprintf(`{"event":{"id":"ev-crash%03d%04d","type":"CONSULT","article":%q,"actors":[%q],"notes":"cycle %d line %d changed","version":1}}`, cycle, i-1, r.art, actor, cycle, i))
		default:
			lines = append(lines, fmt.Sprintf(`{"event":{"id":"ev-crash%03d%04d","type":"AGREE","article":%q,"actors":[%q],"notes":"cycle %d line %d"}}`, cycle, i, r.art, actor, cycle, i))
		}
	}
	return lines
}

// killDuring starts c, feeds it lines, records what it acknowledges, and
// kills it with SIGKILL after a random moment.
func (r *crashRun) killDuring(c *exec.Cmd, lines []string) {
	stdin, _ := c.StdinPipe()
	stdout, _ := c.StdoutPipe()
	if err := c.Start(); err != nil {
		r.t.Fatal(err)
	}
	go func() {
		for _, l := range lines {
			if _, err := fmt.Fprintln(stdin, l); err != nil {
				return
			}
		}
		stdin.Close()
	}()
	acks := make(chan string, len(lines)+1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			acks <- sc.Text()
		}
		close(acks)
	}()
	time.Sleep(time.Duration(20+r.rng.Intn(400)) * time.Millisecond)
	c.Process.Signal(syscall.SIGKILL)
	c.Wait()
	i := 0
	for ack := range acks {
		if lines != nil {
			r.remember(ack, lines[i])
			i++
		}
	}
	r.inFlight = map[string]string{}
	for _, l := range lines[i:] {
		var e struct{ Event *data.Event }
		if json.Unmarshal([]byte(l), &e) == nil && e.Event != nil {
			r.inFlight[e.Event.ID] = e.Event.Notes
		}
	}
}

// remember notes what an acknowledged edit must leave in the database.
func (r *crashRun) remember(ack, line string) {
	var e struct {
		Actor *data.Actor
		Event *data.Event
	}
	json.Unmarshal([]byte(line), &e)
	switch {
	case strings.HasPrefix(ack, "ok actor ") && e.Actor != nil:
		r.actors[e.Actor.ID] = e.Actor.Name
	case strings.HasPrefix(ack, "ok event ") && e.Event != nil:
		r.notes[e.Event.ID] = e.Event.Notes
	default:
		r.t.Fatalf("acknowledgement %q does not match the edit %s", ack, line)
	}
}

// verify reopens the database: it must check clean and hold every
// acknowledged edit as it was acknowledged.
func (r *crashRun) verify(cycle int) {
	out, err := r.cmd("check").CombinedOutput()
	if err != nil || !strings.Contains(string(out), " 0 problems") {
		r.t.Fatalf("cycle %d: check after the kill: %v\n%s", cycle, err, out)
	}
	var evs []data.Event
	var acts []data.Actor
	evOut, _ := r.cmd("list", "events", "--json").Output()
	actOut, _ := r.cmd("list", "actors", "--json").Output()
	if json.Unmarshal(evOut, &evs) != nil || json.Unmarshal(actOut, &acts) != nil {
		r.t.Fatalf("cycle %d: the records cannot be listed", cycle)
	}
	gotNotes := map[string]string{}
	for _, e := range evs {
		gotNotes[e.ID] = e.Notes
	}
	for id, want := range r.notes {
		got, ok := gotNotes[id]
		if next, flying := r.inFlight[id]; flying && got == next {
			r.notes[id] = got // stored just before the kill; acknowledged now
			continue
		}
		if !ok || got != want {
			r.t.Fatalf("cycle %d: acknowledged event %s lost or changed: %q, want %q", cycle, id, got, want)
		}
	}
	gotActors := map[string]string{}
	for _, a := range acts {
		gotActors[a.ID] = a.Name
	}
	for id, want := range r.actors {
		if gotActors[id] != want {
			r.t.Fatalf("cycle %d: acknowledged actor %s lost", cycle, id)
		}
	}
}

// crashCorpus writes n small articles.
func crashCorpus(t *testing.T, n int) string {
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("Dispatch %d\n\nDelegates from region %d met officials on Tuesday and agreed to talk again in %d days.", i, i%17, i%30+1)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(body), 0o644)
	}
	return dir
}
