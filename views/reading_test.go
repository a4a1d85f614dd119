package views

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/network"
	"dossier/data"
)

// gatedNetwork is a network that takes as long to read as the test wants:
// each read waits for the gate, and says which filter it was read for.
type gatedNetwork struct {
	gate      chan struct{}
	mu        sync.Mutex
	reads     []string // the actor of each read's filter
	cancelled []string // of each read cancelled before the gate opened
}

func (g *gatedNetwork) Network(ctx context.Context, f app.EventFilter, marked map[string]bool) (*network.Graph, error) {
	g.mu.Lock()
	g.reads = append(g.reads, f.Actor)
	g.mu.Unlock()
	select {
	case <-g.gate:
	case <-ctx.Done():
		g.mu.Lock()
		g.cancelled = append(g.cancelled, f.Actor)
		g.mu.Unlock()
		return nil, ctx.Err()
	}
	b := network.NewBuilder(map[string]data.Actor{})
	b.Add(&data.Event{ID: "e1", Actors: []string{"someone"}, Recipients: []string{f.Actor + "-target"}})
	return b.Graph(), nil
}

// TestTabsReadOffTheUIGoroutine: opening the Network tab over a store slow
// to read leaves the window free (the tab says it is reading); filters
// changed twice meanwhile cancel the read under way and cost one read
// more, not two, and the chart shows the last filter's network.
func TestTabsReadOffTheUIGoroutine(t *testing.T) {
	test.NewTempApp(t)
	src := &gatedNetwork{gate: make(chan struct{})}
	ui := newTestBridge()
	actor := "first"
	tab := newNetworkTab(src, networkLinks{ui: ui, filter: func() app.EventFilter { return app.EventFilter{Actor: actor} }})
	tab.view()

	opened := make(chan struct{})
	go func() {
		tab.show(true)
		close(opened)
	}()
	select {
	case <-opened:
	case <-time.After(5 * time.Second):
		close(src.gate)
		t.Fatal("opening the Network tab waited for the read: the window would freeze while it reads")
	}
	if tab.status.Text != "Reading the network…" {
		t.Errorf("while it reads, the tab says %q", tab.status.Text)
	}
	actor = "second"
	tab.filterChanged()
	actor = "third"
	tab.filterChanged()
	waitFor(t, func() bool { src.mu.Lock(); defer src.mu.Unlock(); return len(src.cancelled) == 1 })
	close(src.gate)
	ui.settle()
	if len(src.cancelled) != 1 || src.cancelled[0] != "first" {
		t.Errorf("reads cancelled: %v, want the first (overtaken while it ran)", src.cancelled)
	}

	if want := []string{"first", "third"}; len(src.reads) != 2 || src.reads[0] != want[0] || src.reads[1] != want[1] {
		t.Errorf("reads for %v, want %v (the second filter was overtaken by the third)", src.reads, want)
	}
	if _, ok := tab.chart.full.Node("third-target"); !ok || len(tab.chart.full.Nodes) != 2 {
		t.Fatalf("the chart shows %+v, want the network of the last filter", tab.chart.full.Nodes)
	}
	if tab.stale || tab.reading.busy() {
		t.Error("after the last read the tab still counts itself stale or reading")
	}
}

// TestChangeWhileHiddenAndReading: a change heard while the tab is hidden
// and a read is under way may not be in what that read finds, so the tab
// stays stale and reads again when shown.
func TestChangeWhileHiddenAndReading(t *testing.T) {
	test.NewTempApp(t)
	src := &gatedNetwork{gate: make(chan struct{})}
	ui := newTestBridge()
	tab := newNetworkTab(src, networkLinks{ui: ui, filter: func() app.EventFilter { return app.EventFilter{Actor: "a"} }})
	tab.view()
	tab.show(true)
	tab.show(false)
	tab.changed([]data.Change{{Record: data.RecordEvent, ID: "e2"}})
	close(src.gate)
	ui.settle()
	if !tab.stale {
		t.Fatal("a change heard while the read ran counts as read")
	}
	tab.show(true)
	ui.settle()
	if len(src.reads) != 2 || tab.stale {
		t.Fatalf("shown again, the tab read %d times and is stale %v, want a second read", len(src.reads), tab.stale)
	}
}

// waitFor waits up to five seconds for cond.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("waited five seconds in vain")
		}
	}
}

// gatedEvents is an events table that takes as long to read as the test
// wants, and is empty.
type gatedEvents struct{ gate chan struct{} }

func (g gatedEvents) EventTable(ctx context.Context, f app.EventFilter) (*app.EventTable, error) {
	<-g.gate
	return app.NewEventTable(), nil
}

func (g gatedEvents) EventPages(ctx context.Context, f app.EventFilter) (*app.EventPages, error) {
	<-g.gate
	return &app.EventPages{}, nil
}

func (g gatedEvents) EventRow(string, app.EventFilter) (app.EventRow, bool, error) {
	return app.EventRow{}, false, nil
}

// TestWrongFilterDuringARead: a wrong date typed while the events are
// read is refused with a sentence that stays: the read of the filter
// before it ends unseen instead of replacing the sentence with its count.
func TestWrongFilterDuringARead(t *testing.T) {
	test.NewTempApp(t)
	src := gatedEvents{gate: make(chan struct{})}
	ui := newTestBridge()
	tab := newEventsTab(src, eventsLinks{ui: ui})
	tab.view()
	tab.show(true)
	tab.from.SetText("2020-13-45")
	tab.applied()
	close(src.gate)
	ui.settle()
	if !strings.HasPrefix(tab.count.Text, "The date is wrong") {
		t.Fatalf("after the read of the filter before, the count says %q", tab.count.Text)
	}
	tab.from.SetText("2020-12")
	tab.applied()
	ui.settle()
	if tab.count.Text != plural(0, "event") || tab.reading.busy() {
		t.Fatalf("a right date: the count says %q", tab.count.Text)
	}
}
