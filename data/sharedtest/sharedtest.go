// Package sharedtest finds the team's reference folder (../shared/data beside
// the repository, or $DOSSIER_SHARED) for tests and evaluations that read
// real articles and codebooks. Nothing in the app depends on it at run time.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data folder, or "" when it is absent.
func Dir() string {
	if d := os.Getenv("DOSSIER_SHARED"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			cand := filepath.Join(filepath.Dir(d), "shared", "data")
			if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
				return cand
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Need returns the path of elem inside the shared folder, or skips the test
// with a message saying what is missing.
func Need(t testing.TB, elem ...string) string {
	t.Helper()
	d := Dir()
	if d == "" {
		t.Skip("skipped: ../shared/data (the team's reference data) is not beside this checkout; set DOSSIER_SHARED to run it")
	}
	p := filepath.Join(append([]string{d}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipped: %s is missing from the shared data", p)
	}
	return p
}
