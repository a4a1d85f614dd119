// Package folder removes folders whole. os.RemoveAll deletes with POSIX
// semantics on Windows, which Wine (and some file systems) refuse with
// "Invalid function"; removing each file and folder in turn, deepest
// first, works everywhere, and names the file that could not go (one a
// program still holds open, on Windows).
package folder

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Remove deletes path and everything under it; a path that does not
// exist is no error.
func Remove(path string) error {
	var paths []string
	err := filepath.WalkDir(path, func(p string, _ fs.DirEntry, err error) error {
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		paths = append(paths, p)
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	sort.Sort(sort.Reverse(sort.StringSlice(paths))) // children before their folder
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
