package suggest

import (
	"math/rand"
	"testing"
)

// The index answers as a scan of every suggestion would: the first one
// of the same kind that overlaps.
func TestEntityIndexAnswersAsAScan(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	random := func() Suggestion {
		start := rng.Intn(500)
		return Suggestion{Kind: modelKinds[rng.Intn(4)], Start: start, End: start + 1 + rng.Intn(30)}
	}
	var ss []Suggestion
	for range 300 {
		ss = append(ss, random())
	}
	x := newEntityIndex(ss[:200])
	for i, s := range ss[200:] {
		x.add(s, 200+i)
	}
	for range 2000 {
		q := random()
		want := -1
		for i, o := range ss {
			if o.Kind == q.Kind && o.Start < q.End && q.Start < o.End {
				want = i
				break
			}
		}
		if got := x.first(q); got != want {
			t.Fatalf("%+v: the index says %d, a scan %d", q, got, want)
		}
	}
}
