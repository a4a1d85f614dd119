package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// partyBox edits an event's actors or recipients: one chip per actor (tap
// to edit the actor, ✕ to remove) and a picker over the register that can
// create a new actor inline.
type partyBox struct {
	e          *eventEditor
	recipients bool
	chips      *fyne.Container
	pick       *picker
	box        *fyne.Container
}

// newActorChoice marks the picker's "Create actor" entry.
type newActorChoice string

func newPartyBox(e *eventEditor, recipients bool) *partyBox {
	b := &partyBox{e: e, recipients: recipients, chips: container.NewHBox()}
	b.pick = newPicker("search the register, or type a new name", b.search, b.picked)
	b.box = container.NewVBox(container.NewHScroll(b.chips), b.pick)
	return b
}

func (b *partyBox) ids() *[]string {
	if b.recipients {
		return &b.e.ev.Recipients
	}
	return &b.e.ev.Actors
}

func (b *partyBox) search(q string) []pickItem {
	return append(b.e.links.actorItems(q, ""), pickItem{"Create actor “" + q + "”…", newActorChoice(q)})
}

// actorSearch finds actors by the words of their names.
type actorSearch interface {
	SearchActors(query string) ([]data.Actor, error)
}

// actorItems are the register's actors matching q, as picker items whose
// value is the id; except, when set, is left out.
func actorItems(src actorSearch) func(q, except string) []pickItem {
	return func(q, except string) []pickItem {
		found, _ := src.SearchActors(q)
		var out []pickItem
		for _, a := range found {
			if a.ID != except {
				out = append(out, pickItem{actorLabel(a), a.ID})
			}
		}
		return out
	}
}

func (b *partyBox) picked(it pickItem) {
	b.pick.SetQuietly("")
	switch v := it.value.(type) {
	case string:
		b.add(v)
	case newActorChoice:
		b.e.links.editActor(data.Actor{Name: string(v), Kind: data.KindPerson}, func(a *data.Actor) { b.add(a.ID) })
	}
}

// add puts an actor in the list and saves the event.
func (b *partyBox) add(id string) {
	field := "actors"
	if b.recipients {
		field = "recipients"
	}
	b.e.change(field, func() { *b.ids() = appendOnce(*b.ids(), id) })
}

func (b *partyBox) remove(id string) {
	b.e.change("", func() {
		var keep []string
		for _, x := range *b.ids() {
			if x != id {
				keep = append(keep, x)
			}
		}
		*b.ids() = keep
	})
}

// refresh rebuilds the chips.
func (b *partyBox) refresh() {
	b.chips.RemoveAll()
	for _, id := range *b.ids() {
		edit := widget.NewButton(b.e.names.name(id), func() {
			if a, err := b.e.names.actors.Actor(id); err == nil {
				b.e.links.editActor(*a, nil)
			}
		})
		del := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { b.remove(id) })
		del.Importance = widget.LowImportance
		b.chips.Add(container.NewHBox(edit, del))
	}
	b.chips.Refresh()
}

func actorLabel(a data.Actor) string {
	l := a.Name
	if a.Country != "" {
		l += " (" + a.Country + ")"
	}
	return l + " · " + a.Kind
}
