package synthetic_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/synthetic"
	"dossier/data"
	"dossier/data/badgerstore"
)

func open(t *testing.T) *badgerstore.Store {
	t.Helper()
	st, err := badgerstore.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// made generates a sample and returns the store and what it holds, less
// what differs from one run to the next (when each record was written,
// and by which analyst's key).
func made(t *testing.T, o synthetic.Options) (*badgerstore.Store, synthetic.Summary, string) {
	st := open(t)
	sum, err := synthetic.Generate(context.Background(), st, open(t), o)
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := st.Events(data.EventQuery{})
	acts, _ := st.Actors()
	arts, _ := st.Articles()
	for i := range evs {
		evs[i].Created, evs[i].Revision = time.Time{}, data.Revision{}
	}
	for i := range acts {
		acts[i].Created, acts[i].Revision = time.Time{}, data.Revision{}
	}
	var texts []string
	for _, a := range arts {
		full, _ := st.Article(a.ID)
		texts = append(texts, a.Title, a.Published, a.Source, full.Text)
	}
	b, _ := json.Marshal([]any{evs, acts, texts})
	return st, sum, string(b)
}

// A sample holds what was asked, each event quoting its article's own
// words, with second reports the duplicate finder pairs and conflicts to
// settle; the same seed makes the same records, another seed others.
func TestSampleIsWhatWasAskedAndTheSameForASeed(t *testing.T) {
	o := synthetic.Options{Events: 3000, Actors: 120, Seed: 5}
	st, sum, first := made(t, o)
	if sum.Events != 3000 || sum.Actors != 120 || sum.Articles != 150 || sum.Duplicates == 0 || sum.Conflicts == 0 {
		t.Fatalf("summary %+v", sum)
	}
	evs, _ := st.Events(data.EventQuery{})
	acts, _ := st.Actors()
	if len(evs) != 3000 || len(acts) != 120 {
		t.Fatalf("%d events and %d actors stored", len(evs), len(acts))
	}
	years := map[string]bool{}
	for _, e := range evs {
		a, err := st.Article(e.Article)
		if err != nil {
			t.Fatalf("event %s cites a missing article: %v", e.ID, err)
		}
		years[e.Date.Start[:4]] = true
		for _, sp := range e.Evidence {
			if got := string([]rune(a.Text)[sp.Start:sp.End]); got != sp.Quote {
				t.Fatalf("event %s quotes %q where its article says %q", e.ID, sp.Quote, got)
			}
		}
	}
	if len(years) < 8 {
		t.Fatalf("the events cover %d years", len(years))
	}
	pairs, err := app.NewSession(st, "sample").DuplicateEvents()
	if err != nil || len(pairs) < sum.Duplicates {
		t.Fatalf("%d pairs of duplicates found for %d second reports: %v", len(pairs), sum.Duplicates, err)
	}
	if open, _ := st.Conflicts(); len(open) != sum.Conflicts {
		t.Fatalf("%d conflicts open, the summary says %d", len(open), sum.Conflicts)
	}
	if _, _, again := made(t, o); again != first {
		t.Fatal("the same seed made other records")
	}
	o.Seed = 6
	if _, _, other := made(t, o); other == first {
		t.Fatal("another seed made the same records")
	}
}

// A sample is made only in a new database: never among an analyst's own
// records.
func TestSampleOnlyInANewDatabase(t *testing.T) {
	st := open(t)
	s := app.NewSession(st, "mine")
	if _, err := s.LoadSample(); err != nil {
		t.Fatal(err)
	}
	_, err := s.FillWithSample(context.Background(), open(t), synthetic.Options{Events: 10, Actors: 5})
	if data.ErrorCode(err) != data.EInvalid || data.ErrorMessage(err) != "The database mine already holds 1 articles and 6 actors: a sample is made only in a new database (give --db a new folder)." {
		t.Fatalf("filling a database in use: %v", err)
	}
}
