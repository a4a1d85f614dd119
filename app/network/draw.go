package network

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/gonum/spatial/r2"

	"dossier/app/picture"
)

// Viewport is what part of the layout is drawn, at what size: Scale is
// pixels per layout unit, Centre the layout point at the middle.
type Viewport struct {
	Width, Height float64
	Scale         float64
	Centre        r2.Vec
}

// Fit is the viewport that shows every placed node of g, with room for
// labels and the key; a few actors are not spread across the page.
func Fit(g *Graph, l *Layout, width, height float64) Viewport {
	lo, hi := bounds(g, l)
	scale := math.Min((width-240)/math.Max(hi.X-lo.X, 1), (height-140)/math.Max(hi.Y-lo.Y, 1))
	return Viewport{Width: width, Height: height, Scale: math.Max(math.Min(scale, 260), 1), Centre: r2.Scale(0.5, r2.Add(lo, hi))}
}

func bounds(g *Graph, l *Layout) (lo, hi r2.Vec) {
	first := true
	for _, n := range g.Nodes {
		p := l.Pos[n.ID]
		if first {
			lo, hi, first = p, p, false
			continue
		}
		lo = r2.Vec{X: math.Min(lo.X, p.X), Y: math.Min(lo.Y, p.Y)}
		hi = r2.Vec{X: math.Max(hi.X, p.X), Y: math.Max(hi.Y, p.Y)}
	}
	return lo, hi
}

// Scene is a chart ready to draw: circles, lines and labels in pixels.
type Scene struct {
	Title         string
	Width, Height float64
	Nodes         []DrawnNode
	Links         []DrawnLink
	Hidden        int // links in view left out (only the strongest are drawn)
	scale         float64
	origin        r2.Vec
}

// DrawnNode is a node's circle and label.
type DrawnNode struct {
	Node    Node
	X, Y, R float64
	Fill    color.NRGBA
	Label   string
}

// DrawnLink is a link: one stroke per QuadClass it holds, side by side,
// and an arrowhead at the recipient.
type DrawnLink struct {
	Link    Link
	Strokes []Stroke
	Arrow   [3][2]float64
}

// Stroke is a straight line.
type Stroke struct {
	X1, Y1, X2, Y2, Width float64
	Color                 color.NRGBA
}

// Colours: QuadClass 1–4 (verbal and material cooperation in greens,
// verbal and material conflict in orange and red; grey when not known)
// and actor kinds.
var (
	QuadColours = [5]color.NRGBA{{0x9c, 0xa3, 0xaf, 0xff}, {0x4a, 0xde, 0x80, 0xff}, {0x15, 0x80, 0x3d, 0xff}, {0xf5, 0x9e, 0x0b, 0xff}, {0xdc, 0x26, 0x26, 0xff}}
	KindColours = map[string]color.NRGBA{
		"person": {0x60, 0xa5, 0xfa, 0xff}, "government": {0xa8, 0x55, 0xf7, 0xff}, "organisation": {0x14, 0xb8, 0xa6, 0xff},
		"armed group": {0xf9, 0x73, 0x16, 0xff}, "country": {0x94, 0xa3, 0xb8, 0xff},
	}
	otherColour = color.NRGBA{0xa3, 0xa3, 0xa3, 0xff}
)

// Draw makes the scene of g as laid out, through the viewport; nodes and
// links wholly outside it are left out. Circles are sized by events and
// coloured by kind.
func Draw(g *Graph, l *Layout, v Viewport, title string) Scene {
	return DrawStyled(g, l, v, title, Style{})
}

// DrawStyled is Draw with circles sized and coloured as the style says.
func DrawStyled(g *Graph, l *Layout, v Viewport, title string, style Style) Scene {
	s := Scene{Title: title, Width: v.Width, Height: v.Height, scale: v.Scale, origin: v.Centre}
	placed := make([]DrawnNode, len(g.Nodes))
	size := style.sizer(g)
	for i, n := range g.Nodes {
		x, y := s.Pixel(l.Pos[n.ID])
		placed[i] = DrawnNode{X: x, Y: y, R: size(n)}
		if s.visible(x, y, placed[i].R+200) {
			placed[i].Node, placed[i].Fill, placed[i].Label = n, style.fill(n), label(n)
			s.Nodes = append(s.Nodes, placed[i])
		}
	}
	var shown []int
	for i, ends := range g.ends {
		a, b := &placed[ends[0]], &placed[ends[1]]
		if s.visible(a.X, a.Y, 0) || s.visible(b.X, b.Y, 0) || s.crosses(*a, *b) {
			shown = append(shown, i)
		}
	}
	if len(shown) > MaxLinksDrawn { // the strongest links, the others said to be hidden
		sort.SliceStable(shown, func(i, j int) bool { return g.Links[shown[i]].Count() > g.Links[shown[j]].Count() })
		s.Hidden, shown = len(shown)-MaxLinksDrawn, shown[:MaxLinksDrawn]
		sort.Ints(shown)
	}
	for _, i := range shown {
		s.Links = append(s.Links, drawLink(g.Links[i], placed[g.ends[i][0]], placed[g.ends[i][1]]))
	}
	return s
}

// MaxLinksDrawn is how many links a scene draws at most: the strongest.
const MaxLinksDrawn = 1500

// Pixel is where a layout point falls in the scene.
func (s Scene) Pixel(p r2.Vec) (x, y float64) {
	return s.Width/2 + (p.X-s.origin.X)*s.scale, 20 + (s.Height-20)/2 + (p.Y-s.origin.Y)*s.scale
}

// Point is the layout point under a pixel.
func (s Scene) Point(x, y float64) r2.Vec {
	return r2.Vec{X: (x-s.Width/2)/s.scale + s.origin.X, Y: (y-20-(s.Height-20)/2)/s.scale + s.origin.Y}
}

func (s Scene) visible(x, y, margin float64) bool {
	return x >= -margin && x <= s.Width+margin && y >= -margin && y <= s.Height+margin
}

// crosses: a link between two nodes outside the scene may still pass
// through it (a rough test on its bounding box).
func (s Scene) crosses(a, b DrawnNode) bool {
	return math.Min(a.X, b.X) < s.Width && math.Max(a.X, b.X) > 0 && math.Min(a.Y, b.Y) < s.Height && math.Max(a.Y, b.Y) > 0
}

func radius(n Node) float64 { return math.Min(6+3*math.Sqrt(float64(n.Events)), 40) }

func kindColour(kind string) color.NRGBA {
	if c, ok := KindColours[kind]; ok {
		return c
	}
	return otherColour
}

// label is a node's name with its country code, or a country with how
// many actors it holds.
func label(n Node) string {
	if n.Kind == "country" {
		return fmt.Sprintf("%s · %d", n.Name, n.Members)
	}
	if n.Country != "" {
		return n.Name + " (" + strings.ToUpper(n.Country) + ")"
	}
	return n.Name
}

// LinkWidth is the stroke width for a number of events.
func LinkWidth(count int) float64 { return 1 + 1.5*math.Log2(1+float64(count)) }

// drawLink draws a link from the edge of one circle to the edge of the
// other, one stroke per QuadClass side by side.
func drawLink(lk Link, a, b DrawnNode) DrawnLink {
	dx, dy := b.X-a.X, b.Y-a.Y
	d := math.Max(math.Hypot(dx, dy), 1e-6)
	ux, uy := dx/d, dy/d
	x1, y1 := a.X+ux*a.R, a.Y+uy*a.R
	x2, y2 := b.X-ux*(b.R+2), b.Y-uy*(b.R+2)
	var quads []int
	total := 0.0
	for q := 1; q < len(lk.ByQuad); q++ {
		if lk.ByQuad[q] > 0 {
			quads = append(quads, q)
			total += LinkWidth(lk.ByQuad[q])
		}
	}
	if len(quads) == 0 && lk.ByQuad[0] > 0 {
		quads, total = []int{0}, LinkWidth(lk.ByQuad[0])
	}
	dl := DrawnLink{Link: lk}
	off := -total / 2 // strokes side by side across the line
	for _, q := range quads {
		w := LinkWidth(lk.ByQuad[q])
		o := off + w/2
		dl.Strokes = append(dl.Strokes, Stroke{X1: x1 - uy*o, Y1: y1 + ux*o, X2: x2 - uy*o, Y2: y2 + ux*o, Width: w, Color: QuadColours[q]})
		off += w
	}
	size := 6 + total/2
	dl.Arrow = [3][2]float64{{x2 + ux*2, y2 + uy*2}, {x2 - ux*size - uy*size/2, y2 - uy*size + ux*size/2}, {x2 - ux*size + uy*size/2, y2 - uy*size - ux*size/2}}
	return dl
}

// Labelled says which nodes' labels to draw so that none overlaps another
// (the biggest nodes first), for text of a size in pixels.
func (s Scene) Labelled(textSize float64) []bool {
	order := make([]int, len(s.Nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return s.Nodes[order[a]].R > s.Nodes[order[b]].R })
	type box struct{ x0, y0, x1, y1 float64 }
	var taken []box
	show := make([]bool, len(s.Nodes))
	for _, i := range order {
		n := s.Nodes[i]
		w := 0.55 * textSize * float64(utf8.RuneCountInString(n.Label))
		b := box{n.X - w/2, n.Y + n.R, n.X + w/2, n.Y + n.R + textSize*1.3}
		free := true
		for _, t := range taken {
			if b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1 {
				free = false
				break
			}
		}
		if free {
			taken = append(taken, b)
			show[i] = true
		}
	}
	return show
}

// NodeAt is the node whose circle holds a pixel.
func (s Scene) NodeAt(x, y float64) (DrawnNode, bool) {
	return picture.Topmost(s.Nodes, x, y, 2, func(n DrawnNode) (float64, float64, float64) { return n.X, n.Y, n.R })
}

// LinkAt is the link passing within a few pixels of a pixel.
func (s Scene) LinkAt(x, y float64) (DrawnLink, bool) {
	best, bestD := -1, 5.0
	for i, l := range s.Links {
		for _, st := range l.Strokes {
			if d := segmentDistance(x, y, st); d < bestD+st.Width/2 && d < bestD {
				best, bestD = i, d
			}
		}
	}
	if best < 0 {
		return DrawnLink{}, false
	}
	return s.Links[best], true
}

func segmentDistance(x, y float64, st Stroke) float64 {
	dx, dy := st.X2-st.X1, st.Y2-st.Y1
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Max(0, math.Min(1, ((x-st.X1)*dx+(y-st.Y1)*dy)/l2))
	}
	return math.Hypot(x-(st.X1+t*dx), y-(st.Y1+t*dy))
}
