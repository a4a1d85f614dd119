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

// MergeActors folds actor from into actor into: every event naming from
// names into instead, from's names become aliases of into, and from keeps a
// tombstone (merged_into) so that old ids still resolve. One undoable step.
func (s *Session) MergeActors(from, into string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
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
	step := change{label: "merge " + a.Name + " into " + b.Name, kind: "actor", id: into, before: snapshot(b), at: time.Now()}
	var moved []*data.Event
	for i := range evs {
		e := &evs[i]
		before := snapshot(e)
		e.Actors, e.Recipients = replaceID(e.Actors, from, into), replaceID(e.Recipients, from, into)
		moved = append(moved, e)
		step.more = append(step.more, change{kind: "event", id: e.ID, before: before})
	}
	if err := s.st.PutEvents(moved); err != nil {
		return err
	}
	b.Aliases = append(b.Aliases, a.Names()...)
	if err := s.st.PutActor(b); err != nil {
		return err
	}
	step.after = snapshot(b)
	tomb := *a
	tomb.MergedInto = into
	if err := s.st.PutActor(&tomb); err != nil {
		return err
	}
	step.more = append(step.more, change{kind: "actor", id: from, before: snapshot(a), after: snapshot(&tomb)})
	for i, e := range moved {
		step.more[i].after = snapshot(e)
	}
	s.history.push(step)
	for _, c := range append([]change{step}, step.more...) {
		s.reindexRecord(c.kind, c.id)
	}
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
