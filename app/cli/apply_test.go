package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

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
