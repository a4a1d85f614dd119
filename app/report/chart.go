package report

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

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
