package geomap

import (
	"fmt"
	"sort"
	"strings"
)

// Describe is what a mark's tooltip says: its places, its events by type
// (most first) and their dates, and the dead reported.
func (s Scene) Describe(m Mark) []string {
	places, types := map[string]bool{}, map[string]int{}
	var names []string
	first, last := "", ""
	for _, i := range m.Spots {
		sp := s.Spots[i]
		if sp.Place != "" && !places[sp.Place] {
			places[sp.Place] = true
			names = append(names, sp.Place)
		}
		types[sp.Type]++
		if sp.Date != "" && (first == "" || sp.Date < first) {
			first = sp.Date
		}
		if sp.Date > last {
			last = sp.Date
		}
	}
	sort.Strings(names)
	where := strings.Join(names[:min(3, len(names))], ", ")
	if len(names) > 3 {
		where += fmt.Sprintf(" and %d more places", len(names)-3)
	}
	if where == "" {
		where = "(no place name)"
	}
	events := fmt.Sprintf("%d events", m.Count())
	if m.Count() == 1 {
		events = "1 event"
	}
	lines := []string{where, fmt.Sprintf("%s, %s to %s", events, dash(first), dash(last))}
	if m.Killed > 0 {
		lines = append(lines, fmt.Sprintf("%d killed (as reported)", m.Killed))
	}
	kinds := make([]string, 0, len(types))
	for t := range types {
		kinds = append(kinds, t)
	}
	sort.Slice(kinds, func(a, b int) bool {
		if types[kinds[a]] != types[kinds[b]] {
			return types[kinds[a]] > types[kinds[b]]
		}
		return kinds[a] < kinds[b]
	})
	for _, t := range kinds[:min(5, len(kinds))] {
		lines = append(lines, fmt.Sprintf("%s: %d", dash(t), types[t]))
	}
	return lines
}

// Events are the ids of a mark's events.
func (s Scene) Events(m Mark) []string {
	out := make([]string, len(m.Spots))
	for i, j := range m.Spots {
		out[i] = s.Spots[j].ID
	}
	return out
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Months are the months from the first spot's to the last's ("2025-03"),
// every one between them, for a time window.
func Months(spots []Spot) []string {
	first, last := "", ""
	for _, s := range spots {
		if len(s.Date) < 7 {
			continue
		}
		if m := s.Date[:7]; first == "" || m < first {
			first = m
		}
		if m := s.Date[:7]; m > last {
			last = m
		}
	}
	if first == "" {
		return nil
	}
	var out []string
	y, mo := 0, 0
	fmt.Sscanf(first, "%d-%d", &y, &mo)
	for m := first; m <= last && len(out) < 1200; {
		out = append(out, m)
		if mo++; mo > 12 {
			y, mo = y+1, 1
		}
		m = fmt.Sprintf("%04d-%02d", y, mo)
	}
	return out
}

// Within keeps the spots whose date falls in the months from and to
// (inclusive, "2025-03"); undated spots only when the window is open.
func Within(spots []Spot, from, to string) []Spot {
	if from == "" && to == "" {
		return spots
	}
	out := make([]Spot, 0, len(spots))
	for _, s := range spots {
		if len(s.Date) >= 7 && (from == "" || s.Date[:7] >= from) && (to == "" || s.Date[:7] <= to) {
			out = append(out, s)
		}
	}
	return out
}
