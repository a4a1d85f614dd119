package search

import (
	"log"
	"sync"

	"dossier/data"
)

// Follower keeps an index in step with a store through its change feed,
// off the writers' goroutines: an edit is saved at once and indexed a
// moment later, so that typing never waits for the index.
type Follower struct {
	ix     *Index
	st     Source
	cancel func()

	mu      sync.Mutex
	pending map[string]data.RecordKind // records changed since the last pass
	reset   bool                       // a restore: rebuild everything
	wake    chan struct{}
	stop    chan struct{}
	stopped chan struct{}

	work sync.Mutex // one pass at a time
}

// Follow starts keeping ix in step with st.
func Follow(ix *Index, st Source) *Follower {
	f := &Follower{ix: ix, st: st, pending: map[string]data.RecordKind{},
		wake: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{})}
	f.cancel = st.Subscribe(f.heard)
	go f.run()
	return f
}

// heard notes changed records and wakes the indexing goroutine.
func (f *Follower) heard(cs []data.Change) {
	f.mu.Lock()
	for _, c := range cs {
		if c.Reset {
			f.reset = true
			continue
		}
		if c.Aside {
			continue // no record changed
		}
		f.pending[c.ID] = c.Record
	}
	f.mu.Unlock()
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

func (f *Follower) run() {
	defer close(f.stopped)
	for {
		select {
		case <-f.stop:
			return
		case <-f.wake:
			f.Settle()
		}
	}
}

// Settle indexes every change heard so far before it returns, so that a
// search reflects every edit made before it.
func (f *Follower) Settle() {
	f.work.Lock()
	defer f.work.Unlock()
	f.mu.Lock()
	pending, reset := f.pending, f.reset
	f.pending, f.reset = map[string]data.RecordKind{}, false
	f.mu.Unlock()
	if err := f.pass(pending, reset); err != nil {
		log.Printf("search index left stale (brought in step at the next start): %v", err)
	}
}

// pass indexes the records' current state. The mark is read first: a
// write that lands during the pass leaves the database's stamp different
// from the one marked, so at worst the index catches up at the next start.
func (f *Follower) pass(pending map[string]data.RecordKind, reset bool) error {
	if reset {
		_, err := f.ix.Sync(f.st, nil)
		return err
	}
	if len(pending) == 0 {
		return nil
	}
	m, err := markOf(f.st)
	if err != nil {
		return err
	}
	if err := f.ix.refresh(f.st, pending); err != nil {
		return err
	}
	return f.ix.markInStep(m)
}

// Sync brings the index in step with the store (see
// Index.Sync), between passes.
func (f *Follower) Sync(progress func(done, total int)) (bool, error) {
	f.work.Lock()
	defer f.work.Unlock()
	return f.ix.Sync(f.st, progress)
}

// Close stops following, indexes what was heard last, and closes the index.
func (f *Follower) Close() error {
	f.cancel()
	close(f.stop)
	<-f.stopped
	f.Settle()
	return f.ix.Close()
}

// Index is the index followed.
func (f *Follower) Index() *Index { return f.ix }
