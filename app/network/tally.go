package network

// Tally counts events by type. A link has few types, so a short list
// costs a tenth of a map, and a chart of a million events has hundreds of
// thousands of links.
type Tally []TypeCount

// TypeCount is one type's events.
type TypeCount struct {
	Type string
	N    int
}

// Add counts n more events of a type.
func (t *Tally) Add(typ string, n int) {
	for i := range *t {
		if (*t)[i].Type == typ {
			(*t)[i].N += n
			return
		}
	}
	*t = append(*t, TypeCount{typ, n})
}

// Map is the tally as a map from type to events.
func (t Tally) Map() map[string]int {
	m := make(map[string]int, len(t))
	for _, c := range t {
		m[c.Type] += c.N
	}
	return m
}
