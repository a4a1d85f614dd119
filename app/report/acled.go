package report

import (
	"bufio"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"dossier/data"
)

// The ACLED-style export: one row per event with ACLED's column names in
// ACLED's order, for the analysts and tools that read ACLED data. Dossier
// fills what its records say and leaves the rest empty, never guessing:
// region, admin2, admin3 and source_scale are always empty; event_type is
// empty for the PLOVER types ACLED does not code (consultations, appeals,
// aid, accusations…); fatalities is empty when not reported (ACLED would
// write 0). The mapping is in the README.

var acledColumns = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
	"country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
	"fatalities", "tags", "timestamp"}

// acledKind is an ACLED event type and sub-event type.
type acledKind struct{ event, sub string }

// acledKinds maps a PLOVER type and mode ("" for any other mode) to
// ACLED's event type and sub-event type.
var acledKinds = map[[2]string]acledKind{
	{"ASSAULT", "aerial"}:         {"Explosions/Remote violence", "Air/drone strike"},
	{"ASSAULT", "drone"}:          {"Explosions/Remote violence", "Air/drone strike"},
	{"ASSAULT", "explosives"}:     {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
	{"ASSAULT", "suicide-attack"}: {"Explosions/Remote violence", "Suicide bomb"},
	{"ASSAULT", "heavy-weapons"}:  {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
	{"ASSAULT", "unconventional"}: {"Explosions/Remote violence", "Chemical weapon"},
	{"ASSAULT", "abduct"}:         {"Violence against civilians", "Abduction/forced disappearance"},
	{"ASSAULT", "sexual"}:         {"Violence against civilians", "Sexual violence"},
	{"ASSAULT", "destroy"}:        {"Strategic developments", "Looting/property destruction"},
	{"ASSAULT", "crowd-control"}:  {"Protests", "Excessive force against protesters"},
	{"PROTEST", "riot"}:           {"Riots", "Violent demonstration"},
	{"PROTEST", "vandalize"}:      {"Riots", "Violent demonstration"},
	{"PROTEST", ""}:               {"Protests", "Peaceful protest"},
	{"COERCE", "arrest"}:          {"Strategic developments", "Arrests"},
	{"COERCE", "seize"}:           {"Strategic developments", "Looting/property destruction"},
	{"COERCE", ""}:                {"Strategic developments", "Other"},
	{"MOBILIZE", ""}:              {"Strategic developments", "Change to group/activity"},
	{"AGREE", ""}:                 {"Strategic developments", "Agreement"},
	{"CONCEDE", ""}:               {"Strategic developments", "Agreement"},
	{"RETREAT", "ceasefire"}:      {"Strategic developments", "Agreement"},
	{"RETREAT", "withdraw"}:       {"Strategic developments", "Non-violent transfer of territory"},
	{"RETREAT", "release"}:        {"Strategic developments", "Other"},
}

// acledEvent is how ACLED would class an event: its event type and
// sub-event type and the actor types (inter codes) of its two sides, each
// from the side's first party.
type acledEvent struct {
	acledKind
	inter1, inter2 string
}

// acledOf classes an event as ACLED would; what the records cannot say
// stays empty.
func acledOf(l *lookup, e *data.Event) acledEvent {
	var a acledEvent
	if len(e.Actors) > 0 {
		a.inter1 = interOf(l.actors[e.Actors[0]], e, true)
	}
	if len(e.Recipients) > 0 {
		a.inter2 = interOf(l.actors[e.Recipients[0]], e, false)
	}
	a.acledKind = kindOf(e, a.inter1, a.inter2)
	return a
}

// kindOf is an event's ACLED type: an assault between two armed sides is
// a battle, one on people who are not is violence against civilians.
func kindOf(e *data.Event, inter1, inter2 string) acledKind {
	if k, ok := acledKinds[[2]string{e.Type, e.Mode}]; ok {
		return k
	}
	if e.Type == "ASSAULT" {
		if armed(inter1) && armed(inter2) {
			return acledKind{"Battles", "Armed clash"}
		}
		return acledKind{"Violence against civilians", "Attack"}
	}
	return acledKinds[[2]string{e.Type, ""}]
}

func armed(inter string) bool {
	switch inter {
	case "State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces":
		return true
	}
	return false
}

// disorderOf is ACLED's disorder type of an event type.
func disorderOf(eventType string) string {
	switch eventType {
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		return "Political violence"
	case "Protests", "Riots":
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return ""
}

// interOf is ACLED's actor type for one of Dossier's actors, from its
// sector and kind; protesters and rioters are who acts in a protest.
func interOf(a data.Actor, e *data.Event, actor bool) string {
	if actor && e.Type == "PROTEST" {
		if e.Mode == "riot" || e.Mode == "vandalize" {
			return "Rioters"
		}
		return "Protesters"
	}
	switch a.Sector {
	case "MIL", "COP", "GOV", "SPY":
		return "State forces"
	case "REB":
		return "Rebel group"
	case "UAF":
		return "Political militia"
	case "IGO":
		return "External/Other forces"
	case "CVL", "NGO", "MED", "BUS", "EDU", "REL":
		return "Civilians"
	}
	switch a.Kind {
	case data.KindGovernment:
		return "State forces"
	case data.KindArmedGroup:
		return "Political militia"
	}
	return ""
}

// timePrecision is ACLED's 1 (the day), 2 (a week or a few days) or 3
// (a month or more) for a date's precision.
func timePrecision(d data.EventDate) string {
	switch d.Precision {
	case data.PrecisionDay:
		return "1"
	case data.PrecisionWeek:
		return "2"
	case data.PrecisionMonth, data.PrecisionYear:
		return "3"
	case data.PrecisionRange:
		a, errA := time.Parse(data.DateLayout, d.Start)
		b, errB := time.Parse(data.DateLayout, d.End)
		if errA == nil && errB == nil && b.Sub(a) <= 7*24*time.Hour {
			return "2"
		}
		return "3"
	}
	return ""
}

// geoPrecision is ACLED's 1 (the town itself), 2 (near it, a district) or
// 3 (a region or the country).
func geoPrecision(l *data.Location) string {
	switch {
	case l == nil:
		return ""
	case l.Precision == "city" || l.Precision == "" && l.PlaceID != "":
		return "1"
	case l.Precision == "region":
		return "2"
	case l.Precision == "country":
		return "3"
	}
	return ""
}

// ExportACLED writes the selected events as ACLED-style CSV (UTF-8, with
// cells that a spreadsheet could read as formulas neutralised).
func ExportACLED(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	return writeFlat(ctx, st, path, opt, func(w *bufio.Writer, l *lookup, res *Result) (flatFile, error) {
		cw := csv.NewWriter(w)
		if err := cw.Write(acledColumns); err != nil {
			return flatFile{}, err
		}
		return flatFile{row: func(e *data.Event, row int) error {
			vals := acledRow(l, e)
			rec := make([]string, len(vals))
			for i, v := range vals {
				var what string
				if rec[i], what = csvValue(v); what != "" {
					res.Notices = append(res.Notices, Notice{"acled.csv", row, acledColumns[i], what})
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
			cw.Flush()
			return cw.Error()
		}}, nil
	})
}

// acledRow is one event's row, in acledColumns' order.
func acledRow(l *lookup, e *data.Event) []any {
	side := func(ids []string) (first, assoc string) {
		if len(ids) == 0 {
			return "", ""
		}
		var rest []string
		for _, id := range ids[1:] {
			rest = append(rest, l.actorName(id))
		}
		return l.actorName(ids[0]), strings.Join(rest, "; ")
	}
	actor1, assoc1 := side(e.Actors)
	actor2, assoc2 := side(e.Recipients)
	a := acledOf(l, e)
	kind, inter1, inter2 := a.acledKind, a.inter1, a.inter2
	interaction := inter1
	switch {
	case inter1 != "" && inter2 != "":
		interaction = inter1 + "-" + inter2
	case inter1 != "":
		interaction = "Sole " + inter1 + " action"
	}
	targeting := ""
	if inter2 == "Civilians" && (kind.event == "Violence against civilians" || kind.event == "Explosions/Remote violence") {
		targeting = "Civilian targeting"
	}
	year := ""
	if len(e.Date.Start) >= 4 {
		year = e.Date.Start[:4]
	}
	var iso, country, admin1, place, lat, lon string
	if loc := e.Location; loc != nil {
		iso, admin1, place = loc.Country, loc.Admin1, loc.Name
		if loc.Country != "" {
			country = countryName(loc.Country)
		}
		if loc.Lat != 0 || loc.Lon != 0 {
			lat, lon = strconv.FormatFloat(loc.Lat, 'f', 4, 64), strconv.FormatFloat(loc.Lon, 'f', 4, 64)
		}
	}
	var sources []string
	for _, id := range e.Articles() {
		if s := l.articles[id].Source; s != "" && !containsFold(sources, s) {
			sources = append(sources, s)
		}
	}
	notes := e.Notes
	if notes == "" {
		notes = evidenceQuotes(e)
	}
	return []any{e.ID, e.Date.Start, year, timePrecision(e.Date), disorderOf(kind.event), kind.event, kind.sub,
		actor1, assoc1, inter1, actor2, assoc2, inter2, interaction, targeting, iso, "",
		country, admin1, "", "", place, lat, lon, geoPrecision(e.Location), strings.Join(sources, "; "), "", notes,
		data.CountText(e.Size.Fatalities), strings.Join(e.Tags, "; "), strconv.FormatInt(e.Updated.Unix(), 10)}
}
