package views

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/app/team"
	"dossier/data"
)

// conflictService is what the Conflicts view asks of the session.
type conflictService interface {
	Conflicts() ([]data.OpenConflict, error)
	Settle(id string, body json.RawMessage) error
	asideService
}

// conflictsTab shows the records changed here and on a colleague's
// database since a common version, one at a time, side by side, field by
// field: the analyst keeps one side, or picks each differing field.
type conflictsTab struct {
	svc   conflictService
	names *actorNames
	tell  func(string)
	item  *container.TabItem // its title counts the open conflicts
	// retitled redraws the tabs when the title changes (a refresh of every
	// tab costs more than a frame on a long article, so not on every change)
	retitled func()
	open     []data.OpenConflict
	list     *widget.List
	current  int
	head     *widget.Label
	fields   *fyne.Container
	picks    map[string]*widget.RadioGroup // differing field → the side chosen
	buttons  *fyne.Container
	aside    *setAsidePanel
	asides   int // how many things are set aside
}

const (
	sideMine   = "yours"
	sideTheirs = "theirs"
)

func newConflictsTab(svc conflictService, names *actorNames, tell func(string)) *conflictsTab {
	c := &conflictsTab{svc: svc, names: names, tell: tell, current: -1, head: widget.NewLabel(""), fields: container.NewVBox()}
	c.head.Wrapping = fyne.TextWrapWord
	c.list = widget.NewList(func() int { return len(c.open) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(c.open) {
				o.(*widget.Label).SetText(c.title(c.open[i]))
			}
		})
	c.list.OnSelected = func(i widget.ListItemID) { c.show(i) }
	mine := widget.NewButton("Keep yours", func() { c.keepAll(sideMine) })
	theirs := widget.NewButton("Keep theirs", func() { c.keepAll(sideTheirs) })
	chosen := widget.NewButton("Keep the fields chosen", c.keepChosen)
	chosen.Importance = widget.HighImportance
	c.buttons = container.NewGridWithColumns(3, mine, theirs, chosen)
	c.aside = newSetAsidePanel(svc, tell, func(n int) { c.asides = n; c.retitle() })
	c.item = container.NewTabItem("Conflicts", c.view())
	return c
}

func (c *conflictsTab) view() fyne.CanvasObject {
	intro := widget.NewLabel("Records changed here and by a colleague since a common version. Nothing was overwritten: choose what to keep.")
	intro.Wrapping = fyne.TextWrapWord
	detail := container.NewBorder(c.head, c.buttons, nil, nil, container.NewVScroll(c.fields))
	split := container.NewHSplit(c.list, detail)
	split.Offset = 0.3
	below := container.NewVSplit(split, c.aside.view())
	below.Offset = 0.72
	return container.NewBorder(intro, nil, nil, nil, below)
}

// retitle counts the open conflicts and what was set aside in the tab's
// title.
func (c *conflictsTab) retitle() {
	title := "Conflicts"
	switch {
	case len(c.open) > 0 && c.asides > 0:
		title = fmt.Sprintf("Conflicts (%d, %d set aside)", len(c.open), c.asides)
	case len(c.open) > 0:
		title = fmt.Sprintf("Conflicts (%d)", len(c.open))
	case c.asides > 0:
		title = fmt.Sprintf("Conflicts (%d set aside)", c.asides)
	}
	if title != c.item.Text {
		c.item.Text = title
		if c.retitled != nil {
			c.retitled()
		}
	}
}

// reload reads the open conflicts, and what was set aside, again and
// counts them in the tab title.
func (c *conflictsTab) reload() {
	c.aside.reload()
	open, err := c.svc.Conflicts()
	if err != nil {
		c.tell("The conflicts could not be read: " + data.ErrorMessage(err))
		return
	}
	keep := ""
	if c.current >= 0 && c.current < len(c.open) {
		keep = c.open[c.current].ID
	}
	c.open, c.current = open, -1
	c.retitle()
	c.list.UnselectAll()
	c.list.Refresh()
	for i, o := range open {
		if o.ID == keep {
			c.list.Select(i)
			return
		}
	}
	if len(open) > 0 {
		c.list.Select(0)
		return
	}
	c.head.SetText("No open conflicts.")
	c.fields.RemoveAll()
	c.buttons.Hide()
}

// changed reads the conflicts again after merges and settlements.
func (c *conflictsTab) changed(cs []data.Change) {
	for _, ch := range cs {
		if ch.Reset || ch.Conflict || ch.Aside || c.isOpen(ch.ID) {
			c.reload()
			return
		}
	}
}

func (c *conflictsTab) isOpen(id string) bool {
	for _, o := range c.open {
		if o.ID == id {
			return true
		}
	}
	return false
}

// title is a conflict's line in the list.
func (c *conflictsTab) title(o data.OpenConflict) string {
	return fmt.Sprintf("%s · %s · %s", o.Record, team.Name(o.Mine), strings.Join(team.Differing(o), ", "))
}

// show lays one conflict out, field by field.
func (c *conflictsTab) show(i int) {
	if i < 0 || i >= len(c.open) {
		return
	}
	c.current = i
	o := c.open[i]
	t := team.Theirs(o)
	c.head.SetText(fmt.Sprintf("%s %s — yours: version %d by %s · theirs: version %d by %s", o.Record, o.ID,
		o.Mine.Rev.N, c.svc.AnalystName(o.Mine.Rev.By), t.Rev.N, c.svc.AnalystName(t.Rev.By)))
	c.fields.RemoveAll()
	c.picks = map[string]*widget.RadioGroup{}
	grid := container.NewGridWithColumns(4, bold("Field"), bold("Yours"), bold("Theirs"), bold("Keep"))
	for _, f := range team.Fields(o) {
		if !f.Differ {
			continue
		}
		pick := widget.NewRadioGroup([]string{sideMine, sideTheirs}, nil)
		pick.Horizontal, pick.Required = true, true
		pick.SetSelected(sideMine)
		c.picks[f.Name] = pick
		grid.Add(widget.NewLabel(strings.ToUpper(f.Name[:1]) + strings.ReplaceAll(f.Name[1:], "_", " ")))
		grid.Add(c.value(f.Name, f.Mine))
		grid.Add(c.value(f.Name, f.Theirs))
		grid.Add(pick)
	}
	same := widget.NewLabel("Alike on both sides: " + strings.Join(alike(o), ", "))
	same.Wrapping = fyne.TextWrapWord
	same.Importance = widget.LowImportance
	c.fields.Add(grid)
	c.fields.Add(same)
	c.buttons.Show()
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func alike(o data.OpenConflict) []string {
	var out []string
	for _, f := range team.Fields(o) {
		if !f.Differ {
			out = append(out, f.Name)
		}
	}
	return out
}

// value shows a field's value as the analyst reads it.
func (c *conflictsTab) value(field string, raw json.RawMessage) fyne.CanvasObject {
	l := widget.NewLabel(c.readable(field, raw))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (c *conflictsTab) readable(field string, raw json.RawMessage) string {
	var v any
	if len(raw) == 0 || json.Unmarshal(raw, &v) != nil || v == nil {
		return "–"
	}
	switch field {
	case "date":
		var d data.EventDate
		json.Unmarshal(raw, &d)
		return dateText(d)
	case "location":
		var l data.Location
		json.Unmarshal(raw, &l)
		return strings.Join(nonEmpty(l.Name, countryLabel(l.Country)), " · ")
	case "evidence":
		var spans []data.Span
		json.Unmarshal(raw, &spans)
		var out []string
		for _, s := range spans {
			out = append(out, "“"+s.Quote+"”")
		}
		return strings.Join(out, "\n")
	}
	return c.text(field, v)
}

// dateText is a date as the form shows it: 2025-02-28 (day, “on Friday”).
func dateText(d data.EventDate) string {
	s := orDash(d.Start)
	if d.End != "" && d.End != d.Start && d.Precision != data.PrecisionMonth && d.Precision != data.PrecisionYear {
		s += " to " + d.End
	}
	var how []string
	if d.Precision != "" {
		how = append(how, d.Precision)
	}
	if d.Raw != "" {
		how = append(how, "“"+d.Raw+"”")
	}
	if len(how) > 0 {
		s += " (" + strings.Join(how, ", ") + ")"
	}
	return s
}

func (c *conflictsTab) text(field string, v any) string {
	switch x := v.(type) {
	case string:
		if field == "actors" || field == "recipients" || field == "merged_into" {
			return c.names.name(x)
		}
		return x
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, c.text(field, e))
		}
		return strings.Join(out, ", ")
	case map[string]any:
		var keys []string
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			out = append(out, k+" "+c.text(k, x[k]))
		}
		return strings.Join(out, " · ")
	case bool:
		if x {
			return "yes"
		}
		return "no"
	}
	return fmt.Sprint(v)
}

// keepAll settles the conflict keeping one side whole.
func (c *conflictsTab) keepAll(side string) {
	for _, p := range c.picks {
		p.SetSelected(side)
	}
	c.keepChosen()
}

// keepChosen settles the conflict with each differing field from the side
// chosen for it; the result is a new version that reaches the team.
func (c *conflictsTab) keepChosen() {
	if c.current < 0 || c.current >= len(c.open) {
		return
	}
	o := c.open[c.current]
	fromTheirs := map[string]bool{}
	for name, p := range c.picks {
		if p.Selected == sideTheirs {
			fromTheirs[name] = true
		}
	}
	body, err := team.Choose(o, fromTheirs)
	if err == nil {
		err = c.svc.Settle(o.ID, body)
	}
	if err != nil {
		c.tell("Not settled: " + data.ErrorMessage(err))
		return
	}
	c.tell(fmt.Sprintf("Settled %s %s: the result goes to the team as a new version.", o.Record, o.ID))
	c.reload()
}
