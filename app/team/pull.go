package team

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dossier/data"
)

// Exchange is what one round of syncing did.
type Exchange struct {
	Pushed int
	Pulled data.MergeReport
	// Notices are what the syncer did on its own, as sentences.
	Notices []string
}

// Once pushes what waits in the outbox, then merges everything colleagues
// pushed since the last time, and returns.
func (s *Syncer) Once(ctx context.Context) (Exchange, error) {
	var ex Exchange
	notices, err := s.introduce(ctx)
	ex.Notices = notices
	if err != nil {
		return ex, err
	}
	n, err := s.Push(ctx)
	ex.Pushed = n
	if err != nil {
		return ex, err
	}
	ex.Pulled, err = s.pull(ctx, true)
	if err == nil && len(ex.Pulled.Refused)+len(ex.Pulled.Behind) > 0 {
		var more int // what the hub holds wrongly or stale goes out again at once
		more, err = s.Push(ctx)
		ex.Pushed += more
	}
	return ex, err
}

// introduce tells the hub who this analyst is; the first time this
// database meets the team, or when the hub has lost what it held, it
// queues every record for it, and any record the hub lacks.
func (s *Syncer) introduce(ctx context.Context) ([]string, error) {
	notices, err := s.refill(ctx)
	if err != nil {
		return notices, err
	}
	me := s.st.Analyst()
	val, err := s.seal(analystKey(me.ID), me)
	if err != nil {
		return notices, err
	}
	if _, err := s.kv.Put(ctx, analystKey(me.ID), val); err != nil {
		return notices, explainNATS(s.cfg, err)
	}
	return notices, s.rep.SetMark(s.epochMark(), s.epoch)
}

// refill queues for the hub what it should hold and does not: everything,
// on a first meeting or after the hub lost its store (its epoch changed,
// or its history is shorter than what this database read of it), and any
// record this database has pushed that the hub lacks.
func (s *Syncer) refill(ctx context.Context) ([]string, error) {
	var notices []string
	shrank, err := s.historyShrank(ctx)
	if err != nil {
		return nil, err
	}
	queued, _ := s.rep.Mark(s.queuedMark())
	if s.lost || shrank || queued == "" {
		if s.lost || shrank {
			notices = append(notices, fmt.Sprintf("The team hub has lost changes it held (its store was emptied or rolled back): this database sends its whole history to team %s again, and reads the hub again from the start.", s.cfg.Team))
		}
		if err := s.rep.Queue(); err != nil {
			return notices, err
		}
		if err := s.rep.SetMark(s.revMark(), "0"); err != nil {
			return notices, err
		}
		s.lost = false
		return notices, s.rep.SetMark(s.queuedMark(), "1")
	}
	missing, err := s.missingOnHub(ctx)
	if err != nil || len(missing) == 0 {
		return notices, err
	}
	notices = append(notices, fmt.Sprintf("The team hub lacks %d records this database sent it: they are sent again.", len(missing)))
	return notices, s.rep.Queue(missing...)
}

// historyShrank reports whether the hub's history is shorter than the
// revision this database read up to (its bucket was made again).
func (s *Syncer) historyShrank(ctx context.Context) (bool, error) {
	m, err := s.rep.Mark(s.revMark())
	if err != nil || m == "" || m == "0" {
		return false, err
	}
	n, _ := strconv.ParseUint(m, 10, 64)
	st, err := s.kv.Status(ctx)
	if err != nil {
		return false, s.hubError(err)
	}
	info, ok := st.(interface{ StreamInfo() *jetstream.StreamInfo })
	return ok && info.StreamInfo().State.LastSeq < n, nil
}

// missingOnHub lists the records here, not waiting to be pushed, that the
// hub has no value for.
func (s *Syncer) missingOnHub(ctx context.Context) ([]string, error) {
	onHub := map[string]bool{}
	lister, err := s.kv.ListKeysFiltered(ctx, "r.>")
	if err != nil {
		return nil, s.hubError(err)
	}
	for k := range lister.Keys() {
		onHub[strings.TrimPrefix(k, "r.")] = true
	}
	waiting, err := s.rep.Outbox()
	if err != nil {
		return nil, err
	}
	for _, p := range waiting {
		onHub[p.ID] = true
	}
	held, err := s.rep.Held()
	var missing []string
	for _, id := range held {
		if !onHub[id] {
			missing = append(missing, id)
		}
	}
	return missing, err
}

func (s *Syncer) merge(ctx context.Context, vs []data.Version, rev *uint64) (data.MergeReport, error) {
	var marks map[string]string
	if rev != nil {
		marks = map[string]string{s.revMark(): strconv.FormatUint(*rev, 10)}
	}
	s.merges.Lock()
	defer s.merges.Unlock()
	rep, err := s.rep.Merge(data.WithOrigin(ctx, data.OriginColleague), vs, marks)
	if err == nil && len(rep.Refused)+len(rep.Behind) > 0 {
		err = s.rep.Queue(append(rep.Refused, rep.Behind...)...)
	}
	return rep, err
}

// pullBatch and pullBatchBytes bound what one merge takes from the hub:
// so many entries, or so many bytes of them.
const (
	pullBatch      = 200
	pullBatchBytes = 8 << 20
)

// pull merges what the hub holds after the last revision applied; with
// once it returns when it has caught up, else it follows the hub until
// ctx ends. What cannot be read or taken in is set aside: it never stops
// the exchange.
// lostAfter is how long a single exchange waits for the next entry while
// the link to the hub is down before it says the hub cannot be reached
// (the client would try to reconnect for ever).
const lostAfter = 10 * time.Second

func (s *Syncer) pull(ctx context.Context, once bool) (data.MergeReport, error) {
	var total data.MergeReport
	start, err := s.resumeFrom()
	if err != nil {
		return total, err
	}
	opts := []jetstream.WatchOpt{}
	if start > 1 {
		opts = append(opts, jetstream.ResumeFromRevision(start))
	}
	w, err := s.kv.WatchAll(ctx, opts...)
	if err != nil {
		return total, s.hubError(err)
	}
	defer w.Stop()
	var batch []data.Version
	var rev uint64
	size := 0
	flush := func() error {
		if rev == 0 {
			return nil
		}
		rep, err := s.merge(ctx, batch, &rev)
		total.Add(rep)
		batch, rev = nil, 0
		s.setStatus(func(st *Status) { st.LastExchange, st.SetAside = time.Now(), st.SetAside+rep.SetAside })
		return err
	}
	lost := time.NewTicker(lostAfter)
	defer lost.Stop()
	for {
		var e jetstream.KeyValueEntry
		var ok bool
		select {
		case e, ok = <-w.Updates():
			lost.Reset(lostAfter)
		case <-lost.C:
			if once && !s.nc.IsConnected() { // the hub went away mid-pull: say so, keep what came
				if err := flush(); err != nil {
					return total, err
				}
				return total, s.hubError(nats.ErrDisconnected)
			}
			continue
		case <-ctx.Done():
			return total, flush()
		}
		switch {
		case !ok:
			return total, flush()
		case e == nil: // caught up
			if err := flush(); err != nil || once {
				return total, err
			}
			continue
		}
		rev = e.Revision()
		switch v, ok, err := s.decode(e); {
		case errors.Is(err, errAside):
			total.SetAside++
		case err != nil:
			return total, err
		case ok:
			batch = append(batch, v)
		}
		if size += len(e.Value()); len(batch) >= pullBatch || size >= pullBatchBytes || len(w.Updates()) == 0 {
			size = 0
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
}

// decode reads one hub entry: a record's version or a conflict side to
// merge, or an analyst to know (ok false).
func (s *Syncer) decode(e jetstream.KeyValueEntry) (data.Version, bool, error) {
	if e.Operation() != jetstream.KeyValuePut {
		return data.Version{}, false, nil
	}
	switch k := e.Key(); {
	case strings.HasPrefix(k, "r."), strings.HasPrefix(k, "c."):
		return s.decodeVersion(e)
	case strings.HasPrefix(k, "a."):
		var a data.Analyst
		err := s.open(k, e.Value(), &a)
		if err == nil {
			err = s.rep.KnowAnalyst(a)
		}
		if err != nil {
			return data.Version{}, false, s.putAside(e, err)
		}
	}
	return data.Version{}, false, nil
}

// decodeVersion opens a record's value (r.<id>, c.<id>.<analyst>); one that
// does not open, or is not the record its key names, is set aside (ok
// false).
func (s *Syncer) decodeVersion(e jetstream.KeyValueEntry) (v data.Version, ok bool, err error) {
	err = s.open(e.Key(), e.Value(), &v)
	if err == nil && v.ID != recordOfKey(e.Key()) {
		err = fmt.Errorf("it holds the record %q, not the one its key names", v.ID)
	}
	if err != nil {
		return v, false, s.putAside(e, err)
	}
	return v, true, nil
}

// recordOfKey is the record a hub key names ("r.<id>", "c.<id>.<analyst>").
func recordOfKey(key string) string {
	rest := key[strings.IndexByte(key, '.')+1:]
	if strings.HasPrefix(key, "c.") {
		if i := strings.LastIndexByte(rest, '.'); i >= 0 {
			rest = rest[:i]
		}
	}
	return rest
}

// errAside: a hub value was set aside (see putAside).
var errAside = errors.New("set aside")

// putAside keeps a hub value that could not be read, with why, and queues
// this database's own version of the record to take its place; it returns
// errAside once that is done.
func (s *Syncer) putAside(e jetstream.KeyValueEntry, why error) error {
	id := recordOfKey(e.Key())
	a := data.SetAside{ID: "hub:" + e.Key(), From: data.OriginColleague, At: time.Now().UTC(),
		Reason: fmt.Sprintf("The team hub's value at %s (%d bytes) was refused: %v.", e.Key(), len(e.Value()), data.ErrorMessage(why))}
	if err := s.rep.PutAside(a); err != nil {
		return err
	}
	s.setStatus(func(st *Status) { st.SetAside++ })
	if strings.HasPrefix(e.Key(), "r.") {
		if err := s.rep.Queue(id); err != nil {
			return err
		}
	}
	return errAside
}

// resumeFrom is the first hub revision not applied here.
func (s *Syncer) resumeFrom() (uint64, error) {
	m, err := s.rep.Mark(s.revMark())
	if err != nil || m == "" {
		return 0, err
	}
	n, _ := strconv.ParseUint(m, 10, 64)
	return n + 1, nil
}

// Run keeps the database and the hub in step until ctx ends: colleagues'
// changes are merged as they arrive, this database's are pushed as they
// are made (and, while the hub cannot be reached, wait and go out later).
func (s *Syncer) Run(ctx context.Context) {
	if notices, err := s.introduce(ctx); err != nil {
		s.setStatus(func(st *Status) { st.Problem = data.ErrorMessage(err) })
	} else if len(notices) > 0 {
		s.setStatus(func(st *Status) { st.Notice = strings.Join(notices, " ") })
	}
	wake := make(chan struct{}, 1)
	cancel := s.st.Subscribe(func(cs []data.Change) {
		for _, c := range cs {
			if c.Origin != data.OriginColleague {
				select {
				case wake <- struct{}{}:
				default:
				}
				return
			}
		}
	})
	defer cancel()
	go s.follow(ctx)
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		if _, err := s.Push(ctx); err == nil {
			s.setStatus(func(st *Status) { st.Connected = s.nc.IsConnected() })
		}
		select {
		case <-ctx.Done():
			return
		case <-wake:
		case <-tick.C:
		}
	}
}

// follow merges colleagues' changes as they arrive, watching again after
// the link drops.
func (s *Syncer) follow(ctx context.Context) {
	for ctx.Err() == nil {
		if _, err := s.pull(ctx, false); err != nil && ctx.Err() == nil {
			s.setStatus(func(st *Status) { st.Connected, st.Problem = false, data.ErrorMessage(err) })
			select {
			case <-ctx.Done():
			case <-time.After(3 * time.Second):
			}
		}
	}
}
