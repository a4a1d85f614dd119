package search

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dossier/data"
)

// An index is marked with the database's stamp and the position of its
// change log when it was last in step. Opened again, an index whose stamp
// is the database's is in step; one whose position is in the database's
// log (the same epoch, not ahead) catches up by indexing again only the
// records changed since; any other is rebuilt.

// layout names how the index is laid out; an index laid out otherwise
// (an older Dossier's, all English) is rebuilt.
const layout = "/languages-1/passages-2"

// mark is what an index in step is marked with.
type mark struct {
	stamp string
	at    data.LogPosition
}

// markOf reads the mark an index in step with st now would take: read
// before the work it marks, so that a write landing during that work
// leaves the database's stamp different from the one marked.
func markOf(st Source) (mark, error) {
	stamp, err := st.Stamp()
	if err != nil {
		return mark{}, err
	}
	at, err := st.Position()
	return mark{stamp, at}, err
}

// Sync brings the index in step with st: nothing when it is, the records
// changed since it was when it can, else every record again. progress,
// when set, hears how many records are done of how many. It reports
// whether the index was rebuilt.
func (ix *Index) Sync(st Source, progress func(done, total int)) (rebuilt bool, err error) {
	want, err := markOf(st)
	if err != nil {
		return false, err
	}
	have, _ := ix.stamp()
	if have == want.stamp+layout && want.stamp != "" {
		return false, nil
	}
	counts, err := st.Counts()
	if err != nil {
		return false, err
	}
	records := counts.Articles + counts.Events + counts.Actors
	from, ok := ix.position()
	// Past half the records changed, indexing all anew is as quick and
	// leaves a compact index.
	if ok && strings.HasSuffix(have, layout) && want.at.Epoch != "" && from.Epoch == want.at.Epoch &&
		from.Seq <= want.at.Seq && want.at.Seq-from.Seq <= uint64(records/2+100) {
		return false, ix.catchUp(st, from.Seq, want, progress)
	}
	return true, ix.rebuild(st, want, records, progress)
}

func (ix *Index) stamp() (string, error) {
	b, err := ix.idx.GetInternal([]byte("stamp"))
	if err != nil || b == nil {
		return "", errors.New("no stamp")
	}
	return string(b), nil
}

// position is the change-log position the index was last in step with.
func (ix *Index) position() (data.LogPosition, bool) {
	b, err := ix.idx.GetInternal([]byte("position"))
	if err != nil || b == nil {
		return data.LogPosition{}, false
	}
	epoch, seq, ok := strings.Cut(string(b), " ")
	n, err := strconv.ParseUint(seq, 10, 64)
	return data.LogPosition{Epoch: epoch, Seq: n}, ok && err == nil
}

// markInStep records that the index reflects the database as it was when
// m was read.
func (ix *Index) markInStep(m mark) error {
	if err := ix.idx.SetInternal([]byte("position"), fmt.Appendf(nil, "%s %d", m.at.Epoch, m.at.Seq)); err != nil {
		return err
	}
	return ix.idx.SetInternal([]byte("stamp"), []byte(m.stamp+layout))
}

// catchUp indexes again the records changed after seq, a chunk at a time.
func (ix *Index) catchUp(st Source, after uint64, m mark, progress func(done, total int)) error {
	var changed []map[string]data.RecordKind // chunks of kinds by id
	n := 0
	err := st.ChangedRecords(after, func(kind data.RecordKind, id string) error {
		if n%catchUpChunk == 0 {
			changed = append(changed, map[string]data.RecordKind{})
		}
		changed[len(changed)-1][id] = kind
		n++
		return nil
	})
	if err != nil {
		return err
	}
	done := 0
	for _, chunk := range changed {
		if err := ix.refresh(st, chunk); err != nil {
			return err
		}
		if done += len(chunk); progress != nil {
			progress(done, n)
		}
	}
	return ix.markInStep(m)
}

// catchUpChunk is how many changed records one step of a catch-up reads
// and indexes.
const catchUpChunk = 500

// refresh indexes the stored state of the records named (kind by id), and
// drops those no longer stored.
func (ix *Index) refresh(st Source, records map[string]data.RecordKind) error {
	var put []any
	var drop []string
	for id, kind := range records {
		rec, err := current(st, kind, id)
		if data.ErrorCode(err) == data.ENotFound {
			drop = append(drop, id)
			continue
		}
		if err != nil {
			return err
		}
		put = append(put, rec)
	}
	if err := ix.Put(put...); err != nil {
		return err
	}
	return ix.Delete(drop...)
}

// current reads a record's stored state.
func current(st Source, kind data.RecordKind, id string) (any, error) {
	switch kind {
	case data.RecordEvent:
		return st.Event(id)
	case data.RecordActor:
		return st.Actor(id)
	}
	return st.Article(id)
}

// rebuild empties the index and indexes every record again (records of
// them, for progress). The old one is closed before its files are removed
// (Windows keeps open files), and a failure leaves the index closed, never
// closed twice.
func (ix *Index) rebuild(st Source, m mark, records int, progress func(done, total int)) error {
	if err := ix.idx.Close(); err != nil {
		return err
	}
	ix.idx = nil
	if err := ix.where.wipe(); err != nil {
		return err
	}
	idx, err := ix.where.open()
	if err != nil {
		return err
	}
	ix.idx = idx
	ix.langs.load(idx) // the new index holds none yet
	arts, err := st.Articles()
	if err != nil {
		return err
	}
	defer holdMemory()()
	w := newBatcher(ix.idx)
	done := 0
	step := func() {
		if done++; progress != nil && done%100 == 0 {
			progress(done, max(records, done))
		}
	}
	for _, h := range arts {
		a, err := st.Article(h.ID)
		if err != nil {
			return err
		}
		if err := ix.putArticle(w, a); err != nil {
			return err
		}
		step()
	}
	acts, _ := st.Actors()
	for i := range acts {
		if err := w.index(acts[i].ID, actorDoc(&acts[i])); err != nil {
			return err
		}
		step()
	}
	err = st.EachEvent(data.EventQuery{}, func(e *data.Event) error {
		step()
		return w.index(e.ID, eventDoc(e))
	})
	if err != nil {
		return err
	}
	if err := w.flush(); err != nil {
		return err
	}
	return ix.markInStep(m)
}
