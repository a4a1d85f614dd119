// Package views is Dossier's window, built with Fyne: the article list, the
// reader and the event editor side by side. It shows what the app layer
// gives it and sends the analyst's actions back; it never touches the
// database directly, and all long work runs off the UI goroutine.
package views

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/assets"
	"dossier/data"
)

const appID = "org.dossier.workbench"

func newWindow(title string) (fyne.App, fyne.Window) {
	useBundledFonts()
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	quitOnSignal(a)
	return a, a.NewWindow(title)
}

// Run opens the main window on a session, imports files (named on the
// command line) and blocks until the window closes.
func Run(sess *app.Session, files []string) error {
	if err := noDisplay(); err != nil {
		return err
	}
	_, w := newWindow("Dossier")
	showWorkbench(w, sess, files)
	w.ShowAndRun()
	return nil
}

// showWorkbench fills the window with the workbench over a session.
func showWorkbench(w fyne.Window, sess *app.Session, files []string) {
	wb := newWorkbench(sess, w, newBridge())
	w.SetContent(wb.content())
	w.SetMainMenu(wb.mainMenu())
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { wb.importer.importURIs(uris) })
	w.Resize(fyne.NewSize(1440, 880))
	w.SetMaster()
	wb.importer.importPaths(files)
	wb.finder.openIndex()
	wb.showNotices()
	w.SetOnClosed(func() {
		wb.stop()
		wb.sess.Close()
	})
}

// RunLocked asks for the passphrase of an encrypted database, opens it with
// open, and then shows the workbench in the same window. It returns the
// session it opened (nil when the analyst gave up).
func RunLocked(dbPath string, open func(passphrase []byte) (*app.Session, error), files []string) (*app.Session, error) {
	if err := noDisplay(); err != nil {
		return nil, err
	}
	a, w := newWindow("Dossier · encrypted database")
	var sess *app.Session
	pass := widget.NewPasswordEntry()
	msg := widget.NewLabel("The database " + dbPath + " is encrypted. Type its passphrase.")
	msg.Wrapping = fyne.TextWrapWord
	try := func() {
		s, err := open([]byte(pass.Text))
		if err != nil {
			msg.SetText(data.ErrorMessage(err))
			pass.SetText("")
			return
		}
		sess = s
		showWorkbench(w, sess, files)
	}
	pass.OnSubmitted = func(string) { try() }
	openBtn := widget.NewButton("Open", try)
	openBtn.Importance = widget.HighImportance
	w.SetContent(container.NewVBox(msg, pass, container.NewHBox(openBtn, widget.NewButton("Quit", a.Quit))))
	w.Resize(fyne.NewSize(560, 200))
	w.Canvas().Focus(pass)
	w.ShowAndRun()
	return sess, nil
}

// quitOnSignal closes the window cleanly (and so the database) when the
// session ends or the process is asked to stop.
func quitOnSignal(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	go func() {
		<-ch
		fyne.Do(a.Quit)
	}()
}

// ShowProblem opens a small window that says why Dossier cannot start (the
// database is open elsewhere, say) and quits when closed.
func ShowProblem(message string) {
	if noDisplay() != nil {
		return // the command line said it already
	}
	a, w := newWindow("Dossier cannot open this database")
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("Quit", a.Quit)), nil, nil, msg))
	w.Resize(fyne.NewSize(520, 180))
	w.ShowAndRun()
}
