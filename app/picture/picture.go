// Package picture holds the drawing the exported pictures share (the link
// chart, the map): anti-aliased polygons, circles, thick lines and text in
// Go's own font, onto an NRGBA image, without a window.
package picture

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Hex is a colour as SVG writes it: "#rrggbb".
func Hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Face is Go's own sans-serif font (BSD licence) at a size.
func Face(size float64) (font.Face, error) {
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// Text draws s with its baseline starting at x, y.
func Text(img draw.Image, face font.Face, c color.Color, s string, x, y int) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// Fill paints a polygon, anti-aliased, rasterizing only its bounding box.
func Fill(img *image.NRGBA, c color.NRGBA, poly [][2]float64) {
	if len(poly) < 3 {
		return
	}
	x0, y0, x1, y1 := poly[0][0], poly[0][1], poly[0][0], poly[0][1]
	for _, p := range poly {
		x0, y0, x1, y1 = math.Min(x0, p[0]), math.Min(y0, p[1]), math.Max(x1, p[0]), math.Max(y1, p[1])
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1))+1, int(math.Ceil(y1))+1).Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	r := vector.NewRasterizer(box.Dx(), box.Dy())
	path(r, poly, float32(box.Min.X), float32(box.Min.Y))
	r.Draw(img, box, image.NewUniform(c), box.Min)
}

// path adds a closed polygon to a rasterizer whose origin is at ox, oy.
func path(r *vector.Rasterizer, poly [][2]float64, ox, oy float32) {
	r.MoveTo(float32(poly[0][0])-ox, float32(poly[0][1])-oy)
	for _, p := range poly[1:] {
		r.LineTo(float32(p[0])-ox, float32(p[1])-oy)
	}
	r.ClosePath()
}

// ThickLine is a stroke from x1, y1 to x2, y2 as a four-cornered polygon.
func ThickLine(x1, y1, x2, y2, width float64) [][2]float64 {
	dx, dy := x2-x1, y2-y1
	d := math.Max(math.Hypot(dx, dy), 1e-6)
	nx, ny := -dy/d*width/2, dx/d*width/2
	return [][2]float64{{x1 + nx, y1 + ny}, {x2 + nx, y2 + ny}, {x2 - nx, y2 - ny}, {x1 - nx, y1 - ny}}
}

// Circle is a circle as a 32-sided polygon.
func Circle(x, y, r float64) [][2]float64 {
	const steps = 32
	out := make([][2]float64, steps)
	for i := range out {
		a := 2 * math.Pi * float64(i) / steps
		out[i] = [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	return out
}

// Blank is a white picture of a size.
func Blank(width, height int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, width, height))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	return img
}

// HairLine draws an anti-aliased line about a pixel wide into a coverage
// mask (Xiaolin Wu's algorithm, at strength 0–1), keeping the stronger
// coverage where lines cross: its work grows with the line's length, not
// with the picture's size, as a rasterizer's does.
func HairLine(m *image.Alpha, x0, y0, x1, y1, strength float64) {
	plot := func(x, y int, c float64) {
		if !(image.Point{x, y}.In(m.Rect)) {
			return
		}
		i := m.PixOffset(x, y)
		if v := uint8(math.Min(255, c*strength*255)); v > m.Pix[i] {
			m.Pix[i] = v
		}
	}
	steep := math.Abs(y1-y0) > math.Abs(x1-x0)
	if steep {
		x0, y0, x1, y1 = y0, x0, y1, x1
	}
	if x0 > x1 {
		x0, x1, y0, y1 = x1, x0, y1, y0
	}
	dx := x1 - x0
	gradient := 1.0
	if dx > 1e-9 {
		gradient = (y1 - y0) / dx
	}
	put := func(x int, y float64) {
		fy := math.Floor(y)
		f := y - fy
		if steep {
			plot(int(fy), x, 1-f)
			plot(int(fy)+1, x, f)
		} else {
			plot(x, int(fy), 1-f)
			plot(x, int(fy)+1, f)
		}
	}
	start, end := int(math.Round(x0)), int(math.Round(x1))
	y := y0 + gradient*(float64(start)-x0)
	for x := start; x <= end; x++ {
		put(x, y)
		y += gradient
	}
}

// Topmost is the last of items (drawn last, so on top) whose circle,
// widened by slack, holds the pixel x, y.
func Topmost[T any](items []T, x, y, slack float64, circle func(T) (cx, cy, r float64)) (T, bool) {
	for i := len(items) - 1; i >= 0; i-- {
		if cx, cy, r := circle(items[i]); math.Hypot(x-cx, y-cy) <= r+slack {
			return items[i], true
		}
	}
	var none T
	return none, false
}
