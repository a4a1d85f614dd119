package app

import (
	"context"
	"testing"
	"time"

	"dossier/app/team"
	"dossier/app/team/hubtest"
	"dossier/data"
)

// The session owns its link to the hub: what one analyst saves reaches a
// colleague's session while both are linked, and closing a session leaves
// the hub before its owner closes the store.
func TestSessionKeepsItsLinkToTheHub(t *testing.T) {
	srv, _ := hubtest.Start(t)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "desk"}
	mine, theirs := newSession(t), newSession(t)
	for _, s := range []*Session{mine, theirs} {
		if err := s.Sync(context.Background(), cfg, nil); err != nil {
			t.Fatal(err)
		}
	}
	defer theirs.Close()
	a := &data.Actor{Name: "Wang Yi", Kind: data.KindPerson}
	if err := mine.SaveActor(a); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if got, err := theirs.Actor(a.ID); err == nil && got.Name == "Wang Yi" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the colleague's session never received the actor")
		}
		time.Sleep(100 * time.Millisecond)
	}
	mine.Close()
	if mine.Syncing() {
		t.Error("a closed session is still linked to the hub")
	}
}
