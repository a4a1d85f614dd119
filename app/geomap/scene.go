package geomap

import (
	"math"
	"sync"
	"unicode/utf8"

	"dossier/data/codebook"
)

// Scene is a map ready to draw: the view, the countries of the resolution
// that suits it, the marks and the labels that fit.
type Scene struct {
	Title  string
	View   Viewport
	World  *World
	Spots  []Spot // the spots drawn, which the marks index
	Marks  []Mark
	Labels []Label
}

// Label is a country's name or a town's (with a dot at the town).
type Label struct {
	Text string
	X, Y float64 // pixels: the middle of a country's name, a town's dot
	Town bool
}

// LabelSize is the labels' text size in pixels, the same at every zoom.
const LabelSize = 11

// fineFrom is the zoom from which the 1:50m countries are drawn.
const fineFrom = 3

// Draw makes the scene of the spots through the view, the marks sized by
// events or fatalities.
func Draw(spots []Spot, v Viewport, sizeBy, title string) (Scene, error) {
	coarse, fine, err := Worlds()
	if err != nil {
		return Scene{}, err
	}
	w := coarse
	if v.Zoom() >= fineFrom {
		w = fine
	}
	s := Scene{Title: title, View: v, World: w, Spots: spots, Marks: group(spots, v, sizeBy)}
	s.Labels = labels(w, v)
	return s, nil
}

// textWidth is about how wide a label is at LabelSize.
func textWidth(s string) float64 { return 0.58 * LabelSize * float64(utf8.RuneCountInString(s)) }

// labels are the country names whose land is wide enough for them and,
// closer in, the largest towns, none over another.
func labels(w *World, v Viewport) []Label {
	var out []Label
	var taken [][4]float64
	free := func(b [4]float64) bool {
		if b[0] < 0 || b[1] < 0 || b[2] > v.Width || b[3] > v.Height {
			return false
		}
		for _, t := range taken {
			if b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1] {
				return false
			}
		}
		return true
	}
	for _, i := range w.largestFirst {
		c := w.Countries[i]
		wide := (c.box[2] - c.box[0]) * v.Scale
		tw := textWidth(c.Name)
		if c.Name == "" || wide < 0.7*tw {
			continue
		}
		x, y := v.Pixel(c.label[0], c.label[1])
		if b := [4]float64{x - tw/2 - 2, y - LabelSize/2 - 1, x + tw/2 + 2, y + LabelSize/2 + 1}; free(b) {
			taken = append(taken, b)
			out = append(out, Label{Text: c.Name, X: x, Y: y})
		}
	}
	if v.Zoom() < 2 {
		return out
	}
	for _, t := range towns() {
		x, y := v.Pixel(t.x, t.y)
		b := [4]float64{x - 3, y - LabelSize/2 - 1, x + 6 + textWidth(t.name), y + LabelSize/2 + 1}
		if free(b) {
			taken = append(taken, b)
			out = append(out, Label{Text: t.name, X: x, Y: y, Town: true})
		}
		if len(out) > 160 {
			break
		}
	}
	return out
}

type town struct {
	name string
	x, y float64
}

var (
	townsOnce sync.Once
	townList  []town
)

// towns are the 400 largest towns of the gazetteer, largest first.
func towns() []town {
	townsOnce.Do(func() {
		for _, p := range codebook.LargestPlaces(400) {
			x, y := Project(Point{p.Lon, p.Lat})
			townList = append(townList, town{p.Name, x, y})
		}
	})
	return townList
}

// inView reports whether a box in map units meets the view.
func (s Scene) inView(b [4]float64) bool {
	x0, y0 := s.View.Pixel(b[0], b[1])
	x1, y1 := s.View.Pixel(b[2], b[3])
	return x1 >= 0 && y1 >= 0 && x0 <= s.View.Width && y0 <= s.View.Height && math.Max(x1-x0, y1-y0) >= 0.5
}

// Rings calls fn with each country ring that meets the view, in pixels.
func (s Scene) Rings(fn func(c *Country, ring [][2]float64)) {
	buf := make([][2]float64, 0, 4096)
	for i := range s.World.Countries {
		c := &s.World.Countries[i]
		if !s.inView(c.box) {
			continue
		}
		for k, r := range c.rings {
			if !s.inView(c.boxes[k]) {
				continue
			}
			buf = buf[:0]
			for _, p := range r {
				x, y := s.View.Pixel(p[0], p[1])
				buf = append(buf, [2]float64{x, y})
			}
			fn(c, buf)
		}
	}
}
