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

// Run opens the main window on st, imports files (named on the command
// line) and blocks until the window closes.
func Run(st data.Store, dbPath string, files []string) error {
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w := a.NewWindow("Dossier")
	wb := newWorkbench(app.NewSession(st, dbPath), w)
	w.SetContent(wb.content())
	w.SetMainMenu(wb.mainMenu())
	wb.openNewest()
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { wb.importURIs(uris) })
	w.Resize(fyne.NewSize(1440, 880))
	w.SetMaster()
	wb.importPaths(files)
	quitOnSignal(a)
	w.ShowAndRun()
	return nil
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
	a := fyneapp.NewWithID(appID)
	w := a.NewWindow("Dossier cannot open this database")
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("Quit", a.Quit)), nil, nil, msg))
	w.Resize(fyne.NewSize(520, 180))
	quitOnSignal(a)
	w.ShowAndRun()
}
