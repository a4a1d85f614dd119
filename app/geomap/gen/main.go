// Command gen turns Natural Earth's country boundaries, as the world-atlas
// package redistributes them in TopoJSON, into the compact files the Map
// tab draws (assets/map). Natural Earth is in the public domain; the
// alpha-3 codes come from the countries codebook (ccn3 → cca3).
//
//	npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	go run ./app/geomap/gen -atlas package -countries ../shared/data/codebooks/countries.json -out assets/map
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"

	"dossier/app/geomap"
)

type topology struct {
	Arcs      [][][2]float64 `json:"arcs"`
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []struct {
			Type       string            `json:"type"`
			ID         string            `json:"id"`
			Properties map[string]string `json:"properties"`
			Arcs       json.RawMessage   `json:"arcs"`
		} `json:"geometries"`
	} `json:"objects"`
}

func main() {
	atlas := flag.String("atlas", "package", "the unpacked world-atlas package")
	countries := flag.String("countries", "../shared/data/codebooks/countries.json", "the countries codebook (for alpha-3 codes)")
	out := flag.String("out", "assets/map", "where to write")
	flag.Parse()
	codes, err := alpha3(*countries)
	if err != nil {
		log.Fatal(err)
	}
	for _, res := range []string{"110m", "50m"} {
		w, err := read(filepath.Join(*atlas, "countries-"+res+".json"), codes)
		if err != nil {
			log.Fatal(err)
		}
		path := filepath.Join(*out, "countries-"+res+".bin.gz")
		f, err := os.Create(path)
		if err != nil {
			log.Fatal(err)
		}
		if err := geomap.WriteWorld(f, w); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		fi, _ := os.Stat(path)
		fmt.Printf("%s: %d countries, %d bytes\n", path, len(w.Countries), fi.Size())
	}
}

// alpha3 maps ISO 3166 numeric codes to alpha-3.
func alpha3(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list []struct{ CCN3, CCA3 string }
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, c := range list {
		out[c.CCN3] = c.CCA3
	}
	return out, nil
}

func read(path string, codes map[string]string) (*geomap.World, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t topology
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, err
	}
	arcs := make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		x, y := 0.0, 0.0
		for _, d := range arc {
			x, y = x+d[0], y+d[1]
			arcs[i] = append(arcs[i], [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]})
		}
	}
	ring := func(ids []int) []geomap.Point {
		var pts []geomap.Point
		for _, id := range ids {
			arc := arcs[max(id, ^id)]
			seq := make([][2]float64, len(arc))
			copy(seq, arc)
			if id < 0 {
				for i, j := 0, len(seq)-1; i < j; i, j = i+1, j-1 {
					seq[i], seq[j] = seq[j], seq[i]
				}
			}
			if len(pts) > 0 {
				seq = seq[1:]
			}
			for _, p := range seq {
				pts = append(pts, geomap.Point{Lon: math.Round(p[0]*100) / 100, Lat: math.Round(p[1]*100) / 100})
			}
		}
		// a ring across the antimeridian goes on past 180° rather than
		// jumping back (the map draws it again a world to the left)
		for i := 1; i < len(pts); i++ {
			for pts[i].Lon-pts[i-1].Lon > 180 {
				pts[i].Lon -= 360
			}
			for pts[i-1].Lon-pts[i].Lon > 180 {
				pts[i].Lon += 360
			}
		}
		return pts
	}
	w := &geomap.World{}
	for _, g := range t.Objects["countries"].Geometries {
		c := geomap.Country{Code: codes[g.ID], Name: g.Properties["name"]}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, err
			}
			polys = [][][]int{rings}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, err
			}
		default:
			continue
		}
		for _, p := range polys {
			var rings [][]geomap.Point
			for _, r := range p {
				rings = append(rings, ring(r))
			}
			c.Polygons = append(c.Polygons, rings)
		}
		w.Countries = append(w.Countries, c)
	}
	sort.Slice(w.Countries, func(i, j int) bool { return w.Countries[i].Name < w.Countries[j].Name })
	return w, nil
}
