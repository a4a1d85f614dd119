package codebook

import (
	"slices"
	"strings"
	"sync"
)

// EventType is one of the 16 PLOVER event types.
type EventType struct {
	Name              string
	QuadClass         string
	RequiresRecipient bool
	Modes             []string
}

// TypeMatch is a search hit: an event type, and the mode when the hit was one.
type TypeMatch struct {
	Type string
	Mode string
}

// Label is "CONSULT" or "CONSULT-visit".
func (m TypeMatch) Label() string {
	if m.Mode == "" {
		return m.Type
	}
	return m.Type + "-" + m.Mode
}

type ploverTable struct {
	types    []EventType
	byName   map[string]int
	contexts []string
}

var (
	ploverOnce sync.Once
	plover     ploverTable
)

func loadPLOVER() {
	plover.byName = map[string]int{}
	rc := readAsset("plover.tsv")
	defer rc.Close()
	forEachRow(rc, func(f []string) {
		switch f[0] {
		case "type":
			plover.byName[f[1]] = len(plover.types)
			plover.types = append(plover.types, EventType{Name: f[1], QuadClass: field(f, 3), RequiresRecipient: field(f, 4) == "Yes"})
		case "mode":
			if i, ok := plover.byName[f[1]]; ok {
				plover.types[i].Modes = append(plover.types[i].Modes, field(f, 2))
			}
		case "context":
			plover.contexts = append(plover.contexts, field(f, 2))
		}
	})
}

func ploverData() *ploverTable {
	ploverOnce.Do(loadPLOVER)
	return &plover
}

// Types returns the PLOVER event types in codebook order.
func Types() []EventType { return append([]EventType(nil), ploverData().types...) }

// Type looks an event type up by name, case-insensitively.
func Type(name string) (EventType, bool) {
	d := ploverData()
	i, ok := d.byName[strings.ToUpper(strings.TrimSpace(name))]
	if !ok {
		return EventType{}, false
	}
	return d.types[i], true
}

// Contexts returns the PLOVER contexts.
func Contexts() []string { return append([]string(nil), ploverData().contexts...) }

// HasMode reports whether mode is one of the type's modes.
func (t EventType) HasMode(mode string) bool { return slices.Contains(t.Modes, mode) }

// IsContext reports whether c is a PLOVER context.
func IsContext(c string) bool { return slices.Contains(ploverData().contexts, c) }

// SearchTypes finds types and type-modes whose words start with the query's
// ("visit" finds CONSULT-visit; "cons" finds CONSULT and its modes).
func SearchTypes(query string) []TypeMatch {
	qw := words(query)
	var out []TypeMatch
	for _, t := range ploverData().types {
		tw := words(t.Name)
		if matchesWords(qw, tw) {
			out = append(out, TypeMatch{Type: t.Name})
		}
		for _, m := range t.Modes {
			if matchesWords(qw, append(words(m), tw...)) {
				out = append(out, TypeMatch{Type: t.Name, Mode: m})
			}
		}
	}
	return out
}

// QuadClassOf is an event's QuadClass (1–4): from its CAMEO code when it
// has one, else from its PLOVER type; 0 when neither says.
func QuadClassOf(cameo, eventType string) int {
	if c, ok := CAMEO(cameo); ok {
		return c.QuadClass
	}
	if t, ok := Type(eventType); ok {
		for i, n := range QuadClassNames {
			if i > 0 && strings.EqualFold(n, t.QuadClass) {
				return i
			}
		}
	}
	return 0
}
