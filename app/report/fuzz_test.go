package report

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"dossier/data"
	"dossier/data/badgerstore"

	"dossier/data/storetest"
)

// FuzzImportWorkbook: any cell values in an edited Events sheet are taken
// or refused with a reason, never a panic, and a dry run changes nothing.
// The xlsx container itself is excelize's to parse; the rows are ours.
func FuzzImportWorkbook(f *testing.F) {
	st, err := badgerstore.OpenInMemory()
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	res, _ := st.AddArticles(context.Background(), []*data.Article{{Title: "Seed", Text: "Envoys met on Friday.", Hash: "s"}})
	a := data.Actor{Name: "Wang Yi", Kind: data.KindPerson}
	st.PutActor(context.Background(), &a)
	e := data.Event{Type: "CONSULT", Article: res[0].ID, Actors: []string{a.ID}, Date: data.EventDate{Start: "2025-02-28"}}
	st.PutEvent(context.Background(), &e)
	f.Add(e.ID, "1", "CONSULT", "45716", "Wang Yi", "high", "note")
	f.Add("", "", "AGREE", "2025-03", "Wang Yi; Nobody", "", "=1+1")
	f.Add("ev-x", "x", "", "not a date", "", "medium", "\x01")
	dir := storetest.TempDir(f)
	f.Fuzz(func(t *testing.T, id, version, typ, date, actors, confidence, notes string) {
		path := filepath.Join(dir, "edited.xlsx")
		w := excelize.NewFile()
		w.SetSheetName("Sheet1", sheetEvents)
		w.SetSheetRow(sheetEvents, "A1", &[]any{"ID", "Version", "Type", "Date", "Actors", "Confidence", "Notes"})
		w.SetSheetRow(sheetEvents, "A2", &[]any{id, version, typ, date, actors, confidence, notes})
		if err := w.SaveAs(path); err != nil {
			return // excelize refuses the value (too long, say): nothing to import
		}
		before, _ := st.Counts()
		r, err := ImportWorkbook(context.Background(), st, path, true)
		if after, _ := st.Counts(); after != before {
			t.Fatal("a dry run changed the store")
		}
		if err == nil && len(r.Changes)+r.Refused+len(r.Conflicts)+r.Unchanged != 1 {
			t.Fatalf("one row, accounted %d times: %+v", len(r.Changes)+r.Refused+len(r.Conflicts)+r.Unchanged, r)
		}
	})
}
