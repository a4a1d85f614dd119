package search

import (
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// BenchmarkQueries100k indexes 10,000 articles and 100,000 events and
// reports term and phrase query p95 (targets ≤ 50 ms and ≤ 300 ms), the
// rebuild time and the sizes on disk; BenchmarkQueries100kEncrypted does
// the same with the index an encrypted database keeps (in an encrypted
// Badger database), and the time to open it again with no rebuild.
func BenchmarkQueries100k(b *testing.B) { benchQueries(b, nil) }

func BenchmarkQueries100kEncrypted(b *testing.B) {
	benchQueries(b, []byte("0123456789abcdef0123456789abcdef"))
}

func benchQueries(b *testing.B, key []byte) {
	dir := storetest.TempDir(b)
	st, err := badgerstore.Open(filepath.Join(dir, "db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := storetest.Generate(st, 10000, 100000); err != nil {
		b.Fatal(err)
	}
	ix, err := Open(filepath.Join(dir, "db-index"), key)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	if _, err := ix.Sync(st, nil); err != nil {
		b.Fatal(err)
	}
	rebuild := time.Since(start)
	ix.Close()
	start = time.Now()
	if ix, err = Open(filepath.Join(dir, "db-index"), key); err != nil {
		b.Fatal(err)
	}
	if rebuilt, err := ix.Sync(st, nil); err != nil || rebuilt {
		b.Fatalf("reopening rebuilt the index (%v)", err)
	}
	reopen := time.Since(start)
	words := strings.Fields("minister talks border ceasefire refugees summit embassy convoy protesters election")
	r := rand.New(rand.NewSource(1))
	var terms, phrases []time.Duration
	for b.Loop() {
		for range 100 {
			t := time.Now()
			ix.Search(words[r.Intn(len(words))], 20)
			terms = append(terms, time.Since(t))
			t = time.Now()
			ix.Search(`"`+words[r.Intn(len(words))]+" "+words[r.Intn(len(words))]+`"`, 20)
			phrases = append(phrases, time.Since(t))
		}
	}
	b.ReportMetric(p95(terms), "ms-term-p95")
	b.ReportMetric(p95(phrases), "ms-phrase-p95")
	b.ReportMetric(rebuild.Seconds(), "s-rebuild")
	b.ReportMetric(reopen.Seconds(), "s-reopen")
	b.ReportMetric(float64(dirSize(filepath.Join(dir, "db")))/(1<<20), "MB-database")
	b.ReportMetric(float64(dirSize(filepath.Join(dir, "db-index")))/(1<<20), "MB-index")
}

func p95(ds []time.Duration) float64 {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[len(ds)*95/100].Microseconds()) / 1000
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
