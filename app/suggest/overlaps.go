package suggest

import (
	"slices"
	"sort"
)

// entityIndex finds the entity suggestions of a kind that overlap a span
// without scanning them all: they are kept by start, and only those that
// start within the longest one's length before the span can reach it.
type entityIndex struct {
	byKind [4][]indexed
	reach  [4]int
}

type indexed struct{ start, end, at int }

func newEntityIndex(ss []Suggestion) *entityIndex {
	x := &entityIndex{}
	for i, s := range ss {
		x.add(s, i)
	}
	return x
}

// add keeps an entity suggestion with its position in the caller's list.
func (x *entityIndex) add(s Suggestion, at int) {
	k := kindIndex(s.Kind)
	if k < 0 {
		return
	}
	list := x.byKind[k]
	p := sort.Search(len(list), func(i int) bool { return list[i].start > s.Start })
	x.byKind[k] = slices.Insert(list, p, indexed{s.Start, s.End, at})
	x.reach[k] = max(x.reach[k], s.End-s.Start)
}

// first is the position of the first entity of s's kind overlapping s, or
// -1.
func (x *entityIndex) first(s Suggestion) int {
	k := kindIndex(s.Kind)
	if k < 0 {
		return -1
	}
	list := x.byKind[k]
	best := -1
	for i := sort.Search(len(list), func(i int) bool { return list[i].start >= s.End }) - 1; i >= 0 && list[i].start+x.reach[k] > s.Start; i-- {
		if list[i].end > s.Start && (best < 0 || list[i].at < best) {
			best = list[i].at
		}
	}
	return best
}
