package views

import (
	"image/color"
	"math"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
	"dossier/data/codebook"
)

// quadColours colour the timeline's QuadClass lanes: cooperation green,
// conflict orange and red; grey for events without one.
var quadColours = [5]color.NRGBA{{0x88, 0x88, 0x88, 0xff}, {0x4e, 0x9a, 0x06, 0xff}, {0x73, 0xd2, 0x16, 0xff}, {0xf5, 0x79, 0x00, 0xff}, {0xcc, 0x00, 0x00, 0xff}}

// maxMarks is how many events the timeline draws; beyond it, a sample.
const maxMarks = 20000

// Timeline draws the table's events over time, one lane per QuadClass, a
// mark per event; tapping a mark opens the event.
type Timeline struct {
	widget.BaseWidget
	rows  func() eventList
	open  func(id string)
	marks []mark
	first time.Time
	last  time.Time
}

type mark struct {
	id   string
	day  time.Time
	lane int
	size float32 // diameter: larger for events reported to have killed more
	pos  fyne.Position
}

// markSize grows with the fatalities reported, by their logarithm: 8
// points for none or not reported, 14 for 10 killed, 20 for 100, at most 26.
func markSize(killed *int) float32 {
	if killed == nil || *killed <= 0 {
		return 8
	}
	return float32(min(26, 8+6*math.Log10(float64(*killed))))
}

func newTimeline(rows func() eventList, open func(string)) *Timeline {
	t := &Timeline{rows: rows, open: open}
	t.ExtendBaseWidget(t)
	return t
}

// Reload reads the rows again.
func (t *Timeline) Reload() {
	t.marks = t.marks[:0]
	rows, _ := t.rows().Sample(maxMarks) // a table read a page at a time read its sample with it
	for _, r := range rows {
		d, err := time.Parse(data.DateLayout, r.Date)
		if err != nil {
			continue
		}
		t.marks = append(t.marks, mark{id: r.ID, day: d, lane: r.QuadClass, size: markSize(r.Size.Fatalities)})
	}
	sort.Slice(t.marks, func(i, j int) bool { return t.marks[i].day.Before(t.marks[j].day) })
	if len(t.marks) > 0 {
		t.first, t.last = t.marks[0].day.AddDate(0, 0, -15), t.marks[len(t.marks)-1].day.AddDate(0, 0, 15)
	}
	t.Refresh()
}

// Tapped opens the event whose mark is nearest, within a few pixels.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	best, bestD := "", float32(64)
	for _, m := range t.marks {
		dx, dy := m.pos.X-e.Position.X, m.pos.Y-e.Position.Y
		if d := dx*dx + dy*dy; d < bestD {
			best, bestD = m.id, d
		}
	}
	if best != "" {
		t.open(best)
	}
}

func (t *Timeline) CreateRenderer() fyne.WidgetRenderer { return &timelineRenderer{t: t} }

type timelineRenderer struct {
	t       *Timeline
	objects []fyne.CanvasObject
}

func (r *timelineRenderer) MinSize() fyne.Size           { return fyne.NewSize(400, 240) }
func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Destroy()                     {}
func (r *timelineRenderer) Refresh()                     { r.Layout(r.t.Size()) }

// Layout draws lanes, month ticks and marks for the current size.
func (r *timelineRenderer) Layout(size fyne.Size) {
	t := r.t
	r.objects = r.objects[:0]
	left, top, laneH := float32(190), float32(20), (size.Height-60)/5
	fg := theme.Color(theme.ColorNameForeground)
	names := append([]string{"No code"}, codebook.QuadClassNames[1:]...)
	for lane := 4; lane >= 0; lane-- {
		y := top + float32(4-lane)*laneH
		band := canvas.NewRectangle(color.NRGBA{0x80, 0x80, 0x80, 0x18})
		band.Move(fyne.NewPos(left, y+2))
		band.Resize(fyne.NewSize(size.Width-left-10, laneH-4))
		label := canvas.NewText(names[lane], quadColours[lane])
		label.TextStyle.Bold = true
		label.Move(fyne.NewPos(8, y+laneH/2-10))
		r.objects = append(r.objects, band, label)
	}
	if len(t.marks) == 0 || !t.last.After(t.first) {
		msg := canvas.NewText("No dated events match the filter.", fg)
		msg.Move(fyne.NewPos(left+20, top+laneH*2))
		r.objects = append(r.objects, msg)
		return
	}
	span := float32(t.last.Sub(t.first).Hours())
	xOf := func(d time.Time) float32 { return left + (size.Width-left-20)*float32(d.Sub(t.first).Hours())/span }
	r.ticks(xOf, top+5*laneH, fg)
	for i := range t.marks {
		m := &t.marks[i]
		y := top + float32(4-m.lane)*laneH + laneH/2 + float32(i%7-3)*laneH/10
		m.pos = fyne.NewPos(xOf(m.day), y)
		dot := canvas.NewCircle(quadColours[m.lane])
		dot.Move(m.pos.SubtractXY(m.size/2, m.size/2))
		dot.Resize(fyne.NewSize(m.size, m.size))
		r.objects = append(r.objects, dot)
	}
}

// ticks labels months, or years when the span is long.
func (r *timelineRenderer) ticks(xOf func(time.Time) float32, y float32, fg color.Color) {
	t := r.t
	months := int(t.last.Sub(t.first).Hours() / 24 / 30)
	every, layout := 1, "Jan 2006"
	switch {
	case months > 60:
		every, layout = 12, "2006"
	case months > 18:
		every = 3
	}
	// the first tick: the next month, quarter or year after the start
	d := time.Date(t.first.Year(), t.first.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	for (int(d.Month())-1)%every != 0 {
		d = d.AddDate(0, 1, 0)
	}
	for ; d.Before(t.last); d = d.AddDate(0, every, 0) {
		x := xOf(d)
		line := canvas.NewLine(color.NRGBA{0x80, 0x80, 0x80, 0x60})
		line.Position1, line.Position2 = fyne.NewPos(x, 20), fyne.NewPos(x, y)
		label := canvas.NewText(d.Format(layout), fg)
		label.TextSize = theme.TextSize() * 0.85
		label.Move(fyne.NewPos(x-20, y+6))
		r.objects = append(r.objects, line, label)
	}
}
