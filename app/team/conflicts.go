package team

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"dossier/data"
)

// Field is one field of a record as the two sides of a conflict hold it.
type Field struct {
	Name   string          `json:"field"`
	Mine   json.RawMessage `json:"mine,omitempty"`
	Theirs json.RawMessage `json:"theirs,omitempty"`
	Differ bool            `json:"differ"`
}

// revisionFields change with every write; they are not what analysts
// disagree about.
var revisionFields = map[string]bool{"version": true, "updated": true, "updated_by": true, "created": true, "text": true}

// Fields lays a conflict's two sides out field by field (theirs: the
// newest other side), the fields that differ first.
func Fields(c data.OpenConflict) []Field {
	mine, theirs := fieldsOf(c.Mine), fieldsOf(Theirs(c))
	names := map[string]bool{}
	for k := range mine {
		names[k] = true
	}
	for k := range theirs {
		names[k] = true
	}
	var out []Field
	for k := range names {
		if revisionFields[k] {
			continue
		}
		out = append(out, Field{Name: k, Mine: mine[k], Theirs: theirs[k], Differ: string(mine[k]) != string(theirs[k])})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Differ != out[j].Differ {
			return out[i].Differ
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func fieldsOf(v data.Version) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if v.Deleted {
		m["deleted"] = json.RawMessage("true")
		return m
	}
	json.Unmarshal(v.Body, &m)
	return m
}

// Theirs is the other side a settlement weighs: the newest.
func Theirs(c data.OpenConflict) data.Version {
	t := c.Theirs[0]
	for _, x := range c.Theirs[1:] {
		if t.Rev.Less(x.Rev) {
			t = x
		}
	}
	return t
}

// Differing names the fields the sides disagree on.
func Differing(c data.OpenConflict) []string {
	var out []string
	for _, f := range Fields(c) {
		if f.Differ {
			out = append(out, f.Name)
		}
	}
	return out
}

// Choose is a settlement: mine, with the fields named taken from theirs;
// nil means the record is deleted.
func Choose(c data.OpenConflict, fromTheirs map[string]bool) (json.RawMessage, error) {
	t := Theirs(c)
	switch {
	case len(fromTheirs) == 0 && c.Mine.Deleted:
		return nil, nil
	case fromTheirs["deleted"] || allOf(c, fromTheirs) && t.Deleted:
		return nil, nil
	case c.Mine.Deleted || allOf(c, fromTheirs):
		return t.Body, nil
	}
	body := fieldsOf(c.Mine)
	other := fieldsOf(t)
	for name := range fromTheirs {
		if v, ok := other[name]; ok {
			body[name] = v
		} else {
			delete(body, name)
		}
	}
	return json.Marshal(body)
}

// allOf reports whether every differing field is taken from theirs.
func allOf(c data.OpenConflict, fromTheirs map[string]bool) bool {
	for _, f := range Differing(c) {
		if !fromTheirs[f] {
			return false
		}
	}
	return len(fromTheirs) > 0
}

// Kept is the settled body of a conflict that keeps one side whole: "mine"
// or "theirs" (Session.Settle stores it).
func Kept(c data.OpenConflict, side string) (json.RawMessage, error) {
	var pick map[string]bool
	switch side {
	case "mine":
	case "theirs":
		pick = map[string]bool{}
		for _, f := range Differing(c) {
			pick[f] = true
		}
		if len(pick) == 0 {
			pick["deleted"] = Theirs(c).Deleted
		}
	default:
		return nil, data.Errorf(data.EInvalid, "Keep mine or theirs, not %q.", side)
	}
	return Choose(c, pick)
}

// Describe names a conflict for a list: what the record is, and who wrote
// each side.
func Describe(st data.Analysts, c data.OpenConflict) string {
	return fmt.Sprintf("%s %s: %s (version %d by %s) / %s", c.Record, c.ID, Name(c.Mine), c.Mine.Rev.N, st.AnalystName(c.Mine.Rev.By),
		sideList(st, c.Theirs))
}

func sideList(st data.Analysts, vs []data.Version) string {
	var out []string
	for _, v := range vs {
		out = append(out, fmt.Sprintf("version %d by %s", v.Rev.N, st.AnalystName(v.Rev.By)))
	}
	return strings.Join(out, ", ")
}

// Name is how the analyst knows a record: a name, a title, a type and date.
func Name(v data.Version) string {
	if v.Deleted {
		return "deleted"
	}
	var m struct {
		Name  string         `json:"name"`
		Title string         `json:"title"`
		Type  string         `json:"type"`
		Date  data.EventDate `json:"date"`
	}
	json.Unmarshal(v.Body, &m)
	switch {
	case m.Name != "":
		return m.Name
	case m.Title != "":
		return "“" + m.Title + "”"
	}
	return strings.TrimSpace(m.Type + " " + m.Date.Start)
}
