package badgerstore

import (
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// Check compares every index with the records it derives from and mends
// what differs (indexes are derived data, so nothing is lost by rebuilding
// them). Leftovers of an import cut off mid-batch (a text without its
// header) are removed. What cannot be mended, such as an event citing a
// missing actor, is reported as a problem.
func (s *Store) Check() (data.CheckReport, error) {
	var rep data.CheckReport
	if damage := s.Verify(); damage != nil {
		sv, err := s.surveyDamage()
		if err != nil {
			return rep, err
		}
		rep.Problems = sv.problems(damage)
		return rep, nil
	}
	err := s.update(func(txn *badger.Txn) error {
		rep = data.CheckReport{}
		want, err := expectedIndex(txn, &rep)
		if err != nil {
			return err
		}
		have, err := indexEntries(txn)
		if err != nil {
			return err
		}
		return mendIndex(txn, want, have, &rep)
	})
	if err != nil {
		return rep, err
	}
	lost, err := s.losses()
	rep.Problems = append(rep.Problems, lost...)
	return rep, err
}

// expectedIndex derives every index key from the records.
func expectedIndex(txn *badger.Txn, rep *data.CheckReport) (map[string]string, error) {
	want := map[string]string{}
	articles := map[string]bool{}
	err := eachJSON(txn, articleKey(""), func(a *data.Article) error {
		articles[a.ID] = true
		want[hashKey(a.Hash)] = a.ID
		if ok, err := exists(txn, textKey(a.ID)); err != nil || !ok {
			rep.Problems = append(rep.Problems, fmt.Sprintf("article %s (%q) has lost its text", a.ID, a.Title))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, k := range keys(txn, textKey("")) {
		if id := k[len(textKey("")):]; !articles[id] {
			rep.Repaired = append(rep.Repaired, fmt.Sprintf("removed the text of an import cut off before article %s was stored", id))
			if err := txn.Delete([]byte(k)); err != nil {
				return nil, err
			}
		}
	}
	actors := map[string]bool{}
	err = eachJSON(txn, actorKey(""), func(a *data.Actor) error {
		actors[a.ID] = true
		for _, k := range actorIndexKeys(a) {
			want[k] = ""
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachJSON(txn, eventKey(""), func(e *data.Event) error {
		for _, x := range eventIndex(e) {
			want[x.key] = string(x.value)
		}
		for _, a := range e.Parties() {
			if !actors[a] {
				rep.Problems = append(rep.Problems, fmt.Sprintf("event %s cites a missing actor %s", e.ID, a))
			}
		}
		for _, a := range e.Articles() {
			if !articles[a] {
				rep.Problems = append(rep.Problems, fmt.Sprintf("event %s cites a missing article %s", e.ID, a))
			}
		}
		return nil
	})
	return want, err
}

// indexEntries reads every index entry, with its value.
func indexEntries(txn *badger.Txn) (map[string]string, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("ix/")})
	defer it.Close()
	have := map[string]string{}
	for it.Rewind(); it.Valid(); it.Next() {
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		have[string(it.Item().Key())] = string(v)
	}
	return have, nil
}

// mendIndex adds missing index entries, puts right those that differ from
// what their records say, and removes stray ones.
func mendIndex(txn *badger.Txn, want, have map[string]string, rep *data.CheckReport) error {
	var missing, wrong, stray []string
	for k, v := range want {
		h, ok := have[k]
		switch {
		case !ok:
			missing = append(missing, k)
		case h != v:
			wrong = append(wrong, k)
		}
	}
	for k := range have {
		if _, ok := want[k]; !ok {
			stray = append(stray, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(wrong)
	sort.Strings(stray)
	for _, k := range missing {
		rep.Repaired = append(rep.Repaired, "added missing index entry "+printable(k))
		if err := txn.Set([]byte(k), []byte(want[k])); err != nil {
			return err
		}
	}
	for _, k := range wrong {
		rep.Repaired = append(rep.Repaired, "put right index entry "+printable(k))
		if err := txn.Set([]byte(k), []byte(want[k])); err != nil {
			return err
		}
	}
	for _, k := range stray {
		rep.Repaired = append(rep.Repaired, "removed stray index entry "+printable(k))
		if err := txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

func printable(k string) string { return fmt.Sprintf("%q", k) }
