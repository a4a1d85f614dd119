package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/app/suggest"
	"dossier/data"
)

// suggestionsPanel lists what Dossier proposes for the open article: accept
// stores it (undoable), edit opens it in a form first, reject forgets it
// for this article. Nothing is stored without the analyst's action.
type suggestionsPanel struct {
	wb      *workbench
	items   []suggest.Suggestion
	list    *widget.List
	current int
	shown   bool // the panel is visible: its suggestions are highlighted
}

func newSuggestionsPanel(wb *workbench) *suggestionsPanel {
	p := &suggestionsPanel{wb: wb, current: -1}
	p.list = widget.NewList(func() int { return len(p.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(suggestionLabel(p.items[i])) })
	p.list.OnSelected = func(i widget.ListItemID) {
		p.current = i
		s := p.items[i]
		wb.reader.ScrollTo(s.Start)
		wb.refreshHighlights()
	}
	return p
}

func (p *suggestionsPanel) view() fyne.CanvasObject {
	accept := widget.NewButton("Accept", p.accept)
	accept.Importance = widget.HighImportance
	buttons := container.NewGridWithColumns(3, accept, widget.NewButton("Edit, then accept", p.edit), widget.NewButton("Reject", p.reject))
	return container.NewBorder(widget.NewLabel("Suggestions for this article"), buttons, nil, nil, p.list)
}

// reload computes the open article's suggestions.
func (p *suggestionsPanel) reload() {
	p.items, p.current = nil, -1
	if a := p.wb.article; a != nil {
		items, err := p.wb.sess.Suggestions(a.ID)
		if err != nil {
			p.wb.setBar("Suggestions are unavailable: " + data.ErrorMessage(err))
		}
		p.items = items
	}
	p.list.UnselectAll()
	p.list.Refresh()
}

func (p *suggestionsPanel) selected() (suggest.Suggestion, bool) {
	if p.current < 0 || p.current >= len(p.items) || p.wb.article == nil {
		p.wb.setBar("Choose a suggestion in the list first.")
		return suggest.Suggestion{}, false
	}
	return p.items[p.current], true
}

func (p *suggestionsPanel) accept() {
	s, ok := p.selected()
	if !ok {
		return
	}
	if s.Kind == suggest.Location || s.Kind == suggest.Date {
		p.wb.reader.Select(s.Start, s.End)
		if s.Kind == suggest.Location {
			p.wb.selectionAsPlace()
		} else {
			p.wb.selectionAsDate()
		}
		return
	}
	id, err := p.wb.sess.AcceptSuggestion(p.wb.article.ID, s)
	if err != nil {
		showError(p.wb.win, "The suggestion was not stored", err)
		return
	}
	p.wb.eventsChanged()
	if s.Kind == suggest.Event {
		p.wb.openEvent(id)
	}
	p.wb.setBar("Accepted: " + suggestionLabel(s) + ". Ctrl+Z undoes it.")
	p.reload()
	p.wb.refreshHighlights()
}

// edit opens the suggestion in a form: an event as a new event, an actor in
// the actor form.
func (p *suggestionsPanel) edit() {
	s, ok := p.selected()
	if !ok {
		return
	}
	switch s.Kind {
	case suggest.Event:
		ev := data.Event{Article: p.wb.article.ID, Type: s.Type, Mode: s.Mode, CAMEO: s.CAMEO,
			Evidence: []data.Span{{Article: p.wb.article.ID, Start: s.Start, End: s.End}}}
		if s.Date != "" {
			ev.Date = s.EventDate()
		}
		p.wb.editor.list.UnselectAll()
		p.wb.editor.show(ev)
		p.wb.editor.save("") // the analyst now edits it in the form
		p.wb.rightTabs.SelectIndex(0)
	case suggest.Person, suggest.Organisation:
		a, err := p.wb.sess.SuggestedActor(p.wb.article.ID, s)
		if err != nil {
			showError(p.wb.win, "The suggestion cannot be edited", err)
			return
		}
		p.wb.showActorForm(a, func(*data.Actor) { p.wb.eventsChanged(); p.reload() })
	default:
		p.accept()
	}
}

func (p *suggestionsPanel) reject() {
	s, ok := p.selected()
	if !ok {
		return
	}
	if err := p.wb.sess.RejectSuggestion(p.wb.article.ID, s); err != nil {
		showError(p.wb.win, "The rejection was not saved", err)
		return
	}
	p.wb.setBar("Rejected: " + suggestionLabel(s) + ".")
	p.reload()
	p.wb.refreshHighlights()
}

// highlights are the suggested entities to show in the reader while the
// panel is open, and the chosen suggestion (an event: its sentence) in the
// evidence colour, drawn last so that it shows above the others.
func (p *suggestionsPanel) highlights() []highlight {
	if p == nil || !p.shown {
		return nil
	}
	var hs []highlight
	for i, s := range p.items {
		if s.Kind != suggest.Event && i != p.current {
			hs = append(hs, highlight{s.Start, s.End, hlSuggestion})
		}
	}
	if p.current >= 0 && p.current < len(p.items) {
		s := p.items[p.current]
		hs = append(hs, highlight{s.Start, s.End, hlEvidence})
	}
	return hs
}

func suggestionLabel(s suggest.Suggestion) string {
	var parts []string
	switch s.Kind {
	case suggest.Event:
		parts = append(parts, typeLabel(s.Type, s.Mode), orDash(s.Date)+orEmpty(" to ", s.DateEnd), orDash(strings.Join(s.Actors, ", "))+" → "+orDash(strings.Join(s.Recipients, ", ")))
		if s.Place != "" {
			parts = append(parts, s.Place)
		}
	case suggest.Date:
		parts = append(parts, "“"+s.Text+"” = "+s.Date+orEmpty(" to ", s.DateEnd))
	default:
		name := s.Text
		if s.RefersTo != "" && s.RefersTo != s.Text {
			name += " = " + s.RefersTo // "he = Sergei Shoigu"
		}
		parts = append(parts, name)
		if s.Country != "" {
			parts = append(parts, s.Country)
		}
		if s.Role != "" {
			parts = append(parts, s.Role)
		}
	}
	return fmt.Sprintf("%s · %s (%.0f%%)", s.Kind, strings.Join(parts, " · "), s.Confidence*100)
}

// orEmpty prefixes s when there is one.
func orEmpty(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}
