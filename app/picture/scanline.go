package picture

import (
	"image"
	"math"
	"slices"
)

// Scanlines fills polygons into a coverage mask by the even-odd rule, row
// by row: where each row of pixel centres crosses the polygons' edges, and
// the spans between. Its work grows with the edges' height and the area
// filled, not with the picture's size twice over as a rasterizer's does;
// its edges are not anti-aliased, so it suits shapes whose outlines are
// drawn over them (the map's land under its coasts and borders).
type Scanlines struct {
	rows [][]float32
}

// Reset readies it for a mask of height rows.
func (s *Scanlines) Reset(height int) {
	if cap(s.rows) < height {
		s.rows = make([][]float32, height)
	}
	s.rows = s.rows[:height]
	for i := range s.rows {
		s.rows[i] = s.rows[i][:0]
	}
}

// Add adds a closed polygon's edges.
func (s *Scanlines) Add(poly [][2]float64) {
	n := len(poly)
	for i := range n {
		a, b := poly[i], poly[(i+1)%n]
		if a[1] == b[1] {
			continue
		}
		if a[1] > b[1] {
			a, b = b, a
		}
		// rows whose centre y+0.5 is in [a.y, b.y)
		first := max(0, int(math.Ceil(a[1]-0.5)))
		last := min(len(s.rows)-1, int(math.Ceil(b[1]-0.5))-1)
		slope := (b[0] - a[0]) / (b[1] - a[1])
		for y := first; y <= last; y++ {
			s.rows[y] = append(s.rows[y], float32(a[0]+(float64(y)+0.5-a[1])*slope))
		}
	}
}

// Fill sets the mask's pixels inside the polygons to full coverage.
func (s *Scanlines) Fill(m *image.Alpha) {
	w := m.Rect.Dx()
	for y, xs := range s.rows {
		if len(xs) < 2 || y >= m.Rect.Dy() {
			continue
		}
		slices.Sort(xs)
		row := m.Pix[y*m.Stride : y*m.Stride+w]
		for i := 0; i+1 < len(xs); i += 2 {
			x0 := max(0, int(math.Round(float64(xs[i]))))
			x1 := min(w, int(math.Round(float64(xs[i+1]))))
			for x := x0; x < x1; x++ {
				row[x] = 0xff
			}
		}
	}
}
