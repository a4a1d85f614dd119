package report_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/storetest"
)

// readGeoJSON checks a file as RFC 7946 asks and prints each feature's id,
// longitude, latitude and a few properties.
const readGeoJSON = `
import sys, json
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["type"] == "FeatureCollection", doc["type"]
assert "crs" not in doc, "RFC 7946 has no crs member"
for f in doc["features"]:
    assert f["type"] == "Feature"
    g = f["geometry"]
    assert g["type"] == "Point", g
    lon, lat = g["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90, (lon, lat)
    p = f["properties"]
    print(p["id"], lon, lat, p["type"], p["place"], p["country"], p["fatalities"], p["quad_class"], p["actors"], "|", p["recipients"])
print("features", len(doc["features"]))
`

// The worked example and an air strike, exported as GeoJSON and KML: both
// read back by Python (the GeoJSON's structure) and by GDAL's ogrinfo, with
// the right number of features and E1 in Beijing; the event without a place
// is left out and counted.
func TestMapExports(t *testing.T) {
	st, artID := codedSample(t)
	ctx := context.Background()
	evs, _ := st.Events(data.EventQuery{Article: artID})
	twelve := 12
	strike := &data.Event{Type: "ASSAULT", Mode: "aerial", CAMEO: "195", Article: artID, Date: data.EventDate{Start: "2025-03-02"},
		Actors: evs[0].Actors, Size: data.Size{Fatalities: &twelve},
		Location: &data.Location{Name: "Aleppo", Lat: 36.20124, Lon: 37.16117, Country: "SYR", Precision: "city"}}
	nowhere := &data.Event{Type: "PROTEST", Article: artID, Date: data.EventDate{Start: "2025-03-03"}}
	for _, e := range []*data.Event{strike, nowhere} {
		if err := st.PutEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := st.Events(data.EventQuery{})
	placed := 0
	for _, e := range all {
		if e.Location != nil && (e.Location.Lat != 0 || e.Location.Lon != 0) {
			placed++
		}
	}
	e1 := evs[0]
	dir := storetest.TempDir(t)
	geo := filepath.Join(dir, "events.geojson")
	res, err := report.Export(ctx, st, geo, report.Options{})
	if err != nil || res.Events != placed || res.Unplaced != len(all)-placed || res.LeftOut() == "" {
		t.Fatalf("GeoJSON: %+v %v (placed %d of %d)", res, err, placed, len(all))
	}
	if exec.Command("/usr/bin/python3", "-c", "import json").Run() == nil {
		out, err := exec.Command("/usr/bin/python3", "-c", readGeoJSON, geo).CombinedOutput()
		if err != nil {
			t.Fatalf("python: %v\n%s", err, out)
		}
		for _, want := range []string{"features " + strconv.Itoa(placed) + "\n",
			e1.ID + " 116.39723 39.9075 CONSULT Beijing CHN None 1 Sergei Shoigu | Wang Yi\n",
			strike.ID + " 37.16117 36.20124 ASSAULT Aleppo SYR 12 4 Sergei Shoigu | \n"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("the GeoJSON has no %q:\n%s", want, out)
			}
		}
		if strings.Contains(string(out), nowhere.ID) {
			t.Error("an event without coordinates is on the map")
		}
	}
	kml := filepath.Join(dir, "events.kml")
	if res, err := report.Export(ctx, st, kml, report.Options{}); err != nil || res.Events != placed {
		t.Fatalf("KML: %+v %v", res, err)
	}
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("skipped the GDAL check: ogrinfo is not installed (apt-get install gdal-bin)")
	}
	for _, file := range []string{geo, kml} {
		out := ogrinfo(t, file)
		total := 0
		for _, m := range regexp.MustCompile(`Feature Count: (\d+)`).FindAllStringSubmatch(out, -1) {
			n, _ := strconv.Atoi(m[1])
			total += n
		}
		if total != placed {
			t.Errorf("ogrinfo counts %d features in %s, want %d:\n%.2000s", total, filepath.Base(file), placed, out)
		}
		if !regexp.MustCompile(`POINT (Z )?\(116\.39723 39\.9075`).MatchString(out) {
			t.Errorf("ogrinfo finds no point at Beijing in %s:\n%.3000s", filepath.Base(file), out)
		}
	}
	// KML: a layer (folder) per type, the TimeSpan, the evidence, the
	// properties and the QuadClass style
	out := ogrinfo(t, kml)
	for _, want := range []string{"Layer name: CONSULT", "Layer name: ASSAULT", "begin (DateTime) = 2025/02/28", "Style = @quad1",
		"Style = @quad4", "id (String) = " + e1.ID, "fatalities (String) = 12", "description (String) = Russian Security Council"} {
		if !strings.Contains(out, want) {
			t.Errorf("ogrinfo finds no %q in the KML:\n%.3000s", want, out)
		}
	}
}

// ogrinfo lists every layer and feature of a file GDAL reads.
func ogrinfo(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("ogrinfo", "-ro", "-al", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo %s: %v\n%s", filepath.Base(path), err, out)
	}
	return string(out)
}

// `export map.png` and `x.map.svg` draw the worked example on the map,
// fitted to its places: a PNG, and an SVG whose marks name Beijing; the
// link chart keeps .png and .svg.
func TestMapPictureExport(t *testing.T) {
	st, _ := codedSample(t)
	dir := storetest.TempDir(t)
	for _, name := range []string{"map.png", "events.map.svg"} {
		res, err := report.Export(context.Background(), st, filepath.Join(dir, name), report.Options{})
		if err != nil || res.Events == 0 {
			t.Fatalf("%s: %+v %v", name, res, err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "events.map.svg"))
	if err := xml.Unmarshal(b, new(struct{})); err != nil {
		t.Fatalf("the map's SVG does not parse: %v", err)
	}
	if !strings.Contains(string(b), ">Where: ") || !regexp.MustCompile(`<circle [^>]*><title>Beijing`).Match(b) {
		t.Errorf("the map has no title or no mark at Beijing:\n%.1500s", b)
	}
	if png, _ := os.ReadFile(filepath.Join(dir, "map.png")); !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Error("map.png is no PNG")
	}
	if f, _ := report.FormatOf("chart.png"); f.Label != "Link chart, PNG image (.png)" {
		t.Errorf("chart.png is %q", f.Label)
	}
}
