package views

import (
	"fmt"
	"strings"
	"time"

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
	list    *suggestionList
	current int
	shown   bool // the panel is visible: its suggestions are highlighted
}

func newSuggestionsPanel(wb *workbench) *suggestionsPanel {
	p := &suggestionsPanel{wb: wb, current: -1}
	p.list = newSuggestionList(p)
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
	hint := widget.NewLabel("A accept · E edit · R reject · ↑↓ choose")
	hint.Importance = widget.LowImportance
	return container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel("Suggestions for this article"), hint), buttons, nil, nil, p.list)
}

// move chooses the next (+1) or previous (-1) suggestion, showing the
// panel and giving it the keyboard.
func (p *suggestionsPanel) move(step int) {
	if !p.shown {
		p.wb.rightTabs.SelectIndex(1)
	}
	if len(p.items) == 0 {
		p.wb.setBar("No suggestions left for this article.")
		return
	}
	p.choose(max(0, min(len(p.items)-1, p.current+step)))
}

// whenShown runs a decision from the menu only while the panel is open,
// so that a shortcut never decides a suggestion the analyst cannot see.
func (p *suggestionsPanel) whenShown(decide func()) func() {
	return func() {
		if !p.shown {
			p.wb.setBar("Open the Suggestions tab first (Ctrl+J goes to the next suggestion).")
			return
		}
		decide()
	}
}

// choose selects suggestion i and gives the list the keyboard, so that the
// next key decides it.
func (p *suggestionsPanel) choose(i int) {
	p.list.Select(i)
	p.list.ScrollTo(i)
	c := p.wb.win.Canvas()
	if c.Focus(p.list); c.Focused() == p.list {
		return
	}
	// A tab just shown joins the window's object tree at its next layout;
	// give the list the keyboard once it has.
	go func() {
		time.Sleep(50 * time.Millisecond)
		fyne.Do(func() { c.Focus(p.list) })
	}()
}

// next goes on with the suggestion now at index i, once the one before
// was decided and the list reloaded.
func (p *suggestionsPanel) next(i int) {
	if len(p.items) > 0 && i >= 0 {
		p.choose(min(i, len(p.items)-1))
	}
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
		at := p.current
		p.wb.reader.Select(s.Start, s.End)
		if s.Kind == suggest.Location {
			p.wb.selectionAsPlace()
		} else {
			p.wb.selectionAsDate()
		}
		p.next(at + 1)
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
	at := p.current
	p.reload()
	p.wb.refreshHighlights()
	if s.Kind != suggest.Event { // an accepted event opens in its form, for review
		p.next(at)
	}
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
	at := p.current
	p.reload()
	p.wb.refreshHighlights()
	p.next(at)
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
