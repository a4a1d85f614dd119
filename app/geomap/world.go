// Package geomap is the Map tab's world: Natural Earth's country
// boundaries shipped inside the program, a Mercator projection that pans
// and zooms, the events grouped into marks where they would overlap, the
// labels that fit, and the picture as SVG or PNG. It knows nothing of the
// window; the Map tab draws the same Scene.
package geomap

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"dossier/assets"
)

// Point is a longitude and latitude in degrees (WGS 84).
type Point struct{ Lon, Lat float64 }

// Country is one country's land: polygons, each an outer ring and holes.
type Country struct {
	Code     string // ISO alpha-3, "" for the few Natural Earth gives none
	Name     string
	Polygons [][][]Point
	box      [4]float64     // in map units: x0, y0, x1, y1
	label    [2]float64     // where its name goes, in map units
	rings    [][][2]float64 // every ring, in map units
	boxes    [][4]float64   // each ring's box
}

// World is the countries of one resolution.
type World struct {
	Countries    []Country
	largestFirst []int // the countries by the area of their box, largest first: the order names are placed in
}

// rank orders the countries largest first, once, for labels.
func (w *World) rank() {
	w.largestFirst = make([]int, len(w.Countries))
	for i := range w.largestFirst {
		w.largestFirst[i] = i
	}
	area := func(c Country) float64 { return (c.box[2] - c.box[0]) * (c.box[3] - c.box[1]) }
	sort.SliceStable(w.largestFirst, func(a, b int) bool {
		return area(w.Countries[w.largestFirst[a]]) > area(w.Countries[w.largestFirst[b]])
	})
}

const magic = "DOSSIER-MAP-1\n"

// WriteWorld writes the compact form the program ships: gzip over
// varint-coded hundredths of a degree, each point relative to the last.
func WriteWorld(out io.Writer, w *World) error {
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	b := bufio.NewWriter(zw)
	b.WriteString(magic)
	buf := make([]byte, binary.MaxVarintLen64)
	uv := func(v int) { b.Write(buf[:binary.PutUvarint(buf, uint64(v))]) }
	sv := func(v int64) { b.Write(buf[:binary.PutVarint(buf, v)]) }
	str := func(s string) { uv(len(s)); b.WriteString(s) }
	uv(len(w.Countries))
	for _, c := range w.Countries {
		str(c.Code)
		str(c.Name)
		uv(len(c.Polygons))
		for _, p := range c.Polygons {
			uv(len(p))
			for _, r := range p {
				uv(len(r))
				var lx, ly int64
				for _, pt := range r {
					x, y := int64(math.Round(pt.Lon*100)), int64(math.Round(pt.Lat*100))
					sv(x - lx)
					sv(y - ly)
					lx, ly = x, y
				}
			}
		}
	}
	if err := b.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadWorld reads what WriteWorld wrote.
func ReadWorld(in io.Reader) (*World, error) {
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, errors.New("not a Dossier map file")
	}
	var fail error
	uv := func(limit int) int {
		v, err := binary.ReadUvarint(r)
		if err == nil && v > uint64(limit) {
			err = fmt.Errorf("a count of %d is beyond %d", v, limit)
		}
		if err != nil && fail == nil {
			fail = err
		}
		return int(v)
	}
	sv := func() int64 {
		v, err := binary.ReadVarint(r)
		if err != nil && fail == nil {
			fail = err
		}
		return v
	}
	str := func() string {
		b := make([]byte, uv(200))
		if _, err := io.ReadFull(r, b); err != nil && fail == nil {
			fail = err
		}
		return string(b)
	}
	w := &World{Countries: make([]Country, uv(1000))}
	for i := range w.Countries {
		c := &w.Countries[i]
		c.Code, c.Name = str(), str()
		c.Polygons = make([][][]Point, uv(10000))
		for j := range c.Polygons {
			c.Polygons[j] = make([][]Point, uv(10000))
			for k := range c.Polygons[j] {
				ring := make([]Point, uv(1_000_000))
				var x, y int64
				for n := range ring {
					x, y = x+sv(), y+sv()
					ring[n] = Point{float64(x) / 100, float64(y) / 100}
				}
				c.Polygons[j][k] = ring
			}
			if fail != nil {
				return nil, fail
			}
		}
		c.project()
	}
	w.rank()
	return w, fail
}

// project works out a country's rings in map units, its box and the
// spot for its name (the middle of its largest polygon's box, one within
// ±180° if it has any).
func (c *Country) project() {
	c.box = [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	best := -1.0
	for _, p := range c.Polygons {
		for k, r := range p {
			ring := make([][2]float64, len(r))
			b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
			for n, pt := range r {
				x, y := Project(pt)
				ring[n] = [2]float64{x, y}
				b = [4]float64{math.Min(b[0], x), math.Min(b[1], y), math.Max(b[2], x), math.Max(b[3], y)}
			}
			c.rings, c.boxes = append(c.rings, ring), append(c.boxes, b)
			for _, shift := range []float64{-1, 1} { // a ring past 180° again, a world away
				if b[0]+shift < 1 && b[2]+shift > 0 && (b[2] > 1 || b[0] < 0) {
					moved := make([][2]float64, len(ring))
					for n, p := range ring {
						moved[n] = [2]float64{p[0] + shift, p[1]}
					}
					c.rings, c.boxes = append(c.rings, moved), append(c.boxes, [4]float64{b[0] + shift, b[1], b[2] + shift, b[3]})
				}
			}
			c.box = [4]float64{math.Min(c.box[0], b[0]), math.Min(c.box[1], b[1]), math.Max(c.box[2], b[2]), math.Max(c.box[3], b[3])}
			area := (b[2] - b[0]) * (b[3] - b[1])
			if b[0] < 0 || b[2] > 1 { // past the antimeridian: named only if nothing else is
				area /= 1000
			}
			if k == 0 && area > best {
				best, c.label = area, [2]float64{(b[0] + b[2]) / 2, (b[1] + b[3]) / 2}
			}
		}
	}
}

// Project is Web Mercator in map units: x from 0 (180°W) to 1 (180°E), y
// from 0 at 85°N to 1 at 85°S.
func Project(p Point) (x, y float64) {
	lat := math.Max(-85, math.Min(85, p.Lat)) * math.Pi / 180
	return p.Lon/360 + 0.5, 0.5 - math.Log(math.Tan(math.Pi/4+lat/2))/(2*math.Pi)
}

var (
	loadOnce sync.Once
	coarse   *World
	fine     *World
	loadErr  error
)

// Worlds are the shipped countries, coarse (Natural Earth 1:110m, for the
// whole world) and fine (1:50m, for a region).
func Worlds() (*World, *World, error) {
	loadOnce.Do(func() {
		coarse, loadErr = readAsset("countries-110m.bin.gz")
		if loadErr == nil {
			fine, loadErr = readAsset("countries-50m.bin.gz")
		}
	})
	return coarse, fine, loadErr
}

func readAsset(name string) (*World, error) {
	f, err := assets.Files.Open("map/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w, err := ReadWorld(f)
	if err != nil {
		return nil, fmt.Errorf("the map shipped in the program (%s) is damaged: %w", name, err)
	}
	return w, nil
}
