package network

import (
	"hash/fnv"
	"math"

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
	repulsion      = 1.0
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
	for _, n := range g.Nodes {
		if fresh[n.ID] {
			l.Pos[n.ID] = l.start(g, n)
		}
	}
	moves := func(id string) bool {
		return !l.Pinned[id] && (fresh[id] || movable == nil || movable(id))
	}
	for round := range rounds {
		step := maxStep * (1 - float64(round)/float64(rounds+1))
		if !l.round(g, moves, step) {
			break
		}
	}
}

// start is a new node's first place.
func (l *Layout) start(g *Graph, n Node) r2.Vec {
	var sum r2.Vec
	k := 0
	for _, lk := range g.Links {
		for _, pair := range [][2]string{{lk.From, lk.To}, {lk.To, lk.From}} {
			if pair[0] == n.ID {
				if p, ok := l.Pos[pair[1]]; ok {
					sum, k = r2.Add(sum, p), k+1
				}
			}
		}
	}
	jitter := spot(n.ID, 0.5)
	if k > 0 {
		return r2.Add(r2.Scale(1/float64(k), sum), jitter)
	}
	if n.Kind == "country" {
		if c, ok := codebook.CountryByCode(n.Country); ok {
			return r2.Add(r2.Vec{X: c.Lon / 20, Y: -c.Lat / 20}, r2.Scale(0.1, jitter))
		}
	}
	return spot(n.ID, math.Sqrt(float64(len(g.Nodes)))+1)
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

// round moves the movable nodes once along their forces; it reports
// whether anything moved.
func (l *Layout) round(g *Graph, moves func(string) bool, step float64) bool {
	bodies := make([]barneshut.Particle2, len(g.Nodes))
	for i, n := range g.Nodes {
		bodies[i] = body{l.Pos[n.ID]}
	}
	plane, err := barneshut.NewPlane(bodies)
	if err != nil {
		return false
	}
	force := make([]r2.Vec, len(g.Nodes))
	for i, n := range g.Nodes {
		if moves(n.ID) {
			force[i] = r2.Add(r2.Scale(-repulsion, plane.ForceOn(bodies[i], theta, barneshut.Gravity2)), r2.Scale(-centring, l.Pos[n.ID]))
		}
	}
	for _, lk := range g.Links {
		a, b := g.index[lk.From], g.index[lk.To]
		d := r2.Sub(l.Pos[lk.To], l.Pos[lk.From])
		dist := math.Max(r2.Norm(d), 1e-3)
		pull := r2.Scale(springStrength*math.Log(dist/springLength)*math.Log2(1+float64(lk.Count()))/dist, d)
		force[a] = r2.Add(force[a], pull)
		force[b] = r2.Sub(force[b], pull)
	}
	moved := false
	for i, n := range g.Nodes {
		if !moves(n.ID) {
			continue
		}
		delta := r2.Scale(rate, force[i])
		if norm := r2.Norm(delta); norm > step {
			delta = r2.Scale(step/norm, delta)
		}
		if r2.Norm(delta) > 1e-6 {
			moved = true
		}
		l.Pos[n.ID] = r2.Add(l.Pos[n.ID], delta)
	}
	return moved
}
