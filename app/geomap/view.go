package geomap

import "math"

// Viewport is the part of the map a picture shows: its size in pixels,
// the map point at its centre (map units, see Project) and the zoom in
// pixels per map unit (the whole world is one unit wide).
type Viewport struct {
	Width, Height float64
	X, Y          float64
	Scale         float64
}

// Pixel is where a map point falls in the picture.
func (v Viewport) Pixel(x, y float64) (float64, float64) {
	return v.Width/2 + (x-v.X)*v.Scale, v.Height/2 + (y-v.Y)*v.Scale
}

// Unit is the map point under a pixel.
func (v Viewport) Unit(px, py float64) (float64, float64) {
	return v.X + (px-v.Width/2)/v.Scale, v.Y + (py-v.Height/2)/v.Scale
}

// WholeWorld is the inhabited world, 80°N to 60°S, in a picture of a size.
func WholeWorld(width, height float64) Viewport {
	_, top := Project(Point{0, 80})
	_, bottom := Project(Point{0, -60})
	scale := math.Min(width, height/(bottom-top))
	return Viewport{Width: width, Height: height, X: 0.5, Y: (top + bottom) / 2, Scale: scale}
}

// Fit is the view that shows every point (map units) with a margin; the
// whole world when there is none, and no closer than a few hundred
// kilometres around a single place.
func Fit(points [][2]float64, width, height float64) Viewport {
	if len(points) == 0 {
		return WholeWorld(width, height)
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range points {
		x0, y0, x1, y1 = math.Min(x0, p[0]), math.Min(y0, p[1]), math.Max(x1, p[0]), math.Max(y1, p[1])
	}
	span := math.Max(math.Max(x1-x0, y1-y0), 0.01)
	scale := 0.8 * math.Min(width/math.Max(x1-x0, span/2), height/math.Max(y1-y0, span/2))
	v := Viewport{Width: width, Height: height, X: (x0 + x1) / 2, Y: (y0 + y1) / 2, Scale: scale}
	return v.clamp()
}

// ZoomAbout zooms by factor keeping the map point under px, py in place.
func (v Viewport) ZoomAbout(px, py, factor float64) Viewport {
	x, y := v.Unit(px, py)
	v.Scale *= factor
	v = v.clamp()
	v.X, v.Y = x-(px-v.Width/2)/v.Scale, y-(py-v.Height/2)/v.Scale
	return v
}

// Pan moves the map by dx, dy pixels.
func (v Viewport) Pan(dx, dy float64) Viewport {
	v.X, v.Y = v.X-dx/v.Scale, v.Y-dy/v.Scale
	v.X, v.Y = math.Max(0, math.Min(1, v.X)), math.Max(0, math.Min(1, v.Y))
	return v
}

// clamp keeps the zoom between the whole world and a town.
func (v Viewport) clamp() Viewport {
	least := WholeWorld(v.Width, v.Height).Scale / 2
	v.Scale = math.Max(least, math.Min(v.Scale, least*8192))
	return v
}

// Zoom is how far in the view is, 1 for the whole world.
func (v Viewport) Zoom() float64 { return v.Scale / WholeWorld(v.Width, v.Height).Scale }
