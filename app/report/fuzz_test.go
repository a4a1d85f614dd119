package report

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"dossier/data"
	"dossier/data/badgerstore"
)

// FuzzImportWorkbook: any bytes given as a workbook are refused with a
// reason or read row by row; the store is never left half-changed.
func FuzzImportWorkbook(f *testing.F) {
	st, err := badgerstore.OpenInMemory()
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	seedPath := filepath.Join(f.TempDir(), "seed.xlsx")
	res, _ := st.AddArticles(context.Background(), []*data.Article{{Title: "Seed", Text: "Envoys met on Friday.", Hash: "s"}})
	e := data.Event{Type: "CONSULT", Article: res[0].ID, Date: data.EventDate{Start: "2025-02-28"}}
	st.PutEvent(&e)
	if _, err := ExportWorkbook(context.Background(), st, seedPath, Options{}); err != nil {
		f.Fatal(err)
	}
	seed, _ := os.ReadFile(seedPath)
	f.Add(seed)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(dir, "in.xlsx")
		os.WriteFile(path, raw, 0o600)
		before, _ := st.Counts()
		r, err := ImportWorkbook(st, path, true)
		if after, _ := st.Counts(); after != before {
			t.Fatal("a dry run changed the store")
		}
		if err == nil && len(r.Changes)+len(r.Problems)+len(r.Conflicts)+r.Unchanged < 0 {
			t.Fatal("impossible counts")
		}
	})
}
