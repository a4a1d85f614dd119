package views

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app/team"
)

// The team link is driven through its port: what the hub link reports is
// shown at the right of the status bar, and a hub that cannot be reached
// leaves it offline.
func TestTeamLinkShowsTheHubsState(t *testing.T) {
	ui := newTestBridge()
	hub := &fakeHub{}
	var told []string
	tl := &teamLink{status: widget.NewLabel(""), team: hub, showConflicts: func() {},
		windowLinks: windowLinks{ui: ui, win: test.NewTempWindow(t, nil), tell: func(s string) { told = append(told, s) }}}

	hub.reports = []team.Status{{Connected: true, Waiting: 2}}
	tl.connect(team.HubConfig{Server: "nats://127.0.0.1:4222", Team: "desk"})
	ui.settle()
	if want := "Team desk: connected · 2 waiting"; tl.status.Text != want {
		t.Errorf("the status bar says %q, want %q", tl.status.Text, want)
	}
	tl.showTeamStatus("desk", team.Status{Connected: true, SetAside: 1, Problem: "an entry did not open"})
	if want := "Team desk: connected · 0 waiting · 1 set aside (Conflicts tab) · an entry did not open"; tl.status.Text != want {
		t.Errorf("the status bar says %q, want %q", tl.status.Text, want)
	}
	resent := "The hub had lost 12 changes made here: they were sent again."
	tl.showTeamStatus("desk", team.Status{Connected: true, Notice: resent})
	tl.showTeamStatus("desk", team.Status{Connected: true, Notice: resent})
	if len(told) != 1 || told[0] != resent {
		t.Errorf("the analyst was told %q, want the notice once", told)
	}

	tl.disconnect()
	if want := "Team: offline; changes wait here"; tl.status.Text != want || hub.syncing {
		t.Errorf("after disconnecting: %q (syncing %v)", tl.status.Text, hub.syncing)
	}

	hub.fail = errors.New("the team hub cannot be reached")
	tl.connect(team.HubConfig{Server: "nats://127.0.0.1:1", Team: "desk"})
	ui.settle()
	if want := "Team desk: offline"; tl.status.Text != want {
		t.Errorf("with the hub away the status bar says %q, want %q", tl.status.Text, want)
	}
}

type fakeHub struct {
	teamWork // the bundle calls are not used here
	reports  []team.Status
	fail     error
	syncing  bool
}

func (h *fakeHub) Sync(_ context.Context, _ team.HubConfig, status func(team.Status)) error {
	if h.fail != nil {
		return h.fail
	}
	h.syncing = true
	for _, r := range h.reports {
		status(r)
	}
	return nil
}
func (h *fakeHub) Syncing() bool { return h.syncing }
func (h *fakeHub) Disconnect()   { h.syncing = false }
