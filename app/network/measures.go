package network

import (
	"context"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	gnetwork "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// Measures are what the chart says of one node's place in it, as i2 and
// Gephi compute them.
type Measures struct {
	In, Out  int // nodes that acted on it, nodes it acted on
	Weighted int // events on its links, either way
	// Betweenness is the share of the shortest directed paths between two
	// other nodes that pass through it, divided by (n-1)(n-2) as networkx
	// and Gephi normalise it; links count once whatever their events.
	Betweenness float64
	// PageRank weighs the links by their events (damping 0.85); the ranks
	// of a chart add up to 1.
	PageRank float64
	// Community is its Louvain community (modularity over the links taken
	// both ways, weighted by events), 1 the largest; 0 when it has no link.
	Community int
}

// Analysis is the measures of a chart's nodes, in the order of g.Nodes.
type Analysis struct {
	Nodes       []Measures
	Communities int     // communities with at least one link
	Modularity  float64 // of that partition
}

// adjacency is each node's successors and predecessors, by index.
func (g *Graph) adjacency() (next, prev [][]int32) {
	next, prev = make([][]int32, len(g.Nodes)), make([][]int32, len(g.Nodes))
	for _, e := range g.ends {
		next[e[0]] = append(next[e[0]], int32(e[1]))
		prev[e[1]] = append(prev[e[1]], int32(e[0]))
	}
	return next, prev
}

// Of is a node's measures.
func (a Analysis) Of(g *Graph, id string) (Measures, bool) {
	if i, ok := g.index[id]; ok && i < len(a.Nodes) {
		return a.Nodes[i], true
	}
	return Measures{}, false
}

// The steps of an analysis, for progress: degrees, betweenness, PageRank,
// communities.
const analysisSteps = 4

// Analyse measures every node of g; progress (if not nil) hears after each
// of the four steps, and a cancelled ctx stops between them.
func Analyse(ctx context.Context, g *Graph, progress func(done, total int)) (Analysis, error) {
	step := func(done int) error {
		if progress != nil {
			progress(done, analysisSteps)
		}
		return ctx.Err()
	}
	out := Analysis{Nodes: make([]Measures, len(g.Nodes))}
	directed := simple.NewWeightedDirectedGraph(0, 0)
	undirected := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range g.Nodes {
		directed.AddNode(simple.Node(i))
		undirected.AddNode(simple.Node(i))
	}
	for i, lk := range g.Links {
		from, to := g.ends[i][0], g.ends[i][1]
		w := float64(lk.Count())
		directed.SetWeightedEdge(directed.NewWeightedEdge(simple.Node(from), simple.Node(to), w))
		if e := undirected.WeightedEdge(int64(from), int64(to)); e != nil {
			w += e.Weight()
		}
		undirected.SetWeightedEdge(undirected.NewWeightedEdge(simple.Node(from), simple.Node(to), w))
		out.Nodes[from].Out++
		out.Nodes[to].In++
		out.Nodes[from].Weighted += lk.Count()
		out.Nodes[to].Weighted += lk.Count()
	}
	if err := step(1); err != nil {
		return out, err
	}
	n := float64(len(g.Nodes))
	scale := 1.0
	if n > 2 {
		scale = 1 / ((n - 1) * (n - 2))
	}
	next, prev := g.adjacency()
	through, err := betweenness(ctx, next, prev)
	if err != nil {
		return out, err
	}
	for i, b := range through {
		out.Nodes[i].Betweenness = b * scale
	}
	if err := step(2); err != nil {
		return out, err
	}
	if len(g.Nodes) > 0 {
		for id, r := range gnetwork.PageRankSparse(directed, 0.85, 1e-12) {
			out.Nodes[id].PageRank = r
		}
	}
	if err := step(3); err != nil {
		return out, err
	}
	out.Communities, out.Modularity = communities(undirected, out.Nodes)
	return out, step(4)
}

// communities numbers the Louvain communities of g, largest first (ties by
// their first node), into nodes; a node without links is in none. The
// seed is fixed: the same chart gets the same communities.
func communities(g *simple.WeightedUndirectedGraph, nodes []Measures) (int, float64) {
	if g.Edges().Len() == 0 {
		return 0, 0
	}
	found := community.Modularize(g, 1, rand.NewPCG(1, 2)).Communities()
	for _, c := range found {
		slices.SortFunc(c, func(a, b graph.Node) int { return int(a.ID() - b.ID()) })
	}
	slices.SortStableFunc(found, func(a, b []graph.Node) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return int(a[0].ID() - b[0].ID())
	})
	number := 0
	for _, c := range found {
		if len(c) == 1 && g.From(c[0].ID()).Len() == 0 {
			continue
		}
		number++
		for _, n := range c {
			nodes[n.ID()].Community = number
		}
	}
	return number, community.Q(g, found, 1)
}
