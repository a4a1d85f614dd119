package main

import (
	"go/ast"
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

// prints finds calls of fmt.Print, Printf, Println, print and println:
// library code says what happened through its results, never on the
// terminal a command's output goes to.
func prints(f *ast.File) []token.Pos {
	var at []token.Pos
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch fn := call.Fun.(type) {
		case *ast.Ident:
			if fn.Name == "print" || fn.Name == "println" {
				at = append(at, call.Pos())
			}
		case *ast.SelectorExpr:
			if x, ok := fn.X.(*ast.Ident); ok && x.Name == "fmt" && strings.HasPrefix(fn.Sel.Name, "Print") {
				at = append(at, call.Pos())
			}
		}
		return true
	})
	return at
}

func under(dir, top string) bool { return dir == top || strings.HasPrefix(dir, top+"/") }

// testHelper tells a package made for tests (storetest, sharedtest,
// pdftest), which Go names with the "test" ending, as httptest: only tests
// and other test helpers import one.
func testHelper(path string) bool {
	return strings.HasSuffix(path[strings.LastIndex(path, "/")+1:], "test")
}

// Every Go file of the program (tests aside) keeps the house rules, no
// library code prints, and only tests use the test helpers.
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
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		dir := filepath.ToSlash(filepath.Dir(path))
		if f.Name.Name != "main" && !under(dir, "app/cli") {
			for _, at := range prints(f) {
				t.Errorf("%s prints to the terminal: only the command line (app/cli) and programs may", fset.Position(at))
			}
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if strings.HasPrefix(p, "dossier/") && testHelper(p) && !testHelper(dir) {
				t.Errorf("%s imports %s: a test helper serves only tests", path, p)
			}
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
