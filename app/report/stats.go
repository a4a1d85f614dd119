package report

import (
	"sort"

	"dossier/data"
	"dossier/data/codebook"
)

// stats counts exported events for the Summary sheet.
type stats struct {
	byType   map[string]int
	byMonth  map[string]*[5]int // month → events per QuadClass (index 1–4)
	byActor  map[string]int
	byPair   map[[2]string]int
	firstDay map[string]string // actor → first event date
	lastDay  map[string]string

	articleCounts map[string]int

	killedByMonth   map[string]int // month → fatalities reported
	killedByCountry map[string]int // the place's country → fatalities reported
	byGrade         map[string]int // "B2" → events ("" not graded)
}

func newStats() *stats {
	return &stats{byType: map[string]int{}, byMonth: map[string]*[5]int{}, byActor: map[string]int{},
		byPair: map[[2]string]int{}, firstDay: map[string]string{}, lastDay: map[string]string{}, articleCounts: map[string]int{},
		killedByMonth: map[string]int{}, killedByCountry: map[string]int{}, byGrade: map[string]int{}}
}

func (s *stats) add(e *data.Event, g data.Grade) {
	s.byType[e.Type]++
	s.byGrade[g.String()]++
	for _, a := range e.Articles() {
		s.articleCounts[a]++
	}
	if len(e.Date.Start) >= 7 {
		m := e.Date.Start[:7]
		if s.byMonth[m] == nil {
			s.byMonth[m] = &[5]int{}
		}
		s.byMonth[m][codebook.QuadClassOf(e.CAMEO, e.Type)]++
	}
	s.addKilled(e)
	for _, a := range e.Parties() {
		s.byActor[a]++
		if d := e.Date.Start; d != "" {
			if f, ok := s.firstDay[a]; !ok || d < f {
				s.firstDay[a] = d
			}
			if d > s.lastDay[a] {
				s.lastDay[a] = d
			}
		}
	}
	for _, a := range e.Actors {
		for _, r := range e.Recipients {
			s.byPair[[2]string{a, r}]++
		}
	}
	if len(e.Recipients) == 0 && len(e.Actors) == 2 { // reciprocal: both parties in actors
		s.byPair[[2]string{e.Actors[0], e.Actors[1]}]++
	}
}

// addKilled sums the fatalities reported by month and by the country of
// the event's place ("" when it has none).
func (s *stats) addKilled(e *data.Event) {
	if e.Size.Fatalities == nil || *e.Size.Fatalities == 0 {
		return
	}
	n := *e.Size.Fatalities
	if len(e.Date.Start) >= 7 {
		s.killedByMonth[e.Date.Start[:7]] += n
	}
	country := ""
	if e.Location != nil {
		country = e.Location.Country
	}
	s.killedByCountry[country] += n
}

// ranked is a count with its label, for top lists.
type ranked struct {
	key   string
	count int
}

func top[K comparable](m map[K]int, label func(K) string, n int) []ranked {
	var out []ranked
	for k, c := range m {
		out = append(out, ranked{label(k), c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return out[i].key < out[j].key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

func (s *stats) months() []string {
	var ms []string
	for m := range s.byMonth {
		ms = append(ms, m)
	}
	sort.Strings(ms)
	return ms
}
