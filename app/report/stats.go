package report

import (
	"iter"
	"slices"
	"sort"

	"dossier/app/network"
	"dossier/data"
	"dossier/data/codebook"
)

// stats counts exported events for the Summary sheet.
type stats struct {
	byType  map[string]int
	byMonth map[string]*[5]int // month → events per QuadClass (index 1–4)
	byActor map[string]int
	// pairsBeyond counts the actor pairs the network does not link: an
	// actor its own recipient, and a reciprocal event's two actors. The
	// other pairs are the network's links (the top pairs add both), so a
	// million events do not count their pairs twice.
	pairsBeyond map[[2]string]int
	firstDay    map[string]string // actor → first event date
	lastDay     map[string]string

	articleCounts map[string]int

	killedByMonth   map[string]int // month → fatalities reported
	killedByCountry map[string]int // the place's country → fatalities reported
	byGrade         map[string]int // "B2" → events ("" not graded)
}

func newStats() *stats {
	return &stats{byType: map[string]int{}, byMonth: map[string]*[5]int{}, byActor: map[string]int{},
		pairsBeyond: map[[2]string]int{}, firstDay: map[string]string{}, lastDay: map[string]string{}, articleCounts: map[string]int{},
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
		if slices.Contains(e.Recipients, a) {
			s.pairsBeyond[[2]string{a, a}]++
		}
	}
	if len(e.Recipients) == 0 && len(e.Actors) == 2 { // reciprocal: both parties in actors
		s.pairsBeyond[[2]string{e.Actors[0], e.Actors[1]}]++
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

// top ranks counts, most first and then by label; n > 0 keeps the first
// n. Only the counts that can be kept are labelled: a million events can
// have hundreds of thousands of pairs, and a label is two actors' names.
func top[K comparable](counts iter.Seq2[K, int], label func(K) string, n int) []ranked {
	type counted struct {
		k K
		c int
	}
	var all []counted
	for k, c := range counts {
		all = append(all, counted{k, c})
	}
	if n > 0 && len(all) > n {
		slices.SortFunc(all, func(a, b counted) int { return b.c - a.c })
		least := all[n-1].c // those tied with the n-th are ranked by label
		all = all[:sort.Search(len(all), func(i int) bool { return all[i].c < least })]
	}
	out := make([]ranked, len(all))
	for i, kc := range all {
		out[i] = ranked{label(kc.k), kc.c}
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

// pairs counts every actor → recipient pair of the exported events: the
// network's links and the pairs beyond them.
func (s *stats) pairs(g *network.Graph) iter.Seq2[[2]string, int] {
	return func(yield func([2]string, int) bool) {
		linked := map[[2]string]bool{}
		for _, l := range g.Links {
			p := [2]string{l.From, l.To}
			n, beyond := s.pairsBeyond[p]
			if beyond {
				linked[p] = true
			}
			if !yield(p, l.Count()+n) {
				return
			}
		}
		for p, n := range s.pairsBeyond {
			if !linked[p] && !yield(p, n) {
				return
			}
		}
	}
}

func (s *stats) months() []string {
	var ms []string
	for m := range s.byMonth {
		ms = append(ms, m)
	}
	sort.Strings(ms)
	return ms
}
