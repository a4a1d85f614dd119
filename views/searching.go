package views

import (
	"context"
	"fmt"

	"dossier/app/search"
	"dossier/data"
)

// finder is the search field above the article list: it searches articles
// and records as the analyst types (off the UI goroutine), and a chosen hit
// opens where it matched. It also opens (or first builds) the index.
type finder struct {
	index searchIndex
	show  hitLinks
	windowLinks
}

// searchIndex is the part of the session that searches.
type searchIndex interface {
	OpenSearch(progress func(done, total int)) error
	Search(query string, limit int) ([]search.Hit, error)
}

// hitLinks open what a hit found.
type hitLinks struct {
	article func(id string, start, end int) // scrolled to the match and selected (start < 0: no match in the text)
	event   func(id string)
	actor   func(id string)
}

// field is a new search field.
func (f *finder) field() *picker {
	p := newPicker("Search: words, \"a phrase\", prefix*", func(q string) []pickItem {
		hits, err := f.index.Search(q, 20)
		if err != nil {
			return nil
		}
		var out []pickItem
		for _, h := range hits {
			out = append(out, pickItem{fmt.Sprintf("%s · %s — %s", h.Kind, h.Title, h.Passage), h})
		}
		return out
	}, func(it pickItem) { f.open(it.value.(search.Hit)) })
	p.ui = f.ui
	return p
}

// open shows a search hit: an article scrolled to the match, an event
// beside its article, an actor in its form.
func (f *finder) open(h search.Hit) {
	switch h.Kind {
	case string(data.RecordArticle):
		f.show.article(h.ID, h.Start, h.End)
	case string(data.RecordEvent):
		f.show.event(h.ID)
	case string(data.RecordActor):
		f.show.actor(h.ID)
	}
}

// openIndex builds or opens the index in the background, telling its
// progress in the status bar.
func (f *finder) openIndex() {
	f.tell("Opening the search index…")
	lw := longWork{ui: f.ui, win: f.win, title: "Search index", status: f.tell}
	runLong(lw, func(_ context.Context, p progress) (struct{}, error) {
		return struct{}{}, f.index.OpenSearch(func(done, total int) {
			p(done, total, fmt.Sprintf("Bringing the search index up to date: %d of %d records…", done, total))
		})
	}, func(_ struct{}, err error) {
		if err != nil {
			f.tell("Search is unavailable: " + data.ErrorMessage(err))
			return
		}
		f.tell("")
	})
}
