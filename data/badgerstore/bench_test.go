package badgerstore

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"

	"dossier/data/storetest"
)

// benchEvent is a realistic coded event citing one article and two actors.
func benchEvent(b *testing.B, s *Store) data.Event {
	res, err := s.AddArticles(context.Background(), []*data.Article{{Title: "A", Text: "Sergei Shoigu met Wang Yi in Beijing on Friday.", Hash: "bench"}})
	if err != nil {
		b.Fatal(err)
	}
	x, y := data.Actor{Name: "Sergei Shoigu", Kind: data.KindPerson, Country: "RUS"}, data.Actor{Name: "Wang Yi", Kind: data.KindPerson, Country: "CHN"}
	s.PutActor(bg, &x)
	s.PutActor(bg, &y)
	return data.Event{Type: "CONSULT", Mode: "visit", CAMEO: "042", Date: data.EventDate{Start: "2025-02-28", Raw: "on Friday"},
		Actors: []string{x.ID}, Recipients: []string{y.ID}, Confidence: "high", Notes: "visitor is actor, host is recipient",
		Location: &data.Location{Name: "Beijing", Lat: 39.9075, Lon: 116.39723, Country: "CHN"},
		Evidence: []data.Span{{Article: res[0].ID, Start: 0, End: 13}}}
}

// BenchmarkStoreWriteVsRawBadger times PutEvent (validation, reference checks,
// three indexes, synced commit) against a raw synced Set of the same JSON.
func BenchmarkStoreWriteVsRawBadger(b *testing.B) {
	s, _ := Open(storetest.TempDir(b))
	defer s.Close()
	ev := benchEvent(b, s)
	raw, _ := json.Marshal(ev)
	const n = 200
	var base, ours time.Duration
	for b.Loop() {
		t := time.Now()
		for range n {
			s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(eventKey(data.NewID("ev"))), raw) })
		}
		base += time.Since(t)
		t = time.Now()
		for range n {
			e := ev
			if err := s.PutEvent(bg, &e); err != nil {
				b.Fatal(err)
			}
		}
		ours += time.Since(t)
	}
	b.ReportMetric(float64(ours.Microseconds())/float64(b.N*n), "µs/put")
	b.ReportMetric(float64(base.Microseconds())/float64(b.N*n), "baseline-µs/set")
	b.ReportMetric(ours.Seconds()/base.Seconds(), "time-ratio-to-baseline")
}

// BenchmarkStoreReadVsRawBadger times Event(id) against a raw Get of the
// same key with json.Unmarshal.
func BenchmarkStoreReadVsRawBadger(b *testing.B) {
	s, _ := Open(storetest.TempDir(b))
	defer s.Close()
	ev := benchEvent(b, s)
	s.PutEvent(bg, &ev)
	const n = 2000
	var base, ours time.Duration
	for b.Loop() {
		t := time.Now()
		for range n {
			var e data.Event
			s.db.View(func(txn *badger.Txn) error { return getJSON(txn, eventKey(ev.ID), &e) })
		}
		base += time.Since(t)
		t = time.Now()
		for range n {
			if _, err := s.Event(ev.ID); err != nil {
				b.Fatal(err)
			}
		}
		ours += time.Since(t)
	}
	b.ReportMetric(float64(ours.Nanoseconds())/float64(b.N*n)/1000, "µs/read")
	b.ReportMetric(ours.Seconds()/base.Seconds(), "time-ratio-to-baseline")
}
