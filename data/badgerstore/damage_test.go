package badgerstore

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/data"
	"dossier/data/storetest"
)

// A byte changed in a table is found on opening, table by table, in a
// plain and in an encrypted database alike (an encrypted table's index is
// itself encrypted): the database says it is damaged and names the table.
func TestDamagedTableIsFoundOnOpening(t *testing.T) {
	for _, passphrase := range []string{"", "correct horse battery staple"} {
		dir := storetest.TempDir(t)
		st, err := OpenWith(dir, []byte(passphrase))
		if err != nil {
			t.Fatal(err)
		}
		if err := storetest.Generate(st, 50, 3000); err != nil {
			t.Fatal(err)
		}
		st.Close() // the records go into a table
		st, err = OpenWith(dir, []byte(passphrase))
		if err != nil || len(st.Notices()) != 0 {
			t.Fatalf("a sound database (passphrase %q): %v %q", passphrase, err, st.Notices())
		}
		st.Close()
		tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
		if len(tables) == 0 {
			t.Fatal("no table was written")
		}
		b, _ := os.ReadFile(tables[0])
		b[len(b)/3] ^= 0xff
		os.WriteFile(tables[0], b, 0o600)
		st, err = OpenWith(dir, []byte(passphrase))
		if err != nil {
			t.Fatalf("opening a damaged database (passphrase %q): %v", passphrase, err)
		}
		notices := strings.Join(st.Notices(), " ")
		if !strings.Contains(notices, "is damaged") || data.ErrorCode(st.Verify()) != data.EDamaged {
			t.Errorf("passphrase %q: a damaged table went unseen: %q", passphrase, notices)
		}
		if name := filepath.Base(tables[0]); !strings.Contains(notices, "the table "+name) {
			t.Errorf("passphrase %q: the notice does not name %s: %q", passphrase, name, notices)
		}
		st.Close()
	}
}

// A crash just after Badger created its next value-log file leaves that
// file empty: the database still opens, with everything it held, in a
// plain and in an encrypted database alike.
func TestEmptyValueLogLeftByACrashIsDropped(t *testing.T) {
	for _, passphrase := range []string{"", "correct horse battery staple"} {
		dir := storetest.TempDir(t)
		st, err := OpenWith(dir, []byte(passphrase))
		if err != nil {
			t.Fatal(err)
		}
		if err := storetest.Generate(st, 5, 200); err != nil {
			t.Fatal(err)
		}
		want := storetest.Dump(st)
		st.Close()
		logs, _ := filepath.Glob(filepath.Join(dir, "*.vlog"))
		next := filepath.Join(dir, fmt.Sprintf("%06d.vlog", len(logs)+1))
		if err := os.WriteFile(next, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		st, err = OpenWith(dir, []byte(passphrase))
		if err != nil {
			t.Fatalf("passphrase %q: an empty value log stopped the database opening: %v", passphrase, err)
		}
		if got := storetest.Dump(st); got != want {
			t.Errorf("passphrase %q: reopened, the database holds\n%.300s\nwant\n%.300s", passphrase, got, want)
		}
		st.Close()
	}
}
