package views

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dossier/app/team"
	"dossier/data"
)

// teamLink is File ▸ Team: bundles of changes for colleagues offline, and
// the link to the team hub online, whose state it shows at the right of
// the status bar. What arrives reaches the panels through the change feed;
// conflicts open the Conflicts tab.
type teamLink struct {
	status        *widget.Label
	notice        string // the last notice told
	team          teamWork
	showConflicts func()
	windowLinks
}

// teamWork is the part of the session that exchanges changes with the
// team.
type teamWork interface {
	AnalystName(id string) string
	ExportBundle(path string, since team.Since, passphrase []byte) (team.BundleResult, error)
	ReadBundle(path string, passphrase []byte) (*team.Bundle, error)
	ImportBundle(b *team.Bundle, dryRun bool) (data.MergeReport, error)
	HubSettings() team.HubConfig
	Sync(ctx context.Context, cfg team.HubConfig, status func(team.Status)) error
	Syncing() bool
	Disconnect()
}

// exportChanges writes this database's changes to a bundle for a colleague.
func (tl *teamLink) exportChanges() {
	since := widget.NewSelect([]string{"all", "last"}, nil)
	since.SetSelected("last")
	pass := widget.NewPasswordEntry()
	pass.SetPlaceHolder("team passphrase (optional: seals the file)")
	dialog.ShowForm("Export changes for a colleague", "Choose file…", "Cancel", []*widget.FormItem{
		{Text: "Changes", Widget: since, HintText: "last: those made since the last bundle written"},
		{Text: "Seal with", Widget: pass},
	}, func(ok bool) {
		if !ok {
			return
		}
		save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			runLong(tl.long("Writing "+filepath.Base(path)), func(context.Context, progress) (team.BundleResult, error) {
				return tl.team.ExportBundle(path, team.Since(since.Selected), []byte(pass.Text))
			}, func(res team.BundleResult, err error) {
				if err != nil {
					showError(tl.win, "The changes were not written", err)
					return
				}
				tl.tell(fmt.Sprintf("Wrote %d changed records to %s.", res.Records, filepath.Base(path)))
			})
		}, tl.win)
		save.SetFileName("dossier-changes-" + time.Now().Format("2006-01-02") + ".bundle")
		save.Show()
	}, tl.win)
}

// importChanges merges a colleague's bundle: it is read and checked whole,
// what it would do is shown, and it is merged once the analyst agrees.
func (tl *teamLink) importChanges() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		tl.readBundle(path, nil)
	}, tl.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".bundle"}))
	open.Show()
}

// readBundle reads a bundle (asking for the team passphrase when it is
// sealed), then offers to merge it.
func (tl *teamLink) readBundle(path string, pass []byte) {
	type read struct {
		b       *team.Bundle
		preview data.MergeReport
	}
	runLong(tl.long("Reading "+filepath.Base(path)), func(context.Context, progress) (read, error) {
		b, err := tl.team.ReadBundle(path, pass)
		if err != nil {
			return read{}, err
		}
		rep, err := tl.team.ImportBundle(b, true)
		return read{b, rep}, err
	}, func(r read, err error) {
		switch {
		case data.ErrorCode(err) == data.ENeedPassphrase:
			tl.askTeamPassphrase(func(p []byte) { tl.readBundle(path, p) })
		case err != nil:
			showError(tl.win, "The bundle was not imported", err)
		default:
			msg := fmt.Sprintf("%s: %s.\nImporting it would have: %s.", filepath.Base(path), team.About(tl.team, r.b), team.Line(r.preview))
			dialog.ShowConfirm("Import changes", msg, func(ok bool) {
				if ok {
					tl.mergeBundle(r.b)
				} else {
					r.b.Close()
				}
			}, tl.win)
		}
	})
}

func (tl *teamLink) mergeBundle(b *team.Bundle) {
	runLong(tl.long("Importing changes"), func(context.Context, progress) (data.MergeReport, error) {
		defer b.Close()
		return tl.team.ImportBundle(b, false)
	}, func(rep data.MergeReport, err error) {
		if err != nil {
			showError(tl.win, "The changes were not imported", err)
			return
		}
		tl.tell("Imported changes: " + team.Line(rep) + ".")
		if rep.Conflicts > 0 {
			tl.showConflicts()
		}
	})
}

func (tl *teamLink) askTeamPassphrase(then func([]byte)) {
	pass := widget.NewPasswordEntry()
	dialog.ShowForm("Sealed with the team passphrase", "Open", "Cancel", []*widget.FormItem{{Text: "Team passphrase", Widget: pass}}, func(ok bool) {
		if ok {
			then([]byte(pass.Text))
		}
	}, tl.win)
	tl.win.Canvas().Focus(pass)
}

// connectDialog asks how to reach the team hub (what was given last time
// filled in) and connects.
func (tl *teamLink) connectDialog() {
	cfg := tl.team.HubSettings()
	server, name, user := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	password, pass := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	creds, ca := widget.NewEntry(), widget.NewEntry()
	server.SetPlaceHolder("nats://hub.example.org:4222")
	server.SetText(cfg.Server)
	name.SetText(orDefault(cfg.Team, "team"))
	user.SetText(cfg.User)
	password.SetText(cfg.Password)
	pass.SetText(string(cfg.Passphrase))
	creds.SetText(cfg.Creds)
	creds.SetPlaceHolder("or a NATS credentials file")
	ca.SetText(cfg.CA)
	ca.SetPlaceHolder("the hub's CA certificate, for TLS")
	dialog.ShowForm("Connect to the team hub", "Connect", "Cancel", []*widget.FormItem{
		{Text: "Hub", Widget: server}, {Text: "Team", Widget: name},
		{Text: "User", Widget: user}, {Text: "Password", Widget: password}, {Text: "Credentials", Widget: creds},
		{Text: "TLS CA", Widget: ca},
		{Text: "Team passphrase", Widget: pass, HintText: "what travels is sealed with it: the hub sees ids, not articles"},
	}, func(ok bool) {
		if ok {
			tl.connect(team.HubConfig{Server: server.Text, Team: name.Text, User: user.Text, Password: password.Text,
				Creds: creds.Text, CA: ca.Text, Passphrase: []byte(pass.Text)})
		}
	}, tl.win)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// connect reaches the hub off the UI goroutine, then keeps the database in
// step with it until the window closes or the analyst disconnects.
func (tl *teamLink) connect(cfg team.HubConfig) {
	tl.disconnect()
	tl.status.SetText("Team " + cfg.Team + ": connecting…")
	status := func(st team.Status) { tl.ui.do(func() { tl.showTeamStatus(cfg.Team, st) }) }
	runLong(tl.long("Connecting to "+cfg.Server), func(ctx context.Context, _ progress) (struct{}, error) {
		return struct{}{}, tl.team.Sync(ctx, cfg, status)
	}, func(_ struct{}, err error) {
		if err != nil {
			tl.status.SetText("Team " + cfg.Team + ": offline")
			showError(tl.win, "Not connected to the team hub", err)
		}
	})
}

// disconnect leaves the hub; changes made meanwhile wait in the outbox.
func (tl *teamLink) disconnect() {
	if !tl.team.Syncing() {
		return
	}
	tl.team.Disconnect()
	tl.status.SetText("Team: offline; changes wait here")
}

func (tl *teamLink) showTeamStatus(name string, st team.Status) {
	state := "connected"
	if !st.Connected {
		state = "offline"
	}
	text := fmt.Sprintf("Team %s: %s · %d waiting", name, state, st.Waiting)
	if !st.LastExchange.IsZero() {
		text += " · last exchange " + st.LastExchange.Local().Format("15:04")
	}
	if st.SetAside > 0 {
		text += fmt.Sprintf(" · %d set aside (Conflicts tab)", st.SetAside)
	}
	if st.Problem != "" {
		text += " · " + st.Problem
	}
	tl.status.SetText(text)
	if st.Notice != "" && st.Notice != tl.notice {
		tl.notice = st.Notice // what the link did on its own (the hub had lost changes: sent again), said once
		tl.tell(st.Notice)
	}
}
