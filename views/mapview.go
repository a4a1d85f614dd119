package views

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/geomap"
	"dossier/app/safefile"
	"dossier/data"
)

// mapSource is what the Map tab reads.
type mapSource interface {
	MapSpots(ctx context.Context, f app.EventFilter) ([]geomap.Spot, int, error)
	MapSpotsOf(ids []string, f app.EventFilter) (map[string]geomap.Spot, error)
}

// mapLinks are what the tab does beyond itself.
type mapLinks struct {
	ui         *bridge
	win        fyne.Window
	filter     func() app.EventFilter // the Events tab's
	openEvents func(ids []string, what string)
}

// mapTab places the events the Events tab's filters select on the world
// map, grouped where they would overlap, with a time window by month.
type mapTab struct {
	src      mapSource
	links    mapLinks
	chart    *mapChart
	status   *widget.Label
	sizeBy   *widget.Select
	from, to *widget.Slider
	window   *widget.Label
	play     *widget.Button
	all      []geomap.Spot
	unplaced int
	months   []string
	playing  bool
	visible  bool
	stale    bool
	reading  tabRead[mapRead]
}

// mapRead is what the map reads off the UI goroutine: the spots the
// filter selects and how many events it selects without a place.
type mapRead struct {
	spots    []geomap.Spot
	unplaced int
}

func newMapTab(src mapSource, links mapLinks) *mapTab {
	t := &mapTab{src: src, links: links, status: widget.NewLabel(""), window: widget.NewLabel(""), stale: true, reading: tabRead[mapRead]{ui: links.ui}}
	t.status.Wrapping = fyne.TextWrapWord
	t.chart = newMapChart()
	t.chart.onTap = links.openEvents
	t.chart.onView = t.describe
	t.sizeBy = widget.NewSelect([]string{geomap.SizeEvents, geomap.SizeFatalities}, func(v string) {
		t.chart.sizeBy = v
		t.chart.redraw()
	})
	t.sizeBy.Selected = geomap.SizeEvents
	t.from = widget.NewSlider(0, 1)
	t.to = widget.NewSlider(0, 1)
	t.from.OnChanged = func(float64) { t.windowMoved(t.from) }
	t.to.OnChanged = func(float64) { t.windowMoved(t.to) }
	t.play = widget.NewButtonWithIcon("Play", theme.MediaPlayIcon(), t.togglePlay)
	return t
}

func (t *mapTab) view() fyne.CanvasObject {
	bar := container.NewHBox(
		widget.NewButton("Fit", t.chart.fit),
		widget.NewButton("Whole world", t.chart.wholeWorld),
		widget.NewSeparator(),
		widget.NewLabel("Size by"), t.sizeBy,
		widget.NewSeparator(),
		widget.NewButtonWithIcon("Save picture…", theme.DocumentSaveIcon(), t.savePicture),
	)
	sliders := container.NewGridWithColumns(2, container.NewBorder(nil, nil, widget.NewLabel("from"), nil, t.from),
		container.NewBorder(nil, nil, widget.NewLabel("to"), nil, t.to))
	timeBar := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Time window"), t.play), t.window, sliders)
	return container.NewBorder(container.NewVBox(bar, timeBar, t.status), nil, nil, nil, t.chart)
}

// show is called when the tab is shown or hidden.
func (t *mapTab) show(visible bool) {
	t.visible = visible
	if !visible {
		t.stopPlay()
	}
	if visible && t.stale && !t.reading.busy() {
		t.reload()
	}
}

// filterChanged follows the Events tab's filters.
func (t *mapTab) filterChanged() {
	t.stale = true
	if t.visible {
		t.reload()
	} else {
		t.reading.missing()
	}
}

// reload reads the spots again with the Events tab's filters, off the UI
// goroutine, and opens the time window wide.
func (t *mapTab) reload() {
	t.status.SetText("Reading the map…")
	f := t.links.filter()
	t.reading.start(func(ctx context.Context) (mapRead, error) {
		spots, unplaced, err := t.src.MapSpots(ctx, f)
		return mapRead{spots, unplaced}, err
	}, t.place)
}

// place shows the spots read.
func (t *mapTab) place(r mapRead, err error) {
	if err != nil {
		t.status.SetText("The map could not be read.")
		showError(t.links.win, "The map could not be read", err)
		return
	}
	t.stale = t.reading.stale()
	t.all, t.unplaced, t.months = r.spots, r.unplaced, geomap.Months(r.spots)
	last := float64(max(len(t.months)-1, 0))
	for _, s := range []*widget.Slider{t.from, t.to} {
		s.Min, s.Max, s.Step = 0, max(last, 1), 1
	}
	t.from.Value, t.to.Value = 0, last
	t.from.Refresh()
	t.to.Refresh()
	t.applyWindow(!t.chart.fitted)
	if t.stale && t.visible { // a change came while it was hidden and read
		t.reload()
	}
}

// changed follows the change feed: an edited, arriving or deleted event
// moves, adds or removes its own mark; the view stays where it is.
func (t *mapTab) changed(cs []data.Change) {
	if !t.visible {
		t.stale = true
		t.reading.missing()
		return
	}
	var ids []string
	for _, c := range cs {
		if c.Reset || c.Record == data.RecordEvent && t.reading.busy() { // a read under way may not hold the change
			t.reload()
			return
		}
		if c.Record == data.RecordEvent {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return
	}
	spots, err := t.src.MapSpotsOf(ids, t.links.filter())
	if err != nil {
		return
	}
	touched := make(map[string]bool, len(ids))
	for _, id := range ids {
		touched[id] = true
	}
	kept := make([]geomap.Spot, 0, len(t.all)) // one pass: the changed spots replaced or dropped (a new slice: the chart draws from the old one)
	for _, s := range t.all {
		if !touched[s.ID] {
			kept = append(kept, s)
		} else if sp, ok := spots[s.ID]; ok {
			kept = append(kept, sp)
			delete(spots, s.ID)
		}
	}
	for _, id := range ids { // the new ones, in the order they came
		if sp, ok := spots[id]; ok {
			kept = append(kept, sp)
			delete(spots, id)
		}
	}
	t.all = kept
	t.applyWindow(false)
}

// windowMoved keeps the window's start before its end and redraws.
func (t *mapTab) windowMoved(moved *widget.Slider) {
	if t.from.Value > t.to.Value {
		if moved == t.from {
			t.to.Value = t.from.Value
			t.to.Refresh()
		} else {
			t.from.Value = t.to.Value
			t.from.Refresh()
		}
	}
	t.applyWindow(false)
}

// bounds are the months the window holds ("" when there are none).
func (t *mapTab) bounds() (string, string) {
	if len(t.months) == 0 {
		return "", ""
	}
	at := func(v float64) string { return t.months[max(0, min(len(t.months)-1, int(math.Round(v))))] }
	return at(t.from.Value), at(t.to.Value)
}

// applyWindow draws the spots within the time window (all of them when
// it is open wide), fitting the view when asked.
func (t *mapTab) applyWindow(fit bool) {
	from, to := t.bounds()
	spots := t.all
	if len(t.months) > 0 && (from != t.months[0] || to != t.months[len(t.months)-1]) {
		spots = geomap.Within(t.all, from, to)
	}
	if from == "" {
		t.window.SetText("no dated events")
	} else {
		t.window.SetText(fmt.Sprintf("%s to %s", monthName(from), monthName(to)))
	}
	t.chart.setSpots(spots, fit)
}

// monthName is "Mar 2025" for "2025-03".
func monthName(m string) string {
	if d, err := time.Parse("2006-01", m); err == nil {
		return d.Format("Jan 2006")
	}
	return m
}

// togglePlay starts or stops stepping the window through the months.
func (t *mapTab) togglePlay() {
	if t.playing {
		t.stopPlay()
		return
	}
	if len(t.months) < 2 {
		return
	}
	if t.to.Value >= t.to.Max { // from the start again, the window as wide as it is
		width := t.to.Value - t.from.Value
		if width >= t.to.Max {
			width = 0
		}
		t.from.Value, t.to.Value = 0, width
		t.from.Refresh()
		t.to.Refresh()
		t.applyWindow(false)
	}
	t.playing = true
	t.play.SetText("Pause")
	t.play.SetIcon(theme.MediaPauseIcon())
	t.schedule()
}

// playStep is how long each month of Play stays on screen.
const playStep = 700 * time.Millisecond

func (t *mapTab) schedule() {
	time.AfterFunc(playStep, func() {
		t.links.ui.do(func() {
			if t.playing && t.step() {
				t.schedule()
			}
		})
	})
}

// step moves the window one month on; false at the end (Play stops).
func (t *mapTab) step() bool {
	if t.to.Value >= t.to.Max {
		t.stopPlay()
		return false
	}
	t.from.Value, t.to.Value = t.from.Value+1, t.to.Value+1
	t.from.Refresh()
	t.to.Refresh()
	t.applyWindow(false)
	return true
}

func (t *mapTab) stopPlay() {
	if !t.playing {
		return
	}
	t.playing = false
	t.play.SetText("Play")
	t.play.SetIcon(theme.MediaPlayIcon())
}

// savePicture asks where, then saves the map as it is shown.
func (t *mapTab) savePicture() {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, _ error) {
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		saved, err := t.writePicture(path)
		if err != nil {
			showError(t.links.win, "The map was not saved", err)
			return
		}
		t.status.SetText("Saved the map to " + saved + ".")
	}, t.links.win)
	save.SetFileName("dossier-map.png")
	save.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".svg"}))
	save.Show()
}

// writePicture writes what the map shows — its view, time window and
// sizes — as a PNG image, or SVG for a name ending .svg, titled with what
// it shows; it returns the path written.
func (t *mapTab) writePicture(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".png" && ext != ".svg" {
		path, ext = path+".png", ".png"
	}
	s := t.chart.scene
	s.Title = fmt.Sprintf("Where: %s, %s (filtered like the Events table)", plural(len(s.Spots), "event"), t.window.Text)
	write := geomap.WritePNG
	if ext == ".svg" {
		write = geomap.WriteSVG
	}
	return path, safefile.Write(path, false, func(w io.Writer) error { return write(w, s) })
}

// describe says what the map shows.
func (t *mapTab) describe(s geomap.Scene) {
	msg := fmt.Sprintf("%s on the map", plural(len(s.Spots), "event"))
	if t.unplaced > 0 {
		msg += fmt.Sprintf(", %d without a place", t.unplaced)
	}
	if n := len(t.all) - len(s.Spots); n > 0 {
		msg += fmt.Sprintf(", %d outside the time window", n)
	}
	t.status.SetText(msg + ". Filtered like the Events table. Scroll to zoom, drag to pan, tap a mark for its events.")
}

// mapChart draws the map and lets the analyst move about it.
type mapChart struct {
	widget.BaseWidget
	spots  []geomap.Spot
	view   geomap.Viewport
	fitted bool // the view was set (fitted or moved by the analyst)
	sizeBy string
	scene  geomap.Scene
	tip    []string
	tipAt  fyne.Position

	onTap  func(ids []string, what string)
	onView func(geomap.Scene)
}

func newMapChart() *mapChart {
	c := &mapChart{sizeBy: geomap.SizeEvents}
	c.ExtendBaseWidget(c)
	return c
}

// setSpots draws other spots, fitting the view to them when asked.
func (c *mapChart) setSpots(spots []geomap.Spot, fit bool) {
	c.spots = spots
	if fit || !c.fitted {
		c.fit()
		return
	}
	c.redraw()
}

// size is the chart's size, or a default before it is laid out.
func (c *mapChart) size() (float64, float64) {
	s := c.Size()
	if s.Width < 10 {
		return 1000, 600
	}
	return float64(s.Width), float64(s.Height)
}

// fit shows every spot drawn.
func (c *mapChart) fit() {
	points := make([][2]float64, len(c.spots))
	for i, s := range c.spots {
		points[i] = [2]float64{s.X, s.Y}
	}
	w, h := c.size()
	c.view, c.fitted = geomap.Fit(points, w, h), true
	c.redraw()
}

func (c *mapChart) wholeWorld() {
	w, h := c.size()
	c.view, c.fitted = geomap.WholeWorld(w, h), true
	c.redraw()
}

// redraw makes the scene for the current view: the work of one frame.
func (c *mapChart) redraw() {
	c.view.Width, c.view.Height = c.size()
	if c.view.Scale == 0 {
		c.view = geomap.WholeWorld(c.view.Width, c.view.Height)
	}
	s, err := geomap.Draw(c.spots, c.view, c.sizeBy, "")
	if err != nil {
		fyne.LogError("map", err)
		return
	}
	c.scene = s
	if c.onView != nil {
		c.onView(s)
	}
	c.Refresh()
}

// Scrolled zooms about the pointer.
func (c *mapChart) Scrolled(e *fyne.ScrollEvent) {
	c.view = c.view.ZoomAbout(float64(e.Position.X), float64(e.Position.Y), math.Pow(1.002, float64(e.Scrolled.DY)))
	c.fitted = true
	c.redraw()
}

// Dragged pans.
func (c *mapChart) Dragged(e *fyne.DragEvent) {
	c.view = c.view.Pan(float64(e.Dragged.DX), float64(e.Dragged.DY))
	c.fitted = true
	c.redraw()
}

func (c *mapChart) DragEnd() {}

// Tapped opens the events of the mark under the pointer.
func (c *mapChart) Tapped(e *fyne.PointEvent) {
	m, ok := c.scene.MarkAt(float64(e.Position.X), float64(e.Position.Y))
	if !ok || c.onTap == nil {
		return
	}
	ids := c.scene.Events(m)
	slices.Sort(ids)
	c.onTap(ids, plural(len(ids), "event")+" at "+c.scene.Describe(m)[0])
}

func (c *mapChart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

// MouseMoved shows what the mark under the pointer holds.
func (c *mapChart) MouseMoved(e *desktop.MouseEvent) {
	var tip []string
	if m, ok := c.scene.MarkAt(float64(e.Position.X), float64(e.Position.Y)); ok {
		tip = c.scene.Describe(m)
	}
	if len(tip) > 0 || len(c.tip) > 0 {
		c.tip, c.tipAt = tip, e.Position
		c.Refresh()
	}
}

func (c *mapChart) MouseOut() {
	c.tip = nil
	c.Refresh()
}

func (c *mapChart) MinSize() fyne.Size { return fyne.NewSize(300, 200) }

func (c *mapChart) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{c: c, base: canvas.NewImageFromImage(nil), tip: newTooltip()}
	r.base.FillMode = canvas.ImageFillStretch
	r.base.ScaleMode = canvas.ImageScaleFastest
	return r
}

// mapRenderer draws the land as one picture and keeps pools of circles
// and texts for the marks and labels, moved to their places each frame.
type mapRenderer struct {
	c       *mapChart
	base    *canvas.Image
	marks   []*canvas.Circle
	counts  []*canvas.Text
	dots    []*canvas.Circle
	labels  []*canvas.Text
	tip     *tooltip
	objects []fyne.CanvasObject
	size    fyne.Size
	drawn   geomap.Viewport // the view the land picture shows
	painter geomap.Painter  // draws it, keeping its buffers
}

func (r *mapRenderer) Layout(s fyne.Size) {
	if s != r.size {
		r.size = s
		if !r.c.fitted {
			r.c.fit()
		} else {
			r.c.redraw()
		}
	}
}

func (r *mapRenderer) MinSize() fyne.Size           { return r.c.MinSize() }
func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *mapRenderer) Destroy()                     {}

// Refresh draws the land again when the view moved, and puts the pools in
// the scene's places.
func (r *mapRenderer) Refresh() {
	s := r.c.scene
	r.base.Resize(r.size)
	if s.World != nil && s.View != r.drawn {
		r.base.Image = r.painter.Paint(s)
		r.drawn = s.View
		r.base.Refresh() // a new picture: its texture is made again
	}
	nLabels, nDots := 0, 0
	text := func(pool *[]*canvas.Text, n int, s string, col color.Color, x, y float32, align fyne.TextAlign) {
		if n == len(*pool) {
			t := canvas.NewText("", col)
			t.TextSize = geomap.LabelSize
			*pool = append(*pool, t)
		}
		t := (*pool)[n]
		t.Text, t.Color, t.Alignment = s, col, align
		h := t.MinSize().Height
		t.Resize(fyne.NewSize(200, h))
		switch align {
		case fyne.TextAlignCenter:
			t.Move(fyne.NewPos(x-100, y-h/2))
		default:
			t.Move(fyne.NewPos(x, y-h/2))
		}
		t.Show()
	}
	for _, l := range s.Labels {
		if l.Town {
			if nDots == len(r.dots) {
				r.dots = append(r.dots, canvas.NewCircle(geomap.TownInk))
			}
			d := r.dots[nDots]
			d.Position1, d.Position2 = fyne.NewPos(float32(l.X)-2, float32(l.Y)-2), fyne.NewPos(float32(l.X)+2, float32(l.Y)+2)
			d.Show()
			nDots++
			text(&r.labels, nLabels, l.Text, geomap.TownInk, float32(l.X)+5, float32(l.Y), fyne.TextAlignLeading)
		} else {
			text(&r.labels, nLabels, l.Text, geomap.LabelInk, float32(l.X), float32(l.Y), fyne.TextAlignCenter)
		}
		nLabels++
	}
	nCounts := 0
	for i, m := range s.Marks {
		if i == len(r.marks) {
			c := canvas.NewCircle(m.Fill)
			c.StrokeColor, c.StrokeWidth = color.White, 1.5
			r.marks = append(r.marks, c)
		}
		c := r.marks[i]
		fill := m.Fill
		fill.A = 0xe0
		c.FillColor = fill
		c.Position1, c.Position2 = fyne.NewPos(float32(m.X-m.R), float32(m.Y-m.R)), fyne.NewPos(float32(m.X+m.R), float32(m.Y+m.R))
		c.Show()
		if m.Count() > 1 && m.R >= geomap.CountFrom {
			text(&r.counts, nCounts, strconv.Itoa(m.Count()), color.White, float32(m.X), float32(m.Y), fyne.TextAlignCenter)
			nCounts++
		}
	}
	hideFrom(r.marks, len(s.Marks))
	hideFrom(r.counts, nCounts)
	hideFrom(r.labels, nLabels)
	hideFrom(r.dots, nDots)
	r.tip.place(r.c.tip, r.c.tipAt, r.size)
	r.objects = append(r.objects[:0], r.base)
	for _, d := range r.dots {
		r.objects = append(r.objects, d)
	}
	for _, l := range r.labels {
		r.objects = append(r.objects, l)
	}
	for _, m := range r.marks {
		r.objects = append(r.objects, m)
	}
	for _, n := range r.counts {
		r.objects = append(r.objects, n)
	}
	r.objects = append(r.objects, r.tip.objects()...)
	canvas.Refresh(r.c)
}
