package views

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// bridge is the one place where work done off the UI goroutine, and the
// changes the database publishes, come back to widgets: every such
// callback is handed to the UI goroutine through it, once.
type bridge struct {
	do    func(func()) // fyne.Do in the window; a queue the test drains
	tasks sync.WaitGroup

	mu    sync.Mutex
	queue []func() // the test bridge's callbacks not run yet
}

func newBridge() *bridge { return &bridge{do: fyne.Do} }

// newTestBridge queues callbacks until settle runs them on the test's
// goroutine, so that window tests are deterministic and free of races.
func newTestBridge() *bridge {
	b := &bridge{}
	b.do = func(fn func()) {
		b.mu.Lock()
		b.queue = append(b.queue, fn)
		b.mu.Unlock()
	}
	return b
}

// settle waits for background work and runs every queued callback, until
// nothing is left (test bridge only).
func (b *bridge) settle() {
	for {
		b.tasks.Wait()
		b.mu.Lock()
		q := b.queue
		b.queue = nil
		b.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, fn := range q {
			fn()
		}
	}
}

// run does work on its own goroutine, then done on the UI goroutine.
func (b *bridge) run(work func(), done func()) {
	b.tasks.Add(1)
	go func() {
		defer b.tasks.Done()
		work()
		b.do(done)
	}()
}

// later runs fn on the UI goroutine after the current event is handled
// (and the layout it causes is done).
func (b *bridge) later(fn func()) { b.do(fn) }

// listen hands every batch of changes the session hears to fn, on the UI
// goroutine, in the order they were committed.
func (b *bridge) listen(subscribe func(func([]data.Change)) func(), fn func([]data.Change)) (cancel func()) {
	return subscribe(func(cs []data.Change) { b.do(func() { fn(cs) }) })
}

// progress reports how far long work has come: done of total, and what it
// is doing now ("" to keep the last words).
type progress func(done, total int, what string)

// longWork is work that may take a while: it runs off the UI goroutine,
// with a progress dialog that appears once it takes longer than a moment
// and lets the analyst cancel it; or, given a status line, with its
// progress told there (work the analyst need not wait for).
type longWork struct {
	ui     *bridge
	win    fyne.Window
	title  string
	status func(msg string)
}

// windowLinks are what a feature that talks to the analyst needs of the
// window: dialogs, work off the UI goroutine, and the status bar.
type windowLinks struct {
	ui   *bridge
	win  fyne.Window
	tell func(string)
}

// long is work of this feature that may take a while, under title.
func (l windowLinks) long(title string) longWork { return longWork{ui: l.ui, win: l.win, title: title} }

// showAfter is how long work may run before its progress dialog appears.
const showAfter = 400 * time.Millisecond

// runLong runs work as long work; done gets its result on the UI goroutine.
func runLong[T any](lw longWork, work func(context.Context, progress) (T, error), done func(T, error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	var dlg dialog.Dialog
	finished := false
	timer := time.AfterFunc(showAfter, func() {
		lw.ui.do(func() {
			if finished || lw.status != nil {
				return
			}
			dlg = dialog.NewCustomWithoutButtons(lw.title, container.NewVBox(what, bar, widget.NewButton("Cancel", cancel)), lw.win)
			dlg.Resize(fyne.NewSize(480, 160))
			dlg.Show()
		})
	})
	report := func(n, total int, words string) {
		lw.ui.do(func() {
			if lw.status != nil && words != "" {
				lw.status(words)
			}
			if total > 0 {
				bar.SetValue(float64(n) / float64(total))
			}
			if words != "" {
				what.SetText(words)
			}
		})
	}
	var res T
	var err error
	lw.ui.run(func() { res, err = work(ctx, report) }, func() {
		finished = true
		timer.Stop()
		cancel()
		if dlg != nil {
			dlg.Hide()
		}
		done(res, err)
	})
}
