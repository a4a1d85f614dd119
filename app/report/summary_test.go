package report_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

const readSummaryPairs = `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Summary"]
inside = False
for a, b in ws.iter_rows(min_col=1, max_col=2, values_only=True):
    if a == "Top actor pairs":
        inside = True
    elif inside and a == "Fatalities by country":
        break
    elif inside:
        print(a, b, sep="|")
`

// TestSummaryTopPairs: the Summary's top pairs count the network's links
// and the pairs it does not link (a reciprocal event's two actors, an
// actor its own recipient) together, most events first and ties by name,
// ten of them.
func TestSummaryTopPairs(t *testing.T) {
	st, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	ids := map[string]string{}
	names := []string{"Ana", "Ben", "Cy", "Di", "Ed"}
	for i := 1; i <= 12; i++ {
		names = append(names, fmt.Sprintf("P%02d", i))
	}
	for _, n := range names {
		a := data.Actor{Name: n, Kind: data.KindPerson}
		if err := st.PutActor(ctx, &a); err != nil {
			t.Fatal(err)
		}
		ids[n] = a.ID
	}
	event := func(actors, recipients []string) {
		e := data.Event{Type: "CONSULT", Date: data.EventDate{Start: "2025-01-02"}}
		for _, n := range actors {
			e.Actors = append(e.Actors, ids[n])
		}
		for _, n := range recipients {
			e.Recipients = append(e.Recipients, ids[n])
		}
		if err := st.PutEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		event([]string{"Ana"}, []string{"Ben"})
	}
	event([]string{"Ana", "Ben"}, nil) // reciprocal: Ana → Ben once more
	event([]string{"Cy", "Di"}, nil)   // linked nowhere in the network
	event([]string{"Cy", "Di"}, nil)
	event([]string{"Ed"}, []string{"Ed", "Ana"})
	for i := 1; i <= 12; i++ {
		event([]string{fmt.Sprintf("P%02d", i)}, []string{"Ben"})
	}
	path := filepath.Join(storetest.TempDir(t), "pairs.xlsx")
	if _, err := report.ExportWorkbook(ctx, st, path, report.Options{}); err != nil {
		t.Fatal(err)
	}
	want := "Actor → recipient|Events\nAna → Ben|4\nCy → Di|2\nEd → Ana|1\nEd → Ed|1\n"
	for i := 1; i <= 6; i++ {
		want += fmt.Sprintf("P%02d → Ben|1\n", i)
	}
	if got := python(t, readSummaryPairs, path); got != want {
		t.Fatalf("top pairs:\n%s\nwant\n%s", got, want)
	}
}
