package geomap

import (
	"image/color"
	"math"
	"sort"

	"dossier/app/picture"
	"dossier/data"
	"dossier/data/codebook"
)

// Spot is an event with a place on the map.
type Spot struct {
	ID, Type, Date string
	Place, Country string
	X, Y           float64 // map units
	Quad           int
	Killed         int
}

// Placed reports whether a place has coordinates a map can use (0, 0 is
// taken for none, as the gazetteer never gives it).
func Placed(l *data.Location) bool {
	return l != nil && (l.Lat != 0 || l.Lon != 0) && math.Abs(l.Lat) <= 90 && math.Abs(l.Lon) <= 180
}

// SpotOf is an event's spot, false when it has no coordinates.
func SpotOf(e *data.Event) (Spot, bool) {
	l := e.Location
	if !Placed(l) {
		return Spot{}, false
	}
	x, y := Project(Point{l.Lon, l.Lat})
	s := Spot{ID: e.ID, Type: e.Type, Date: e.Date.Start, Place: l.Name, Country: l.Country, X: x, Y: y, Quad: codebook.QuadClassOf(e.CAMEO, e.Type)}
	if e.Size.Fatalities != nil {
		s.Killed = *e.Size.Fatalities
	}
	return s, true
}

// Mark is a circle on the map: the spots that fall together at this zoom.
type Mark struct {
	X, Y, R float64 // pixels
	Fill    color.NRGBA
	Spots   []int // indices into the spots drawn
	Killed  int
	Quad    int // the QuadClass most of its events have
}

// Count is how many events the mark stands for.
func (m Mark) Count() int { return len(m.Spots) }

// Size choices: marks grow with their events or with their dead.
const (
	SizeEvents     = "events"
	SizeFatalities = "fatalities"
)

// QuadColours colour the marks as the link chart colours its links.
var QuadColours = [5]color.NRGBA{{0x6b, 0x72, 0x80, 0xff}, {0x22, 0xc5, 0x5e, 0xff}, {0x15, 0x80, 0x3d, 0xff}, {0xf5, 0x9e, 0x0b, 0xff}, {0xdc, 0x26, 0x26, 0xff}}

// markCell is the size, in pixels, of the squares within which spots are
// drawn as one mark: about the largest mark's width.
const markCell = 30

// radius is a mark's: 4 px for one event (or none killed), 6.5 from two
// (room for the count), 8.5 at 10, 13 at 100, at most 15.
func radius(v int) float64 {
	if v <= 1 {
		return 4
	}
	return math.Max(CountFrom, math.Min(15, 4+4.5*math.Log10(float64(v))))
}

// CountFrom is the radius from which a mark shows its count.
const CountFrom = 6.5

// group gathers the spots in view into marks: those within one square of
// markCell pixels become one mark at their mean position.
func group(spots []Spot, v Viewport, sizeBy string) []Mark {
	cols, rows := int(v.Width/markCell)+3, int(v.Height/markCell)+3
	index := make([]int32, cols*rows) // a cell's mark, plus one (0: none yet)
	var marks []Mark
	var sums [][2]float64
	var quads [][5]int
	for i, s := range spots {
		px, py := v.Pixel(s.X, s.Y)
		if px < -markCell || py < -markCell || px > v.Width+markCell || py > v.Height+markCell {
			continue
		}
		k := (int(px/markCell)+1)*rows + int(py/markCell) + 1 // from -1 to cols-2, rows-2
		j := int(index[k]) - 1
		if j < 0 {
			j = len(marks)
			index[k] = int32(j + 1)
			marks = append(marks, Mark{})
			sums = append(sums, [2]float64{})
			quads = append(quads, [5]int{})
		}
		m := &marks[j]
		m.Spots = append(m.Spots, i)
		m.Killed += s.Killed
		sums[j][0] += px
		sums[j][1] += py
		quads[j][s.Quad]++
	}
	for j := range marks {
		m := &marks[j]
		n := float64(len(m.Spots))
		m.X, m.Y = sums[j][0]/n, sums[j][1]/n
		m.Quad = dominant(quads[j])
		m.Fill = QuadColours[m.Quad]
		if sizeBy == SizeFatalities {
			m.R = radius(m.Killed)
		} else {
			m.R = radius(len(m.Spots))
		}
	}
	// the larger marks drawn last, over the smaller
	sort.SliceStable(marks, func(a, b int) bool { return marks[a].R < marks[b].R })
	return marks
}

// dominant is the QuadClass with most events (a known one over unknown).
func dominant(q [5]int) int {
	best := 0
	for i := 1; i < len(q); i++ {
		if q[i] > q[best] || best == 0 && q[i] > 0 {
			best = i
		}
	}
	return best
}

// MarkAt is the topmost mark under a pixel.
func (s Scene) MarkAt(x, y float64) (Mark, bool) {
	return picture.Topmost(s.Marks, x, y, 3, func(m Mark) (float64, float64, float64) { return m.X, m.Y, m.R })
}
