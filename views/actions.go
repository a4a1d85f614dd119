package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// selected is called when the analyst selects words in the reader.
func (wb *workbench) selected(start, end int, text string) {
	if text != "" {
		wb.setBar(fmt.Sprintf("Selected “%s” (%d–%d): Actor, Recipient, Alias, Place, Date or Evidence", text, start, end))
	}
}

// selection returns the selected words, or tells the analyst to select some.
func (wb *workbench) selection() (data.Span, bool) {
	start, end, text := wb.reader.Selection()
	if text == "" || wb.article == nil {
		wb.setBar("Select some words in the article first (drag over them, or tap one word).")
		return data.Span{}, false
	}
	wb.reader.ClearSelection() // a selection is used once
	return data.Span{Article: wb.article.ID, Start: start, End: end, Quote: text}, true
}

// newEvent starts a new event; the selected words become its evidence.
func (wb *workbench) newEvent() {
	if wb.article == nil {
		wb.setBar("Open an article first.")
		return
	}
	var evidence []data.Span
	if sp, ok := wb.selection(); ok {
		evidence = []data.Span{sp}
	}
	wb.editor.newEvent(evidence)
	wb.win.Canvas().Focus(wb.editor.typePick)
}

func (wb *workbench) deleteEvent() {
	if err := wb.editor.deleteCurrent(); err != nil {
		showError(wb.win, "The event was not deleted", err)
		return
	}
	wb.setBar("Event deleted. Ctrl+Z brings it back.")
}

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

func (wb *workbench) addText(text string) {
	id, dup, err := wb.sess.AddText(text)
	if err != nil {
		showError(wb.win, "Nothing was pasted", err)
		return
	}
	wb.reloadArticles()
	wb.articles.selectID(id)
	if dup {
		wb.setBar("That text is already stored: it is open now.")
	}
}

// pasteDialog asks for text to store as a new article.
func (wb *workbench) pasteDialog() {
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetPlaceHolder("Paste the article's text here; the first line becomes its title.")
	entry.SetText(fyne.CurrentApp().Clipboard().Content())
	d := dialog.NewCustomConfirm("New article from text", "Store", "Cancel", entry, func(ok bool) {
		if ok {
			wb.addText(entry.Text)
		}
	}, wb.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// deleteArticle removes the open article after the analyst confirms; an
// article that events cite is refused with the reason.
func (wb *workbench) deleteArticle() {
	if wb.article == nil {
		return
	}
	a := wb.article
	dialog.ShowConfirm("Delete article", "Delete “"+a.Title+"”? This cannot be undone; importing its file again brings it back.", func(ok bool) {
		if !ok {
			return
		}
		if err := wb.sess.DeleteArticle(a.ID, a.Version); err != nil {
			showError(wb.win, "The article was not deleted", err)
			return
		}
		wb.reloadArticles()
		wb.openNewest()
		wb.setBar("Deleted “" + a.Title + "”.")
	}, wb.win)
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
