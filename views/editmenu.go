package views

// The Edit menu's own actions: undo and redo through the session's
// history, and the name colleagues see on this analyst's changes.

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// undo and redo step through the session's history; the records they
// change reach the panels through the change feed.
func (wb *workbench) undo() { wb.travel(wb.sess.Undo, "Undid", "undo") }
func (wb *workbench) redo() { wb.travel(wb.sess.Redo, "Redid", "redo") }

func (wb *workbench) travel(step func() (string, error), verb, noun string) {
	label, err := step()
	switch {
	case data.ErrorCode(err) == data.EConflict:
		wb.setBar(data.ErrorMessage(err))
	case err != nil:
		showError(wb.win, verb+" nothing", err)
	case label == "":
		wb.setBar("Nothing to " + noun + ".")
	default:
		wb.setBar(verb + " " + label + ".")
	}
}

// nameDialog sets the name colleagues (and conflict messages) show for
// this database's analyst.
func (wb *workbench) nameDialog() {
	entry := widget.NewEntry()
	entry.SetText(wb.sess.Analyst().Name)
	dialog.ShowForm("Your name on changes", "Save", "Cancel", []*widget.FormItem{
		{Text: "Name", Widget: entry, HintText: "colleagues see it on the records you change"},
	}, func(ok bool) {
		if !ok {
			return
		}
		if err := wb.sess.SetAnalystName(entry.Text); err != nil {
			showError(wb.win, "The name was not saved", err)
			return
		}
		wb.setBar("Your changes now carry the name " + wb.sess.Analyst().DisplayName() + ".")
	}, wb.win)
}
