package cli

import (
	"bytes"
	"io"
	"runtime/debug"
	"testing"

	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// `list events --json` streams the very JSON the whole list printed, for
// an empty store and a full one.
func TestListEventsStreamsTheSameJSON(t *testing.T) {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, n := range []int{0, 25} {
		if n > 0 {
			if err := storetest.Generate(st, 3, n); err != nil {
				t.Fatal(err)
			}
		}
		var streamed, whole bytes.Buffer
		if err := streamJSON(&streamed, st); err != nil {
			t.Fatal(err)
		}
		evs, _ := st.Events(data.EventQuery{})
		printJSON(&whole, evs)
		if streamed.String() != whole.String() {
			t.Fatalf("%d events: streamed\n%.300s\nwhole\n%.300s", n, streamed.String(), whole.String())
		}
	}
}

// peakLive is storetest.PeakLive with the collector kept close behind
// (GOGC 10), so that it sees the held heap often: sampled by a timer
// instead, a whole list held for less than Windows' coarse tick went
// unseen under Wine.
func peakLive(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	return storetest.PeakLive(fn)
}

// The streamed list holds one event at a time: on 40,000 events the heap it
// holds rises less than half as far as printing the whole list does. One
// untimed run first fills Badger's block cache, so that neither measure
// counts it.
func TestListEventsJSONMemoryStaysFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: writes 40,000 events")
	}
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := storetest.Generate(st, 20, 40000); err != nil {
		t.Fatal(err)
	}
	streamJSON(io.Discard, st)
	streamed := peakLive(func() { streamJSON(io.Discard, st) })
	whole := peakLive(func() {
		evs, _ := st.Events(data.EventQuery{})
		printJSON(io.Discard, evs)
	})
	t.Logf("heap rise on 40,000 events: streamed %d MB, the whole list %d MB", streamed>>20, whole>>20)
	if streamed*2 > whole {
		t.Fatalf("the streamed list's heap rose %d MB, the whole list's %d MB", streamed>>20, whole>>20)
	}
}
