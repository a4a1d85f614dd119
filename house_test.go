package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// houseRules are the imports a part of the program may not make (README,
// Layout): the domain and the application never import Fyne, only data
// touches Badger, the window never opens the store's adapters, and no
// floor imports one above it.
var houseRules = []struct {
	where   func(dir string) bool
	refused []string
	why     string
}{
	{func(d string) bool { return under(d, "data") || under(d, "app") }, []string{"fyne.io/"}, "data and app never import Fyne"},
	{func(d string) bool { return !under(d, "data") }, []string{"github.com/dgraph-io/badger"}, "only data touches Badger"},
	{func(d string) bool { return under(d, "views") }, []string{"dossier/data/badgerstore", "dossier/data/badgerkv"}, "views never touch the store's adapters"},
	{func(d string) bool { return under(d, "data") }, []string{"dossier/app", "dossier/views"}, "data imports nothing above it"},
	{func(d string) bool { return under(d, "app") }, []string{"dossier/views"}, "app imports no view"},
}

func under(dir, top string) bool { return dir == top || strings.HasPrefix(dir, top+"/") }

// Every Go file of the program (tests aside) keeps the house rules.
func TestHouseRules(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (d.Name() == "bin" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		dir := filepath.ToSlash(filepath.Dir(path))
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			for _, r := range houseRules {
				for _, refused := range r.refused {
					if r.where(dir) && strings.HasPrefix(p, refused) {
						t.Errorf("%s imports %s: %s", path, p, r.why)
					}
				}
			}
		}
		return nil
	})
	if err != nil || checked < 100 {
		t.Fatalf("read %d files: %v", checked, err)
	}
}
