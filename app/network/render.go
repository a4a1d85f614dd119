package network

import (
	"bufio"
	"fmt"
	"html"
	"image/color"
	"image/png"
	"io"
	"math"
	"unicode/utf8"

	"golang.org/x/image/font"

	"dossier/app/picture"
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
				st.X1, st.Y1, st.X2, st.Y2, picture.Hex(st.Color), st.Width)
		}
		a := l.Arrow
		fmt.Fprintf(b, `<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s"/>`+"\n", a[0][0], a[0][1], a[1][0], a[1][1], a[2][0], a[2][1], picture.Hex(l.Strokes[len(l.Strokes)-1].Color))
	}
	labelled := s.Labelled(11)
	for i, n := range s.Nodes {
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#ffffff" stroke-width="1.5"/>`+"\n", n.X, n.Y, n.R, picture.Hex(n.Fill))
		if labelled[i] {
			w := 0.6 * 11 * float64(utf8.RuneCountInString(n.Label))
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="15" rx="3" fill="#ffffff" fill-opacity="0.85"/>`+"\n", n.X-w/2-3, n.Y+n.R+1, w+6)
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="11" fill="#111827" text-anchor="middle">%s</text>`+"\n", n.X, n.Y+n.R+12, html.EscapeString(n.Label))
		}
	}
	for q := 1; q < len(QuadColours); q++ {
		y := s.Height - 12 - float64(4-q)*16
		fmt.Fprintf(b, `<rect x="12" y="%.0f" width="18" height="6" fill="%s"/><text x="36" y="%.0f" font-size="11" fill="#374151">%s</text>`+"\n", y-6, picture.Hex(QuadColours[q]), y, codebook.QuadClassNames[q])
	}
	b.WriteString("</svg>\n")
	return b.Flush()
}

// WritePNG draws the scene as a PNG image, the same picture as WriteSVG.
func WritePNG(w io.Writer, s Scene) error {
	img := picture.Blank(int(math.Ceil(s.Width)), int(math.Ceil(s.Height)))
	face, err := picture.Face(11)
	if err != nil {
		return err
	}
	titleFace, err := picture.Face(16)
	if err != nil {
		return err
	}
	for _, l := range s.Links {
		for _, st := range l.Strokes {
			c := st.Color
			c.A = 0xd8
			picture.Fill(img, c, picture.ThickLine(st.X1, st.Y1, st.X2, st.Y2, st.Width))
		}
		a := l.Arrow
		picture.Fill(img, l.Strokes[len(l.Strokes)-1].Color, [][2]float64{a[0], a[1], a[2]})
	}
	for _, n := range s.Nodes {
		picture.Fill(img, color.NRGBA{0xff, 0xff, 0xff, 0xff}, picture.Circle(n.X, n.Y, n.R+1.5))
		picture.Fill(img, n.Fill, picture.Circle(n.X, n.Y, n.R))
	}
	dark := color.NRGBA{0x11, 0x18, 0x27, 0xff}
	labelled := s.Labelled(11)
	for i, n := range s.Nodes {
		if labelled[i] {
			width := float64(font.MeasureString(face, n.Label).Ceil())
			x0, y0 := n.X-width/2-3, n.Y+n.R+1
			picture.Fill(img, labelBackground, [][2]float64{{x0, y0}, {x0 + width + 6, y0}, {x0 + width + 6, y0 + 15}, {x0, y0 + 15}})
			picture.Text(img, face, dark, n.Label, int(n.X-width/2), int(n.Y+n.R+12))
		}
	}
	picture.Text(img, titleFace, dark, s.Title, 12, 24)
	for q := 1; q < len(QuadColours); q++ {
		y := s.Height - 12 - float64(4-q)*16
		picture.Fill(img, QuadColours[q], [][2]float64{{12, y - 6}, {30, y - 6}, {30, y}, {12, y}})
		picture.Text(img, face, color.NRGBA{0x37, 0x41, 0x51, 0xff}, codebook.QuadClassNames[q], 36, int(y))
	}
	return png.Encode(w, img)
}

// labelBackground keeps a label legible over the links behind it.
var labelBackground = color.NRGBA{0xff, 0xff, 0xff, 0xd8}
