package team

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"regexp"
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
	// Notice is the last thing the syncer did on its own, as a sentence
	// (the hub had lost changes and they were sent again, say).
	Notice string
	// SetAside counts what arrived from the hub and was not taken in.
	SetAside int
}

// Hub keys: "meta.kdf" and "meta.epoch" (see hubkey.go), "r.<id>" each
// record's current version, "c.<id>.<analyst>" an analyst's side of an
// open conflict, "a.<analyst>" who the analysts are.
func recordKey(id string) string        { return "r." + id }
func sideKey(id, analyst string) string { return "c." + id + "." + analyst }
func analystKey(id string) string       { return "a." + id }
func (s *Syncer) revMark() string       { return "hub." + s.cfg.Team + ".rev" }
func (s *Syncer) queuedMark() string    { return "hub." + s.cfg.Team + ".queued" }

// Syncer exchanges one database's changes with its team's hub: it pushes
// the outbox (compare-and-set on the hub's revision of each record) and
// merges what colleagues push, resuming from the last revision it applied.
type Syncer struct {
	st  Linked
	rep data.Replica
	cfg HubConfig
	nc  *nats.Conn
	kv  jetstream.KeyValue
	key *Key // nil: the team does not seal its changes
	// epoch is the hub's (see openEpoch); lost says the hub lost what it
	// held since this database last exchanged with it.
	epoch string
	lost  bool

	mu     sync.Mutex
	status Status
	notify func(Status)
	merges sync.Mutex // pushers and the watcher merge one at a time
}

// Connect reaches the hub, opens (or creates) the team's bucket and the
// team key. Problems are sentences the analyst can act on.
func Connect(ctx context.Context, st Linked, cfg HubConfig) (*Syncer, error) {
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
	if err := s.openHub(ctx); err != nil {
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
	case unreachable(err) || strings.Contains(msg, "connection refused") || strings.Contains(msg, "no servers"):
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

// unreachable reports whether err means the hub could not be reached or
// stopped answering (it went away mid-exchange, the link dropped).
func unreachable(err error) bool {
	for _, e := range []error{nats.ErrNoServers, nats.ErrTimeout, nats.ErrConnectionClosed, nats.ErrConnectionDraining,
		nats.ErrDisconnected, nats.ErrNoResponders, nats.ErrStaleConnection, context.DeadlineExceeded,
		jetstream.ErrNoStreamResponse, jetstream.ErrNoHeartbeat, jetstream.ErrServerShutdown} {
		if errors.Is(err, e) {
			return true
		}
	}
	var op *net.OpError
	return errors.As(err, &op)
}

// openHub reads the hub's epoch and the team key.
func (s *Syncer) openHub(ctx context.Context) error {
	lost, err := s.openEpoch(ctx)
	if err != nil {
		return err
	}
	s.lost = lost
	return s.openKey(ctx, lost)
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
