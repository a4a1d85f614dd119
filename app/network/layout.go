package network

import (
	"hash/fnv"
	"maps"
	"math"
	"strings"

	"gonum.org/v1/gonum/spatial/barneshut"
	"gonum.org/v1/gonum/spatial/r2"

	"dossier/data/codebook"
)

// The layout is Eades' spring embedder (the one gonum's graph/layout
// implements), written here because the chart needs what that one does not
// offer: starting from places already given, so that an edit moves only the
// nodes it touches and pinned nodes stay put. gonum's Barnes–Hut tree
// computes the repulsion between all nodes in n log n.

// Forces, as in Eades (1984): springs of natural length springLength pull
// linked nodes with strength springStrength·log(d/springLength), all nodes
// push apart with repulsion/d², and each round moves a node by rate times
// its force, at most maxStep.
const (
	springStrength = 2.0
	springLength   = 1.0
	repulsion      = 3.0
	rate           = 0.1
	maxStep        = 0.5
	centring       = 0.1 // keeps parts that no link joins from drifting away
	theta          = 0.5 // Barnes–Hut accuracy
)

// Layout is where each node stands, in layout units (about one per link
// length), kept from one drawing to the next.
type Layout struct {
	Pos    map[string]r2.Vec
	Pinned map[string]bool
}

// NewLayout is an empty layout.
func NewLayout() *Layout {
	return &Layout{Pos: map[string]r2.Vec{}, Pinned: map[string]bool{}}
}

// Clone is a copy of the layout, to lay a graph out apart from the one
// drawn.
func (l *Layout) Clone() *Layout {
	return &Layout{Pos: maps.Clone(l.Pos), Pinned: maps.Clone(l.Pinned)}
}

// Place lays g out. Nodes without a place start next to their placed
// neighbours, or where their id (or, for countries, their coordinates)
// puts them, so the same data gives the same picture. Then rounds of forces
// move the nodes movable allows (nil: every node not pinned) and the new
// ones; the others stay.
func (l *Layout) Place(g *Graph, movable func(id string) bool, rounds int) {
	fresh := map[string]bool{}
	for _, n := range g.Nodes {
		if _, ok := l.Pos[n.ID]; !ok {
			fresh[n.ID] = true
		}
	}
	neighbours := g.neighbours()
	for _, n := range g.Nodes {
		if fresh[n.ID] {
			l.Pos[n.ID] = l.start(n, neighbours[n.ID])
		}
	}
	pos := make([]r2.Vec, len(g.Nodes))
	moves := make([]bool, len(g.Nodes))
	for i, n := range g.Nodes {
		pos[i] = l.Pos[n.ID]
		moves[i] = !l.Pinned[n.ID] && (fresh[n.ID] || movable == nil || movable(n.ID))
	}
	sp := springsOf(g)
	for r := range rounds {
		if !round(g, sp, pos, moves, maxStep*(1-float64(r)/float64(rounds+1))) {
			break
		}
	}
	for i, n := range g.Nodes {
		l.Pos[n.ID] = pos[i]
	}
}

// start is a new node's first place.
func (l *Layout) start(n Node, neighbours []string) r2.Vec {
	var sum r2.Vec
	k := 0
	for _, id := range neighbours {
		if p, ok := l.Pos[id]; ok {
			sum, k = r2.Add(sum, p), k+1
		}
	}
	jitter := spot(n.ID, 0.5)
	if k > 0 {
		return r2.Add(r2.Scale(1/float64(k), sum), jitter)
	}
	size := math.Sqrt(float64(len(l.Pos))) + 1
	if c, ok := codebook.CountryByCode(n.Country); ok { // on a rough map, near its country's fellows
		return r2.Add(r2.Vec{X: c.Lon / 180 * size, Y: -c.Lat / 90 * size / 2}, spot(n.ID, size/8))
	}
	return spot(n.ID, size)
}

// spot is a point within radius of the origin that only id decides.
func spot(id string, radius float64) r2.Vec {
	h := fnv.New64a()
	h.Write([]byte(id))
	v := h.Sum64()
	angle := float64(v&0xffff) / 0xffff * 2 * math.Pi
	dist := radius * math.Sqrt(float64(v>>16&0xffff)/0xffff)
	return r2.Vec{X: dist * math.Cos(angle), Y: dist * math.Sin(angle)}
}

// body is a node for the Barnes–Hut tree.
type body struct{ pos r2.Vec }

func (b body) Coord2() r2.Vec { return b.pos }
func (b body) Mass() float64  { return 1 }

// springs are what every round needs of the links, worked out once: which
// nodes have one, and each link's strength (the log of its count). At a
// million events, 756,000 links, they were a third of a round.
type springs struct {
	linked   []bool    // by node
	strength []float64 // by link
}

func springsOf(g *Graph) springs {
	sp := springs{linked: make([]bool, len(g.Nodes)), strength: make([]float64, len(g.ends))}
	for i, ends := range g.ends {
		sp.linked[ends[0]], sp.linked[ends[1]] = true, true
		sp.strength[i] = math.Log2(1 + float64(g.Links[i].Count()))
	}
	return sp
}

// round moves the movable nodes once along their forces (positions and
// who moves by node index); it reports whether anything moved.
func round(g *Graph, sp springs, pos []r2.Vec, moves []bool, step float64) bool {
	bodies := make([]barneshut.Particle2, len(pos))
	for i, p := range pos {
		bodies[i] = body{p}
	}
	plane, err := barneshut.NewPlane(bodies)
	if err != nil {
		return false
	}
	force := make([]r2.Vec, len(pos))
	for i := range pos {
		if moves[i] {
			pull := centring
			if !sp.linked[i] { // nothing else holds it near the others
				pull *= 5
			}
			force[i] = r2.Add(r2.Scale(-repulsion, plane.ForceOn(bodies[i], theta, barneshut.Gravity2)), r2.Scale(-pull, pos[i]))
		}
	}
	for i, ends := range g.ends {
		a, b := ends[0], ends[1]
		d := r2.Sub(pos[b], pos[a])
		dist := math.Max(r2.Norm(d), 1e-3)
		pull := r2.Scale(springStrength*math.Log(dist/springLength)*sp.strength[i]/dist, d)
		force[a] = r2.Add(force[a], pull)
		force[b] = r2.Sub(force[b], pull)
	}
	moved := false
	for i := range pos {
		if !moves[i] {
			continue
		}
		delta := r2.Scale(rate, force[i])
		if norm := r2.Norm(delta); norm > step {
			delta = r2.Scale(step/norm, delta)
		}
		if r2.Norm(delta) > 1e-6 {
			moved = true
		}
		pos[i] = r2.Add(pos[i], delta)
	}
	return moved
}

// CountryLayout places the countries of grouped (g.ByCountry()) for the
// chart that shows them: laid out by their own links, starting from the
// middle of their actors' places in l, then spread over the space g's
// actors take in l, so that one viewport shows either. (Left at their
// actors' middles, countries whose actors mix fall on top of each other.)
func CountryLayout(g, grouped *Graph, l *Layout) *Layout {
	out := centroids(g, grouped, l)
	out.Place(grouped, nil, Rounds(len(grouped.Nodes)))
	lo, hi := bounds(g, l)
	clo, chi := bounds(grouped, out)
	scale := math.Min((hi.X-lo.X)/math.Max(chi.X-clo.X, 1e-9), (hi.Y-lo.Y)/math.Max(chi.Y-clo.Y, 1e-9))
	if scale <= 0 || math.IsInf(scale, 0) {
		return out
	}
	centre, from := r2.Scale(0.5, r2.Add(lo, hi)), r2.Scale(0.5, r2.Add(clo, chi))
	for id, p := range out.Pos {
		out.Pos[id] = r2.Add(centre, r2.Scale(scale, r2.Sub(p, from)))
	}
	return out
}

// centroids places each country of grouped at the middle of its actors'
// places in l.
func centroids(g, grouped *Graph, l *Layout) *Layout {
	out := NewLayout()
	count := map[string]int{}
	for _, n := range g.Nodes {
		id := CountryID(strings.ToUpper(n.Country))
		out.Pos[id] = r2.Add(out.Pos[id], l.Pos[n.ID])
		count[id]++
	}
	for _, n := range grouped.Nodes {
		if k := count[n.ID]; k > 0 {
			out.Pos[n.ID] = r2.Scale(1/float64(k), out.Pos[n.ID])
		}
	}
	return out
}
