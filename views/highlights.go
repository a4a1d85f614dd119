package views

import (
	"dossier/app"
	"dossier/data"
)

// mentionFinder finds the known actors and places in a text.
type mentionFinder interface {
	Mentions(text string) ([]app.Mention, error)
}

// highlighter keeps the reader's highlights: the known actors and places,
// found again only when the register changes (typing a note never scans
// the article again), and the layers drawn above them (the event's
// evidence, the suggestions).
type highlighter struct {
	reader   *Reader
	find     mentionFinder
	text     string
	mentions []app.Mention
	layers   []func() []highlight
}

// open scans a newly opened article's text.
func (h *highlighter) open(text string) {
	h.text = text
	h.rescan()
}

func (h *highlighter) rescan() {
	h.mentions = nil
	if h.text != "" {
		h.mentions, _ = h.find.Mentions(h.text)
	}
	h.refresh()
}

// changed scans again when an actor (a name, an alias) changed.
func (h *highlighter) changed(cs []data.Change) {
	for _, c := range cs {
		if c.Reset || c.Record == data.RecordActor {
			h.rescan()
			return
		}
	}
}

// refresh redraws the highlights without scanning.
func (h *highlighter) refresh() {
	var hs []highlight
	for _, m := range h.mentions {
		style := hlActor
		if m.Kind == app.MentionPlace {
			style = hlPlace
		}
		hs = append(hs, highlight{m.Start, m.End, style})
	}
	for _, layer := range h.layers {
		hs = append(hs, layer()...)
	}
	h.reader.SetHighlights(hs)
}
