package report

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"dossier/app/geomap"
	"dossier/app/network"
	"dossier/app/safefile"
	"dossier/data"
)

// chartWidth and chartHeight are an exported link chart's size, in pixels.
const chartWidth, chartHeight = 1600, 1000

// networkOf is the link chart of the events a filter selects.
func networkOf(st Records, f Filter) (*network.Graph, *lookup, int, error) {
	l, err := newLookup(st)
	if err != nil {
		return nil, nil, 0, err
	}
	b := network.NewBuilder(l.actors)
	n := 0
	err = f.eachEvent(st, func(e *data.Event) error {
		b.Add(e)
		n++
		return nil
	})
	return b.Graph(), l, n, err
}

// ExportChart draws the link chart of the selected events as SVG or PNG
// (by the file's extension), titled with what it shows.
func ExportChart(_ context.Context, st Records, path string, opt Options) (Result, error) {
	g, l, events, err := networkOf(st, opt.Filter)
	if err != nil {
		return Result{}, err
	}
	if len(g.Nodes) == 0 {
		return Result{}, data.Errorf(data.EInvalid, "No events with actors to chart (%s).", opt.Filter.Describe(l.actorName))
	}
	title := fmt.Sprintf("Who did what to whom: %d events, %s", events, opt.Filter.Describe(l.actorName))
	scene := network.Chart(g, chartWidth, chartHeight, title)
	write := network.WriteSVG
	if strings.EqualFold(filepath.Ext(path), ".png") {
		write = network.WritePNG
	}
	err = safefile.Write(path, false, func(w io.Writer) error { return write(w, scene) })
	return Result{Events: events, Actors: g.Actors}, err
}

// ExportGraph writes the network of the selected events for a network
// tool, GEXF (Gephi) or GraphML by the file's extension, each actor with
// its measures (degree, betweenness, PageRank, community).
func ExportGraph(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	g, l, events, err := networkOf(st, opt.Filter)
	if err != nil {
		return Result{}, err
	}
	if len(g.Nodes) == 0 {
		return Result{}, data.Errorf(data.EInvalid, "No events with actors to export as a network (%s).", opt.Filter.Describe(l.actorName))
	}
	a, err := network.Analyse(ctx, g, opt.Progress)
	if err != nil {
		return Result{}, err
	}
	title := fmt.Sprintf("Who did what to whom: %d events, %s; exported from Dossier", events, opt.Filter.Describe(l.actorName))
	err = safefile.Write(path, false, func(w io.Writer) error {
		if strings.EqualFold(filepath.Ext(path), ".gexf") {
			return network.WriteGEXF(w, g, a, title, time.Now())
		}
		return network.WriteGraphML(w, g, a, title)
	})
	return Result{Events: events, Actors: g.Actors}, err
}

// mapOf is the map spots of the events a filter selects, and how many of
// them have no coordinates.
func mapOf(st Records, f Filter) ([]geomap.Spot, *lookup, int, error) {
	l, err := newLookup(st)
	if err != nil {
		return nil, nil, 0, err
	}
	var spots []geomap.Spot
	unplaced := 0
	err = f.eachEvent(st, func(e *data.Event) error {
		if s, ok := geomap.SpotOf(e); ok {
			spots = append(spots, s)
		} else {
			unplaced++
		}
		return nil
	})
	return spots, l, unplaced, err
}

// ExportMap draws the selected events on the world map as SVG or PNG (by
// the file's extension), fitted to them and titled with what it shows.
func ExportMap(_ context.Context, st Records, path string, opt Options) (Result, error) {
	spots, l, unplaced, err := mapOf(st, opt.Filter)
	if err != nil {
		return Result{}, err
	}
	if len(spots) == 0 {
		return Result{}, data.Errorf(data.EInvalid, "No events with coordinates to map (%s).", opt.Filter.Describe(l.actorName))
	}
	points := make([][2]float64, len(spots))
	for i, s := range spots {
		points[i] = [2]float64{s.X, s.Y}
	}
	title := fmt.Sprintf("Where: %d events, %s", len(spots), opt.Filter.Describe(l.actorName))
	scene, err := geomap.Draw(spots, geomap.Fit(points, chartWidth, chartHeight), geomap.SizeEvents, title)
	if err != nil {
		return Result{}, err
	}
	write := geomap.WriteSVG
	if strings.EqualFold(filepath.Ext(path), ".png") {
		write = geomap.WritePNG
	}
	err = safefile.Write(path, false, func(w io.Writer) error { return write(w, scene) })
	return Result{Events: len(spots), Unplaced: unplaced}, err
}
