// Package safefile writes a file whole or not at all: into a temporary
// file beside it, synced, then renamed over the name asked for, so that a
// crash, a full disk or a cancel never leaves half a file under that name.
package safefile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates path with what fill writes, owner-only when private.
func Write(path string, private bool, fill func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".dossier-*.part")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name())
	err = fill(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if private {
		mode = 0o600
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
