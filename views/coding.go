package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/suggest"
	"dossier/app/when"
	"dossier/data"
	"dossier/data/codebook"
)

// codingBar turns the words selected in the reader into a part of the
// event in the form: an actor or recipient (from the register, or a new
// one), an alias, a place, a date or evidence. It is the row of buttons
// above the reader and the Code menu's "Selection as" items; what it codes
// by hand also teaches the suggestions.
type codingBar struct {
	buttons map[string]*widget.Button
	links   codingLinks
}

// codingLinks are what the coding bar needs of the rest of the window.
type codingLinks struct {
	win       fyne.Window
	register  actorRegister
	form      eventDraft
	selection func() (data.Span, bool) // the selected words (used once), or false after saying what to do
	published func() string            // the open article's published day
	editActor func(a data.Actor, saved func(*data.Actor))
	tell      func(string)
}

// actorRegister is the part of the session the coding bar reads and
// writes actors through.
type actorRegister interface {
	actorSearch
	ActorsNamed(name string) ([]data.Actor, error)
	Actor(id string) (*data.Actor, error)
	SaveActor(a *data.Actor) error
	Teach(articleID, kind string, start, end int) error
}

// eventDraft is the event form, as the coding bar fills it in.
type eventDraft interface {
	addParty(id string, recipient bool)
	setPlace(l *data.Location)
	setDate(d data.EventDate)
	setDateWords(words string)
	addEvidence(sp data.Span)
}

func newCodingBar(links codingLinks) *codingBar {
	return &codingBar{buttons: map[string]*widget.Button{}, links: links}
}

// view is the row of buttons.
func (c *codingBar) view() fyne.CanvasObject {
	b := func(label string, fn func()) *widget.Button {
		c.buttons[label] = widget.NewButton(label, fn)
		return c.buttons[label]
	}
	return container.NewHBox(widget.NewLabel("Selection as:"),
		b("Actor", func() { c.asParty(false) }), b("Recipient", func() { c.asParty(true) }),
		b("Alias…", c.asAlias), b("Place", c.asPlace), b("Date", c.asDate),
		b("Evidence", c.asEvidence))
}

// asParty adds the actor named by the selection to the event, creating the
// actor (in a small form) when the register lacks it.
func (c *codingBar) asParty(recipient bool) {
	sp, ok := c.links.selection()
	if !ok {
		return
	}
	if found, _ := c.links.register.ActorsNamed(sp.Quote); len(found) > 0 {
		c.links.form.addParty(found[0].ID, recipient)
		c.teach(sp, app.KindOfActor(&found[0]))
		return
	}
	c.links.editActor(data.Actor{Name: sp.Quote, Kind: data.KindPerson}, func(a *data.Actor) {
		c.links.form.addParty(a.ID, recipient)
		c.teach(sp, app.KindOfActor(a))
	})
}

// teach tells the suggestions what the analyst coded by hand: the words
// are a person, organisation or place, to be found in other articles.
func (c *codingBar) teach(sp data.Span, kind string) {
	_ = c.links.register.Teach(sp.Article, kind, sp.Start, sp.End) // a lesson not kept loses nothing coded
}

// asAlias adds the selected words as an alias of an actor chosen from the
// register.
func (c *codingBar) asAlias() {
	sp, ok := c.links.selection()
	if !ok {
		return
	}
	var d dialog.Dialog
	pick := newPicker("search the register", func(q string) []pickItem { return actorItems(c.links.register)(q, "") }, func(it pickItem) {
		d.Hide()
		c.addAlias(it.value.(string), sp)
	})
	d = dialog.NewCustom(fmt.Sprintf("“%s” is an alias of…", sp.Quote), "Cancel", pick, c.links.win)
	d.Show()
	c.links.win.Canvas().Focus(pick)
}

func (c *codingBar) addAlias(actorID string, sp data.Span) {
	a, err := c.links.register.Actor(actorID)
	if err == nil {
		a.Aliases = append(a.Aliases, sp.Quote)
		err = c.links.register.SaveActor(a)
	}
	if err != nil {
		showError(c.links.win, "The alias was not saved", err)
		return
	}
	c.teach(sp, app.KindOfActor(a))
	c.links.tell(fmt.Sprintf("“%s” is now an alias of %s.", sp.Quote, a.Name))
}

// asPlace sets the event's place to the likeliest gazetteer place of that
// name.
func (c *codingBar) asPlace() {
	sp, ok := c.links.selection()
	if !ok {
		return
	}
	places := codebook.PlacesNamed(sp.Quote)
	if len(places) == 0 {
		places = codebook.SearchPlaces(sp.Quote, 1)
	}
	if len(places) == 0 {
		c.links.tell(fmt.Sprintf("No place called “%s” in the gazetteer: search for it in the Place field.", sp.Quote))
		return
	}
	c.links.form.setPlace(app.PlaceLocation(sp.Quote, places[0]))
	c.teach(sp, suggest.Location)
}

// asDate reads the selected words as the event's date, against the
// article's published date ("on Friday").
func (c *codingBar) asDate() {
	sp, ok := c.links.selection()
	if !ok {
		return
	}
	d, err := when.Resolve(sp.Quote, c.links.published())
	if err != nil {
		c.links.form.setDateWords(sp.Quote)
		c.links.tell(err.Error())
		return
	}
	c.links.form.setDate(d)
}

// asEvidence cites the selected words for the event.
func (c *codingBar) asEvidence() {
	if sp, ok := c.links.selection(); ok {
		c.links.form.addEvidence(sp)
	}
}
