package views

import "context"

// tabRead reads what a tab shows off the UI goroutine, so that a tab over
// a million events does not freeze the window while it reads them (the
// network, the map, the sources, the events table). One read runs at a
// time: a read asked for while one runs cancels it (its context is done;
// the read stops at its next check) and takes the place of any read
// waiting before it, and only the newest read's result is shown, so that a
// flurry of changes or filters costs little more than the last read and
// never shows an older picture after a newer one.
//
// Every method runs on the UI goroutine. Without a bridge (the benchmarks
// of one tab) a read runs at once on the caller's goroutine.
type tabRead[T any] struct {
	ui      *bridge
	running bool
	cancel  func()      // the running read's
	next    *readAsk[T] // the read to run when this one ends
	missed  bool        // a change was heard, not read, while this read ran
	dropped bool        // the running read's result is not to be shown
}

// readAsk is one read: work off the UI goroutine, done on it with its
// result.
type readAsk[T any] struct {
	work func(context.Context) (T, error)
	done func(T, error)
}

// start asks for a read. work must not touch widgets: what it needs of
// them (the filter) is taken before start.
func (r *tabRead[T]) start(work func(context.Context) (T, error), done func(T, error)) {
	ask := &readAsk[T]{work, done}
	switch {
	case r.ui == nil:
		done(work(context.Background()))
	case r.running:
		r.next = ask
		r.cancel()
	default:
		r.launch(ask)
	}
}

// drop forgets the running read and any waiting: its result is not
// shown. The tab refused what the analyst asked for (a wrong date) and
// says why; a read asked for before must not replace that with its count.
func (r *tabRead[T]) drop() {
	r.next = nil
	if r.running {
		r.dropped = true
		r.cancel()
	}
}

// busy says whether a read runs: what it reads may not hold a change
// committed since it began, so a change must be read anew, not applied to
// what the tab shows.
func (r *tabRead[T]) busy() bool { return r.running }

// missing notes a change the tab does not read now (it is hidden): a read
// under way may not hold it, so the tab must count itself stale after it.
func (r *tabRead[T]) missing() {
	if r.running {
		r.missed = true
	}
}

// stale says whether the read just done may lack a change (see missing).
func (r *tabRead[T]) stale() bool { return r.missed }

func (r *tabRead[T]) launch(ask *readAsk[T]) {
	r.running, r.missed, r.dropped = true, false, false
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	var res T
	var err error
	r.ui.run(func() { res, err = ask.work(ctx) }, func() {
		cancel()
		r.running = false
		if next := r.next; next != nil {
			r.next = nil
			r.launch(next)
			return
		}
		if !r.dropped {
			ask.done(res, err)
		}
	})
}
