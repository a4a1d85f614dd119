package app

import (
	"testing"
	"time"

	"dossier/data"
	"dossier/data/storetest"
)

// BenchmarkDuplicateEventsVsScan finds the likely duplicates among 100,000
// generated events, against reading the same events once (the baseline:
// the least a search of the whole store costs). It reports both in
// seconds and their ratio.
func BenchmarkDuplicateEventsVsScan(b *testing.B) {
	s := newSession(b)
	if err := storetest.Generate(s.st, 1000, 100_000); err != nil {
		b.Fatal(err)
	}
	var scan, find time.Duration
	pairs := 0
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		n := 0
		if err := s.st.EachEvent(data.EventQuery{}, func(*data.Event) error { n++; return nil }); err != nil || n != 100_000 {
			b.Fatalf("scan read %d events (%v)", n, err)
		}
		t1 := time.Now()
		ps, err := s.DuplicateEvents()
		if err != nil {
			b.Fatal(err)
		}
		pairs = len(ps)
		scan, find = scan+t1.Sub(t0), find+time.Since(t1)
	}
	b.ReportMetric(scan.Seconds()/float64(b.N), "scan-s")
	b.ReportMetric(find.Seconds()/float64(b.N), "duplicates-s")
	b.ReportMetric(find.Seconds()/scan.Seconds(), "x-scan")
	b.ReportMetric(float64(pairs), "pairs")
}
