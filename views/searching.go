package views

import (
	"context"
	"fmt"

	"dossier/app/search"
	"dossier/data"
)

// newSearchField searches articles and records as the analyst types (off
// the UI goroutine); a chosen hit opens where it matched.
func (wb *workbench) newSearchField() *picker {
	p := newPicker("Search: words, \"a phrase\", prefix*", func(q string) []pickItem {
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
	p.ui = wb.ui
	return p
}

// openHit shows a search hit: an article scrolled to the match, an event
// beside its article, an actor in its form.
func (wb *workbench) openHit(h search.Hit) {
	switch h.Kind {
	case string(data.RecordArticle):
		wb.articles.clearFilter()
		wb.articles.selectID(h.ID)
		if h.Start >= 0 {
			wb.reader.ScrollTo(h.Start)
			wb.reader.setSelection(h.Start, h.End)
		}
	case string(data.RecordEvent):
		wb.openEvent(h.ID)
	case string(data.RecordActor):
		if a, err := wb.sess.Actor(h.ID); err == nil {
			wb.showActorForm(*a, nil)
		}
	}
}

// openSearch builds or opens the index in the background, telling its
// progress in the status bar.
func (wb *workbench) openSearch() {
	wb.setBar("Opening the search index…")
	lw := longWork{ui: wb.ui, win: wb.win, title: "Search index", status: wb.setBar}
	runLong(lw, func(_ context.Context, p progress) (struct{}, error) {
		return struct{}{}, wb.sess.OpenSearch(func(done, total int) {
			p(done, total, fmt.Sprintf("Building the search index: %d of %d articles…", done, total))
		})
	}, func(_ struct{}, err error) {
		if err != nil {
			wb.setBar("Search is unavailable: " + data.ErrorMessage(err))
			return
		}
		wb.setBar("")
	})
}
