package views

import (
	"fmt"

	"fyne.io/fyne/v2"

	"dossier/app/search"
	"dossier/data"
)

// newSearchField searches articles and records as the analyst types; a
// chosen hit opens where it matched.
func (wb *workbench) newSearchField() *picker {
	return newPicker("Search: words, \"a phrase\", prefix*", func(q string) []pickItem {
		hits, err := wb.sess.Search(q, 20)
		if err != nil {
			return nil
		}
		var out []pickItem
		for _, h := range hits {
			out = append(out, pickItem{fmt.Sprintf("%s · %s — %s", h.Kind, h.Title, h.Passage), h})
		}
		return out
	}, func(it pickItem) { wb.openHit(it.value.(search.Hit)) })
}

// openHit shows a search hit: an article scrolled to the match, an event
// beside its article, an actor in its form.
func (wb *workbench) openHit(h search.Hit) {
	switch h.Kind {
	case "article":
		wb.articles.filter.SetText("")
		wb.articles.selectID(h.ID)
		if h.Start >= 0 {
			wb.reader.ScrollTo(h.Start)
			wb.reader.setSelection(h.Start, h.End)
		}
	case "event":
		ev, err := wb.sess.Event(h.ID)
		if err != nil || len(ev.Articles()) == 0 {
			return
		}
		wb.articles.selectID(ev.Articles()[0])
		wb.editor.show(*ev)
		if len(ev.Evidence) > 0 {
			wb.reader.ScrollTo(ev.Evidence[0].Start)
		}
	case "actor":
		if a, err := wb.sess.Actor(h.ID); err == nil {
			wb.showActorForm(*a, func(*data.Actor) { wb.eventsChanged() })
		}
	}
}

// openSearch builds or opens the index in the background.
func (wb *workbench) openSearch() {
	wb.setBar("Opening the search index…")
	go func() {
		err := wb.sess.OpenSearch(func(done, total int) {
			fyne.Do(func() { wb.setBar(fmt.Sprintf("Building the search index: %d of %d articles…", done, total)) })
		})
		fyne.Do(func() {
			if err != nil {
				wb.setBar("Search is unavailable: " + err.Error())
				return
			}
			wb.setBar("")
		})
	}()
}
