package storetest

import (
	"os"
	"testing"

	"dossier/data/folder"
)

// TempDir is a new folder for one test, removed when it ends, as
// t.TempDir but removed with folder.Remove, which works under Wine too
// (the Windows tests run there).
func TempDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "dossier-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := folder.Remove(dir); err != nil {
			t.Errorf("remove %s: %v", dir, err)
		}
	})
	return dir
}
