package data

import (
	"context"
	"encoding/json"
	"sort"
	"time"
)

// Rev names one state of a record across every database of a team: its
// version and the analyst (database) that wrote it. An analyst's database
// never writes the same version of a record twice, so a Rev is unique.
type Rev struct {
	N  int    `json:"n"`
	By string `json:"by"`
}

// Less orders revs: by version, then by analyst, so that every database
// picks the same one when it must pick.
func (r Rev) Less(o Rev) bool {
	if r.N != o.N {
		return r.N < o.N
	}
	return r.By < o.By
}

// RevOf is the rev a record's revision names.
func RevOf(r Revision) Rev { return Rev{r.Version, r.UpdatedBy} }

// Lineage is the revs a state descends from, the newest first. It is cut
// at LineageLength: a change based on something older is a conflict.
type Lineage []Rev

// LineageLength is how many revs a lineage keeps.
const LineageLength = 64

// Has reports whether r is in the lineage.
func (l Lineage) Has(r Rev) bool {
	for _, x := range l {
		if x == r {
			return true
		}
	}
	return false
}

// With is the union of lineages and revs, the newest first, cut to
// LineageLength.
func (l Lineage) With(others ...Lineage) Lineage {
	seen := map[Rev]bool{}
	var out Lineage
	for _, lin := range append([]Lineage{l}, others...) {
		for _, r := range lin {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[j].Less(out[i]) })
	if len(out) > LineageLength {
		out = out[:LineageLength]
	}
	return out
}

// Version is one state of a record as it travels between databases (in a
// bundle, or through the team hub): the record as JSON (an article's with
// its text), its rev, the revs it descends from, or its deletion.
type Version struct {
	Record  RecordKind      `json:"record"`
	ID      string          `json:"id"`
	Rev     Rev             `json:"rev"`
	Lineage Lineage         `json:"lineage,omitempty"` // older revs, newest first
	Deleted bool            `json:"deleted,omitempty"`
	Body    json.RawMessage `json:"body,omitempty"`
	// Key and Sig: the author's public key and signature (see Sign), so
	// that whoever passes the version on cannot change it unnoticed.
	Key []byte `json:"key,omitempty"`
	Sig []byte `json:"sig,omitempty"`
}

// Descends reports whether v is r or comes after it.
func (v Version) Descends(r Rev) bool { return v.Rev == r || v.Lineage.Has(r) }

// History is the version's rev and lineage together.
func (v Version) History() Lineage { return Lineage{v.Rev}.With(v.Lineage) }

// Outcome is what merging one incoming version did.
type Outcome string

// What a merge can do with a version.
const (
	Added      Outcome = "added"     // a record this database did not have
	Updated    Outcome = "updated"   // a newer state of one it had
	Unchanged  Outcome = "unchanged" // one it had already
	Older      Outcome = "older"     // an older state than the one here: nothing taken
	Conflicted Outcome = "conflict"  // changed here and there since a common version
	Aside      Outcome = "set aside" // refused: it does not verify or is not valid (see SetAside)
	Waiting    Outcome = "waiting"   // kept aside until the records it cites arrive
)

// MergeReport counts what a merge did.
type MergeReport struct {
	Added, Updated, Conflicts, Unchanged int
	// SetAside counts the versions refused, Waiting those kept until what
	// they cite arrives (both listed by SetAside).
	SetAside, Waiting int
	// Conflicted lists the records now in conflict, in the order met.
	Conflicted []string
	// Refused lists the records whose arriving version was set aside, and
	// Behind those whose arriving version is older than this database's:
	// a hub that serves them has lost or been given back old values, and
	// this database's own should be sent to it again.
	Refused, Behind []string
}

// Count adds one outcome.
func (m *MergeReport) Count(id string, o Outcome) {
	switch o {
	case Added:
		m.Added++
	case Updated:
		m.Updated++
	case Conflicted:
		m.Conflicts++
		m.Conflicted = append(m.Conflicted, id)
	case Aside:
		m.SetAside++
		m.Refused = append(m.Refused, id)
	case Waiting:
		m.Waiting++
	case Older:
		m.Unchanged++
		m.Behind = append(m.Behind, id)
	default:
		m.Unchanged++
	}
}

// Add adds another report's counts and lists to m.
func (m *MergeReport) Add(r MergeReport) {
	m.Added += r.Added
	m.Updated += r.Updated
	m.Conflicts += r.Conflicts
	m.Unchanged += r.Unchanged
	m.SetAside += r.SetAside
	m.Waiting += r.Waiting
	m.Conflicted = append(m.Conflicted, r.Conflicted...)
	m.Refused = append(m.Refused, r.Refused...)
	m.Behind = append(m.Behind, r.Behind...)
}

// SetAside is what arrived from a colleague (through the hub or in a
// bundle) and was not taken in: a value that does not open, a version that
// does not verify or is not valid, or one that cites records that have not
// arrived (Waiting: it is taken in as soon as they do). Nothing set aside
// blocks the rest of an exchange; the analyst sees it with the reason.
type SetAside struct {
	ID      string     `json:"id"` // the record's id, or where the value was found when it names none
	Record  RecordKind `json:"record,omitempty"`
	Rev     Rev        `json:"rev"`
	From    Origin     `json:"from"`
	Reason  string     `json:"reason"` // a sentence
	Waiting []string   `json:"waiting,omitempty"`
	At      time.Time  `json:"at"`
	// Version is kept whole while it waits.
	Version *Version `json:"version,omitempty"`
}

// OpenConflict is a record changed on two (or more) databases since a
// common version: this database's state (Mine, the one it shows) and the
// others' (Theirs), all kept until the analyst settles it.
type OpenConflict struct {
	Record RecordKind `json:"record"`
	ID     string     `json:"id"`
	Mine   Version    `json:"mine"`
	Theirs []Version  `json:"theirs"`
}

// Replica is what team work needs of a store: every record's travelling
// version, what changed since a point, merging what colleagues changed,
// the outbox of changes waiting for the hub, and the open conflicts.
type Replica interface {
	// Versions returns the current versions of records (missing ids are
	// left out).
	Versions(ids []string) ([]Version, error)
	// Changed calls fn with the version of every record changed after seq
	// (0: every record), in the order they changed; it returns the last
	// seq seen.
	Changed(after uint64, fn func(Version) error) (uint64, error)
	// Merge brings colleagues' versions in, in one transaction, together
	// with marks (where a transport got to); nothing changed here since a
	// common version is overwritten: such a record becomes an open
	// conflict. It reports each version's outcome.
	Merge(ctx context.Context, vs []Version, marks map[string]string) (MergeReport, error)
	// Preview says what Merge would do, changing nothing; arriving names
	// the records an earlier part of the same exchange would have brought.
	Preview(vs []Version, arriving map[string]bool) (MergeReport, error)
	// Mark is a value a transport keeps with the database ("" for none).
	Mark(key string) (string, error)
	// SetMark keeps a transport's value with the database.
	SetMark(key, value string) error

	// SetAside lists what arrived and was not taken in (see SetAside).
	SetAside() ([]SetAside, error)
	// PutAside keeps a value that arrived and could not even be read as a
	// version, with the reason.
	PutAside(a SetAside) error
	// Dismiss forgets one thing set aside (by its ID).
	Dismiss(id string) error

	// Outbox lists the records changed here and not yet pushed to the
	// hub, in the order they travel (PushStage, then oldest first), each
	// with the sequence of its last change.
	Outbox() ([]Pending, error)
	// Pushed takes records off the outbox, unless they changed again since.
	Pushed(done []Pending) error
	// Held lists every record this database holds or deleted.
	Held() ([]string, error)
	// Queue puts records in the outbox again: those named (ids this
	// database does not hold are left out), or with none every record (a
	// first connection to a hub, or one that lost what it held).
	Queue(ids ...string) error

	// Conflicts lists the open conflicts.
	Conflicts() ([]OpenConflict, error)
	// Resolve settles a conflict with the body chosen (one side's, or one
	// picked field by field): it becomes a new version that descends from
	// every side, and travels like any change. A nil body deletes.
	Resolve(ctx context.Context, id string, body json.RawMessage) error

	// KnowAnalyst records a colleague's display name.
	KnowAnalyst(a Analyst) error
	// Analysts lists the analysts this database knows.
	Analysts() ([]Analyst, error)
}

// Pending is a record waiting in the outbox.
type Pending struct {
	ID  string `json:"id"`
	Seq uint64 `json:"seq"`
	// Stage orders what travels: a record reaches colleagues after what
	// it cites (see PushStage).
	Stage int `json:"stage"`
}

// PushStage is when a change travels among those waiting: articles and
// actors before the events that cite them, and deletions after the
// changes that stop citing what they delete (events, then actors, then
// articles). A colleague who receives changes in this order never holds an
// event whose actor or article has not arrived, even when a sync is cut
// off halfway.
func PushStage(kind RecordKind, deleted bool) int {
	order := map[RecordKind]int{RecordArticle: 0, RecordActor: 1, RecordEvent: 2}[kind]
	if deleted {
		return 5 - order
	}
	return order
}
