package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"dossier/data"

	"dossier/data/storetest"
)

// hostileCase is one strange file: how to make it, and what the analyst
// must be told about it.
type hostileCase struct {
	name     string
	make     func(t *testing.T, dir string) string // returns the path to import
	failed   string                                // a failure reason must contain this; "" = it is imported
	text     string                                // an imported article's text must contain this
	rootSkip bool                                  // meaningless when running as root
	unixOnly bool                                  // Windows has no such file for an analyst to drop
}

var hostileCases = []hostileCase{
	{name: "binary data named .txt", failed: "binary data", make: func(t *testing.T, d string) string {
		return writeFile(t, d, "photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	}},
	{name: "0-byte file", failed: "empty file (0 bytes)", make: func(t *testing.T, d string) string { return writeFile(t, d, "zero.txt", nil) }},
	{name: "blank file", failed: "no article text", make: func(t *testing.T, d string) string { return writeFile(t, d, "blank.md", []byte("\n\n   \n")) }},
	{name: "200 MB text", failed: "too large (200 MB", make: func(t *testing.T, d string) string {
		p := filepath.Join(d, "huge.txt")
		f, _ := os.Create(p)
		f.Truncate(200 << 20)
		f.Close()
		return p
	}},
	{name: "invalid UTF-8 (read as Windows-1252)", text: "Café in Zürich", make: func(t *testing.T, d string) string {
		return writeFile(t, d, "latin.txt", []byte("Caf\xe9 in Z\xfcrich\n\nDelegates met."))
	}},
	{name: "UTF-16 without BOM", text: "Delegates met in Ankara", make: func(t *testing.T, d string) string {
		return writeFile(t, d, "utf16.txt", utf16Bytes("Report\n\nDelegates met in Ankara on Monday.", false, false))
	}},
	{name: ".docx zip bomb", failed: "zip bomb", make: func(t *testing.T, d string) string {
		return writeFile(t, d, "bomb.docx", zipBytes(t, map[string][]byte{"word/document.xml": bytes.Repeat([]byte("<w:p/>"), 8<<20)}))
	}},
	{name: ".docx with path-traversal entries", text: "Nothing escapes", make: func(t *testing.T, d string) string {
		doc := docxBytes(t, "Traversal", "Nothing escapes the archive.")
		return writeFile(t, d, "evil.docx", appendZipEntry(t, doc, "../../../tmp/dossier-escaped.txt", "pwned"))
	}},
	{name: "HTML with scripts and 10,000 nested tags", text: "deep inside", make: func(t *testing.T, d string) string {
		page := "<html><head><script>alert('x')</script><title>Deep</title></head><body>" + strings.Repeat("<div>", 10000) +
			"<p>The delegates met deep inside the old quarter of the city on Monday, officials said after the talks.</p>" +
			strings.Repeat("</div>", 10000) + "<script>document.write('bad')</script></body></html>"
		return writeFile(t, d, "deep.html", []byte(page))
	}},
	{name: "symlink loop", failed: "symbolic link loop", unixOnly: true, make: func(t *testing.T, d string) string {
		p := filepath.Join(d, "loop")
		os.Symlink(p, p)
		return p
	}},
	{name: "named pipe", failed: "not a regular file", make: func(t *testing.T, d string) string {
		p := filepath.Join(d, "pipe.txt")
		if err := makeFifo(p); err != nil {
			t.Skip("no named pipes here")
		}
		return p
	}},
	{name: "unreadable file", failed: "permission denied", rootSkip: true, unixOnly: true, make: func(t *testing.T, d string) string {
		p := writeFile(t, d, "secret.txt", []byte("Closed.\n\nYou may not read this."))
		os.Chmod(p, 0)
		return p
	}},
}

// TestHostileFiles: every strange file gets a clear message naming it (or
// is imported correctly), in bounded time and memory, and the records
// already stored do not change.
func TestHostileFiles(t *testing.T) {
	st := newStore(t)
	seed := writeFile(t, storetest.TempDir(t), "seed.txt", []byte(sampleText))
	if sum, _ := Import(context.Background(), st, []string{seed}, Options{}); sum.Imported != 1 {
		t.Fatal("setup import failed")
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			if c.unixOnly && runtime.GOOS == "windows" {
				t.Skip("skipped on Windows: symbolic links need administrator rights there, and a mode cannot take reading away")
			}
			if c.rootSkip && os.Geteuid() == 0 {
				t.Skip("skipped: running as root, which reads every file")
			}
			path := c.make(t, storetest.TempDir(t))
			before := snapshotArticles(t, st)
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			alloc0, start := ms.TotalAlloc, time.Now()
			sum, err := Import(context.Background(), st, []string{path}, Options{})
			runtime.ReadMemStats(&ms)
			if err != nil {
				t.Fatal(err)
			}
			if took := time.Since(start); took > 20*time.Second {
				t.Fatalf("took %v", took)
			}
			if grew := ms.TotalAlloc - alloc0; grew > 400<<20 {
				t.Fatalf("allocated %d MB", grew>>20)
			}
			after := snapshotArticles(t, st)
			if c.failed != "" {
				if sum.Failed != 1 || sum.Failures[0].File != path || !strings.Contains(sum.Failures[0].Reason, c.failed) {
					t.Fatalf("summary %s, failures %v; want %q for %s", sum.Line(), sum.Failures, c.failed, path)
				}
				if after != before {
					t.Fatal("a refused file changed the stored articles")
				}
				return
			}
			if sum.Imported != 1 || !strings.HasPrefix(after, before) {
				t.Fatalf("summary %s %v; stored articles changed", sum.Line(), sum.Failures)
			}
			a, _ := st.Article(sum.IDs[0])
			if !strings.Contains(a.Text, c.text) || strings.Contains(a.Text, "alert(") {
				t.Fatalf("text %q", a.Text)
			}
		})
	}
	if _, err := os.Stat("/tmp/dossier-escaped.txt"); err == nil {
		t.Fatal("a .docx entry escaped the archive")
	}
}

// snapshotArticles is every stored article, text and all, in order.
func snapshotArticles(t *testing.T, st data.Store) string {
	hs, _ := st.Articles()
	var b strings.Builder
	for _, h := range hs {
		a, _ := st.Article(h.ID)
		j, _ := json.Marshal(a)
		b.Write(j)
	}
	return b.String()
}
