package team

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dossier/data"
)

// HubConfig says how to reach a team hub (a NATS server with JetStream).
type HubConfig struct {
	Server     string `json:"server"`          // nats://host:4222, tls://…
	Creds      string `json:"creds,omitempty"` // a NATS credentials file
	User       string `json:"user,omitempty"`
	Password   string `json:"-"`                // never kept in the clear
	CA         string `json:"tls_ca,omitempty"` // the hub's CA certificate, for TLS
	Team       string `json:"team"`
	Passphrase []byte `json:"-"` // the team passphrase: what travels is sealed with it
}

// Bucket is the JetStream key-value bucket of a team.
func (c HubConfig) Bucket() string { return "dossier-" + c.Team }

var teamName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Status is what the window shows of the link to the hub.
type Status struct {
	Connected    bool
	Waiting      int // changes made here that the hub does not have yet
	LastExchange time.Time
	Problem      string // the last thing that went wrong, as a sentence
}

// Hub keys: "meta.kdf" the team key's parameters (when the team seals its
// changes), "r.<id>" each record's current version, "c.<id>.<analyst>" an
// analyst's side of an open conflict, "a.<analyst>" who the analysts are.
const kdfKey = "meta.kdf"

func recordKey(id string) string        { return "r." + id }
func sideKey(id, analyst string) string { return "c." + id + "." + analyst }
func analystKey(id string) string       { return "a." + id }
func (s *Syncer) revMark() string       { return "hub." + s.cfg.Team + ".rev" }
func (s *Syncer) queuedMark() string    { return "hub." + s.cfg.Team + ".queued" }

// Syncer exchanges one database's changes with its team's hub: it pushes
// the outbox (compare-and-set on the hub's revision of each record) and
// merges what colleagues push, resuming from the last revision it applied.
type Syncer struct {
	st  data.Store
	rep data.Replica
	cfg HubConfig
	nc  *nats.Conn
	kv  jetstream.KeyValue
	key *Key // nil: the team does not seal its changes

	mu     sync.Mutex
	status Status
	notify func(Status)
	merges sync.Mutex // pushers and the watcher merge one at a time
}

// Connect reaches the hub, opens (or creates) the team's bucket and the
// team key. Problems are sentences the analyst can act on.
func Connect(ctx context.Context, st data.Store, cfg HubConfig) (*Syncer, error) {
	if !teamName.MatchString(cfg.Team) {
		return nil, data.Errorf(data.EInvalid, "A team's name is letters, digits, - and _ (at most 64), not %q.", cfg.Team)
	}
	nc, err := nats.Connect(cfg.Server, connectOptions(cfg)...)
	if err != nil {
		return nil, explainNATS(cfg, err)
	}
	s := &Syncer{st: st, rep: st, cfg: cfg, nc: nc, notify: func(Status) {}}
	if err := s.openBucket(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	if err := s.openKey(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	s.setStatus(func(st *Status) { st.Connected = true })
	return s, nil
}

func connectOptions(cfg HubConfig) []nats.Option {
	opts := []nats.Option{nats.Name("dossier"), nats.MaxReconnects(-1), nats.ReconnectWait(2 * time.Second), nats.Timeout(5 * time.Second)}
	switch {
	case cfg.Creds != "":
		opts = append(opts, nats.UserCredentials(cfg.Creds))
	case cfg.User != "":
		opts = append(opts, nats.UserInfo(cfg.User, cfg.Password))
	}
	if cfg.CA != "" {
		opts = append(opts, nats.RootCAs(cfg.CA))
	}
	return opts
}

// explainNATS turns the client's failures into sentences.
func explainNATS(cfg HubConfig, err error) error {
	msg := err.Error()
	var why string
	switch {
	case errors.Is(err, nats.ErrAuthorization) || strings.Contains(msg, "Authorization Violation") || strings.Contains(msg, "authorization"):
		why = "The team hub refused these credentials (user name and password, or credentials file): check them with the hub's operator."
	case errors.Is(err, nats.ErrNoServers) || strings.Contains(msg, "connection refused") || strings.Contains(msg, "no servers"):
		why = fmt.Sprintf("The team hub at %s cannot be reached: your changes wait here and go out when it can be.", cfg.Server)
	case strings.Contains(msg, "certificate") || strings.Contains(msg, "x509") || strings.Contains(msg, "tls"):
		why = fmt.Sprintf("The team hub at %s could not be trusted over TLS: give its CA certificate with --tls-ca FILE.", cfg.Server)
	case strings.Contains(msg, "Permissions Violation") || strings.Contains(msg, "permission"):
		why = fmt.Sprintf("This user may not use team %s's changes on the hub (the hub's permissions): ask its operator.", cfg.Team)
	default:
		why = fmt.Sprintf("The team hub at %s failed: %v.", cfg.Server, err)
	}
	return &data.Error{Code: data.EInvalid, Message: why, Err: err}
}

// openBucket binds the team's bucket, creating it the first time.
func (s *Syncer) openBucket(ctx context.Context) error {
	js, err := jetstream.New(s.nc)
	if err != nil {
		return explainNATS(s.cfg, err)
	}
	kv, err := js.KeyValue(ctx, s.cfg.Bucket())
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		kv, err = js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: s.cfg.Bucket(), History: 1,
			Description: "Dossier team " + s.cfg.Team + ": each record's latest version"})
	}
	if err != nil {
		return explainNATS(s.cfg, err)
	}
	s.kv = kv
	return nil
}

// openKey reads the team key's parameters from the hub (the first member
// with a passphrase writes them) and unlocks the key.
func (s *Syncer) openKey(ctx context.Context) error {
	e, err := s.kv.Get(ctx, kdfKey)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		if len(s.cfg.Passphrase) == 0 {
			return nil
		}
		if keys, _ := s.kv.ListKeys(ctx); keys != nil {
			for range keys.Keys() {
				keys.Stop()
				return data.Errorf(data.EInvalid, "Team %s's changes on the hub are not sealed with a passphrase: connect without --team-passphrase-file.", s.cfg.Team)
			}
		}
		key, err := NewKDF(s.cfg.Passphrase)
		if err != nil {
			return err
		}
		kdf, _ := json.Marshal(key.KDF())
		if _, err := s.kv.Create(ctx, kdfKey, kdf); err != nil {
			return s.openKey(ctx) // another member was first
		}
		s.key = key
		return nil
	case err != nil:
		return explainNATS(s.cfg, err)
	case len(s.cfg.Passphrase) == 0:
		return data.Errorf(data.ENeedPassphrase, "Team %s seals its changes: give the team passphrase (--team-passphrase-file FILE).", s.cfg.Team)
	}
	var kdf KDF
	if err := json.Unmarshal(e.Value(), &kdf); err != nil {
		return data.Errorf(data.EInvalid, "The team key's parameters on the hub are damaged.")
	}
	s.key, err = Unlock(kdf, s.cfg.Passphrase)
	return err
}

// Close leaves the hub.
func (s *Syncer) Close() {
	s.nc.Close()
	s.setStatus(func(st *Status) { st.Connected = false })
}

// OnStatus calls fn whenever the status changes.
func (s *Syncer) OnStatus(fn func(Status)) {
	s.mu.Lock()
	s.notify = fn
	st := s.status
	s.mu.Unlock()
	fn(st)
}

func (s *Syncer) setStatus(change func(*Status)) {
	s.mu.Lock()
	change(&s.status)
	st, fn := s.status, s.notify
	s.mu.Unlock()
	fn(st)
}

// Status is the link's state now.
func (s *Syncer) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

// seal and open a hub value, bound to its key.
func (s *Syncer) seal(key string, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || s.key == nil {
		return b, err
	}
	return s.key.Seal(b, []byte(key)), nil
}

func (s *Syncer) open(key string, b []byte, v any) error {
	if s.key != nil {
		var err error
		if b, err = s.key.Open(b, []byte(key)); err != nil {
			return fmt.Errorf("the hub's value of %s does not open with the team key: %w", key, err)
		}
	}
	return json.Unmarshal(b, v)
}

// Exchange is what one round of syncing did.
type Exchange struct {
	Pushed int
	Pulled data.MergeReport
}

// Once pushes what waits in the outbox, then merges everything colleagues
// pushed since the last time, and returns.
func (s *Syncer) Once(ctx context.Context) (Exchange, error) {
	var ex Exchange
	if err := s.introduce(ctx); err != nil {
		return ex, err
	}
	n, err := s.Push(ctx)
	ex.Pushed = n
	if err != nil {
		return ex, err
	}
	ex.Pulled, err = s.pull(ctx, true)
	return ex, err
}

// introduce tells the hub who this analyst is, and the first time this
// database meets the team, queues every record for it.
func (s *Syncer) introduce(ctx context.Context) error {
	if q, _ := s.rep.Mark(s.queuedMark()); q == "" {
		if err := s.rep.Queue(); err != nil {
			return err
		}
		if err := s.rep.SetMark(s.queuedMark(), "1"); err != nil {
			return err
		}
	}
	me := s.st.Analyst()
	val, err := s.seal(analystKey(me.ID), me)
	if err != nil {
		return err
	}
	if _, err := s.kv.Put(ctx, analystKey(me.ID), val); err != nil {
		return explainNATS(s.cfg, err)
	}
	return nil
}

// pushBatch is how many outbox entries one round reads, and pushers how
// many are sent at once (each push waits for the hub's answer).
const (
	pushBatch = 500
	pushers   = 16
)

// Push sends the outbox to the hub, pushBatch records at a time, and
// returns how many records it sent. The outbox is read once: what changes
// meanwhile waits for the next push.
func (s *Syncer) Push(ctx context.Context) (int, error) {
	waiting, err := s.rep.Outbox()
	if err != nil {
		return 0, err
	}
	s.setStatus(func(st *Status) { st.Waiting = len(waiting) })
	sent := 0
	for len(waiting) > 0 {
		batch := waiting[:min(pushBatch, len(waiting))]
		done, err := s.pushAll(ctx, batch)
		sent += len(done)
		if perr := s.rep.Pushed(done); err == nil {
			err = perr
		}
		if err != nil {
			s.setStatus(func(st *Status) { st.Waiting, st.Problem = len(waiting)-len(done), data.ErrorMessage(err) })
			return sent, err
		}
		waiting = waiting[len(batch):]
		s.setStatus(func(st *Status) { st.Waiting, st.LastExchange, st.Problem = len(waiting), time.Now(), "" })
	}
	return sent, nil
}

// pushAll pushes records stage by stage (the outbox's order), several of
// a stage at once, and returns those the hub has. A stage starts when the
// one before it is on the hub, so a colleague never receives an event
// before the actors it cites, even if this push is cut off.
func (s *Syncer) pushAll(ctx context.Context, waiting []data.Pending) ([]data.Pending, error) {
	var done []data.Pending
	for len(waiting) > 0 {
		n := 1
		for n < len(waiting) && waiting[n].Stage == waiting[0].Stage {
			n++
		}
		pushed, err := s.pushStage(ctx, waiting[:n])
		done = append(done, pushed...)
		if err != nil {
			return done, err
		}
		waiting = waiting[n:]
	}
	return done, nil
}

// pushStage pushes records that do not depend on each other, several at
// once, and returns those the hub has.
func (s *Syncer) pushStage(ctx context.Context, waiting []data.Pending) ([]data.Pending, error) {
	jobs := make(chan data.Pending)
	var mu sync.Mutex
	var done []data.Pending
	var first error
	var wg sync.WaitGroup
	for range pushers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				err := s.pushOne(ctx, p.ID)
				mu.Lock()
				if err == nil {
					done = append(done, p)
				} else if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range waiting {
		mu.Lock()
		failed := first != nil
		mu.Unlock()
		if failed {
			break
		}
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return done, first
}

// pushOne puts a record's current version on the hub, if the hub's is one
// it descends from (compare-and-set on the hub's revision, tried again
// when a colleague got there first). A hub version that descends from
// this database's is merged here instead; one written apart makes an open
// conflict here, and this database's side is put beside it for the team.
func (s *Syncer) pushOne(ctx context.Context, id string) error {
	vs, err := s.rep.Versions([]string{id})
	if err != nil || len(vs) == 0 {
		return err
	}
	mine, key := vs[0], recordKey(id)
	val, err := s.seal(key, mine)
	if err != nil {
		return err
	}
	if _, err := s.kv.Create(ctx, key, val); !errors.Is(err, jetstream.ErrKeyExists) {
		return s.hubError(err) // new to the hub (most pushes): one round trip
	}
	for range 10 {
		e, err := s.kv.Get(ctx, key)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			if _, err = s.kv.Create(ctx, key, val); errors.Is(err, jetstream.ErrKeyExists) {
				continue
			}
			return s.hubError(err)
		}
		if err != nil {
			return s.hubError(err)
		}
		var theirs data.Version
		if err := s.open(key, e.Value(), &theirs); err != nil {
			return err
		}
		switch {
		case theirs.Rev == mine.Rev || theirs.Descends(mine.Rev):
			return s.mergeIn(ctx, []data.Version{theirs}, nil)
		case mine.Descends(theirs.Rev):
			if _, err = s.kv.Update(ctx, key, val, e.Revision()); errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
				continue
			}
			if err == nil {
				err = s.dropSides(ctx, mine)
			}
			return s.hubError(err)
		default:
			if err := s.mergeIn(ctx, []data.Version{theirs}, nil); err != nil {
				return err
			}
			side := sideKey(id, s.st.Analyst().ID)
			sv, err := s.seal(side, mine)
			if err == nil {
				_, err = s.kv.Put(ctx, side, sv)
			}
			return s.hubError(err)
		}
	}
	return fmt.Errorf("the hub's version of %s kept changing while it was pushed", id)
}

// dropSides removes from the hub the conflict sides a settled version
// descends from.
func (s *Syncer) dropSides(ctx context.Context, v data.Version) error {
	lister, err := s.kv.ListKeysFiltered(ctx, "c."+v.ID+".*")
	if err != nil {
		return err
	}
	for k := range lister.Keys() {
		if e, err := s.kv.Get(ctx, k); err == nil {
			var side data.Version
			if s.open(k, e.Value(), &side) == nil && v.Descends(side.Rev) {
				s.kv.Delete(ctx, k)
			}
		}
	}
	return nil
}

func (s *Syncer) hubError(err error) error {
	if err == nil {
		return nil
	}
	return explainNATS(s.cfg, err)
}

// mergeIn merges colleagues' versions, with the hub revision reached.
func (s *Syncer) mergeIn(ctx context.Context, vs []data.Version, rev *uint64) (err error) {
	_, err = s.merge(ctx, vs, rev)
	return err
}

func (s *Syncer) merge(ctx context.Context, vs []data.Version, rev *uint64) (data.MergeReport, error) {
	var marks map[string]string
	if rev != nil {
		marks = map[string]string{s.revMark(): strconv.FormatUint(*rev, 10)}
	}
	s.merges.Lock()
	defer s.merges.Unlock()
	return s.rep.Merge(data.WithOrigin(ctx, data.OriginColleague), vs, marks)
}

// pullBatch is how many hub entries one merge transaction takes.
const pullBatch = 200

// pull merges what the hub holds after the last revision applied; with
// once it returns when it has caught up, else it follows the hub until
// ctx ends.
func (s *Syncer) pull(ctx context.Context, once bool) (data.MergeReport, error) {
	var total data.MergeReport
	start, err := s.resumeFrom(ctx)
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
	flush := func() error {
		if rev == 0 {
			return nil
		}
		rep, err := s.merge(ctx, batch, &rev)
		add(&total, rep)
		batch, rev = nil, 0
		s.setStatus(func(st *Status) { st.LastExchange = time.Now() })
		return err
	}
	for {
		var e jetstream.KeyValueEntry
		var ok bool
		select {
		case e, ok = <-w.Updates():
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
		if v, ok, err := s.decode(e); err != nil {
			return total, err
		} else if ok {
			batch = append(batch, v)
		}
		if len(batch) >= pullBatch || len(w.Updates()) == 0 {
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
}

// decode reads one hub entry: a record's version or a conflict side to
// merge, or an analyst to know (ok false).
func (s *Syncer) decode(e jetstream.KeyValueEntry) (data.Version, bool, error) {
	var v data.Version
	if e.Operation() != jetstream.KeyValuePut {
		return v, false, nil
	}
	switch k := e.Key(); {
	case strings.HasPrefix(k, "r."), strings.HasPrefix(k, "c."):
		return v, true, s.open(k, e.Value(), &v)
	case strings.HasPrefix(k, "a."):
		var a data.Analyst
		if err := s.open(k, e.Value(), &a); err != nil {
			return v, false, err
		}
		return v, false, s.rep.KnowAnalyst(a)
	}
	return v, false, nil
}

// resumeFrom is the first hub revision not applied here; a hub whose
// history is shorter than the mark (its bucket was made again) is read
// from the start.
func (s *Syncer) resumeFrom(ctx context.Context) (uint64, error) {
	m, err := s.rep.Mark(s.revMark())
	if err != nil || m == "" {
		return 0, err
	}
	n, _ := strconv.ParseUint(m, 10, 64)
	st, err := s.kv.Status(ctx)
	if err != nil {
		return 0, s.hubError(err)
	}
	if info, ok := st.(interface{ StreamInfo() *jetstream.StreamInfo }); ok && info.StreamInfo().State.LastSeq < n {
		return 0, nil
	}
	return n + 1, nil
}

func add(total *data.MergeReport, r data.MergeReport) {
	total.Added += r.Added
	total.Updated += r.Updated
	total.Conflicts += r.Conflicts
	total.Unchanged += r.Unchanged
	total.Conflicted = append(total.Conflicted, r.Conflicted...)
}

// Run keeps the database and the hub in step until ctx ends: colleagues'
// changes are merged as they arrive, this database's are pushed as they
// are made (and, while the hub cannot be reached, wait and go out later).
func (s *Syncer) Run(ctx context.Context) {
	s.introduce(ctx)
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
