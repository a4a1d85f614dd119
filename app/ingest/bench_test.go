package ingest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/ledongthuc/pdf"

	"dossier/data"
	"dossier/data/badgerstore"

	"dossier/data/storetest"
)

// benchCorpus writes n articles of re3d size (about 1,000 characters, 170
// words) as .txt files and returns their folder.
func benchCorpus(b *testing.B, n int) string {
	dir := storetest.TempDir(b)
	r := rand.New(rand.NewSource(1))
	vocab := strings.Fields("the minister met officials in the capital on friday to discuss security cooperation regional issues talks agreed " +
		"government forces attacked positions near the border while delegates condemned the strikes and called for calm according to reports")
	for i := range n {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report %d from the desk\n\n", i)
		for w := range 170 {
			sb.WriteString(vocab[r.Intn(len(vocab))])
			if w%17 == 16 {
				sb.WriteString(".\n")
			} else {
				sb.WriteByte(' ')
			}
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(sb.String()), 0o644)
	}
	return dir
}

// rawWriteBatch is the baseline: the same file bytes written with one Badger
// WriteBatch under the same options, keyed by file name, no parsing at all.
func rawWriteBatch(b *testing.B, dir string) time.Duration {
	db, err := badger.Open(badgerstore.LaptopOptions(badger.DefaultOptions(storetest.TempDir(b))))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	entries, _ := os.ReadDir(dir)
	wb := db.NewWriteBatch()
	for _, e := range entries {
		v, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if err := wb.Set([]byte(e.Name()), v); err != nil {
			b.Fatal(err)
		}
	}
	if err := wb.Flush(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

func dossierImport(b *testing.B, dir string, n int) time.Duration {
	st, err := badgerstore.Open(storetest.TempDir(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	sum, err := Import(context.Background(), st, []string{dir}, Options{})
	if err != nil || sum.Imported != n {
		b.Fatalf("import: %v %s", err, sum.Line())
	}
	return time.Since(start)
}

// BenchmarkImportVsRawWriteBatch reports Dossier's import throughput as a
// ratio to the raw WriteBatch of the same bytes (target ≥ 0.5), and where
// the time goes: reading the files into articles (language, dates, title:
// one core) and writing articles already read (AddArticles in batches of
// 200), each beside the same baseline.
func BenchmarkImportVsRawWriteBatch(b *testing.B) {
	const n = 2000
	dir := benchCorpus(b, n)
	var base, ours, reads, writes []time.Duration
	for b.Loop() {
		base = append(base, rawWriteBatch(b, dir))
		ours = append(ours, dossierImport(b, dir, n))
		arts, read := readAll(b, dir)
		reads, writes = append(reads, read), append(writes, writeRead(b, arts))
	}
	mb, mo := median(base), median(ours)
	b.ReportMetric(n/mb.Seconds(), "baseline-articles/s")
	b.ReportMetric(n/mo.Seconds(), "dossier-articles/s")
	b.ReportMetric(mb.Seconds()/mo.Seconds(), "ratio-to-baseline")
	b.ReportMetric(n/median(reads).Seconds(), "read-articles/s-one-core")
	b.ReportMetric(mb.Seconds()/median(writes).Seconds(), "write-ratio-to-baseline")
}

// readAll reads every file of dir into an article, one after another.
func readAll(b *testing.B, dir string) ([]*data.Article, time.Duration) {
	entries, _ := os.ReadDir(dir)
	start := time.Now()
	var arts []*data.Article
	for _, e := range entries {
		a, err := ReadFile(filepath.Join(dir, e.Name()), true, 1<<30)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts, time.Since(start)
}

// writeRead writes articles already read to a new database.
func writeRead(b *testing.B, arts []*data.Article) time.Duration {
	st, err := badgerstore.Open(storetest.TempDir(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	for i := 0; i < len(arts); i += 200 {
		if _, err := st.AddArticles(context.Background(), arts[i:min(i+200, len(arts))]); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start)
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// BenchmarkPDFPages measures PDF reading in pages per second on our
// LibreOffice-made documents (one and two columns, running heads,
// hyphenation, Cyrillic), beside the library's own plain-text extraction of
// the same files as the baseline (which has no reading order, paragraphs or
// running heads to work out).
func BenchmarkPDFPages(b *testing.B) {
	var files [][]byte
	pages := 0
	for _, d := range documents {
		if slices.Contains(d.formats, "pdf") && d.password == "" {
			raw := d.read(&testing.T{}, "pdf")
			a, err := parsePDF(raw)
			if err != nil {
				b.Fatal(err)
			}
			files, pages = append(files, raw), pages+len(a.PageStarts)
		}
	}
	var base, ours []time.Duration
	for b.Loop() {
		start := time.Now()
		for _, raw := range files {
			r, err := pdf.NewReader(bytes.NewReader(raw), int64(len(raw)))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := r.GetPlainText(); err != nil {
				b.Fatal(err)
			}
		}
		base = append(base, time.Since(start))
		start = time.Now()
		for _, raw := range files {
			if _, err := parsePDF(raw); err != nil {
				b.Fatal(err)
			}
		}
		ours = append(ours, time.Since(start))
	}
	mb, mo := median(base), median(ours)
	b.ReportMetric(float64(pages)/mb.Seconds(), "library-pages/s")
	b.ReportMetric(float64(pages)/mo.Seconds(), "dossier-pages/s")
	b.ReportMetric(mb.Seconds()/mo.Seconds(), "ratio-to-library")
}
