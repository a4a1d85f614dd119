package views

// The Code tab's own article commands: the welcome of an empty database
// with its sample article, an article pasted as text, and an article
// deleted.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// welcome greets an empty database.
func (c *codeTab) welcome() fyne.CanvasObject {
	msg := widget.NewLabelWithStyle("Drop article files or folders anywhere on this window\n(PDF, Word, OpenDocument, RTF, web pages, e-mails, text), or use File ▸ Import (Ctrl+O).",
		fyne.TextAlignCenter, fyne.TextStyle{})
	sample := widget.NewButton("Open a sample article, already coded", c.openSample)
	sample.Importance = widget.HighImportance
	return container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle("Welcome to Dossier", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), msg, container.NewCenter(sample)))
}

func (c *codeTab) openSample() {
	id, err := c.records.LoadSample()
	if err != nil {
		showError(c.win, "The sample article could not be stored", err)
		return
	}
	c.reloadArticles()
	c.articles.selectID(id)
}

func (c *codeTab) addText(text string) {
	id, dup, err := c.records.AddText(text)
	if err != nil {
		showError(c.win, "Nothing was pasted", err)
		return
	}
	c.reloadArticles()
	c.articles.selectID(id)
	if dup {
		c.tell("That text is already stored: it is open now.")
	}
}

// pasteDialog asks for text to store as a new article.
func (c *codeTab) pasteDialog() {
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetPlaceHolder("Paste the article's text here; the first line becomes its title.")
	entry.SetText(fyne.CurrentApp().Clipboard().Content())
	d := dialog.NewCustomConfirm("New article from text", "Store", "Cancel", entry, func(ok bool) {
		if ok {
			c.addText(entry.Text)
		}
	}, c.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// deleteArticle removes the open article after the analyst confirms; an
// article that events cite is refused with the reason.
func (c *codeTab) deleteArticle() {
	if c.article == nil {
		return
	}
	a := c.article
	dialog.ShowConfirm("Delete article", "Delete “"+a.Title+"”? This cannot be undone; importing its file again brings it back.", func(ok bool) {
		if !ok {
			return
		}
		if err := c.records.DeleteArticle(a.ID, a.Version); err != nil {
			showError(c.win, "The article was not deleted", err)
			return
		}
		c.reloadArticles()
		c.openNewest()
		c.tell("Deleted “" + a.Title + "”.")
	}, c.win)
}
