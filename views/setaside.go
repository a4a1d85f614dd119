package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// asideService is what the list of things set aside asks of the session.
type asideService interface {
	SetAside() ([]data.SetAside, error)
	Dismiss(id string) error
	AnalystName(id string) string
}

// setAsidePanel lists what arrived from colleagues (the hub, a bundle) and
// was not taken in, with why: a value that does not open, a version whose
// signature does not verify or that breaks the codebooks, or one waiting
// for the records it cites. Nothing here blocks the team's other changes.
type setAsidePanel struct {
	svc     asideService
	tell    func(string)
	items   []data.SetAside
	list    *widget.List
	head    *widget.Label
	dismiss *widget.Button
	chosen  int
	counted func(int) // the count changed
}

func newSetAsidePanel(svc asideService, tell func(string), counted func(int)) *setAsidePanel {
	p := &setAsidePanel{svc: svc, tell: tell, counted: counted, chosen: -1, head: widget.NewLabel("")}
	p.list = widget.NewList(func() int { return len(p.items) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Wrapping = fyne.TextWrapWord; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.items) {
				o.(*widget.Label).SetText(p.line(p.items[i]))
				p.list.SetItemHeight(i, o.MinSize().Height)
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) { p.chosen = i; p.dismiss.Enable() }
	p.dismiss = widget.NewButton("Dismiss", p.dismissChosen)
	p.dismiss.Disable()
	return p
}

func (p *setAsidePanel) view() fyne.CanvasObject {
	return container.NewBorder(container.NewBorder(nil, nil, nil, p.dismiss, p.head), nil, nil, nil, p.list)
}

// line is one thing set aside as the analyst reads it.
func (p *setAsidePanel) line(a data.SetAside) string {
	what := a.ID
	if a.Record != "" {
		what = fmt.Sprintf("%s %s (version %d by %s)", a.Record, a.ID, a.Rev.N, p.svc.AnalystName(a.Rev.By))
	}
	return fmt.Sprintf("%s · from %s, %s: %s", what, a.From.Place(), a.At.Local().Format("2 Jan 15:04"), a.Reason)
}

// reload reads the list again.
func (p *setAsidePanel) reload() {
	items, err := p.svc.SetAside()
	if err != nil {
		p.tell("What was set aside could not be read: " + data.ErrorMessage(err))
		return
	}
	p.items, p.chosen = items, -1
	p.dismiss.Disable()
	p.list.UnselectAll()
	p.list.Refresh()
	if len(items) == 0 {
		p.head.SetText("Nothing that arrived from colleagues was set aside.")
	} else {
		p.head.SetText(fmt.Sprintf("Set aside (%d): arrived from colleagues and not taken in. The rest of their changes came in.", len(items)))
	}
	p.counted(len(items))
}

func (p *setAsidePanel) dismissChosen() {
	if p.chosen < 0 || p.chosen >= len(p.items) {
		return
	}
	a := p.items[p.chosen]
	if err := p.svc.Dismiss(a.ID); err != nil {
		p.tell("Not dismissed: " + data.ErrorMessage(err))
		return
	}
	p.tell("Dismissed what was set aside about " + a.ID + ".")
	p.reload()
}
