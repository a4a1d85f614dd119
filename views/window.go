// Package views is Dossier's window, built with Fyne. It shows what the app
// layer gives it and sends the analyst's actions back to it; it never
// touches the database directly.
package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/assets"
	"dossier/data"
)

// Run opens the main window on st and blocks until it closes.
func Run(st data.Store, dbPath string, files []string) error {
	a := fyneapp.NewWithID("org.dossier.workbench")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w := a.NewWindow("Dossier — " + dbPath)
	arts, err := st.Articles()
	if err != nil {
		return err
	}
	list := widget.NewList(func() int { return len(arts) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s", arts[i].Published, arts[i].Title))
		})
	w.SetContent(container.NewBorder(widget.NewLabel(fmt.Sprintf("%d articles", len(arts))), nil, nil, nil, list))
	w.Resize(fyne.NewSize(1200, 800))
	w.ShowAndRun()
	return nil
}
