package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// An apply served by an open window goes through the window's session:
// each edit is a step its Edit menu can undo, as a put is.
func TestApplyIsUndoableInTheSessionThatServesIt(t *testing.T) {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	art := &data.Article{Title: "Talks", Text: "Envoys met in Geneva on Monday.", Hash: "h:talks", File: "talks.txt"}
	if _, err := st.AddArticles(context.Background(), []*data.Article{art}); err != nil {
		t.Fatal(err)
	}
	s := app.NewSession(st, "test")
	edits := `{"actor":{"id":"ac-envoy","name":"Envoy","kind":"person"}}
{"event":{"id":"ev-meet","type":"CONSULT","article":"` + art.ID + `","actors":["ac-envoy"]}}`
	var out, errOut bytes.Buffer
	code := runApply(Env{Stdin: strings.NewReader(edits), Stdout: &out, Stderr: &errOut}, s, nil)
	if code != ExitOK || out.String() != "ok actor ac-envoy 1\nok event ev-meet 1\n" {
		t.Fatalf("apply: %d %q %q", code, out.String(), errOut.String())
	}
	if s.UndoLabel() != "new event" {
		t.Fatalf("the last step is %q, want the event apply made", s.UndoLabel())
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Event("ev-meet"); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("after undo the event is still there: %v", err)
	}
	if s.UndoLabel() != "new actor Envoy" {
		t.Fatalf("next step %q", s.UndoLabel())
	}
}

// applyStream runs apply on s with stdin and returns its exit status,
// acknowledgements and error output.
func applyStream(s *app.Session, stdin io.Reader) (int, []string, string) {
	var out, errOut bytes.Buffer
	code := runApply(Env{Stdin: stdin, Stdout: &out, Stderr: &errOut}, s, nil)
	return code, strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n"), errOut.String()
}

// An apply of a long stream writes it a batch at a time, not a line at a
// time, and still acknowledges every line in order, once on disk: a line
// based on a stale version is a conflict and the lines after it are made.
func TestApplyWritesAStreamInBatches(t *testing.T) {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	art := &data.Article{Title: "Talks", Text: "Envoys met in Geneva on Monday.", Hash: "h:talks"}
	st.AddArticles(context.Background(), []*data.Article{art})
	var commits atomic.Int32
	defer st.Subscribe(func([]data.Change) { commits.Add(1) })()
	const n = 2500
	var lines strings.Builder
	for i := range n {
		switch {
		case i == 1701: // based on a version that was never stored
			fmt.Fprintf(&lines, `{"event":{"id":"ev-1","type":"AGREE","article":%q,"actors":["ac-0"],"version":7}}`+"\n", art.ID)
		case i%2 == 0:
			fmt.Fprintf(&lines, `{"actor":{"id":"ac-%d","name":"Envoy %d","kind":"person"}}`+"\n", i, i)
		default:
			fmt.Fprintf(&lines, `{"event":{"id":"ev-%d","type":"CONSULT","article":%q,"actors":["ac-%d"]}}`+"\n", i, art.ID, i-1)
		}
	}
	s := app.NewSession(st, "test")
	code, acks, errOut := applyStream(s, strings.NewReader(lines.String()))
	if code != ExitFailed || len(acks) != n || errOut != "" {
		t.Fatalf("apply: exit %d, %d acknowledgements, %q", code, len(acks), errOut)
	}
	for i, ack := range acks {
		want := fmt.Sprintf("ok event ev-%d 1", i)
		switch {
		case i == 1701:
			want = "conflict ev-1 1"
		case i%2 == 0:
			want = fmt.Sprintf("ok actor ac-%d 1", i)
		}
		if ack != want {
			t.Fatalf("acknowledgement %d is %q, want %q", i+1, ack, want)
		}
	}
	if evs, _ := st.Events(data.EventQuery{}); len(evs) != n/2-1 {
		t.Fatalf("%d events stored, want %d", len(evs), n/2-1)
	}
	if got := commits.Load(); got > n/50 {
		t.Fatalf("%d lines took %d commits: apply writes each line alone", n, got)
	} else {
		t.Logf("%d lines in %d commits", n, got)
	}
	if s.UndoLabel() != "new event" {
		t.Fatalf("the last step is %q: each line is a step", s.UndoLabel())
	}
}

// A line that is not an edit stops the apply there: the lines before it
// are made and acknowledged, none after it is tried, and the error names
// the line; a line too long to read says so instead of ending quietly.
func TestApplyStopsAtALineItCannotRead(t *testing.T) {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := app.NewSession(st, "test")
	code, acks, errOut := applyStream(s, strings.NewReader(`{"actor":{"id":"ac-a","name":"A","kind":"person"}}
{"actor":{"id":"ac-b","name":"B","kind":"person"}}
{"actor":
{"actor":{"id":"ac-c","name":"C","kind":"person"}}
`))
	if code != ExitFailed || strings.Join(acks, "|") != "ok actor ac-a 1|ok actor ac-b 1" || !strings.HasPrefix(errOut, "dossier: line 3: not a JSON edit") {
		t.Fatalf("apply: exit %d %q %q", code, acks, errOut)
	}
	if _, err := st.Actor("ac-c"); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("the line after the bad one was made: %v", err)
	}
	long := `{"actor":{"id":"ac-d","name":"D","kind":"person"}}` + "\n" + strings.Repeat("x", maxLine+1) + "\n"
	code, acks, errOut = applyStream(s, strings.NewReader(long))
	if code != ExitFailed || strings.Join(acks, "|") != "ok actor ac-d 1" || errOut != "dossier: line 2: longer than 64 MiB, so not read (one edit a line)\n" {
		t.Fatalf("apply of a long line: exit %d %q %q", code, acks, errOut)
	}
}

// A line sent alone is made and acknowledged at once: a program that waits
// for each acknowledgement before it sends the next line is never kept
// waiting for a batch to fill.
func TestApplyAnswersALineSentAlone(t *testing.T) {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in, feed := io.Pipe()
	acks, out := io.Pipe()
	done := make(chan int)
	go func() {
		done <- runApply(Env{Stdin: in, Stdout: out, Stderr: io.Discard}, app.NewSession(st, "test"), nil)
		out.Close()
	}()
	read := bufio.NewReader(acks)
	for i := range 3 {
		fmt.Fprintf(feed, `{"actor":{"id":"ac-%d","name":"Envoy %d","kind":"person"}}`+"\n", i, i)
		got := make(chan string)
		go func() { l, _ := read.ReadString('\n'); got <- l }()
		select {
		case l := <-got:
			if l != fmt.Sprintf("ok actor ac-%d 1\n", i) {
				t.Fatalf("acknowledgement %d: %q", i, l)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("line %d sent alone was not acknowledged", i+1)
		}
	}
	feed.Close()
	if code := <-done; code != ExitOK {
		t.Fatalf("exit %d", code)
	}
}
