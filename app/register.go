package app

import (
	"sort"
	"strings"
	"time"

	"dossier/data"
)

// ActorRow is one line of the register: the actor and how many events name it.
type ActorRow struct {
	data.Actor
	Events int
}

// Register lists the actors (merged ones left out) with their events
// counts, which come from the index, not from reading the events.
func (s *Session) Register() ([]ActorRow, error) {
	acts, err := s.Actors()
	if err != nil {
		return nil, err
	}
	counts, err := s.st.EventCountsByActor()
	if err != nil {
		return nil, err
	}
	var rows []ActorRow
	for _, a := range acts {
		if a.MergedInto == "" {
			rows = append(rows, ActorRow{a, counts[a.ID]})
		}
	}
	return rows, nil
}

// RegisterRow is one actor's line of the register; false when the actor
// is not listed (deleted, or merged into another).
func (s *Session) RegisterRow(id string) (ActorRow, bool, error) {
	a, err := s.st.Actor(id)
	if data.ErrorCode(err) == data.ENotFound {
		return ActorRow{}, false, nil
	}
	if err != nil {
		return ActorRow{}, false, err
	}
	n, err := s.st.EventCount(id)
	return ActorRow{*a, n}, a.MergedInto == "", err
}

// MergeActors folds actor from into actor into: every event naming from
// names into instead, from's names become aliases of into, and from keeps a
// tombstone (merged_into) so that old ids still resolve. All of it is one
// transaction and one undoable step; it is refused, changing nothing, when
// any of those records changes under it.
func (s *Session) MergeActors(from, into string) error {
	defer s.history.hold()()
	if from == into {
		return data.Errorf(data.EInvalid, "An actor cannot be merged into itself.")
	}
	a, err := s.st.Actor(from)
	if err != nil {
		return err
	}
	b, err := s.st.Actor(into)
	if err != nil {
		return err
	}
	evs, err := s.st.Events(data.EventQuery{Actor: from})
	if err != nil {
		return err
	}
	step := change{label: "merge " + a.Name + " into " + b.Name, kind: data.RecordActor, id: into, before: snapshot(b), at: time.Now()}
	batch := &data.Batch{}
	for i := range evs {
		e := &evs[i]
		step.more = append(step.more, change{kind: data.RecordEvent, id: e.ID, before: snapshot(e)})
		e.Actors, e.Recipients = replaceID(e.Actors, from, into), replaceID(e.Recipients, from, into)
		batch.Events = append(batch.Events, e)
	}
	tomb := *a
	tomb.MergedInto = into
	step.more = append(step.more, change{kind: data.RecordActor, id: from, before: snapshot(a)})
	b.Aliases = append(b.Aliases, a.Names()...)
	batch.Actors = []*data.Actor{b, &tomb}
	if err := s.st.Commit(s.ctx(s.origin), batch); err != nil {
		return err
	}
	for i, e := range batch.Events {
		step.more[i].after, step.more[i].version = snapshot(e), e.Version
	}
	last := &step.more[len(step.more)-1]
	last.after, last.version = snapshot(&tomb), tomb.Version
	step.after, step.version = snapshot(b), b.Version
	s.history.push(step)
	return nil
}

func replaceID(ids []string, from, into string) []string {
	var out []string
	for _, id := range ids {
		if id == from {
			id = into
		}
		out = appendOnce(out, id)
	}
	return out
}

func appendOnce(ids []string, id string) []string {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// Duplicate is a pair of actors that are likely one, and why.
type Duplicate struct {
	A, B   data.Actor
	Reason string
}

// LikelyDuplicates finds actors sharing a normalised name or alias.
func (s *Session) LikelyDuplicates() ([]Duplicate, error) {
	acts, err := s.Actors()
	if err != nil {
		return nil, err
	}
	byName := map[string][]int{}
	for i, a := range acts {
		if a.MergedInto != "" {
			continue
		}
		for _, n := range a.Names() {
			k := data.NormaliseName(n)
			if l := byName[k]; len(l) == 0 || l[len(l)-1] != i {
				byName[k] = append(l, i)
			}
		}
	}
	seen := map[[2]int]bool{}
	var out []Duplicate
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ids := byName[k]
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				if p := [2]int{ids[x], ids[y]}; !seen[p] {
					seen[p] = true
					out = append(out, Duplicate{acts[ids[x]], acts[ids[y]], "both are called “" + strings.TrimSpace(k) + "”"})
				}
			}
		}
	}
	return out, nil
}
