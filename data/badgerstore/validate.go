package badgerstore

import (
	"fmt"
	"slices"
	"strings"

	"dossier/data"
	"dossier/data/codebook"
)

func invalid(format string, args ...any) error { return data.Errorf(data.EInvalid, format, args...) }

// badID says why a chosen id cannot be stored.
func badID(id, prefix string) error {
	return invalid("%q cannot be an id here: an id is %s- followed by up to %d letters, digits, '-', '_' or '.'.", id, prefix, data.MaxIDLength-len(prefix)-1)
}

// validateEvent checks what an event says against the codebooks and fills
// what derives from it: the PLOVER type from the CAMEO code when the type is
// missing, upper-case type names, full dates.
func validateEvent(e *data.Event) error {
	if err := validateEventType(e); err != nil {
		return err
	}
	d, err := data.NormaliseEventDate(e.Date)
	if err != nil {
		return invalid("The event's date is wrong: %v.", err)
	}
	e.Date = d
	if d.Precision != "" && !slices.Contains(data.Precisions, d.Precision) {
		return invalid("Unknown date precision %q (use one of %s).", d.Precision, strings.Join(data.Precisions, ", "))
	}
	if e.Confidence != "" && !slices.Contains(data.Confidences, e.Confidence) {
		return invalid("Unknown confidence %q (use one of %s).", e.Confidence, strings.Join(data.Confidences, ", "))
	}
	if err := e.Size.Check(); err != nil {
		return invalid("The event's casualties are wrong: %v.", err)
	}
	if err := data.CheckCredibility(e.Credibility); err != nil {
		return invalid("The event's grade is wrong: %v.", err)
	}
	if e.Location != nil && e.Location.Country != "" {
		c, ok := codebook.CountryByCode(e.Location.Country)
		if !ok {
			return invalid("Unknown country code %q for the event's place.", e.Location.Country)
		}
		e.Location.Country = c.Alpha3
	}
	if err := validateEventLinks(e); err != nil {
		return err
	}
	for _, sp := range e.Evidence {
		if sp.Article == "" || sp.Start < 0 || sp.End <= sp.Start {
			return invalid("Evidence %d-%d in article %q is not a range of the text.", sp.Start, sp.End, sp.Article)
		}
	}
	return nil
}

// maxLinks bounds an event's lists of other records: a real event has a
// handful of sources and duplicates, so thousands are a forged record.
const maxLinks = 1000

// validateEventLinks checks the ids of the articles that report an event
// and of the events merged into it or told apart from it.
func validateEventLinks(e *data.Event) error {
	for _, l := range []struct {
		what, prefix string
		ids          []string
	}{{"reporting articles", data.ArticlePrefix, e.Reports}, {"merged events", data.EventPrefix, e.Merged}, {"distinct events", data.EventPrefix, e.Distinct}} {
		if len(l.ids) > maxLinks {
			return invalid("The event lists %d %s; at most %d are kept.", len(l.ids), l.what, maxLinks)
		}
		for _, id := range l.ids {
			if !data.IsID(id, l.prefix) {
				return invalid("The event's %s include %q, which is not an id.", l.what, id)
			}
		}
	}
	return nil
}

func validateEventType(e *data.Event) error {
	if e.CAMEO != "" {
		c, ok := codebook.CAMEO(e.CAMEO)
		if !ok {
			return invalid("Unknown CAMEO code %q.", e.CAMEO)
		}
		if e.Type == "" {
			e.Type, e.Mode = c.Type, c.Mode
		}
	}
	if e.Type == "" {
		return invalid("The event has no type: choose one of the 16 PLOVER types (or give a CAMEO code).")
	}
	t, ok := codebook.Type(e.Type)
	if !ok {
		return invalid("Unknown event type %q: use one of the 16 PLOVER types.", e.Type)
	}
	e.Type = t.Name
	if e.Mode != "" && !t.HasMode(e.Mode) {
		return invalid("%q is not a mode of %s (its modes: %s).", e.Mode, t.Name, strings.Join(t.Modes, ", "))
	}
	for _, c := range e.Contexts {
		if !codebook.IsContext(c) {
			return invalid("Unknown PLOVER context %q.", c)
		}
	}
	return nil
}

// validateActor checks an actor and tidies its names and codes.
func validateActor(a *data.Actor) error {
	a.Name = strings.Join(strings.Fields(a.Name), " ")
	if a.Name == "" {
		return invalid("An actor needs a name.")
	}
	if a.Kind == "" {
		a.Kind = data.KindOther
	}
	if !slices.Contains(data.ActorKinds, a.Kind) {
		return invalid("Unknown actor kind %q (use one of %s).", a.Kind, strings.Join(data.ActorKinds, ", "))
	}
	if a.Country != "" {
		c, ok := codebook.CountryByCode(a.Country)
		if !ok {
			return invalid("Unknown country code %q for %s.", a.Country, a.Name)
		}
		a.Country = c.Alpha3
	}
	a.Sector = strings.ToUpper(strings.TrimSpace(a.Sector))
	if a.Sector != "" && !slices.Contains(data.Sectors, a.Sector) {
		return invalid("Unknown sector %q for %s (use one of %s).", a.Sector, a.Name, strings.Join(data.Sectors, ", "))
	}
	a.Aliases = tidyAliases(a.Name, a.Aliases)
	for _, r := range a.Roles {
		if err := validateRole(r); err != nil {
			return invalid("The role %q of %s: %v.", r.Post, a.Name, err)
		}
	}
	return nil
}

func validateRole(r data.Role) error {
	if strings.TrimSpace(r.Post) == "" {
		return fmt.Errorf("a role needs a post")
	}
	_, err := data.NormaliseEventDate(data.EventDate{Start: r.Start, End: r.End})
	if r.Start == "" && r.End != "" {
		_, _, _, err = data.ParsePartialDate(r.End)
	}
	return err
}

// tidyAliases trims aliases and drops empty ones, repeats and the name itself.
func tidyAliases(name string, aliases []string) []string {
	seen := map[string]bool{data.NormaliseName(name): true}
	var out []string
	for _, al := range aliases {
		al = strings.Join(strings.Fields(al), " ")
		if n := data.NormaliseName(al); n != "" && !seen[n] {
			seen[n] = true
			out = append(out, al)
		}
	}
	return out
}

func validateArticle(a *data.Article) error {
	if strings.TrimSpace(a.Title) == "" {
		return invalid("An article needs a title.")
	}
	switch a.Status {
	case data.StatusNew, data.StatusInProgress, data.StatusDone:
	default:
		return invalid("Unknown coding status %q (use new, in progress or done).", a.Status)
	}
	if err := data.CheckReliability(a.Reliability); err != nil {
		return invalid("The grade of the source of “%s” is wrong: %v.", a.Title, err)
	}
	if a.Published != "" {
		if _, _, _, err := data.ParsePartialDate(a.Published); err != nil {
			return invalid("The published date is wrong: %v.", err)
		}
	}
	return nil
}
