package views

import (
	"context"
	"fmt"
	"image/color"
	"maps"
	"math"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/gonum/spatial/r2"

	"dossier/app"
	"dossier/app/network"
	"dossier/data"
)

// networkSource is what the Network tab reads.
type networkSource interface {
	Network(ctx context.Context, f app.EventFilter, marked map[string]bool) (*network.Graph, error)
}

// networkLinks are what the tab does beyond itself.
type networkLinks struct {
	ui       *bridge
	win      fyne.Window
	filter   func() app.EventFilter // the Events tab's
	openNode func(n network.Node)   // its events in the Events tab
	openLink func(l network.Link, from, to network.Node)
}

// networkTab is the link chart of the events the Events tab's filters
// select: actors as circles, what passed between them as arrows.
type networkTab struct {
	src     networkSource
	links   networkLinks
	chart   *networkChart
	status  *widget.Label
	visible bool
	stale   bool

	sizeBy, colourBy *widget.Select
	measuring        *network.Graph // the graph being measured

	reading tabRead[laidOut]
	wantAll bool            // the next graph read is laid out anew
	touched map[string]bool // records changed since the last graph read
}

// restyle sizes and colours the circles anew, measuring the network first
// when the style needs it.
func (t *networkTab) restyle(sizeBy, colourBy string) {
	t.chart.style.SizeBy, t.chart.style.ColourBy = sizeBy, colourBy
	t.measure()
	t.chart.redraw()
}

// measure works out the measures of the chart's network off the UI
// goroutine, when the style needs them and they are not known yet; the
// chart is drawn again with them.
func (t *networkTab) measure() {
	g := t.chart.full
	if g == nil || !t.chart.style.NeedsMeasures() || t.chart.measured == g || t.measuring == g || t.links.ui == nil {
		return
	}
	t.measuring = g
	lw := longWork{ui: t.links.ui, win: t.links.win, title: "Measuring the network", status: func(string) {}}
	runLong(lw, func(ctx context.Context, _ progress) (network.Analysis, error) {
		return network.Analyse(ctx, g, nil)
	}, func(a network.Analysis, err error) {
		if t.measuring == g {
			t.measuring = nil
		}
		if err != nil {
			showError(t.links.win, "The network could not be measured", err)
			return
		}
		if t.chart.full == g {
			t.chart.measured, t.chart.analysis = g, a
			t.chart.redraw()
		}
	})
}

func newNetworkTab(src networkSource, links networkLinks) *networkTab {
	t := &networkTab{src: src, links: links, status: widget.NewLabel(""), stale: true, reading: tabRead[laidOut]{ui: links.ui}}
	t.status.Wrapping = fyne.TextWrapWord
	t.chart = newNetworkChart()
	t.chart.onTapNode, t.chart.onTapLink = links.openNode, links.openLink
	t.chart.onView = t.describe
	return t
}

func (t *networkTab) view() fyne.CanvasObject {
	steps := func(n int) func() {
		return func() { t.chart.neighbourhood(n) }
	}
	t.sizeBy = widget.NewSelect(network.Sizes, func(v string) { t.restyle(v, t.chart.style.ColourBy) })
	t.colourBy = widget.NewSelect(network.Colours, func(v string) { t.restyle(t.chart.style.SizeBy, v) })
	t.sizeBy.SetSelected(network.SizeEvents)
	t.colourBy.SetSelected(network.ColourKind)
	bar := container.NewHBox(
		widget.NewButton("Fit", t.chart.fit),
		widget.NewButton("Neighbourhood: 1 step", steps(1)),
		widget.NewButton("2 steps", steps(2)),
		widget.NewButton("Everyone", steps(0)),
		widget.NewSeparator(),
		widget.NewLabel("Size by"), t.sizeBy,
		widget.NewLabel("Colour by"), t.colourBy,
	)
	return container.NewBorder(container.NewVBox(bar, t.status), nil, nil, nil, t.chart)
}

// show is called when the tab is shown or hidden.
func (t *networkTab) show(visible bool) {
	t.visible = visible
	if visible && t.stale && !t.wantAll { // not while it is read
		t.reload()
	}
}

// reload reads the chart again with the Events tab's filters.
func (t *networkTab) reload() {
	t.wantAll = true
	t.read()
}

// filterChanged follows the Events tab's filters.
func (t *networkTab) filterChanged() {
	t.stale = true
	if t.visible {
		t.reload()
	} else {
		t.reading.missing()
	}
}

// changed follows the change feed: events and actors changed move only the
// nodes they touch.
func (t *networkTab) changed(cs []data.Change) {
	if !t.visible {
		t.stale = true
		t.reading.missing()
		return
	}
	heard := false // even of a record touched before: a read under way may predate this change
	for _, c := range cs {
		if c.Record == data.RecordEvent || c.Record == data.RecordActor || c.Reset {
			if t.touched == nil {
				t.touched = map[string]bool{}
			}
			t.touched[c.ID], heard = true, true
		}
	}
	if heard {
		t.read()
	}
}

// read reads the chart off the UI goroutine, for what was asked since the
// last one: everything laid out anew (wantAll), or the nodes of the
// records touched moved.
func (t *networkTab) read() {
	t.status.SetText("Reading the network…")
	f, touched, layout := t.links.filter(), maps.Clone(t.touched), t.chart.layout.Clone()
	if t.wantAll {
		touched = nil
	}
	t.reading.start(func(ctx context.Context) (laidOut, error) {
		g, err := t.src.Network(ctx, f, touched)
		if err != nil {
			return laidOut{}, err
		}
		for _, l := range g.Links { // an event's actors move with it
			if touched != nil && l.Marked {
				touched[l.From], touched[l.To] = true, true
			}
		}
		placeGraph(layout, g, touched)
		return laidOut{g, layout}, nil
	}, t.draw)
}

// laidOut is a graph read and laid out off the UI goroutine.
type laidOut struct {
	g      *network.Graph
	layout *network.Layout
}

// draw puts a graph the tab read on the chart.
func (t *networkTab) draw(r laidOut, err error) {
	all := t.wantAll
	t.wantAll, t.touched = false, nil
	if err != nil {
		t.stale = true
		t.status.SetText("The network could not be read.")
		if all {
			showError(t.links.win, "The network could not be read", err)
		}
		return
	}
	if all {
		t.stale = t.reading.stale()
	}
	t.chart.showGraph(r.g, r.layout)
	t.measure()
	if t.stale && t.visible { // a change came while it was hidden and read
		t.reload()
	}
}

// describe says what the chart shows.
func (t *networkTab) describe(shown *network.Graph, grouped bool) {
	msg := fmt.Sprintf("%d actors, %d links. Filtered like the Events table. Scroll to zoom, drag to pan or move an actor (it stays), right-click an actor for its neighbourhood, tap an actor or a link for its events.",
		shown.Actors, len(shown.Links))
	if grouped {
		msg = fmt.Sprintf("%d actors grouped by country (%d countries): zoom in to see them one by one, or filter. ", shown.Actors, len(shown.Nodes)) + msg[strings.Index(msg, "Filtered"):]
	}
	if c := t.chart; c.style.NeedsMeasures() && c.measured != c.full {
		msg = "Measuring the network… " + msg
	} else if c.style.NeedsMeasures() && !grouped {
		msg = fmt.Sprintf("%d communities (modularity %.2f). ", c.analysis.Communities, c.analysis.Modularity) + msg
	}
	t.status.SetText(msg)
}

// groupZoom is the zoom (over the fitted view) from which a large network
// shows its actors one by one rather than by country.
const groupZoom = 3

// networkChart draws a network and lets the analyst move about it.
type networkChart struct {
	widget.BaseWidget
	full     *network.Graph // every actor of the filtered events
	layout   *network.Layout
	focus    string // a neighbourhood's centre, "" for everyone
	steps    int
	fitScale float64
	view     network.Viewport
	scene    network.Scene
	moving   string // the node being dragged
	tip      []string
	tipAt    fyne.Position
	cache    shownCache // what shown() made last, kept while nothing it depends on changed
	style    network.Style
	measured *network.Graph   // the graph analysis measures
	analysis network.Analysis // of measured

	onTapNode func(network.Node)
	onTapLink func(network.Link, network.Node, network.Node)
	onView    func(shown *network.Graph, grouped bool)
}

func newNetworkChart() *networkChart {
	c := &networkChart{layout: network.NewLayout()}
	c.ExtendBaseWidget(c)
	return c
}

// placeGraph lays a graph out from where its nodes stood: every node not
// pinned moves (touched nil), or only the touched ones and the new.
func placeGraph(l *network.Layout, g *network.Graph, touched map[string]bool) {
	if touched == nil {
		l.Place(g, nil, network.Rounds(len(g.Nodes)))
	} else {
		l.Place(g, func(id string) bool { return touched[id] }, 30)
	}
}

// showGraph draws a graph laid out; the actors the analyst moved meanwhile
// (pinned) stay where the analyst left them.
func (c *networkChart) showGraph(g *network.Graph, l *network.Layout) {
	first := len(c.layout.Pos) == 0
	if l != c.layout {
		for id := range c.layout.Pinned {
			l.Pos[id], l.Pinned[id] = c.layout.Pos[id], true
		}
		c.layout = l
	}
	c.full, c.cache = g, shownCache{}
	if first || c.fitScale == 0 {
		c.fit()
		return
	}
	c.redraw()
}

// shownCache is the graph drawn (everyone or a neighbourhood) and its
// countries, made again only when the graph or the neighbourhood changes.
type shownCache struct {
	full       *network.Graph
	focus      string
	steps      int
	g, grouped *network.Graph
	centres    *network.Layout
}

// shown is what is drawn: everyone or a neighbourhood, by country when
// there are too many to tell apart at this zoom.
func (c *networkChart) shown() (*network.Graph, *network.Layout, bool) {
	if c.full == nil {
		return &network.Graph{}, c.layout, false
	}
	k := &c.cache
	if k.full != c.full || k.focus != c.focus || k.steps != c.steps {
		*k = shownCache{full: c.full, focus: c.focus, steps: c.steps, g: c.full}
		if c.focus != "" {
			k.g = c.full.Neighbourhood(c.focus, c.steps)
		}
	}
	if len(k.g.Nodes) <= network.GroupAbove || c.view.Scale >= groupZoom*c.fitScale {
		return k.g, c.layout, false
	}
	if k.grouped == nil {
		k.grouped = k.g.ByCountry()
		k.centres = network.CountryLayout(k.g, k.grouped, c.layout)
	}
	return k.grouped, k.centres, true
}

// fit shows the whole chart.
func (c *networkChart) fit() {
	if c.full == nil {
		return
	}
	size := c.Size()
	if size.Width < 10 {
		size = fyne.NewSize(1000, 700)
	}
	c.view = network.Fit(c.full, c.layout, float64(size.Width), float64(size.Height))
	c.fitScale = c.view.Scale
	c.redraw()
}

// neighbourhood shows the actors within steps links of the one last
// right-clicked (0: everyone).
func (c *networkChart) neighbourhood(steps int) {
	if steps == 0 {
		c.focus = ""
	}
	c.steps = steps
	c.redraw()
}

// redraw makes the scene for the current view and draws it: the work of
// one frame.
func (c *networkChart) redraw() {
	size := c.Size()
	c.view.Width, c.view.Height = float64(size.Width), float64(size.Height)
	g, l, grouped := c.shown()
	style := c.style
	if c.measured == c.full && c.full != nil {
		style.Measures = func(id string) (network.Measures, bool) { return c.analysis.Of(c.full, id) }
	}
	c.scene = network.DrawStyled(g, l, c.view, "", style)
	if c.onView != nil {
		c.onView(g, grouped)
	}
	c.Refresh()
}

// Scrolled zooms about the pointer.
func (c *networkChart) Scrolled(e *fyne.ScrollEvent) {
	factor := math.Pow(1.0015, float64(e.Scrolled.DY))
	at := c.scene.Point(float64(e.Position.X), float64(e.Position.Y))
	c.view.Scale = math.Max(c.fitScale/4, math.Min(c.view.Scale*factor, c.fitScale*60))
	// keep the point under the pointer where it was
	c.view.Centre = r2.Vec{X: at.X - (float64(e.Position.X)-c.view.Width/2)/c.view.Scale, Y: at.Y - (float64(e.Position.Y)-20-(c.view.Height-20)/2)/c.view.Scale}
	c.redraw()
}

// Dragged moves the actor under the pointer (pinning it there), or pans.
func (c *networkChart) Dragged(e *fyne.DragEvent) {
	if c.moving == "" {
		start := e.Position.Subtract(e.Dragged)
		if n, ok := c.scene.NodeAt(float64(start.X), float64(start.Y)); ok && n.Node.Kind != "country" {
			c.moving = n.Node.ID
		} else {
			c.moving = "-"
		}
	}
	if c.moving != "-" {
		c.layout.Pos[c.moving] = c.scene.Point(float64(e.Position.X), float64(e.Position.Y))
		c.layout.Pinned[c.moving] = true
	} else {
		c.view.Centre = r2.Sub(c.view.Centre, r2.Vec{X: float64(e.Dragged.DX) / c.view.Scale, Y: float64(e.Dragged.DY) / c.view.Scale})
	}
	c.redraw()
}

// DragEnd ends a move or a pan.
func (c *networkChart) DragEnd() { c.moving = "" }

// Tapped opens the events of the actor or the link under the pointer.
func (c *networkChart) Tapped(e *fyne.PointEvent) {
	x, y := float64(e.Position.X), float64(e.Position.Y)
	if n, ok := c.scene.NodeAt(x, y); ok {
		if c.onTapNode != nil {
			c.onTapNode(n.Node)
		}
		return
	}
	if l, ok := c.scene.LinkAt(x, y); ok && c.onTapLink != nil {
		g, _, _ := c.shown()
		from, _ := g.Node(l.Link.From)
		to, _ := g.Node(l.Link.To)
		c.onTapLink(l.Link, from, to)
	}
}

// TappedSecondary makes the actor under the pointer the centre of the
// neighbourhood shown (one step, until the buttons say otherwise).
func (c *networkChart) TappedSecondary(e *fyne.PointEvent) {
	if n, ok := c.scene.NodeAt(float64(e.Position.X), float64(e.Position.Y)); ok && n.Node.Kind != "country" {
		c.focus = n.Node.ID
		c.steps = max(c.steps, 1)
		c.redraw()
	}
}

// MouseIn, MouseMoved and MouseOut show what is under the pointer.
func (c *networkChart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

func (c *networkChart) MouseMoved(e *desktop.MouseEvent) {
	x, y := float64(e.Position.X), float64(e.Position.Y)
	var tip []string
	if n, ok := c.scene.NodeAt(x, y); ok {
		tip = append([]string{n.Label}, summary(n.Node.Events, n.Node.Killed, n.Node.Types, n.Node.First, n.Node.Last)...)
		if m, ok := c.analysis.Of(c.full, n.Node.ID); ok && c.measured == c.full {
			tip = append(tip, measureLine(m))
		}
	} else if l, ok := c.scene.LinkAt(x, y); ok {
		g, _, _ := c.shown()
		from, _ := g.Node(l.Link.From)
		to, _ := g.Node(l.Link.To)
		tip = append([]string{from.Name + " → " + to.Name}, summary(l.Link.Count(), l.Link.Killed, l.Link.Types.Map(), l.Link.First, l.Link.Last)...)
	}
	if strings.Join(tip, "\n") != strings.Join(c.tip, "\n") || len(tip) > 0 {
		c.tip, c.tipAt = tip, e.Position
		c.Refresh()
	}
}

// measureLine is a tooltip's line of an actor's measures.
func measureLine(m network.Measures) string {
	line := fmt.Sprintf("%d in, %d out · betweenness %.3f · PageRank %.3f", m.In, m.Out, m.Betweenness, m.PageRank)
	if m.Community > 0 {
		line += fmt.Sprintf(" · community %d", m.Community)
	}
	return line
}

func (c *networkChart) MouseOut() {
	c.tip = nil
	c.Refresh()
}

// summary is a tooltip's lines: events and dates, fatalities reported,
// and events by type, most first.
func summary(events, killed int, types map[string]int, first, last string) []string {
	lines := []string{fmt.Sprintf("%s, %s to %s", plural(events, "event"), orDash(first), orDash(last))}
	if killed > 0 {
		lines = append(lines, fmt.Sprintf("%d killed (as reported)", killed))
	}
	var names []string
	for t := range types {
		names = append(names, t)
	}
	sort.Slice(names, func(i, j int) bool {
		if types[names[i]] != types[names[j]] {
			return types[names[i]] > types[names[j]]
		}
		return names[i] < names[j]
	})
	for _, t := range names[:min(len(names), 6)] {
		lines = append(lines, fmt.Sprintf("%s: %d", orDash(t), types[t]))
	}
	return lines
}

func (c *networkChart) MinSize() fyne.Size { return fyne.NewSize(300, 200) }

func (c *networkChart) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

// chartRenderer keeps pools of lines, circles and labels and moves them to
// the scene's places on each frame, making new ones only when short.
type chartRenderer struct {
	c       *networkChart
	bg      *canvas.Rectangle
	lines   []*canvas.Line
	circles []*canvas.Circle
	labels  []*canvas.Text
	backs   []*canvas.Rectangle // behind the labels, so that links do not cross the words
	tip     *tooltip
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *chartRenderer) Layout(s fyne.Size) {
	if s != r.size {
		r.size = s
		if r.c.fitScale == 0 {
			r.c.fit()
		} else {
			r.c.redraw()
		}
	}
}

func (r *chartRenderer) MinSize() fyne.Size           { return r.c.MinSize() }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}

// Refresh puts the pools in the scene's places.
func (r *chartRenderer) Refresh() {
	s := r.c.scene
	if r.bg == nil {
		r.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		r.tip = newTooltip()
	}
	r.bg.Resize(r.size)
	nLines, nCircles, nLabels := 0, 0, 0
	line := func(x1, y1, x2, y2, w float64, col color.Color) {
		if nLines == len(r.lines) {
			r.lines = append(r.lines, canvas.NewLine(col))
		}
		l := r.lines[nLines]
		l.StrokeColor, l.StrokeWidth = col, float32(w)
		l.Position1, l.Position2 = fyne.NewPos(float32(x1), float32(y1)), fyne.NewPos(float32(x2), float32(y2))
		l.Show()
		nLines++
	}
	for _, l := range s.Links {
		for _, st := range l.Strokes {
			c := st.Color
			c.A = 0xd0
			line(st.X1, st.Y1, st.X2, st.Y2, st.Width, c)
		}
		a, col := l.Arrow, l.Strokes[len(l.Strokes)-1].Color
		line(a[0][0], a[0][1], a[1][0], a[1][1], 2, col)
		line(a[0][0], a[0][1], a[2][0], a[2][1], 2, col)
	}
	labelled := s.Labelled(float64(theme.CaptionTextSize()))
	fg := theme.Color(theme.ColorNameForeground)
	for i, n := range s.Nodes {
		if nCircles == len(r.circles) {
			c := canvas.NewCircle(n.Fill)
			c.StrokeWidth = 1.5
			r.circles = append(r.circles, c)
		}
		c := r.circles[nCircles]
		c.FillColor, c.StrokeColor = n.Fill, theme.Color(theme.ColorNameBackground)
		c.Position1, c.Position2 = fyne.NewPos(float32(n.X-n.R), float32(n.Y-n.R)), fyne.NewPos(float32(n.X+n.R), float32(n.Y+n.R))
		c.Show()
		nCircles++
		if !labelled[i] {
			continue
		}
		if nLabels == len(r.labels) {
			t := canvas.NewText("", fg)
			t.TextSize = theme.CaptionTextSize()
			t.Alignment = fyne.TextAlignCenter
			r.labels = append(r.labels, t)
			r.backs = append(r.backs, canvas.NewRectangle(color.Transparent))
		}
		t, back := r.labels[nLabels], r.backs[nLabels]
		t.Text, t.Color = n.Label, fg
		size := t.MinSize()
		t.Resize(fyne.NewSize(300, size.Height))
		t.Move(fyne.NewPos(float32(n.X)-150, float32(n.Y+n.R)+1))
		bg := theme.Color(theme.ColorNameBackground)
		rr, gg, bb, _ := bg.RGBA()
		back.FillColor, back.CornerRadius = color.NRGBA{uint8(rr >> 8), uint8(gg >> 8), uint8(bb >> 8), 0xb8}, 3
		back.Move(fyne.NewPos(float32(n.X)-size.Width/2-3, float32(n.Y+n.R)+2))
		back.Resize(fyne.NewSize(size.Width+6, size.Height-2))
		t.Show()
		back.Show()
		nLabels++
	}
	hideFrom(r.lines, nLines)
	hideFrom(r.circles, nCircles)
	hideFrom(r.labels, nLabels)
	hideFrom(r.backs, nLabels)
	r.tip.place(r.c.tip, r.c.tipAt, r.size)
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg)
	for _, l := range r.lines {
		r.objects = append(r.objects, l)
	}
	for _, c := range r.circles {
		r.objects = append(r.objects, c)
	}
	for i, t := range r.labels {
		r.objects = append(r.objects, r.backs[i], t)
	}
	r.objects = append(r.objects, r.tip.objects()...)
	canvas.Refresh(r.c)
}

func hideFrom[T fyne.CanvasObject](objs []T, from int) {
	for _, o := range objs[from:] {
		o.Hide()
	}
}

// plural counts things in words: "1 event", "3 events".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
