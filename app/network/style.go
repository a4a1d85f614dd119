package network

import (
	"hash/fnv"
	"image/color"
	"math"
)

// What a chart's circles can be sized and coloured by.
const (
	SizeEvents      = "events"
	SizeDegree      = "degree"
	SizeBetweenness = "betweenness"
	SizePageRank    = "PageRank"

	ColourKind      = "kind"
	ColourCountry   = "country"
	ColourCommunity = "community"
)

// Sizes and Colours are the choices, in the order the window offers them.
var (
	Sizes   = []string{SizeEvents, SizeDegree, SizeBetweenness, SizePageRank}
	Colours = []string{ColourKind, ColourCountry, ColourCommunity}
)

// Style is how a chart sizes and colours its circles: by events and by
// kind unless told otherwise. The other choices need the nodes' measures;
// a node without them (a country standing for its actors) keeps the
// defaults.
type Style struct {
	SizeBy, ColourBy string
	Measures         func(id string) (Measures, bool)
}

// NeedsMeasures reports whether the style sizes or colours by a measure.
func (s Style) NeedsMeasures() bool {
	return s.SizeBy == SizeDegree || s.SizeBy == SizeBetweenness || s.SizeBy == SizePageRank || s.ColourBy == ColourCommunity
}

// Palette colours countries and communities: twelve that tell apart on
// white.
var Palette = []color.NRGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff}, {0xd6, 0x27, 0x28, 0xff},
	{0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff}, {0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff},
	{0xbc, 0xbd, 0x22, 0xff}, {0x17, 0xbe, 0xcf, 0xff}, {0x39, 0x3b, 0x79, 0xff}, {0xad, 0x49, 0x4a, 0xff},
}

// sizer is a style's radius of each node of one graph, scaled to the
// graph's largest value.
func (s Style) sizer(g *Graph) func(Node) float64 {
	value := s.value()
	if value == nil || s.Measures == nil {
		return radius
	}
	top := 0.0
	for _, n := range g.Nodes {
		if m, ok := s.Measures(n.ID); ok {
			top = math.Max(top, value(m))
		}
	}
	return func(n Node) float64 {
		m, ok := s.Measures(n.ID)
		if !ok {
			return radius(n)
		}
		if top == 0 {
			return 6
		}
		return 6 + 30*math.Sqrt(value(m)/top)
	}
}

func (s Style) value() func(Measures) float64 {
	switch s.SizeBy {
	case SizeDegree:
		return func(m Measures) float64 { return float64(m.In + m.Out) }
	case SizeBetweenness:
		return func(m Measures) float64 { return m.Betweenness }
	case SizePageRank:
		return func(m Measures) float64 { return m.PageRank }
	}
	return nil
}

// fill is a node's colour in the style.
func (s Style) fill(n Node) color.NRGBA {
	switch s.ColourBy {
	case ColourCountry:
		if n.Country == "" {
			return otherColour
		}
		h := fnv.New32a()
		h.Write([]byte(n.Country))
		return Palette[h.Sum32()%uint32(len(Palette))]
	case ColourCommunity:
		if s.Measures == nil {
			break
		}
		if m, ok := s.Measures(n.ID); ok {
			if m.Community == 0 {
				return otherColour
			}
			return Palette[(m.Community-1)%len(Palette)]
		}
	}
	return kindColour(n.Kind)
}
