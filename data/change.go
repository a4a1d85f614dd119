package data

import (
	"context"
	"slices"
	"sort"
	"sync"
	"time"
)

// RecordKind names one of the three kinds of record.
type RecordKind string

// The kinds of record, each spelt once.
const (
	RecordArticle RecordKind = "article"
	RecordEvent   RecordKind = "event"
	RecordActor   RecordKind = "actor"
)

// RecordKinds lists the kinds in the order reports show them.
var RecordKinds = []RecordKind{RecordArticle, RecordEvent, RecordActor}

// Revision is what every record carries of its last write: the version
// the writer read (0 for a new record; a write succeeds only if it is still
// the stored one, and raises it by one), when, and by which analyst.
type Revision struct {
	Updated   time.Time `json:"updated"`
	Version   int       `json:"version"`
	UpdatedBy string    `json:"updated_by,omitempty"` // the analyst's id
}

// Rev gives access to a record's revision.
func (r *Revision) Rev() *Revision { return r }

// Origin says where a change came from, so that the window can tell the
// analyst ("changed by a colleague") and panels can treat their own echo.
type Origin string

// Where changes come from.
const (
	OriginWindow    Origin = "window"
	OriginUndo      Origin = "undo"
	OriginImport    Origin = "import"
	OriginCommand   Origin = "command line"
	OriginColleague Origin = "colleague" // through the team hub
	OriginBundle    Origin = "bundle"    // in a file of a colleague's changes
	OriginRestore   Origin = "restore"
)

// Place names where such a change arrived from, for a sentence ("from
// the team hub").
func (o Origin) Place() string {
	switch o {
	case OriginColleague:
		return "the team hub"
	case OriginBundle:
		return "a bundle"
	}
	return "the " + string(o)
}

type originKey struct{}

// WithOrigin marks the writes made with ctx as coming from o.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

// OriginOf is the origin ctx carries; the command line when none.
func OriginOf(ctx context.Context) Origin {
	if o, ok := ctx.Value(originKey{}).(Origin); ok {
		return o
	}
	return OriginCommand
}

// Change is one record changed by one committed write. Versions are the
// record's before and after it: Old 0 means the record was created, New 0
// that it was deleted.
type Change struct {
	Record RecordKind `json:"record"`
	ID     string     `json:"id"`
	Old    int        `json:"old"`
	New    int        `json:"new"`
	By     string     `json:"by,omitempty"` // the analyst who made it
	Origin Origin     `json:"origin"`
	// Articles and Actors an event cited before or after the change, so
	// that counts and rows can be refreshed one by one.
	Articles []string `json:"articles,omitempty"`
	Actors   []string `json:"actors,omitempty"`
	// Reset: anything may have changed (a restore); read everything again.
	Reset bool `json:"reset,omitempty"`
	// Conflict: a colleague's version of the record was kept beside this
	// database's as an open conflict (the record itself did not change).
	Conflict bool `json:"conflict,omitempty"`
	// Aside: something that arrived was set aside, or forgotten (see
	// SetAside); ID names it, and no record changed.
	Aside bool `json:"aside,omitempty"`
}

// Deleted reports whether the change removed the record.
func (c Change) Deleted() bool { return c.New == 0 && !c.Reset && !c.Aside }

// Touches reports whether the change may concern the record of that kind
// and id, directly or (for an event) through what it cites.
func (c Change) Touches(kind RecordKind, id string) bool {
	switch {
	case c.Reset:
		return true
	case c.Record == kind && c.ID == id:
		return true
	case kind == RecordArticle:
		return slices.Contains(c.Articles, id)
	case kind == RecordActor:
		return slices.Contains(c.Actors, id)
	}
	return false
}

// Feed passes the changes of each committed write to its subscribers, in
// commit order. Subscribers are called on the writer's goroutine and must
// return quickly (the window hands them to its UI goroutine).
type Feed struct {
	mu   sync.Mutex
	subs map[int]func([]Change)
	next int
}

// Subscribe calls fn with every later batch of changes until cancel.
func (f *Feed) Subscribe(fn func([]Change)) (cancel func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.subs == nil {
		f.subs = map[int]func([]Change){}
	}
	id := f.next
	f.next++
	f.subs[id] = fn
	return func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		delete(f.subs, id)
	}
}

// Publish hands changes to every subscriber, in the order they subscribed.
func (f *Feed) Publish(cs []Change) {
	if len(cs) == 0 {
		return
	}
	f.mu.Lock()
	ids := make([]int, 0, len(f.subs))
	for id := range f.subs {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	fns := make([]func([]Change), len(ids))
	for i, id := range ids {
		fns[i] = f.subs[id]
	}
	f.mu.Unlock()
	for _, fn := range fns {
		fn(cs)
	}
}
