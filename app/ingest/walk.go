package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions are the file kinds Dossier imports.
var Extensions = []string{".txt", ".md", ".html", ".htm", ".mht", ".mhtml", ".eml", ".docx", ".odt", ".rtf", ".pdf"}

// explained are kinds a folder import does not pass over in silence: the
// analyst is told what to do with them (save a .doc as .docx).
var explained = []string{".doc"}

func supported(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range append(Extensions, explained...) {
		if ext == e {
			return true
		}
	}
	return false
}

// candidate is a file to read; explicit files were named by the analyst, not
// found in a folder, so an unknown extension is tried as text.
type candidate struct {
	path     string
	explicit bool
}

// collect expands folders (recursively, following links once) into files in
// name order. Folder entries of other kinds are skipped; links that loop and
// paths that cannot be read fail.
func collect(paths []string) ([]candidate, Summary) {
	w := walker{seen: map[string]bool{}}
	for _, p := range paths {
		w.visit(p, true)
	}
	return w.files, w.sum
}

type walker struct {
	files []candidate
	sum   Summary
	seen  map[string]bool // real paths of folders already walked
}

func (w *walker) visit(path string, explicit bool) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		w.fail(path, linkReason(path, err))
		return
	}
	info, err := os.Stat(real)
	if err != nil {
		w.fail(path, "cannot be read ("+plainError(err)+")")
		return
	}
	switch {
	case info.IsDir():
		w.walkDir(path, real)
	case !info.Mode().IsRegular():
		w.skip(path, explicit, "not a regular file")
	case explicit || supported(path):
		w.files = append(w.files, candidate{path, explicit})
	default:
		w.skip(path, false, "not an article file")
	}
}

func (w *walker) walkDir(path, real string) {
	if w.seen[real] {
		w.fail(path, "symbolic link loop: this folder was already imported through another path")
		return
	}
	w.seen[real] = true
	entries, err := os.ReadDir(path)
	if err != nil {
		w.fail(path, "folder cannot be read ("+plainError(err)+")")
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		p := filepath.Join(path, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "."):
			// editor backups, .git, .DS_Store: counted, not read
			w.skip(p, false, "hidden (its name starts with a dot)")
		case e.Type().IsRegular() && supported(p):
			w.files = append(w.files, candidate{p, false}) // the common case, without a stat
		default:
			w.visit(p, false)
		}
	}
}

func (w *walker) skip(path string, explicit bool, reason string) {
	if explicit {
		w.fail(path, reason)
		return
	}
	w.sum.Skipped++
	w.sum.Skips = append(w.sum.Skips, Problem{path, reason})
}

func (w *walker) fail(path, reason string) {
	w.sum.Failed++
	w.sum.Failures = append(w.sum.Failures, Problem{path, reason})
}

func linkReason(path string, err error) string {
	if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if strings.Contains(err.Error(), "too many links") {
			return "symbolic link loop"
		}
		return "broken link: its target does not exist"
	}
	return "cannot be read (" + plainError(err) + ")"
}

// plainError drops the path Go puts in front of file errors.
func plainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
