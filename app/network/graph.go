// Package network is the link chart: actors as nodes, what passed between
// them as directed links (actor → recipient), one per pair, counted by
// QuadClass and type, laid out by forces and drawn as SVG or PNG. It knows
// nothing of the window; the Network tab draws the same Scene.
package network

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"dossier/data"
	"dossier/data/codebook"
)

// Node is an actor on the chart, or a country's actors taken together.
type Node struct {
	ID          string // actor id, or "country:" and the country code
	Name        string
	Kind        string // the actor's kind, or "country"
	Country     string
	Events      int            // events it takes part in
	Types       map[string]int // those events by PLOVER type
	First, Last string         // their first and last dates
	Members     int            // actors it stands for
	Killed      int            // fatalities its events are reported to have caused
}

// Link is what passed from one node to another.
type Link struct {
	From, To    string
	ByQuad      [5]int // events by QuadClass (0: not known)
	Types       Tally  // by PLOVER type
	First, Last string
	N           int  // its events
	Killed      int  // fatalities reported of them
	Marked      bool // it counts one of the events the builder was asked to mark
}

// Count is the link's number of events.
func (l Link) Count() int { return l.N }

// Graph is a chart's nodes and links, in a fixed order.
type Graph struct {
	Nodes   []Node
	Links   []Link
	Grouped bool // nodes are countries
	Actors  int  // actors in its events, before any grouping
	index   map[string]int
	ends    [][2]int // each link's nodes, by index
}

// Node finds a node by id.
func (g *Graph) Node(id string) (Node, bool) {
	if i, ok := g.index[id]; ok {
		return g.Nodes[i], true
	}
	return Node{}, false
}

// Builder gathers events into a graph.
type Builder struct {
	actors map[string]data.Actor
	index  map[string]int32   // node id → its place in nodes
	nodes  []Node             // in the order first seen
	types  []Tally            // each node's events by type, its Types once built
	pairs  map[[2]int32]int32 // the two nodes' places → the link's in links
	links  []Link
	marked map[string]bool // event ids whose links are Marked
	// words keeps one copy of each type and date the links hold, rather
	// than each event's (a few thousand days, against a million events).
	words map[string]string
}

// NewBuilder starts a graph over the register's actors.
func NewBuilder(actors map[string]data.Actor) *Builder {
	return &Builder{actors: actors, index: map[string]int32{}, pairs: map[[2]int32]int32{}, words: map[string]string{}}
}

// Marking makes Marked the links that count one of these events (by id):
// the window moves only their nodes after the events change. A link holds
// no list of its events, which at a million events would be as many ids.
func (b *Builder) Marking(ids map[string]bool) *Builder {
	b.marked = ids
	return b
}

// Add counts an event: for its parties, and a link from each actor to
// each recipient.
func (b *Builder) Add(e *data.Event) {
	quad := codebook.QuadClassOf(e.CAMEO, e.Type)
	killed := 0
	if e.Size.Fatalities != nil {
		killed = *e.Size.Fatalities
	}
	for _, id := range e.Parties() {
		i := b.node(id)
		n := &b.nodes[i]
		n.Events++
		n.Killed += killed
		b.count(&b.types[i], e.Type)
		n.First, n.Last = widen(n.First, n.Last, e.Date.Start)
	}
	for _, a := range e.Actors {
		for _, r := range e.Recipients {
			if a != r {
				b.link(b.node(a), b.node(r), e, quad, killed)
			}
		}
	}
}

// link counts the event on the link between two nodes.
func (b *Builder) link(from, to int32, e *data.Event, quad, killed int) {
	i, ok := b.pairs[[2]int32{from, to}]
	if !ok {
		i = int32(len(b.links))
		b.pairs[[2]int32{from, to}] = i
		b.links = append(b.links, Link{From: b.nodes[from].ID, To: b.nodes[to].ID}) // the nodes' strings, not this event's copies
	}
	l := &b.links[i]
	l.ByQuad[quad]++
	b.count(&l.Types, e.Type)
	l.First, l.Last = widen(l.First, l.Last, b.word(e.Date.Start))
	l.N++
	l.Marked = l.Marked || b.marked[e.ID]
	l.Killed += killed
}

// count adds an event of a type to a tally: a short list of types rather
// than a map, which a million events would update a few million times.
func (b *Builder) count(t *Tally, typ string) {
	for i := range *t {
		if (*t)[i].Type == typ {
			(*t)[i].N++
			return
		}
	}
	*t = append(*t, TypeCount{b.word(typ), 1})
}

// word is the builder's copy of s.
func (b *Builder) word(s string) string {
	if w, ok := b.words[s]; ok {
		return w
	}
	b.words[s] = s
	return s
}

// node is the place of an actor's node, added when first seen.
func (b *Builder) node(id string) int32 {
	if i, ok := b.index[id]; ok {
		return i
	}
	a := b.actors[id]
	name := a.Name
	if name == "" {
		name = id
	}
	i := int32(len(b.nodes))
	b.index[id] = i
	b.nodes = append(b.nodes, Node{ID: id, Name: name, Kind: a.Kind, Country: a.Country, Members: 1})
	b.types = append(b.types, nil)
	return i
}

// widen stretches a date range to hold date ("" is unknown).
func widen(first, last, date string) (string, string) {
	if date == "" {
		return first, last
	}
	if first == "" || date < first {
		first = date
	}
	if date > last {
		last = date
	}
	return first, last
}

// Graph is what was added, nodes by id and links by pair.
// It ends the builder: what it gathered moves into the graph, not copied,
// since a million events can make hundreds of thousands of links.
func (b *Builder) Graph() *Graph {
	for i, t := range b.types {
		b.nodes[i].Types = t.Map()
	}
	g := &Graph{Actors: len(b.nodes), Nodes: b.nodes, Links: b.links}
	*b = Builder{}
	g.sort()
	return g
}

// sort puts the nodes in order of id and the links in order of their
// ends' ids, compared by the nodes' places rather than by the strings.
func (g *Graph) sort() {
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID })
	g.index = make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		g.index[n.ID] = i
	}
	g.ends = make([][2]int, len(g.Links))
	for i, l := range g.Links {
		g.ends[i] = [2]int{g.index[l.From], g.index[l.To]}
	}
	sort.Sort(linkOrder{g})
}

// linkOrder sorts a graph's links with their ends.
type linkOrder struct{ g *Graph }

func (o linkOrder) Len() int { return len(o.g.Links) }

func (o linkOrder) Less(i, j int) bool {
	a, b := o.g.ends[i], o.g.ends[j]
	return a[0] < b[0] || a[0] == b[0] && a[1] < b[1]
}

func (o linkOrder) Swap(i, j int) {
	o.g.Links[i], o.g.Links[j] = o.g.Links[j], o.g.Links[i]
	o.g.ends[i], o.g.ends[j] = o.g.ends[j], o.g.ends[i]
}

// CountryID is the node id of a country's actors taken together.
func CountryID(code string) string { return "country:" + code }

// ByCountry takes each country's actors together: links between actors of
// two countries become one link between the countries; actors without a
// country stand together as "no country".
func (g *Graph) ByCountry() *Graph {
	nodes := map[string]*Node{}
	groupOf := make([]string, len(g.Nodes)) // by the node's place
	for i, n := range g.Nodes {
		id := CountryID(strings.ToUpper(n.Country))
		groupOf[i] = id
		c := nodes[id]
		if c == nil {
			name := countryName(n.Country)
			c = &Node{ID: id, Name: name, Kind: "country", Country: strings.ToUpper(n.Country), Types: map[string]int{}}
			nodes[id] = c
		}
		c.Members++
		c.Events += n.Events
		c.Killed += n.Killed
		for t, k := range n.Types {
			c.Types[t] += k
		}
		c.First, c.Last = widen(c.First, c.Last, n.First)
		c.First, c.Last = widen(c.First, c.Last, n.Last)
	}
	links := map[[2]string]*Link{}
	for i, l := range g.Links {
		key := [2]string{groupOf[g.ends[i][0]], groupOf[g.ends[i][1]]}
		if key[0] == key[1] {
			continue
		}
		m := links[key]
		if m == nil {
			m = &Link{From: key[0], To: key[1]}
			links[key] = m
		}
		for q := range l.ByQuad {
			m.ByQuad[q] += l.ByQuad[q]
		}
		for _, tc := range l.Types {
			m.Types.Add(tc.Type, tc.N)
		}
		m.First, m.Last = widen(m.First, m.Last, l.First)
		m.First, m.Last = widen(m.First, m.Last, l.Last)
		m.N += l.N
		m.Marked = m.Marked || l.Marked
		m.Killed += l.Killed
	}
	out := &Graph{Grouped: true, Actors: g.Actors}
	for _, n := range nodes {
		out.Nodes = append(out.Nodes, *n)
	}
	for _, l := range links {
		out.Links = append(out.Links, *l)
	}
	out.sort()
	return out
}

func countryName(code string) string {
	if code == "" {
		return "no country"
	}
	if c, ok := codebook.CountryByCode(code); ok {
		return c.Name
	}
	return strings.ToUpper(code)
}

// Neighbourhood keeps the nodes within steps links of id (either way) and
// the links between them.
func (g *Graph) Neighbourhood(id string, steps int) *Graph {
	keep := map[string]bool{id: true}
	frontier := []string{id}
	for range steps {
		var next []string
		for _, l := range g.Links {
			for _, pair := range [][2]string{{l.From, l.To}, {l.To, l.From}} {
				if slices.Contains(frontier, pair[0]) && !keep[pair[1]] {
					keep[pair[1]] = true
					next = append(next, pair[1])
				}
			}
		}
		frontier = next
	}
	out := &Graph{Grouped: g.Grouped, Actors: g.Actors}
	for _, n := range g.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, l := range g.Links {
		if keep[l.From] && keep[l.To] {
			out.Links = append(out.Links, l)
		}
	}
	out.sort()
	return out
}

// Dominant is the QuadClass with most events on a link (0 when none is
// known).
func (l Link) Dominant() int {
	best := 0
	for q := 1; q < len(l.ByQuad); q++ {
		if l.ByQuad[q] > l.ByQuad[best] || best == 0 && l.ByQuad[q] > 0 {
			best = q
		}
	}
	return best
}

// GroupAbove is how many actors a chart shows one by one; beyond it they
// are taken together by country until the analyst zooms in or filters.
const GroupAbove = 300

// Rounds is how many rounds of forces a first layout of n nodes takes.
func Rounds(n int) int { return max(25, min(300, 30000/max(n, 1))) }

// Chart lays g out and draws it whole at a size, with a title: what an
// export shows. Past GroupAbove actors, countries stand for them.
func Chart(g *Graph, width, height float64, title string) Scene {
	if len(g.Nodes) > GroupAbove {
		g = g.ByCountry()
		title += fmt.Sprintf(" (%d actors, grouped by country)", g.Actors)
	}
	l := NewLayout()
	l.Place(g, nil, Rounds(len(g.Nodes)))
	return Draw(g, l, Fit(g, l, width, height), title)
}

// neighbours lists each node's neighbours, either way.
func (g *Graph) neighbours() map[string][]string {
	out := make(map[string][]string, len(g.Nodes))
	for _, l := range g.Links {
		out[l.From] = append(out[l.From], l.To)
		out[l.To] = append(out[l.To], l.From)
	}
	return out
}
