package badgerstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// Team work keys. Every record write, whoever made it, takes the next
// sequence number ("m/seq") and a place in the change log ("sq/<seq>" →
// id, "sy/sq/<id>" → its seq), so that a bundle can carry what changed
// since a point. "sy/ln/<id>" holds the revs a record's state descends
// from. Changes made here (not those from the hub) wait in the outbox
// ("ob/<id>" → seq) until the hub has them; "cf/<id>" holds the other
// sides of an open conflict; "mk/<name>" what a transport marks.
const seqKey = "m/seq"

func logKey(seq uint64) string     { return fmt.Sprintf("sq/%020d", seq) }
func logSeqKey(id string) string   { return "sy/sq/" + id }
func lineageKey(id string) string  { return "sy/ln/" + id }
func outboxKey(id string) string   { return "ob/" + id }
func conflictKey(id string) string { return "cf/" + id }
func markKey(name string) string   { return "mk/" + name }

// descend keeps what a local write of id, which was at prev, means for
// team work: the new state descends from prev, takes its place in the
// change log and waits in the outbox.
func (w *writer) descend(id string, prev stored) error {
	lin, err := w.lineage(id)
	if err != nil {
		return err
	}
	if prev.version > 0 {
		lin = data.Lineage{{N: prev.version, By: prev.by}}.With(lin)
	}
	w.dirty = append(w.dirty, id)
	return w.track(id, lin, true)
}

// track writes a record's lineage, its change-log entry and (when it
// should reach the hub) its outbox entry.
func (w *writer) track(id string, lin data.Lineage, outbox bool) error {
	if err := setJSON(w.txn, lineageKey(id), lin); err != nil {
		return err
	}
	seq, err := w.nextSeq()
	if err != nil {
		return err
	}
	if old, err := getString(w.txn, logSeqKey(id)); err == nil {
		if n, err := strconv.ParseUint(old, 10, 64); err == nil {
			if err := w.txn.Delete([]byte(logKey(n))); err != nil {
				return err
			}
		}
	} else if !errors.Is(err, errNotFound) {
		return err
	}
	kv := [][2]string{{logKey(seq), id}, {logSeqKey(id), strconv.FormatUint(seq, 10)}}
	if outbox {
		kv = append(kv, [2]string{outboxKey(id), strconv.FormatUint(seq, 10)})
	}
	for _, p := range kv {
		if err := w.txn.Set([]byte(p[0]), []byte(p[1])); err != nil {
			return err
		}
	}
	return nil
}

// nextSeq is the next change-log number; every transaction that writes
// records reads and writes the counter, so that the log's order is the
// order of commits.
func (w *writer) nextSeq() (uint64, error) {
	if w.seq == 0 {
		var err error
		if w.seq, err = seqIn(w.txn); err != nil {
			return 0, err
		}
	}
	w.seq++
	return w.seq, w.txn.Set([]byte(seqKey), []byte(strconv.FormatUint(w.seq, 10)))
}

// seqIn is the change log's last number as txn sees it (0 before the
// first change).
func seqIn(txn *badger.Txn) (uint64, error) {
	v, err := getString(txn, seqKey)
	if errors.Is(err, errNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(v, 10, 64)
}

func (w *writer) lineage(id string) (data.Lineage, error) {
	var lin data.Lineage
	if err := getJSON(w.txn, lineageKey(id), &lin); err != nil && !errors.Is(err, errNotFound) {
		return nil, err
	}
	return lin, nil
}

func getString(txn *badger.Txn, key string) (string, error) {
	item, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return "", errNotFound
	}
	if err != nil {
		return "", err
	}
	b, err := item.ValueCopy(nil)
	return string(b), err
}

// versionOf is the travelling version of a record (a deleted one's
// tombstone too); found is false when the database never had it.
func (w *writer) versionOf(id string) (v data.Version, found bool, err error) {
	kind := kindOfID(id)
	v = data.Version{Record: kind, ID: id}
	raw, err := getString(w.txn, recordKey(kind, id))
	switch {
	case err == nil:
		var rev data.Revision
		if err := json.Unmarshal([]byte(raw), &rev); err != nil {
			return v, false, err
		}
		v.Rev, v.Body = data.RevOf(rev), json.RawMessage(raw)
		if kind == data.RecordArticle {
			if v.Body, err = withText(w.txn, id, raw); err != nil {
				return v, false, err
			}
		}
	case errors.Is(err, errNotFound):
		var t tombstone
		switch err := getJSON(w.txn, tombKey(id), &t); {
		case errors.Is(err, errNotFound):
			return v, false, nil
		case err != nil:
			return v, false, err
		}
		v.Rev, v.Deleted = data.Rev{N: t.Version, By: t.UpdatedBy}, true
	default:
		return v, false, err
	}
	v.Lineage, err = w.lineage(id)
	return v, true, err
}

// withText is an article header's JSON with its text, as it travels.
func withText(txn *badger.Txn, id, header string) (json.RawMessage, error) {
	var a data.Article
	if err := json.Unmarshal([]byte(header), &a); err != nil {
		return nil, err
	}
	text, err := articleText(txn, id)
	if err != nil {
		return nil, err
	}
	a.Text = text
	return json.Marshal(a)
}

// Versions returns the current versions of records.
func (s *Store) Versions(ids []string) ([]data.Version, error) {
	var out []data.Version
	err := s.db.View(func(txn *badger.Txn) error {
		w := &writer{s: s, txn: txn}
		for _, id := range ids {
			v, found, err := w.versionOf(id)
			if err == nil && found {
				v, err = w.travelling(v)
				out = append(out, v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// Changed walks the change log after seq.
func (s *Store) Changed(after uint64, fn func(data.Version) error) (uint64, error) {
	last := after
	err := s.scan(func(txn *badger.Txn) error {
		w := &writer{s: s, txn: txn}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("sq/")})
		defer it.Close()
		for it.Seek([]byte(logKey(after + 1))); it.Valid(); it.Next() {
			seq, err := strconv.ParseUint(string(it.Item().Key()[3:]), 10, 64)
			if err != nil {
				return err
			}
			id, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			v, found, err := w.versionOf(string(id))
			if err == nil && found {
				if v, err = w.travelling(v); err == nil {
					err = fn(v)
				}
			}
			if err != nil {
				return err
			}
			last = seq
		}
		return nil
	})
	return last, err
}

// mergeChunk is how many versions one merge transaction takes.
const mergeChunk = 200

// Merge brings colleagues' versions in, a chunk per transaction (each
// version's merge is idempotent, so a merge cut off by a crash is simply
// done again); the marks are written with the last chunk.
func (s *Store) Merge(ctx context.Context, vs []data.Version, marks map[string]string) (data.MergeReport, error) {
	var rep data.MergeReport
	vs = citedFirst(vs)
	for start := 0; start < len(vs) || start == 0; start += mergeChunk {
		chunk := vs[start:min(len(vs), start+mergeChunk)]
		last := start+mergeChunk >= len(vs)
		vets := vetAll(chunk)
		var part data.MergeReport
		err := s.write(ctx, func(w *writer) error {
			part = data.MergeReport{}
			for i, v := range chunk {
				o, err := w.merge(v, vets[i])
				if err != nil {
					return fmt.Errorf("merge %s %s: %w", v.Record, v.ID, err)
				}
				part.Count(v.ID, o)
			}
			if !last {
				return nil
			}
			for k, v := range marks {
				if err := w.txn.Set([]byte(markKey(k)), []byte(v)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return rep, err
		}
		rep.Add(part)
	}
	return rep, nil
}

// citedFirst orders versions as they travel (data.PushStage): articles and
// actors before the events that cite them, so that an event finds them.
func citedFirst(vs []data.Version) []data.Version {
	out := slices.Clone(vs)
	slices.SortStableFunc(out, func(a, b data.Version) int {
		return data.PushStage(a.Record, a.Deleted) - data.PushStage(b.Record, b.Deleted)
	})
	return out
}

// Preview runs the merge in transactions that are thrown away.
func (s *Store) Preview(vs []data.Version, arriving map[string]bool) (data.MergeReport, error) {
	var rep data.MergeReport
	vs = citedFirst(vs)
	for start := 0; start < len(vs); start += mergeChunk {
		txn := s.db.NewTransaction(true)
		w := &writer{s: s, txn: txn, now: time.Now().UTC(), by: s.identity.analyst.ID, origin: data.OriginBundle, arriving: arriving}
		chunk := vs[start:min(len(vs), start+mergeChunk)]
		vets := vetAll(chunk)
		for i, v := range chunk {
			o, err := w.merge(v, vets[i])
			if err != nil {
				txn.Discard()
				return rep, fmt.Errorf("merge %s %s: %w", v.Record, v.ID, err)
			}
			rep.Count(v.ID, o)
		}
		txn.Discard()
	}
	return rep, nil
}

// merge brings one arriving version in, once admitted (see admit): what
// is refused, or must wait for what it cites, is set aside; else it is
// taken (see take), and what waited for it follows.
func (w *writer) merge(in data.Version, vt vetting) (data.Outcome, error) {
	reason, waiting, err := w.admit(in, vt)
	switch {
	case err != nil:
		return "", err
	case reason != "" || len(waiting) > 0:
		if err := w.setAside(in, reason, waiting); err != nil {
			return "", err
		}
		if reason != "" {
			return data.Aside, nil
		}
		return data.Waiting, nil
	}
	o, err := w.take(in)
	if err == nil {
		err = w.settledAside(in)
	}
	if err == nil && (o == data.Added || o == data.Updated) && !in.Deleted && in.Record != data.RecordEvent {
		err = w.arrived(in.ID)
	}
	return o, err
}

// take brings one version in, as the team's merge rule (data.Decide)
// says: a record this database lacks is added; a newer state of one it has
// replaces it; an older or known state changes nothing; two states that
// say the same become one; a state changed on both sides is kept beside
// this database's as an open conflict.
func (w *writer) take(in data.Version) (data.Outcome, error) {
	mine, found, err := w.versionOf(in.ID)
	if err != nil {
		return "", err
	}
	var have *data.Version
	if found {
		have = &mine
	}
	switch d, keepMine := data.Decide(have, in); d {
	case data.TakeNew:
		if err := w.install(in, in.Lineage, w.forward()); err != nil {
			return "", err
		}
		return data.Added, w.followMerges(in)
	case data.KeepSame:
		return data.Unchanged, nil
	case data.KeepNewer:
		return data.Older, nil
	case data.TakeNewer:
		if err := w.install(in, in.Lineage, w.forward()); err != nil {
			return "", err
		}
		if err := w.settled(in); err != nil {
			return "", err
		}
		return data.Updated, w.followMerges(in)
	case data.Join:
		return w.adopt(mine, in, keepMine)
	}
	return w.disagree(mine, in)
}

// forward: what comes from a bundle goes on to the hub; what comes from
// the hub is there already.
func (w *writer) forward() bool { return w.origin != data.OriginColleague }

// followMerges keeps a merged actor's events with the actor it was merged
// into, here as on the database that merged them: events citing an actor
// that arrives merged, and an arriving event citing a merged actor, are
// re-pointed (a change of this database's, the same on every one).
func (w *writer) followMerges(v data.Version) error {
	switch {
	case v.Deleted:
		return nil
	case v.Record == data.RecordEvent:
		return w.repoint(v.ID)
	case v.Record == data.RecordActor:
		for _, k := range keys(w.txn, eventsByActor(v.ID)) {
			if err := w.repoint(lastSegment(k)); err != nil {
				return err
			}
		}
	}
	return nil
}

// repoint replaces, in one event, every actor merged into another with the
// one it was merged into.
func (w *writer) repoint(id string) error {
	var e data.Event
	if err := getJSON(w.txn, eventKey(id), &e); err != nil {
		return err
	}
	actors, recipients := w.survivors(e.Actors), w.survivors(e.Recipients)
	if slices.Equal(actors, e.Actors) && slices.Equal(recipients, e.Recipients) {
		return nil
	}
	cur := stored{found: true, version: e.Version, by: e.UpdatedBy}
	if err := deleteEventIndexes(w.txn, &e); err != nil {
		return err
	}
	change := data.Change{Articles: e.Articles(), Actors: union(e.Parties(), union(actors, recipients))}
	e.Actors, e.Recipients = actors, recipients
	var err error
	if e.Version, err = w.written(data.RecordEvent, id, cur, change); err != nil {
		return err
	}
	e.Updated, e.UpdatedBy = w.now, w.by
	if err := setJSON(w.txn, eventKey(id), e); err != nil {
		return err
	}
	return indexEvent(w.txn, &e)
}

// survivors follows each actor's merges to the one it ended in.
func (w *writer) survivors(ids []string) []string {
	var out []string
	for _, id := range ids {
		for range 8 { // merges of merges, never round in circles
			var a data.Actor
			if getJSON(w.txn, actorKey(id), &a) != nil || a.MergedInto == "" {
				break
			}
			id = a.MergedInto
		}
		out = appendNew(out, id)
	}
	return out
}

func appendNew(ids []string, id string) []string {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

// adopt settles two states written apart that need no analyst (the same
// content: two analysts re-pointing the same event; or a bare import):
// every database keeps the same one (winner, when given, else the greater
// rev), descending from both.
// adopt makes two states one that descends from both, with mine's body
// or in's.
func (w *writer) adopt(mine, in data.Version, keepMine bool) (data.Outcome, error) {
	lin := mine.History().With(in.History())
	if keepMine {
		w.mine(mine.Rev, mine.ID)
		return data.Unchanged, w.track(mine.ID, lineageWithout(lin, mine.Rev), w.forward())
	}
	return data.Updated, w.install(in, lineageWithout(lin, in.Rev), w.forward())
}

func lineageWithout(l data.Lineage, r data.Rev) data.Lineage {
	var out data.Lineage
	for _, x := range l {
		if x != r {
			out = append(out, x)
		}
	}
	return out
}

// disagree keeps in beside this database's state as a side of an open
// conflict (replacing a side it descends from).
func (w *writer) disagree(mine, in data.Version) (data.Outcome, error) {
	theirs, err := w.sides(in.ID)
	if err != nil {
		return "", err
	}
	var keep []data.Version
	for _, t := range theirs {
		switch {
		case t.Descends(in.Rev):
			return data.Unchanged, nil
		case !in.Descends(t.Rev):
			keep = append(keep, t)
		}
	}
	keep = append(keep, in)
	w.changes = append(w.changes, data.Change{Record: in.Record, ID: in.ID, Old: mine.Rev.N, New: mine.Rev.N, By: in.Rev.By, Origin: w.origin, Conflict: true})
	return data.Conflicted, setJSON(w.txn, conflictKey(in.ID), keep)
}

// settled drops the sides of a conflict that a newer state descends from.
func (w *writer) settled(now data.Version) error {
	theirs, err := w.sides(now.ID)
	if err != nil || len(theirs) == 0 {
		return err
	}
	var keep []data.Version
	for _, t := range theirs {
		if !now.Descends(t.Rev) {
			keep = append(keep, t)
		}
	}
	if len(keep) == 0 {
		return w.txn.Delete([]byte(conflictKey(now.ID)))
	}
	return setJSON(w.txn, conflictKey(now.ID), keep)
}

func (w *writer) sides(id string) ([]data.Version, error) {
	var theirs []data.Version
	if err := getJSON(w.txn, conflictKey(id), &theirs); err != nil && !errors.Is(err, errNotFound) {
		return nil, err
	}
	return theirs, nil
}

// install makes v this database's state of the record: the record (or its
// tombstone) with its indexes, as it came, descending from lin.
func (w *writer) install(v data.Version, lin data.Lineage, outbox bool) error {
	old, found, err := w.versionOf(v.ID)
	if err != nil {
		return err
	}
	c := data.Change{Record: v.Record, ID: v.ID, New: v.Rev.N, By: v.Rev.By, Origin: w.origin}
	if found && !old.Deleted {
		c.Old = old.Rev.N
	}
	if err := w.unindex(v.Record, v.ID, &c); err != nil {
		return err
	}
	if v.Deleted {
		c.New = 0
		if err := w.txn.Delete([]byte(recordKey(v.Record, v.ID))); err != nil {
			return err
		}
		err = setJSON(w.txn, tombKey(v.ID), tombstone{Version: v.Rev.N, UpdatedBy: v.Rev.By, Updated: w.now})
	} else {
		err = w.place(v, &c)
	}
	if err != nil {
		return err
	}
	if len(v.Sig) > 0 && v.Rev.By != w.s.identity.analyst.ID {
		if err := w.keepSignature(v); err != nil {
			return err
		}
	}
	w.changes = append(w.changes, c)
	w.mine(v.Rev, v.ID)
	return w.track(v.ID, lin, outbox)
}

// unindex removes the index entries of a record's current state.
func (w *writer) unindex(kind data.RecordKind, id string, c *data.Change) error {
	switch kind {
	case data.RecordEvent:
		var e data.Event
		if err := getJSON(w.txn, eventKey(id), &e); err == nil {
			c.Articles, c.Actors = e.Articles(), e.Parties()
			return deleteEventIndexes(w.txn, &e)
		}
	case data.RecordActor:
		var a data.Actor
		if err := getJSON(w.txn, actorKey(id), &a); err == nil {
			return deleteKeys(w.txn, actorIndexKeys(&a))
		}
	}
	return nil
}

// place writes a record's body as it came (in canonical form), with its
// indexes.
func (w *writer) place(v data.Version, c *data.Change) error {
	if err := w.txn.Delete([]byte(tombKey(v.ID))); err != nil {
		return err
	}
	d, err := w.decode(v)
	if err != nil {
		return err
	}
	switch {
	case d.Event != nil:
		e := d.Event
		c.Articles, c.Actors = union(c.Articles, e.Articles()), union(c.Actors, e.Parties())
		if err := w.txn.Set([]byte(eventKey(e.ID)), d.Canonical); err != nil {
			return err
		}
		return indexEvent(w.txn, e)
	case d.Actor != nil:
		if err := w.txn.Set([]byte(actorKey(v.ID)), d.Canonical); err != nil {
			return err
		}
		return setKeys(w.txn, actorIndexKeys(d.Actor))
	}
	return w.placeArticle(d.Article)
}

// placeArticle writes an article's header, its text the first time, and
// its hash index unless another article holds that hash here.
func (w *writer) placeArticle(a *data.Article) error {
	if ok, err := exists(w.txn, textKey(a.ID)); err != nil {
		return err
	} else if !ok {
		if a.Text == "" {
			return fmt.Errorf("the article %s came without its text", a.ID)
		}
		if err := w.txn.Set([]byte(textKey(a.ID)), []byte(a.Text)); err != nil {
			return err
		}
	}
	if holder, err := getString(w.txn, hashKey(a.Hash)); errors.Is(err, errNotFound) || holder == a.ID {
		if err := w.txn.Set([]byte(hashKey(a.Hash)), []byte(a.ID)); err != nil {
			return err
		}
	}
	return setJSON(w.txn, articleKey(a.ID), a.Header())
}

// Mark is a transport's value.
func (s *Store) Mark(key string) (string, error) {
	var v string
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		v, err = getString(txn, markKey(key))
		if errors.Is(err, errNotFound) {
			return nil
		}
		return err
	})
	return v, err
}

// SetMark keeps a transport's value.
func (s *Store) SetMark(key, value string) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(markKey(key)), []byte(value)) })
}

// Outbox lists what waits for the hub, stage by stage (data.PushStage)
// and oldest change first within a stage.
func (s *Store) Outbox() ([]data.Pending, error) {
	var out []data.Pending
	err := s.scan(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("ob/")})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			seq, _ := strconv.ParseUint(string(v), 10, 64)
			id := string(it.Item().Key()[3:])
			_, err = txn.Get([]byte(tombKey(id)))
			if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
				return err
			}
			out = append(out, data.Pending{ID: id, Seq: seq, Stage: data.PushStage(kindOfID(id), err == nil)})
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].Stage != out[j].Stage {
			return out[i].Stage < out[j].Stage
		}
		return out[i].Seq < out[j].Seq
	})
	return out, err
}

// Pushed takes records off the outbox unless they changed again since.
func (s *Store) Pushed(done []data.Pending) error {
	return s.db.Update(func(txn *badger.Txn) error {
		for _, p := range done {
			v, err := getString(txn, outboxKey(p.ID))
			if errors.Is(err, errNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if v == strconv.FormatUint(p.Seq, 10) {
				if err := txn.Delete([]byte(outboxKey(p.ID))); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Held lists the records in the change log: every record held or deleted.
func (s *Store) Held() ([]string, error) {
	var ids []string
	err := s.scan(func(txn *badger.Txn) error {
		for _, k := range keys(txn, logSeqKey("")) {
			ids = append(ids, k[len(logSeqKey("")):])
		}
		return nil
	})
	return ids, err
}

// Queue puts records (those named that are here, or every record and
// every deletion) in the outbox.
func (s *Store) Queue(only ...string) error {
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		if len(only) > 0 {
			for _, id := range only {
				if ok, err := exists(txn, logSeqKey(id)); err != nil || ok {
					ids = append(ids, id)
				}
			}
			return nil
		}
		return nil
	})
	if err == nil && len(only) == 0 {
		ids, err = s.recordIDs()
	}
	if err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for _, id := range ids {
		if err := wb.Set([]byte(outboxKey(id)), []byte("0")); err != nil {
			return err
		}
	}
	return wb.Flush()
}

// recordIDs lists every record and every deletion, actors and articles
// first.
func (s *Store) recordIDs() ([]string, error) {
	var ids []string
	err := s.scan(func(txn *badger.Txn) error {
		for _, prefix := range []string{actorKey(""), articleKey(""), eventKey(""), "tb/"} {
			for _, k := range keys(txn, prefix) {
				ids = append(ids, k[strings.IndexByte(k, '/')+1:])
			}
		}
		return nil
	})
	return ids, err
}

// Conflicts lists the open conflicts, oldest record first.
func (s *Store) Conflicts() ([]data.OpenConflict, error) {
	var out []data.OpenConflict
	err := s.scan(func(txn *badger.Txn) error {
		w := &writer{s: s, txn: txn}
		for _, k := range keys(txn, "cf/") {
			c, err := w.conflict(k[3:])
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

// conflict reads a record's state here and the other sides kept with it.
func (w *writer) conflict(id string) (data.OpenConflict, error) {
	mine, _, err := w.versionOf(id)
	if err != nil {
		return data.OpenConflict{}, err
	}
	theirs, err := w.sides(id)
	return data.OpenConflict{Record: mine.Record, ID: id, Mine: mine, Theirs: theirs}, err
}

// Resolve settles an open conflict with the body chosen: a new version,
// one above every side's, descending from all of them.
func (s *Store) Resolve(ctx context.Context, id string, body json.RawMessage) error {
	return s.write(ctx, func(w *writer) error {
		c, err := w.conflict(id)
		if err != nil {
			return err
		}
		if len(c.Theirs) == 0 {
			return data.Errorf(data.ENotFound, "There is no open conflict about %s.", id)
		}
		mine := c.Mine
		lin, top := mine.History(), mine.Rev.N
		for _, t := range c.Theirs {
			lin, top = lin.With(t.History()), max(top, t.Rev.N)
		}
		if body != nil {
			if body, err = restamp(body, w.now); err != nil {
				return err
			}
		}
		v := data.Version{Record: mine.Record, ID: id, Rev: data.Rev{N: top + 1, By: w.by}, Body: body, Deleted: body == nil}
		if err := w.install(v, lin, true); err != nil {
			return err
		}
		return w.txn.Delete([]byte(conflictKey(id)))
	})
}

// restamp sets a chosen body's time of change to now.
func restamp(body json.RawMessage, now time.Time) (json.RawMessage, error) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, data.Errorf(data.EInvalid, "The record chosen is not valid JSON: %v.", err)
	}
	m["updated"] = now
	return json.Marshal(m)
}

// KnowAnalyst records a colleague's display name.
func (s *Store) KnowAnalyst(a data.Analyst) error {
	if a.ID == "" || a.ID == s.identity.analyst.ID {
		return nil
	}
	if err := a.Verify(); err != nil {
		return data.Errorf(data.EInvalid, "The name %q given for the analyst %s was refused: %v.", a.Name, a.ID, err)
	}
	if utf8.RuneCountInString(a.Name) > maxAnalystName || strings.IndexFunc(a.Name, unicode.IsControl) >= 0 {
		return data.Errorf(data.EInvalid, "The name given for the analyst %s was refused: it is over %d characters long or holds control characters.", a.ID, maxAnalystName)
	}
	s.names.Store(a.ID, a.DisplayName())
	return s.db.Update(func(txn *badger.Txn) error { return setJSON(txn, analystRecordKey(a.ID), a) })
}

// maxAnalystName is the longest display name taken from a colleague.
const maxAnalystName = 200

// Analysts lists every analyst known here, this one first.
func (s *Store) Analysts() ([]data.Analyst, error) {
	out := []data.Analyst{s.identity.analyst}
	err := s.scan(func(txn *badger.Txn) error {
		return eachJSON(txn, "an/", func(a *data.Analyst) error {
			if a.ID != s.identity.analyst.ID {
				out = append(out, *a)
			}
			return nil
		})
	})
	return out, err
}
