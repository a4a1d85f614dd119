package views

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/app/cli"
	"dossier/data"
)

// Words only these test articles use (our own): sentences, names, and the
// lower-cased terms a search index would keep of them.
var (
	auditSentences = []string{
		"Quartermaster Ilvane Dorsk met Envoy Peruvio Stallan in Kestrelford on Monday",
		"the turquoise granary accord was signed behind closed doors",
	}
	auditNames = []string{"Ilvane Dorsk", "Peruvio Stallan", "Kestrelford", "Granary Council of Vesh"}
	// (six letters or more: a random encrypted byte run will not match one)
	auditTerms = []string{"ilvane", "quartermast", "peruvio", "stallan", "kestrelford", "turquois", "granari"}
)

// Nothing Dossier writes beside an encrypted database holds the articles'
// words, the records' names or the search terms in the clear: not the
// database, its search index, its automatic and manual backups, the files
// a passphrase change leaves, nor the window's preferences. A workbook
// exported with a password is checked the same way.
func TestNothingReadableBesideAnEncryptedDatabase(t *testing.T) {
	test.NewTempApp(t)
	config := t.TempDir() // where Fyne keeps an application's preferences
	t.Setenv("XDG_CONFIG_HOME", config)
	parent := t.TempDir()
	db, pass, newPass := filepath.Join(parent, "enc"), filepath.Join(t.TempDir(), "pass"), filepath.Join(t.TempDir(), "new")
	os.WriteFile(pass, []byte("first passphrase\n"), 0o600)
	os.WriteFile(newPass, []byte("second passphrase\n"), 0o600)
	sources := t.TempDir() // the analyst's own files, not Dossier's
	os.WriteFile(filepath.Join(sources, "dispatch.txt"), []byte("Granary accord\n\n"+auditSentences[0]+
		" to discuss grain. Officials said the turquoise granary accord was signed behind closed doors.\n"), 0o644)
	os.WriteFile(filepath.Join(sources, "second.txt"), []byte("Council note\n\nThe Granary Council of Vesh met again in Kestrelford.\n"), 0o644)

	mustRun(t, "--db", db, "--passphrase-file", pass, "import", sources)
	mustRun(t, "--db", db, "--passphrase-file", pass, "search", "kestrelford")
	mustRun(t, "--db", db, "--passphrase-file", pass, "backup", filepath.Join(parent, "manual.backup"))
	code := cli.Main([]string{"--db", db, "--passphrase-file", pass}, cli.Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Window: func(sess *app.Session, _ []string) error { codeInTheWindow(t, sess); return nil }})
	if code != cli.ExitOK {
		t.Fatal("the window run failed")
	}
	mustRun(t, "--db", db, "--passphrase-file", pass, "set-passphrase", "--new-passphrase-file", newPass)
	if out := mustRun(t, "--db", db, "--passphrase-file", newPass, "search", "stallan"); !strings.Contains(out, "Granary accord") {
		t.Fatalf("search after the passphrase change: %q", out)
	}
	protected := filepath.Join(parent, "protected.xlsx")
	os.WriteFile(filepath.Join(sources, "pw"), []byte("workbook password"), 0o600)
	mustRun(t, "--db", db, "--passphrase-file", newPass, "export", protected, "--password-file", filepath.Join(sources, "pw"))

	backups, _ := filepath.Glob(filepath.Join(app.BackupFolder(db), "*.backup"))
	if len(backups) == 0 {
		t.Fatal("closing the window wrote no automatic backup")
	}
	scanned := scanForPlaintext(t, parent)
	scanned += scanForPlaintext(t, config)
	t.Logf("%d files scanned, none readable", scanned)
}

// codeInTheWindow opens the workbench on the session, codes an event and an
// actor, types a note and searches, as an analyst would, then closes.
func codeInTheWindow(t *testing.T, sess *app.Session) {
	w := test.NewTempWindow(t, nil)
	wb := newWorkbench(sess, w, newTestBridge())
	w.SetContent(wb.content())
	w.Resize(fyne.NewSize(1400, 900))
	wb.finder.openIndex()
	wb.code.openNewest()
	wb.ui.settle()
	dorsk := data.Actor{Name: "Ilvane Dorsk", Kind: data.KindPerson, Notes: "Quartermaster of the Granary Council of Vesh"}
	if err := wb.sess.SaveActor(&dorsk); err != nil {
		t.Fatal(err)
	}
	ev := data.Event{Article: wb.code.openArticleID(), Type: "AGREE", Actors: []string{dorsk.ID}, Notes: "turquoise granary accord"}
	if err := wb.sess.SaveEvent(&ev, ""); err != nil {
		t.Fatal(err)
	}
	wb.ui.settle()
	test.Type(wb.code.editor.notes, " (Stallan)")
	if hits, err := wb.sess.Search("granary", 10); err != nil || len(hits) == 0 {
		t.Fatalf("search in the window: %v %v", hits, err)
	}
	wb.stop()
	wb.sess.CloseSearch()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := cli.Main(args, cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}); code != cli.ExitOK {
		t.Fatalf("dossier %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// scanForPlaintext fails the test when any file under root holds one of
// the audit's words, in UTF-8 or UTF-16; it returns how many it read.
func scanForPlaintext(t *testing.T, root string) int {
	t.Helper()
	var needles []string
	needles = append(needles, auditSentences...)
	needles = append(needles, auditNames...)
	needles = append(needles, auditTerms...)
	n := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("cannot read %s: %v", path, err)
			return nil
		}
		n++
		lower := bytes.ToLower(b)
		for _, s := range needles {
			if bytes.Contains(lower, []byte(strings.ToLower(s))) || bytes.Contains(lower, utf16le(strings.ToLower(s))) {
				t.Errorf("%s holds %q in the clear", path, s)
			}
		}
		return nil
	})
	return n
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
