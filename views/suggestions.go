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

// suggestService is what the Suggestions panel asks of the session.
type suggestService interface {
	Suggestions(articleID string) ([]suggest.Suggestion, error)
	AcceptSuggestion(articleID string, sg suggest.Suggestion) (string, error)
	RejectSuggestion(articleID string, sg suggest.Suggestion) error
	SuggestedActor(articleID string, sg suggest.Suggestion) (data.Actor, error)
}

// suggestLinks are what the panel does beyond itself: the reader, the
// event form, the actor form, the tabs and the bar.
type suggestLinks struct {
	win        fyne.Window
	ui         *bridge
	article    func() string // the open article's id
	showPanel  func()        // bring the Suggestions tab forward
	selectText func(start, end int)
	asPlace    func()
	asDate     func()
	openEvent  func(id string)
	draftEvent func(ev data.Event) // open an unsaved event in the form and save it
	editActor  func(a data.Actor, saved func(*data.Actor))
	scrollTo   func(offset int)
	redraw     func() // the reader's highlights
	tell       func(msg string)
}

// suggestionsPanel lists what Dossier proposes for the open article: accept
// stores it (undoable), edit opens it in a form first, reject forgets it
// for this article. Nothing is stored without the analyst's action.
type suggestionsPanel struct {
	svc     suggestService
	links   suggestLinks
	items   []suggest.Suggestion
	list    *suggestionList
	current int
	shown   bool     // the panel is visible: its suggestions are highlighted
	loading int      // computations started; the newest wins
	then    []func() // what to do once the newest is shown
}

func newSuggestionsPanel(svc suggestService, links suggestLinks) *suggestionsPanel {
	p := &suggestionsPanel{svc: svc, links: links, current: -1}
	p.list = newSuggestionList(p)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(p.items) {
			return
		}
		p.current = i
		p.links.scrollTo(p.items[i].Start)
		p.links.redraw()
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

// show is called when the panel is shown or hidden.
func (p *suggestionsPanel) show(visible bool) {
	p.shown = visible
	if visible {
		p.reload(nil)
	}
	p.links.redraw()
}

// move chooses the next (+1) or previous (-1) suggestion, showing the
// panel and giving it the keyboard.
func (p *suggestionsPanel) move(step int) {
	if !p.shown {
		p.links.showPanel()
		p.reload(func() { p.move(step) })
		return
	}
	if len(p.items) == 0 {
		p.links.tell("No suggestions left for this article.")
		return
	}
	p.choose(max(0, min(len(p.items)-1, p.current+step)))
}

// whenShown runs a decision from the menu only while the panel is open,
// so that a shortcut never decides a suggestion the analyst cannot see.
func (p *suggestionsPanel) whenShown(decide func()) func() {
	return func() {
		if !p.shown {
			p.links.tell("Open the Suggestions tab first (Ctrl+J goes to the next suggestion).")
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
	c := p.links.win.Canvas()
	if c.Focus(p.list); c.Focused() != p.list {
		// Inside a menu shortcut the window may not take the focus yet:
		// give it once this event is handled.
		p.links.ui.later(func() { c.Focus(p.list) })
	}
}

// next goes on with the suggestion now at index i, once the one before
// was decided and the list reloaded.
func (p *suggestionsPanel) next(i int) {
	if len(p.items) > 0 && i >= 0 {
		p.choose(min(i, len(p.items)-1))
	}
}

// reload computes the open article's suggestions off the UI goroutine,
// then shows them and runs then (when given), once no newer computation
// has started.
func (p *suggestionsPanel) reload(then func()) {
	id := p.links.article()
	if then != nil {
		p.then = append(p.then, then)
	}
	p.loading++
	ticket := p.loading
	var items []suggest.Suggestion
	var err error
	p.links.ui.run(func() {
		if id != "" {
			items, err = p.svc.Suggestions(id)
		}
	}, func() {
		if ticket != p.loading {
			return // a newer computation took over
		}
		if id != p.links.article() {
			p.then = nil // another article is open
			return
		}
		if err != nil {
			p.links.tell("Suggestions are unavailable: " + data.ErrorMessage(err))
		}
		p.items, p.current = items, -1
		p.list.UnselectAll()
		p.list.Refresh()
		p.links.redraw()
		thens := p.then
		p.then = nil
		for _, fn := range thens {
			fn()
		}
	})
}

// changed recomputes the suggestions when the register or the open
// article (its rejections) changed.
func (p *suggestionsPanel) changed(cs []data.Change) {
	if !p.shown {
		return
	}
	for _, c := range cs {
		if c.Reset || c.Record == data.RecordActor || c.Record == data.RecordArticle && c.ID == p.links.article() {
			p.reload(nil)
			return
		}
	}
}

// cleared empties the list (no article open).
func (p *suggestionsPanel) cleared() {
	p.items, p.current = nil, -1
	p.list.Refresh()
}

func (p *suggestionsPanel) selected() (suggest.Suggestion, bool) {
	if p.current < 0 || p.current >= len(p.items) || p.links.article() == "" {
		p.links.tell("Choose a suggestion in the list first.")
		return suggest.Suggestion{}, false
	}
	return p.items[p.current], true
}

func (p *suggestionsPanel) accept() {
	s, ok := p.selected()
	if !ok {
		return
	}
	at := p.current
	if s.Kind == suggest.Location || s.Kind == suggest.Date {
		p.links.selectText(s.Start, s.End)
		if s.Kind == suggest.Location {
			p.links.asPlace()
		} else {
			p.links.asDate()
		}
		p.next(at + 1)
		return
	}
	id, err := p.svc.AcceptSuggestion(p.links.article(), s)
	if err != nil {
		showError(p.links.win, "The suggestion was not stored", err)
		return
	}
	p.links.tell("Accepted: " + suggestionLabel(s) + ". Ctrl+Z undoes it.")
	if s.Kind == suggest.Event { // an accepted event opens in its form, for review
		p.links.openEvent(id)
		p.reload(nil)
		return
	}
	p.reload(func() { p.next(at) })
}

// edit opens the suggestion in a form: an event as a new event, an actor in
// the actor form.
func (p *suggestionsPanel) edit() {
	s, ok := p.selected()
	if !ok {
		return
	}
	art := p.links.article()
	switch s.Kind {
	case suggest.Event:
		ev := data.Event{Article: art, Type: s.Type, Mode: s.Mode, CAMEO: s.CAMEO,
			Evidence: []data.Span{{Article: art, Start: s.Start, End: s.End}}}
		if s.Date != "" {
			ev.Date = s.EventDate()
		}
		if s.Size != nil {
			ev.Size = *s.Size
		}
		p.links.draftEvent(ev)
	case suggest.Person, suggest.Organisation:
		a, err := p.svc.SuggestedActor(art, s)
		if err != nil {
			showError(p.links.win, "The suggestion cannot be edited", err)
			return
		}
		p.links.editActor(a, nil)
	default:
		p.accept()
	}
}

func (p *suggestionsPanel) reject() {
	s, ok := p.selected()
	if !ok {
		return
	}
	if err := p.svc.RejectSuggestion(p.links.article(), s); err != nil {
		showError(p.links.win, "The rejection was not saved", err)
		return
	}
	p.links.tell("Rejected: " + suggestionLabel(s) + ".")
	at := p.current
	p.reload(func() { p.next(at) })
}

// highlights are the suggested entities to show in the reader while the
// panel is open, and the chosen suggestion (an event: its sentence) in the
// evidence colour, drawn last so that it shows above the others.
func (p *suggestionsPanel) highlights() []highlight {
	if !p.shown {
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
		if s.Size != nil {
			parts = append(parts, s.Size.Label())
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
		if s.Role != "" && !strings.Contains(s.Text, s.Role) { // "Foreign Minister Rein Aavik" says it
			parts = append(parts, s.Role)
		}
	}
	return fmt.Sprintf("%s · %s (%.0f%%%s)", s.Kind, strings.Join(parts, " · "), s.Confidence*100, orEmpty(", ", learnedLabels[s.Learned]))
}

// learnedLabels say, beside the confidence, what learning did: the rest
// are the rules' own.
var learnedLabels = map[string]string{
	suggest.LearnedFound:      "learned",
	suggest.LearnedName:       "a name taught",
	suggest.LearnedBoundaries: "boundaries learned",
	suggest.LearnedType:       "type learned",
}

// orEmpty prefixes s when there is one.
func orEmpty(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}
