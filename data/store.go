package data

import (
	"context"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
)

// Store keeps articles, events and actors with their indexes. Every method
// that changes records is durable once it returns, and conditional: a
// record carries the version its writer read (0 for a new one), and the
// write is refused with a *Conflict, changing nothing, unless that is still
// the stored version; on success the version goes up by one. Every
// committed write is published to the subscribers, with the origin its
// context carries (WithOrigin).
type Store interface {
	ArticleWriter
	ArticleReader
	EventWriter
	EventReader
	ActorWriter
	ActorReader
	Batcher
	Changes
	Keys
	Analysts
	Counter
	Keeper
	// Replica: team work (see team.go).
	Replica
}

// The roles a Store plays; each consumer names the ones it uses.

// ArticleWriter adds articles and changes their headers (an import, an edit).
type ArticleWriter interface {
	// AddArticles stores new articles in bulk. An article whose content hash
	// is already stored (or earlier in the same call) is not stored again;
	// its result names the article it duplicates.
	AddArticles(ctx context.Context, articles []*Article) ([]AddResult, error)
	// UpdateArticle changes an article's header fields; its text is fixed.
	UpdateArticle(ctx context.Context, a *Article) error
	// DeleteArticle removes an article no event cites.
	DeleteArticle(ctx context.Context, id string, version int) error
}

// ArticleReader reads articles.
type ArticleReader interface {
	// Article returns one article with its text.
	Article(id string) (*Article, error)
	// Articles returns every article's header (no text), oldest first.
	Articles() ([]Article, error)
}

// EventWriter stores and removes events.
type EventWriter interface {
	// PutEvent validates and stores an event: a new one when ID is empty
	// or unknown, else a new version of the stored one.
	PutEvent(ctx context.Context, e *Event) error
	DeleteEvent(ctx context.Context, id string, version int) error
}

// EventReader reads and checks events.
type EventReader interface {
	Event(id string) (*Event, error)
	Events(q EventQuery) ([]Event, error)
	// EachEvent calls fn for every event q selects, one at a time, so that
	// large exports need not hold them all; fn's error stops the walk.
	EachEvent(q EventQuery, fn func(*Event) error) error
	// EachEventBrief is EachEvent over the events' briefs (see
	// Event.Brief): tables, charts and counts need no more, and read
	// briefs several times faster than whole events.
	EachEventBrief(q EventQuery, fn func(*Event) error) error
	// EventsByDate calls fn with the id and start date of each event
	// between q's dates (its article and actor are not looked at), in
	// order of date and then id; without dates, every event, those
	// without a date first. It reads the date index, not the events, so
	// that a table of a million events can hold only their ids and read
	// the rows it shows (EventBriefs). The context's error stops it.
	EventsByDate(ctx context.Context, q EventQuery, fn func(id, date string) error) error
	// EventBriefs reads the briefs of these events, in their order; an
	// event that is gone has none (nil).
	EventBriefs(ids []string) ([]*Event, error)
	// EventsByFirstArticle counts the events by the article each cites
	// first (the first of Event.Articles; an event citing none is not
	// counted): the register of sources' counts, read from the briefs
	// without decoding them whole. The context's error stops it.
	EventsByFirstArticle(ctx context.Context) (map[string]int, error)
	// EachEventSpot calls fn with every event read in part, as a map
	// places and shows it: its id, type, CAMEO code, start date and
	// fatalities, and of its place (nil when it has none) the name,
	// country and coordinates; in order of id. The rest of each brief is
	// passed over, not decoded: the map of every event, at a million, in
	// 2.0–2.2 s instead of 2.5–2.8 s. The context's error stops it.
	EachEventSpot(ctx context.Context, fn func(*Event) error) error
	// CheckEvent validates an event and what it cites, storing nothing.
	CheckEvent(e *Event) error
}

// ActorWriter stores and removes actors.
type ActorWriter interface {
	// PutActor validates and stores an actor, like PutEvent.
	PutActor(ctx context.Context, a *Actor) error
	// DeleteActor removes an actor no event cites.
	DeleteActor(ctx context.Context, id string, version int) error
}

// ActorReader reads the register.
type ActorReader interface {
	Actor(id string) (*Actor, error)
	Actors() ([]Actor, error)
	// ActorsNamed returns the actors whose name or an alias normalises to
	// the same form as name.
	ActorsNamed(name string) ([]Actor, error)
}

// Batcher writes many records at once, all or none.
type Batcher interface {
	// Commit stores a batch of writes in one transaction: all, or none.
	Commit(ctx context.Context, b *Batch) error
	// Version is the version a write of the record with that id must
	// carry: the stored one, a deleted record's last, or 0 for none.
	Version(id string) (int, error)
}

// Changes tells of every committed change, and stamps the state it leaves.
type Changes interface {
	// Subscribe calls fn with the changes of every later committed write
	// (see Feed), until cancel is called.
	Subscribe(fn func([]Change)) (cancel func())
	// Stamp changes with every write ("" before the first): derived data
	// kept elsewhere (the search index) is stale when its stamp differs.
	Stamp() (string, error)
	// Position is where the change log has got to, so that derived data
	// marked with it can later catch up with ChangedRecords instead of
	// being made again.
	Position() (LogPosition, error)
	// ChangedRecords calls fn with the kind and id of every record changed
	// after seq, in the order of their last change.
	ChangedRecords(after uint64, fn func(kind RecordKind, id string) error) error
}

// LogPosition is a point in a store's change log: every change numbered
// up to Seq has reached the store. Epoch names the log, and is new
// whenever the log may have gone back or been replaced (a restore, a copied
// database, changes lost in a crash, a migration): a position of another
// epoch says nothing of this log.
type LogPosition struct {
	Epoch string
	Seq   uint64
}

// Keys says whether the database is encrypted and derives keys from it.
type Keys interface {
	// Encrypted reports whether the database is encrypted at rest.
	Encrypted() bool
	// Secret is a 256-bit key for purpose derived from an encrypted
	// database's key, for data kept beside it (its search index); nil when
	// the database is not encrypted.
	Secret(purpose string) []byte
	// Sign signs msg with the analyst's key (Analyst().Key verifies it).
	Sign(msg []byte) []byte
}

// Analysts knows who works on the database and on colleagues' changes.
type Analysts interface {
	// Analyst is who works on this database (created with it).
	Analyst() Analyst
	// SetAnalystName changes the analyst's display name.
	SetAnalystName(ctx context.Context, name string) error
	// AnalystName is the display name of the analyst with that id.
	AnalystName(id string) string
}

// Counter counts records from the indexes.
type Counter interface {
	// EventCountsByActor and EventCountsByArticle count events from the
	// indexes alone; EventCount counts those citing one article or actor.
	EventCountsByActor() (map[string]int, error)
	EventCountsByArticle() (map[string]int, error)
	EventCount(id string) (int, error)
	// Counts returns how many articles, events and actors are stored.
	Counts() (Counts, error)
}

// Keeper looks after the database as a whole: backups, checks, mending, closing.
type Keeper interface {
	// Backup writes a consistent copy of the whole database to w.
	Backup(w io.Writer) error
	// Restore loads a backup; a database holding records is refused
	// unless replace is set, which drops them first.
	Restore(ctx context.Context, r io.Reader, replace bool) error
	// VerifyBackup reads a backup whole, loading nothing.
	VerifyBackup(r io.Reader) error
	// Check compares the indexes with the records, mends them, and reports
	// what it mended and what it could not; in a damaged database it
	// mends nothing and reports what cannot be read.
	Check() (CheckReport, error)
	// Salvage copies what can still be read of a damaged database into a
	// new one in dir, and returns that one's check.
	Salvage(dir string) (CheckReport, error)
	// AcknowledgeLoss forgets changes the database found lost from its
	// log (which Check reports until then).
	AcknowledgeLoss() error
	// Verify checks every stored table against its checksums: an error
	// with code EDamaged says the database is damaged (then a scan of
	// every record may miss some without a word: read nothing whole).
	Verify() error
	// Notices are what the store did on its own when it opened, as
	// sentences: a copied database given a new identity, an interrupted
	// change finished or rolled back, damage found.
	Notices() []string
	Close() error
}

// Batch is several writes committed together: actors first, then article
// headers, then events, then the deletions (events, actors, articles), so
// that a batch may create the actors its events cite, or drop an actor
// after the events that cited it. All are stored, or none.
type Batch struct {
	Actors   []*Actor
	Articles []*Article
	Events   []*Event
	Deletes  []Ref
}

// Ref names a record at a version (for a deletion: the version read).
type Ref struct {
	Record  RecordKind `json:"record"`
	ID      string     `json:"id"`
	Version int        `json:"version"`
}

// Empty reports whether the batch writes nothing.
func (b *Batch) Empty() bool {
	return len(b.Actors)+len(b.Articles)+len(b.Events)+len(b.Deletes) == 0
}

// AddResult says what happened to one article given to AddArticles.
type AddResult struct {
	ID          string // the stored article's id (the original's, for a duplicate)
	Duplicate   bool
	DuplicateOf string // title of the article already stored
}

// EventQuery selects events through the indexes. Empty fields do not filter;
// From and To (YYYY-MM-DD, inclusive) compare with the event's start date.
type EventQuery struct {
	Article string
	Actor   string
	From    string
	To      string
}

// CheckReport is what a consistency check found.
type CheckReport struct {
	Repaired []string // mended: derived data rebuilt, leftovers removed
	Problems []string // not mended: records that cite missing records
}

// Counts of stored records.
type Counts struct {
	Articles, Events, Actors int
}

var idEncoding = base32.NewEncoding("0123456789abcdefghjkmnpqrstvwxyz").WithPadding(base32.NoPadding)

// NewID returns a new record id: prefix, then 21 characters that sort by
// creation time within a process and across runs ("ev-06h1…"): 48 bits of
// milliseconds, a 16-bit sequence within the millisecond, and 40 random
// bits, so that analysts creating records at the same moment on their own
// laptops never make the same id.
func NewID(prefix string) string {
	ms := uint64(time.Now().UnixMilli())
	idMu.Lock()
	if ms <= idLastMS {
		ms = idLastMS
		idSeq++
		if idSeq == 0 { // 65,536 ids in one millisecond: borrow the next one
			ms++
		}
	} else {
		idSeq = 0
	}
	idLastMS = ms
	seq := idSeq
	idMu.Unlock()
	var b [13]byte
	binary.BigEndian.PutUint64(b[:8], ms<<16|uint64(seq))
	binary.BigEndian.PutUint64(b[5:], binary.BigEndian.Uint64(b[5:])&^(1<<40-1)|rand.Uint64()&(1<<40-1))
	return prefix + "-" + idEncoding.EncodeToString(b[:])
}

// ArticleID is the id of an article with this text: the same text imported
// on two laptops is one article when their work is merged.
func ArticleID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return ArticlePrefix + "-" + idEncoding.EncodeToString(sum[:13])
}

var (
	idMu     sync.Mutex
	idLastMS uint64
	idSeq    uint16
)

// Record id prefixes.
const (
	ArticlePrefix = "ar"
	EventPrefix   = "ev"
	ActorPrefix   = "ac"
)

// MaxIDLength is the longest id a record may have.
const MaxIDLength = 64

// IsID reports whether s is an id with the given prefix: the prefix, a
// hyphen and 1 to MaxIDLength-4 letters, digits, '-', '_' or '.'. Dossier
// makes its own ids (NewID, ArticleID); a script may choose others, and
// the same rule is checked when a record is written here and when it
// arrives from a colleague.
func IsID(s, prefix string) bool {
	rest, ok := strings.CutPrefix(s, prefix+"-")
	if !ok || rest == "" || len(s) > MaxIDLength {
		return false
	}
	for _, r := range rest {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}
