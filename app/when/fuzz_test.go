package when

import (
	"testing"

	"dossier/data"
)

// FuzzResolve: any expression resolves to a valid date or says why not.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"on Friday", "In December 2023", "2025-02-28", "last week", "31 February 2025", "March 1"} {
		f.Add(s, "2025-03-02")
	}
	f.Fuzz(func(t *testing.T, expr, published string) {
		d, err := Resolve(expr, published)
		if err != nil {
			return
		}
		if _, err := data.NormaliseEventDate(d); err != nil || d.Start == "" {
			t.Fatalf("%q → %+v, which is not a valid date: %v", expr, d, err)
		}
	})
}
