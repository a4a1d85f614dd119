package views

import (
	"fmt"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/when"
	"dossier/data"
	"dossier/data/codebook"
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
	ev := data.Event{Article: wb.article.ID}
	if sp, ok := wb.selection(); ok {
		ev.Evidence = []data.Span{sp}
	}
	wb.editor.list.UnselectAll()
	wb.editor.show(ev)
	wb.win.Canvas().Focus(wb.editor.typePick)
}

func (wb *workbench) deleteEvent() {
	id := wb.editor.ev.ID
	if id == "" {
		wb.editor.show(wb.editor.blank())
		return
	}
	if err := wb.sess.DeleteEvent(id); err != nil {
		showError(wb.win, "The event was not deleted", err)
		return
	}
	wb.editor.ev = wb.editor.blank()
	wb.eventsChanged()
	wb.setBar("Event deleted. Ctrl+Z brings it back.")
}

// selectionAsParty adds the actor named by the selection to the event,
// creating the actor (in a small form) when the register lacks it.
func (wb *workbench) selectionAsParty(recipient bool) {
	sp, ok := wb.selection()
	if !ok {
		return
	}
	box := wb.editor.actors
	if recipient {
		box = wb.editor.recipients
	}
	if found, _ := wb.sess.ActorsNamed(sp.Quote); len(found) > 0 {
		box.add(found[0].ID)
		return
	}
	wb.showActorForm(data.Actor{Name: sp.Quote, Kind: data.KindPerson}, func(a *data.Actor) {
		box.add(a.ID)
		wb.eventsChanged()
	})
}

// selectionAsAlias adds the selected words as an alias of an actor chosen
// from the register.
func (wb *workbench) selectionAsAlias() {
	sp, ok := wb.selection()
	if !ok {
		return
	}
	var d dialog.Dialog
	pick := newPicker("search the register", func(q string) []pickItem { return wb.actorItems(q, "") }, func(it pickItem) {
		d.Hide()
		a, err := wb.sess.Actor(it.value.(string))
		if err == nil {
			a.Aliases = append(a.Aliases, sp.Quote)
			err = wb.sess.SaveActor(a)
		}
		if err != nil {
			showError(wb.win, "The alias was not saved", err)
			return
		}
		wb.eventsChanged()
		wb.setBar(fmt.Sprintf("“%s” is now an alias of %s.", sp.Quote, a.Name))
	})
	d = dialog.NewCustom(fmt.Sprintf("“%s” is an alias of…", sp.Quote), "Cancel", pick, wb.win)
	d.Show()
	wb.win.Canvas().Focus(pick)
}

// selectionAsPlace sets the event's place to the likeliest gazetteer place
// of that name.
func (wb *workbench) selectionAsPlace() {
	sp, ok := wb.selection()
	if !ok {
		return
	}
	places := codebook.PlacesNamed(sp.Quote)
	if len(places) == 0 {
		places = codebook.SearchPlaces(sp.Quote, 1)
	}
	if len(places) == 0 {
		wb.setBar(fmt.Sprintf("No place called “%s” in the gazetteer: search for it in the Place field.", sp.Quote))
		return
	}
	wb.editor.change("", func() { wb.editor.ev.Location = app.PlaceLocation(sp.Quote, places[0]) })
}

// selectionAsDate reads the selected words as the event's date, against the
// article's published date ("on Friday").
func (wb *workbench) selectionAsDate() {
	sp, ok := wb.selection()
	if !ok {
		return
	}
	d, err := when.Resolve(sp.Quote, wb.article.Published)
	if err != nil {
		wb.editor.change("", func() { wb.editor.ev.Date.Raw = sp.Quote })
		wb.editor.show(wb.editor.ev)
		wb.setBar(err.Error())
		return
	}
	wb.editor.change("", func() { wb.editor.ev.Date = d })
	wb.editor.show(wb.editor.ev)
}

// selectionAsEvidence cites the selected words for the event.
func (wb *workbench) selectionAsEvidence() {
	sp, ok := wb.selection()
	if !ok {
		return
	}
	wb.editor.change("", func() { wb.editor.ev.Evidence = append(wb.editor.ev.Evidence, sp) })
}

// undo and redo step through the session's history and show the result.
func (wb *workbench) undo() { wb.travel(wb.sess.Undo, "Undid") }
func (wb *workbench) redo() { wb.travel(wb.sess.Redo, "Redid") }

func (wb *workbench) travel(step func() (string, error), verb string) {
	label, err := step()
	if err != nil {
		showError(wb.win, verb+" nothing", err)
		return
	}
	if label == "" {
		wb.setBar("Nothing to " + map[string]string{"Undid": "undo", "Redid": "redo"}[verb] + ".")
		return
	}
	if wb.editor.ev.ID != "" {
		if ev, err := wb.sess.Event(wb.editor.ev.ID); err == nil {
			wb.editor.show(*ev)
		} else {
			wb.editor.ev = wb.editor.blank()
		}
	}
	wb.eventsChanged()
	if wb.article != nil {
		if a, err := wb.sess.Article(wb.article.ID); err == nil {
			wb.article = a
			wb.status.SetSelected(a.Status)
		}
	}
	wb.setBar(verb + " " + label + ".")
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
		if err := wb.sess.DeleteArticle(a.ID); err != nil {
			showError(wb.win, "The article was not deleted", err)
			return
		}
		wb.article = nil
		wb.reloadArticles()
		wb.openNewest()
		wb.setBar("Deleted “" + a.Title + "”.")
	}, wb.win)
}
