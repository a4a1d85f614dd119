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

// teamLink is the window's view of the session's link to the team hub.
type teamLink struct {
	status *widget.Label // in the status bar
}

// exportChanges writes this database's changes to a bundle for a colleague.
func (wb *workbench) exportChanges() {
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
			runLong(longWork{ui: wb.ui, win: wb.win, title: "Writing " + filepath.Base(path)}, func(context.Context, progress) (team.BundleResult, error) {
				return wb.sess.ExportBundle(path, team.Since(since.Selected), []byte(pass.Text))
			}, func(res team.BundleResult, err error) {
				if err != nil {
					showError(wb.win, "The changes were not written", err)
					return
				}
				wb.setBar(fmt.Sprintf("Wrote %d changed records to %s.", res.Records, filepath.Base(path)))
			})
		}, wb.win)
		save.SetFileName("dossier-changes-" + time.Now().Format("2006-01-02") + ".bundle")
		save.Show()
	}, wb.win)
}

// importChanges merges a colleague's bundle: it is read and checked whole,
// what it would do is shown, and it is merged once the analyst agrees.
func (wb *workbench) importChanges() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		wb.readBundle(path, nil)
	}, wb.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".bundle"}))
	open.Show()
}

// readBundle reads a bundle (asking for the team passphrase when it is
// sealed), then offers to merge it.
func (wb *workbench) readBundle(path string, pass []byte) {
	type read struct {
		b       *team.Bundle
		preview data.MergeReport
	}
	runLong(longWork{ui: wb.ui, win: wb.win, title: "Reading " + filepath.Base(path)}, func(context.Context, progress) (read, error) {
		b, err := wb.sess.ReadBundle(path, pass)
		if err != nil {
			return read{}, err
		}
		rep, err := wb.sess.ImportBundle(b, true)
		return read{b, rep}, err
	}, func(r read, err error) {
		switch {
		case data.ErrorCode(err) == data.ENeedPassphrase:
			wb.askTeamPassphrase(func(p []byte) { wb.readBundle(path, p) })
		case err != nil:
			showError(wb.win, "The bundle was not imported", err)
		default:
			msg := fmt.Sprintf("%s: %s.\nImporting it would have: %s.", filepath.Base(path), team.About(wb.sess, r.b), team.Line(r.preview))
			dialog.ShowConfirm("Import changes", msg, func(ok bool) {
				if ok {
					wb.mergeBundle(r.b)
				} else {
					r.b.Close()
				}
			}, wb.win)
		}
	})
}

func (wb *workbench) mergeBundle(b *team.Bundle) {
	runLong(longWork{ui: wb.ui, win: wb.win, title: "Importing changes"}, func(context.Context, progress) (data.MergeReport, error) {
		defer b.Close()
		return wb.sess.ImportBundle(b, false)
	}, func(rep data.MergeReport, err error) {
		if err != nil {
			showError(wb.win, "The changes were not imported", err)
			return
		}
		wb.setBar("Imported changes: " + team.Line(rep) + ".")
		if rep.Conflicts > 0 {
			wb.conflicts.reload()
			wb.tabs.Select(wb.conflicts.item)
		}
	})
}

func (wb *workbench) askTeamPassphrase(then func([]byte)) {
	pass := widget.NewPasswordEntry()
	dialog.ShowForm("Sealed with the team passphrase", "Open", "Cancel", []*widget.FormItem{{Text: "Team passphrase", Widget: pass}}, func(ok bool) {
		if ok {
			then([]byte(pass.Text))
		}
	}, wb.win)
	wb.win.Canvas().Focus(pass)
}

// connectDialog asks how to reach the team hub (what was given last time
// filled in) and connects.
func (wb *workbench) connectDialog() {
	cfg := wb.sess.HubSettings()
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
			wb.connect(team.HubConfig{Server: server.Text, Team: name.Text, User: user.Text, Password: password.Text,
				Creds: creds.Text, CA: ca.Text, Passphrase: []byte(pass.Text)})
		}
	}, wb.win)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// connect reaches the hub off the UI goroutine, then keeps the database in
// step with it until the window closes or the analyst disconnects.
func (wb *workbench) connect(cfg team.HubConfig) {
	wb.disconnect()
	wb.team.status.SetText("Team " + cfg.Team + ": connecting…")
	status := func(st team.Status) { wb.ui.do(func() { wb.showTeamStatus(cfg.Team, st) }) }
	runLong(longWork{ui: wb.ui, win: wb.win, title: "Connecting to " + cfg.Server}, func(ctx context.Context, _ progress) (struct{}, error) {
		return struct{}{}, wb.sess.Sync(ctx, cfg, status)
	}, func(_ struct{}, err error) {
		if err != nil {
			wb.team.status.SetText("Team " + cfg.Team + ": offline")
			showError(wb.win, "Not connected to the team hub", err)
		}
	})
}

// disconnect leaves the hub; changes made meanwhile wait in the outbox.
func (wb *workbench) disconnect() {
	if !wb.sess.Syncing() {
		return
	}
	wb.sess.Disconnect()
	wb.team.status.SetText("Team: offline; changes wait here")
}

func (wb *workbench) showTeamStatus(name string, st team.Status) {
	state := "connected"
	if !st.Connected {
		state = "offline"
	}
	text := fmt.Sprintf("Team %s: %s · %d waiting", name, state, st.Waiting)
	if !st.LastExchange.IsZero() {
		text += " · last exchange " + st.LastExchange.Local().Format("15:04")
	}
	if st.Problem != "" {
		text += " · " + st.Problem
	}
	wb.team.status.SetText(text)
}
