package geomap

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/font"

	"dossier/app/picture"
	"dossier/data/codebook"
)

// The map's colours: sea, land, borders, labels.
var (
	Sea       = color.NRGBA{0xdc, 0xe8, 0xf2, 0xff}
	Land      = color.NRGBA{0xf7, 0xf4, 0xec, 0xff}
	Border    = color.NRGBA{0xa8, 0xa2, 0x96, 0xff}
	LabelInk  = color.NRGBA{0x4b, 0x55, 0x63, 0xff}
	TownInk   = color.NRGBA{0x1f, 0x29, 0x37, 0xff}
	titleInk  = color.NRGBA{0x11, 0x18, 0x27, 0xff}
	markEdges = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// Base draws the sea, the land and the borders of the scene: the picture
// under the marks and labels.
func (s Scene) Base() *image.NRGBA { return new(Painter).Paint(s) }

// Painter draws scenes' land over and over, keeping its buffers between
// pictures of one size (a window redrawing as the analyst pans): the land
// is filled row by row into a coverage mask, the coasts and borders drawn
// as anti-aliased hairlines into another (they smooth the land's edges),
// and both laid over the sea in one pass.
type Painter struct {
	land       picture.Scanlines
	landMask   *image.Alpha
	borderMask *image.Alpha
	img        *image.NRGBA
}

// Paint draws the scene's sea, land and borders into the painter's
// picture (the same one each time, while the size stays the same).
func (pt *Painter) Paint(s Scene) *image.NRGBA {
	w, h := max(1, int(math.Ceil(s.View.Width))), max(1, int(math.Ceil(s.View.Height)))
	rect := image.Rect(0, 0, w, h)
	if pt.img == nil || pt.img.Rect != rect {
		pt.landMask, pt.borderMask, pt.img = image.NewAlpha(rect), image.NewAlpha(rect), image.NewNRGBA(rect)
	} else {
		clear(pt.landMask.Pix)
		clear(pt.borderMask.Pix)
	}
	pt.land.Reset(h)
	strength := 0.7
	if s.View.Zoom() >= fineFrom {
		strength = 0.9
	}
	s.Rings(func(_ *Country, ring [][2]float64) {
		if len(ring) < 3 {
			return
		}
		pt.land.Add(ring)
		for i := 1; i < len(ring); i++ {
			a, b := ring[i-1], ring[i]
			if math.Max(a[0], b[0]) < 0 || math.Max(a[1], b[1]) < 0 || math.Min(a[0], b[0]) > s.View.Width || math.Min(a[1], b[1]) > s.View.Height {
				continue
			}
			picture.HairLine(pt.borderMask, a[0], a[1], b[0], b[1], strength)
		}
	})
	pt.land.Fill(pt.landMask)
	var ground [256][3]uint32 // sea to land by the land's coverage
	var packed [256]uint32    // the same as little-endian RGBA
	for l := range ground {
		t := uint32(l)
		ground[l] = [3]uint32{(uint32(Sea.R)*(255-t) + uint32(Land.R)*t) / 255, (uint32(Sea.G)*(255-t) + uint32(Land.G)*t) / 255, (uint32(Sea.B)*(255-t) + uint32(Land.B)*t) / 255}
		packed[l] = ground[l][0] | ground[l][1]<<8 | ground[l][2]<<16 | 0xff<<24
	}
	br, bg, bb := uint32(Border.R), uint32(Border.G), uint32(Border.B)
	pix, borders := pt.img.Pix, pt.borderMask.Pix
	for i, l := range pt.landMask.Pix {
		t := uint32(borders[i])
		if t == 0 {
			binary.LittleEndian.PutUint32(pix[4*i:], packed[l])
			continue
		}
		g, p := ground[l], pix[4*i:4*i+4:4*i+4]
		p[0], p[1], p[2], p[3] = uint8((g[0]*(255-t)+br*t)/255), uint8((g[1]*(255-t)+bg*t)/255), uint8((g[2]*(255-t)+bb*t)/255), 0xff
	}
	return pt.img
}

// WritePNG draws the whole scene as a PNG image: the map, the marks with
// their counts, the labels, the title and a key to the colours.
func WritePNG(w io.Writer, s Scene) error {
	img := s.Base()
	face, err := picture.Face(LabelSize)
	if err != nil {
		return err
	}
	title, err := picture.Face(16)
	if err != nil {
		return err
	}
	for _, l := range s.Labels {
		ink := LabelInk
		x := l.X - float64(font.MeasureString(face, l.Text).Ceil())/2
		if l.Town {
			picture.Fill(img, TownInk, picture.Circle(l.X, l.Y, 2))
			ink, x = TownInk, l.X+5
		}
		picture.Text(img, face, ink, l.Text, int(x), int(l.Y+LabelSize/2-1))
	}
	for _, m := range s.Marks {
		picture.Fill(img, markEdges, picture.Circle(m.X, m.Y, m.R+1.5))
		fill := m.Fill
		fill.A = 0xe0
		picture.Fill(img, fill, picture.Circle(m.X, m.Y, m.R))
		if m.Count() > 1 && m.R >= CountFrom {
			n := strconv.Itoa(m.Count())
			picture.Text(img, face, color.White, n, int(m.X)-font.MeasureString(face, n).Ceil()/2, int(m.Y+4))
		}
	}
	picture.Fill(img, color.NRGBA{0xff, 0xff, 0xff, 0xd8}, [][2]float64{{0, 0}, {s.View.Width, 0}, {s.View.Width, 34}, {0, 34}})
	picture.Text(img, title, titleInk, s.Title, 12, 24)
	for q := 1; q < len(QuadColours); q++ {
		y := s.View.Height - 12 - float64(4-q)*16
		picture.Fill(img, QuadColours[q], picture.Circle(18, y-3, 5))
		picture.Text(img, face, titleInk, codebook.QuadClassNames[q], 30, int(y+1))
	}
	return png.Encode(w, img)
}

// WriteSVG writes the same picture as SVG: the countries as paths, then
// the labels, the marks, the title and the key.
func WriteSVG(out io.Writer, s Scene) error {
	b := bufio.NewWriter(out)
	W, H := s.View.Width, s.View.Height
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="DejaVu Sans, Arial, sans-serif">`+"\n", W, H, W, H)
	fmt.Fprintf(b, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", picture.Hex(Sea))
	fmt.Fprintf(b, `<g fill="%s" stroke="%s" stroke-width="0.7" stroke-linejoin="round">`+"\n", picture.Hex(Land), picture.Hex(Border))
	var last *Country
	var d strings.Builder
	flush := func() {
		if last != nil && d.Len() > 0 {
			fmt.Fprintf(b, `<path d="%s"><title>%s</title></path>`+"\n", d.String(), html.EscapeString(last.Name))
		}
		d.Reset()
	}
	s.Rings(func(c *Country, ring [][2]float64) {
		if c != last {
			flush()
			last = c
		}
		for i, p := range ring {
			if i == 0 {
				fmt.Fprintf(&d, "M%.1f %.1f", p[0], p[1])
			} else {
				fmt.Fprintf(&d, "L%.1f %.1f", p[0], p[1])
			}
		}
		d.WriteString("Z")
	})
	flush()
	b.WriteString("</g>\n")
	for _, l := range s.Labels {
		if l.Town {
			fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="2" fill="%s"/><text x="%.1f" y="%.1f" font-size="%d" fill="%s">%s</text>`+"\n",
				l.X, l.Y, picture.Hex(TownInk), l.X+5, l.Y+4, LabelSize, picture.Hex(TownInk), html.EscapeString(l.Text))
			continue
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%d" fill="%s" text-anchor="middle">%s</text>`+"\n", l.X, l.Y+4, LabelSize, picture.Hex(LabelInk), html.EscapeString(l.Text))
	}
	for _, m := range s.Marks {
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" fill-opacity="0.88" stroke="#ffffff" stroke-width="1.5"><title>%s</title></circle>`+"\n",
			m.X, m.Y, m.R, picture.Hex(m.Fill), html.EscapeString(strings.Join(s.Describe(m), "\n")))
		if m.Count() > 1 && m.R >= CountFrom {
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%d" fill="#ffffff" text-anchor="middle">%d</text>`+"\n", m.X, m.Y+4, LabelSize, m.Count())
		}
	}
	fmt.Fprintf(b, `<rect width="100%%" height="34" fill="#ffffff" fill-opacity="0.85"/><text x="12" y="24" font-size="16" font-weight="bold" fill="%s">%s</text>`+"\n", picture.Hex(titleInk), html.EscapeString(s.Title))
	for q := 1; q < len(QuadColours); q++ {
		y := H - 12 - float64(4-q)*16
		fmt.Fprintf(b, `<circle cx="18" cy="%.0f" r="5" fill="%s"/><text x="30" y="%.0f" font-size="11" fill="%s">%s</text>`+"\n", y-3, picture.Hex(QuadColours[q]), y+1, picture.Hex(titleInk), codebook.QuadClassNames[q])
	}
	b.WriteString("</svg>\n")
	return b.Flush()
}
