package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/data"
	"dossier/data/codebook"
)

// actorForm edits one actor in a dialog: name, kind, aliases, country,
// sector and dated roles (one per line: post | organisation | start | end).
type actorForm struct {
	name, aliases, roles, notes *widget.Entry
	kind, sector                *widget.Select
	country                     *picker
	countryCode                 string
	dialog                      *dialog.FormDialog
}

// showActorForm opens the form for a (new when a.ID is empty); on save the
// actor is stored as one undoable step and saved is called with it.
func (wb *workbench) showActorForm(a data.Actor, saved func(*data.Actor)) {
	sess, win := wb.sess, wb.win
	f := &actorForm{
		name: widget.NewEntry(), aliases: widget.NewEntry(), roles: widget.NewMultiLineEntry(), notes: widget.NewEntry(),
		kind: widget.NewSelect(data.ActorKinds, nil), sector: widget.NewSelect(append([]string{""}, data.Sectors...), nil),
	}
	f.country = newPicker("country name or code", searchCountries, func(it pickItem) {
		c := it.value.(codebook.Country)
		f.countryCode = c.Alpha3
		f.country.SetQuietly(countryLabel(c.Alpha3))
	})
	f.fill(a)
	items := []*widget.FormItem{
		{Text: "Name", Widget: f.name}, {Text: "Kind", Widget: f.kind}, {Text: "Aliases", Widget: f.aliases, HintText: "comma-separated"},
		{Text: "Country", Widget: f.country}, {Text: "Sector", Widget: f.sector},
		{Text: "Roles", Widget: f.roles, HintText: "post | organisation | start | end, one per line"}, {Text: "Notes", Widget: f.notes},
	}
	title := "New actor"
	if a.ID != "" {
		title = "Actor: " + a.Name
	}
	f.dialog = dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if ok {
			f.save(sess, win, a, saved)
		}
	}, win)
	f.dialog.Resize(fyne.NewSize(560, 520))
	f.dialog.Show()
	win.Canvas().Focus(f.name)
	wb.actorForm = f
}

func (f *actorForm) fill(a data.Actor) {
	f.name.SetText(a.Name)
	if a.Kind == "" {
		a.Kind = data.KindPerson
	}
	f.kind.SetSelected(a.Kind)
	f.aliases.SetText(strings.Join(a.Aliases, ", "))
	f.countryCode = a.Country
	f.country.SetQuietly(countryLabel(a.Country))
	f.sector.SetSelected(a.Sector)
	var roles []string
	for _, r := range a.Roles {
		roles = append(roles, strings.Join([]string{r.Post, r.Organisation, r.Start, r.End}, " | "))
	}
	f.roles.SetText(strings.Join(roles, "\n"))
	f.notes.SetText(a.Notes)
}

func (f *actorForm) save(sess *app.Session, win fyne.Window, a data.Actor, saved func(*data.Actor)) {
	a.Name, a.Kind, a.Sector, a.Notes = f.name.Text, f.kind.Selected, f.sector.Selected, f.notes.Text
	a.Country = f.countryCode
	if strings.TrimSpace(f.country.Text) == "" {
		a.Country = ""
	}
	a.Aliases = splitList(f.aliases.Text, ",")
	a.Roles = parseRoles(f.roles.Text)
	if err := sess.SaveActor(&a); err != nil {
		showError(win, "The actor was not saved", err)
		return
	}
	if saved != nil {
		saved(&a)
	}
}

func parseRoles(text string) []data.Role {
	var out []data.Role
	for _, l := range splitList(text, "\n") {
		p := append(strings.Split(l, "|"), "", "", "")
		out = append(out, data.Role{Post: strings.TrimSpace(p[0]), Organisation: strings.TrimSpace(p[1]), Start: strings.TrimSpace(p[2]), End: strings.TrimSpace(p[3])})
	}
	return out
}

func splitList(s, sep string) []string {
	var out []string
	for _, x := range strings.Split(s, sep) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func searchCountries(q string) []pickItem {
	var out []pickItem
	for _, c := range codebook.SearchCountries(q) {
		out = append(out, pickItem{fmt.Sprintf("%s (%s)", c.Name, c.Alpha3), c})
	}
	return out
}

func countryLabel(code string) string {
	if c, ok := codebook.CountryByCode(code); ok {
		return fmt.Sprintf("%s (%s)", c.Name, c.Alpha3)
	}
	return code
}
