package network

import (
	"bufio"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"dossier/data/codebook"
)

// WriteSVG writes the scene as an SVG picture: a title, the links (one
// stroke per QuadClass, an arrowhead at the recipient), the nodes with
// their labels, and a key to the colours.
func WriteSVG(w io.Writer, s Scene) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="DejaVu Sans, Arial, sans-serif">`+"\n", s.Width, s.Height, s.Width, s.Height)
	fmt.Fprintf(b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(b, `<text x="12" y="24" font-size="16" font-weight="bold" fill="#111827">%s</text>`+"\n", html.EscapeString(s.Title))
	for _, l := range s.Links {
		for _, st := range l.Strokes {
			fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f" stroke-opacity="0.85" stroke-linecap="round"/>`+"\n",
				st.X1, st.Y1, st.X2, st.Y2, hex(st.Color), st.Width)
		}
		a := l.Arrow
		fmt.Fprintf(b, `<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s"/>`+"\n", a[0][0], a[0][1], a[1][0], a[1][1], a[2][0], a[2][1], hex(l.Strokes[len(l.Strokes)-1].Color))
	}
	labelled := s.Labelled(11)
	for i, n := range s.Nodes {
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#ffffff" stroke-width="1.5"/>`+"\n", n.X, n.Y, n.R, hex(n.Fill))
		if labelled[i] {
			w := 0.6 * 11 * float64(utf8.RuneCountInString(n.Label))
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="15" rx="3" fill="#ffffff" fill-opacity="0.85"/>`+"\n", n.X-w/2-3, n.Y+n.R+1, w+6)
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="11" fill="#111827" text-anchor="middle">%s</text>`+"\n", n.X, n.Y+n.R+12, html.EscapeString(n.Label))
		}
	}
	for q := 1; q < len(QuadColours); q++ {
		y := s.Height - 12 - float64(4-q)*16
		fmt.Fprintf(b, `<rect x="12" y="%.0f" width="18" height="6" fill="%s"/><text x="36" y="%.0f" font-size="11" fill="#374151">%s</text>`+"\n", y-6, hex(QuadColours[q]), y, codebook.QuadClassNames[q])
	}
	b.WriteString("</svg>\n")
	return b.Flush()
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// WritePNG draws the scene as a PNG image, the same picture as WriteSVG.
func WritePNG(w io.Writer, s Scene) error {
	width, height := int(math.Ceil(s.Width)), int(math.Ceil(s.Height))
	img := image.NewNRGBA(image.Rect(0, 0, width, height))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	face, err := labelFace(11)
	if err != nil {
		return err
	}
	titleFace, err := labelFace(16)
	if err != nil {
		return err
	}
	for _, l := range s.Links {
		for _, st := range l.Strokes {
			c := st.Color
			c.A = 0xd8
			fill(img, c, thickLine(st))
		}
		a := l.Arrow
		fill(img, l.Strokes[len(l.Strokes)-1].Color, [][2]float64{a[0], a[1], a[2]})
	}
	for _, n := range s.Nodes {
		fill(img, color.NRGBA{0xff, 0xff, 0xff, 0xff}, circle(n.X, n.Y, n.R+1.5))
		fill(img, n.Fill, circle(n.X, n.Y, n.R))
	}
	dark := image.NewUniform(color.NRGBA{0x11, 0x18, 0x27, 0xff})
	labelled := s.Labelled(11)
	for i, n := range s.Nodes {
		if labelled[i] {
			width := float64(font.MeasureString(face, n.Label).Ceil())
			x0, y0 := n.X-width/2-3, n.Y+n.R+1
			fill(img, labelBackground, [][2]float64{{x0, y0}, {x0 + width + 6, y0}, {x0 + width + 6, y0 + 15}, {x0, y0 + 15}})
			text(img, face, dark, n.Label, int(n.X-width/2), int(n.Y+n.R+12))
		}
	}
	text(img, titleFace, dark, s.Title, 12, 24)
	for q := 1; q < len(QuadColours); q++ {
		y := s.Height - 12 - float64(4-q)*16
		fill(img, QuadColours[q], [][2]float64{{12, y - 6}, {30, y - 6}, {30, y}, {12, y}})
		text(img, face, image.NewUniform(color.NRGBA{0x37, 0x41, 0x51, 0xff}), codebook.QuadClassNames[q], 36, int(y))
	}
	return png.Encode(w, img)
}

// labelBackground keeps a label legible over the links behind it.
var labelBackground = color.NRGBA{0xff, 0xff, 0xff, 0xd8}

// labelFace is Go's own sans-serif font (BSD licence) at a size.
func labelFace(size float64) (font.Face, error) {
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

func text(img draw.Image, face font.Face, c image.Image, s string, x, y int) {
	d := font.Drawer{Dst: img, Src: c, Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// fill paints a polygon, anti-aliased, rasterizing only its bounding box.
func fill(img *image.NRGBA, c color.NRGBA, poly [][2]float64) {
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
	r.MoveTo(float32(poly[0][0])-float32(box.Min.X), float32(poly[0][1])-float32(box.Min.Y))
	for _, p := range poly[1:] {
		r.LineTo(float32(p[0])-float32(box.Min.X), float32(p[1])-float32(box.Min.Y))
	}
	r.ClosePath()
	r.Draw(img, box, image.NewUniform(c), box.Min)
}

// thickLine is a stroke as a four-cornered polygon.
func thickLine(st Stroke) [][2]float64 {
	dx, dy := st.X2-st.X1, st.Y2-st.Y1
	d := math.Max(math.Hypot(dx, dy), 1e-6)
	nx, ny := -dy/d*st.Width/2, dx/d*st.Width/2
	return [][2]float64{{st.X1 + nx, st.Y1 + ny}, {st.X2 + nx, st.Y2 + ny}, {st.X2 - nx, st.Y2 - ny}, {st.X1 - nx, st.Y1 - ny}}
}

func circle(x, y, r float64) [][2]float64 {
	const steps = 32
	out := make([][2]float64, steps)
	for i := range out {
		a := 2 * math.Pi * float64(i) / steps
		out[i] = [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	return out
}
