package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"dossier/app"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// applyBench is a database with storetest's articles and actors, and
// edits lines of new events among them.
func applyBench(b *testing.B, edits int) (*badgerstore.Store, []byte, []*data.Event) {
	st, err := badgerstore.Open(storetest.TempDir(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := storetest.Generate(st, 200, 1); err != nil {
		b.Fatal(err)
	}
	arts, _ := st.Articles()
	actors, _ := st.Actors()
	var lines bytes.Buffer
	var evs []*data.Event
	for i := range edits {
		e := &data.Event{ID: fmt.Sprintf("ev-apply-%d", i), Type: "CONSULT", CAMEO: "042", Article: arts[i%len(arts)].ID,
			Date:   data.EventDate{Start: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%2000).Format(data.DateLayout)},
			Actors: []string{actors[i%len(actors)].ID}, Recipients: []string{actors[(i*7+1)%len(actors)].ID}}
		line, _ := json.Marshal(edit{Event: e})
		lines.Write(append(line, '\n'))
		c := *e
		evs = append(evs, &c)
	}
	return st, lines.Bytes(), evs
}

// BenchmarkApplyVsCommit applies 20,000 new events through `dossier
// apply` (each acknowledged once durable) beside a raw Commit of the same
// events in batches of 2,000 on a database like it: events/s for each and
// their ratio.
func BenchmarkApplyVsCommit(b *testing.B) {
	const n = 20000
	for range b.N {
		b.StopTimer()
		st, lines, _ := applyBench(b, n)
		raw, _, evs := applyBench(b, n)
		b.StartTimer()
		start := time.Now()
		s := app.NewSession(st, "bench")
		if code := runApply(Env{Stdin: bytes.NewReader(lines), Stdout: io.Discard, Stderr: io.Discard}, s, nil); code != ExitOK {
			b.Fatalf("apply: exit %d", code)
		}
		s.Close()
		applied := time.Since(start)
		start = time.Now()
		for i := 0; i < len(evs); i += 2000 {
			if err := raw.Commit(context.Background(), &data.Batch{Events: evs[i:min(i+2000, len(evs))]}); err != nil {
				b.Fatal(err)
			}
		}
		committed := time.Since(start)
		b.ReportMetric(float64(n)/applied.Seconds(), "applied-events/s")
		b.ReportMetric(float64(n)/committed.Seconds(), "committed-events/s")
		b.ReportMetric(committed.Seconds()/applied.Seconds(), "ratio-to-commit")
	}
}
