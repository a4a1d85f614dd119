package geomap

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/data"
)

func spotAt(t *testing.T, id, typ, date string, lat, lon float64, killed int) Spot {
	t.Helper()
	e := &data.Event{ID: id, Type: typ, Date: data.EventDate{Start: date}, Location: &data.Location{Name: id, Lat: lat, Lon: lon}}
	if killed > 0 {
		e.Size.Fatalities = &killed
	}
	s, ok := SpotOf(e)
	if !ok {
		t.Fatalf("%s has no spot", id)
	}
	return s
}

// The shipped countries load, and China's land holds Beijing.
func TestWorldShipsTheCountries(t *testing.T) {
	coarse, fine, err := Worlds()
	if err != nil {
		t.Fatal(err)
	}
	if len(coarse.Countries) < 170 || len(fine.Countries) < 230 {
		t.Fatalf("%d and %d countries", len(coarse.Countries), len(fine.Countries))
	}
	x, y := Project(Point{116.39723, 39.9075})
	for _, c := range fine.Countries {
		if c.Code == "CHN" {
			if x < c.box[0] || x > c.box[2] || y < c.box[1] || y > c.box[3] {
				t.Fatalf("Beijing (%f, %f) is outside China's box %v", x, y, c.box)
			}
			return
		}
	}
	t.Fatal("no China on the map")
}

// Three events in Beijing and one in Aleppo make two marks on the whole
// world; zoomed in on Beijing, an event 60 km away gets its own mark.
func TestMarksGroupWhereTheyWouldOverlap(t *testing.T) {
	spots := []Spot{
		spotAt(t, "b1", "CONSULT", "2025-02-28", 39.9075, 116.39723, 0),
		spotAt(t, "b2", "CONSULT", "2025-03-01", 39.9075, 116.39723, 0),
		spotAt(t, "b3", "ASSAULT", "2025-03-02", 39.5, 116.7, 3),
		spotAt(t, "a1", "ASSAULT", "2025-03-02", 36.20124, 37.16117, 12),
	}
	s, err := Draw(spots, WholeWorld(1200, 800), SizeEvents, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Marks) != 2 {
		t.Fatalf("%d marks on the world", len(s.Marks))
	}
	beijing := s.Marks[len(s.Marks)-1] // the largest last
	if beijing.Count() != 3 || beijing.Killed != 3 || strings.Join(s.Describe(beijing), "|") != "b1, b2, b3|3 events, 2025-02-28 to 2025-03-02|3 killed (as reported)|CONSULT: 2|ASSAULT: 1" {
		t.Fatalf("Beijing's mark: %d events, says %q", beijing.Count(), s.Describe(beijing))
	}
	x, y := Project(Point{116.39723, 39.9075})
	close := Viewport{Width: 1200, Height: 800, X: x, Y: y, Scale: WholeWorld(1200, 800).Scale * 100}
	s, _ = Draw(spots, close, SizeFatalities, "")
	if len(s.Marks) != 2 || s.Marks[0].Count() != 2 || s.Marks[1].Killed != 3 || s.Marks[1].R <= s.Marks[0].R {
		t.Fatalf("zoomed on Beijing: %+v", s.Marks)
	}
	if s.World == nil || len(s.World.Countries) < 230 {
		t.Fatal("zoomed in, the map is not the fine one")
	}
	if m, ok := s.MarkAt(s.Marks[0].X, s.Marks[0].Y); !ok || m.Count() != 2 {
		t.Fatal("no mark under the pointer")
	}
	if got := Within(spots, "2025-03", "2025-03"); len(got) != 3 {
		t.Fatalf("March holds %d spots", len(got))
	}
	if got := Months(spots); strings.Join(got, " ") != "2025-02 2025-03" {
		t.Fatalf("months %v", got)
	}
}

// The pictures: a PNG of the right size and an SVG that parses, with the
// title, country paths and the marks.
func TestMapPictures(t *testing.T) {
	spots := []Spot{spotAt(t, "b1", "CONSULT", "2025-02-28", 39.9075, 116.39723, 0), spotAt(t, "a1", "ASSAULT", "2025-03-02", 36.20124, 37.16117, 12)}
	s, err := Draw(spots, WholeWorld(1200, 800), SizeEvents, "Where: 2 events")
	if err != nil {
		t.Fatal(err)
	}
	var p, v bytes.Buffer
	if err := WritePNG(&p, s); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(p.Bytes()))
	if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 800 {
		t.Fatalf("PNG: %v %v", err, img.Bounds())
	}
	if err := WriteSVG(&v, s); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(v.Bytes(), new(struct{})); err != nil {
		t.Fatalf("the SVG does not parse: %v", err)
	}
	svg := v.String()
	if !strings.Contains(svg, "Where: 2 events") || strings.Count(svg, "<path") < 150 || strings.Count(svg, "<circle") < 2+4 || !strings.Contains(svg, "<title>China</title>") {
		t.Errorf("the SVG lacks the title, the countries or the marks (%d paths)", strings.Count(svg, "<path"))
	}
	if dir := os.Getenv("DOSSIER_SCREENSHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "map-export.png"), p.Bytes(), 0o644)
	}
}
