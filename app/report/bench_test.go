package report

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier/data"
	"dossier/data/badgerstore"

	"dossier/data/storetest"
)

// generatedStore holds n events over 200 actors and 1,000 articles.
func generatedStore(b *testing.B, n int) data.Store {
	st, err := badgerstore.Open(storetest.TempDir(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	var arts []*data.Article
	for i := range 1000 {
		text := fmt.Sprintf("Report %d. Officials met delegates in the capital on Friday and agreed to continue talks.", i)
		arts = append(arts, &data.Article{Title: fmt.Sprintf("Report %d", i), Text: text, Hash: strconv.Itoa(i), Published: "2025-01-01"})
	}
	res, _ := st.AddArticles(context.Background(), arts)
	var actors []string
	for i := range 200 {
		a := data.Actor{Name: fmt.Sprintf("Actor %d", i), Kind: data.KindGovernment, Country: []string{"RUS", "CHN", "USA", "FRA"}[i%4], Sector: "GOV"}
		st.PutActor(context.Background(), &a)
		actors = append(actors, a.ID)
	}
	types := []struct{ t, cameo string }{{"CONSULT", "042"}, {"AGREE", "036"}, {"ACCUSE", "112"}, {"ASSAULT", "190"}}
	var batch []*data.Event
	for i := range n {
		ty := types[i%4]
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%1800)
		batch = append(batch, &data.Event{Type: ty.t, CAMEO: ty.cameo, Article: res[i%1000].ID,
			Date:   data.EventDate{Start: day.Format(data.DateLayout), Raw: "on Friday"},
			Actors: []string{actors[i%200]}, Recipients: []string{actors[(i*7+3)%200]}, Confidence: "medium",
			Location: &data.Location{Name: "Capital", Lat: 39.9, Lon: 116.4, Country: "CHN"},
			Evidence: []data.Span{{Article: res[i%1000].ID, Start: 0, End: 20}}, Notes: "generated"})
		if len(batch) == 2000 {
			if err := st.Commit(context.Background(), &data.Batch{Events: batch}); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		st.Commit(context.Background(), &data.Batch{Events: batch})
	}
	return st
}

// rawStream is the baseline: the same cells, already made, written with a
// bare excelize StreamWriter (no styles, table, validations or other sheets).
func rawStream(b *testing.B, path string, events, evidence [][]any) {
	f := excelize.NewFile()
	defer f.Close()
	for sheet, rows := range map[string][][]any{"Events": events, "Evidence": evidence} {
		f.NewSheet(sheet)
		sw, _ := f.NewStreamWriter(sheet)
		for i, r := range rows {
			if err := sw.SetRow("A"+strconv.Itoa(i+1), r); err != nil {
				b.Fatal(err)
			}
		}
		sw.Flush()
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkExport100k exports 100,000 events and reports time and peak
// heap as ratios to the raw StreamWriter writing the same cells (targets:
// ≤ 1.3× time, ≤ 1.5× peak memory).
func BenchmarkExport100k(b *testing.B) {
	const n = 100000
	st := generatedStore(b, n)
	l, _ := newLookup(st)
	var events, evidence [][]any
	st.EachEvent(data.EventQuery{}, func(e *data.Event) error {
		row := make([]any, len(eventColumns))
		for i, c := range eventColumns {
			row[i] = c.get(l, e)
		}
		events = append(events, row)
		for _, sp := range e.Evidence {
			evidence = append(evidence, []any{e.ID, l.articles[sp.Article].Title, sp.Start, sp.End, sp.Quote})
		}
		return nil
	})
	dir := storetest.TempDir(b)
	var tBase, tOurs time.Duration
	var mBase, mOurs uint64
	for b.Loop() {
		start := time.Now()
		mBase = max(mBase, storetest.PeakHeap(func() { rawStream(b, filepath.Join(dir, "raw.xlsx"), events, evidence) }))
		tBase += time.Since(start)
		start = time.Now()
		mOurs = max(mOurs, storetest.PeakHeap(func() {
			if res, err := ExportWorkbook(context.Background(), st, filepath.Join(dir, "ours.xlsx"), Options{}); err != nil || res.Events != n {
				b.Fatalf("export: %v %+v", err, res.Events)
			}
		}))
		tOurs += time.Since(start)
	}
	b.ReportMetric(tOurs.Seconds()/float64(b.N), "s-export")
	b.ReportMetric(tOurs.Seconds()/tBase.Seconds(), "time-ratio")
	b.ReportMetric(float64(mOurs)/(1<<20), "MB-peak")
	b.ReportMetric(float64(mOurs)/float64(mBase), "memory-ratio")
}
