package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/app/ingest/pdftext/pdftest"
)

// Fuzz targets for every file parser. Each must return an article or a
// reason, never panic, and give valid UTF-8 text. Seeds: testdata/fuzz.

func checkParsed(t *testing.T, ext string, raw []byte) {
	a, err := parse(ext, raw)
	if err != nil {
		if err.Error() == "" {
			t.Fatal("an error without a reason")
		}
		return
	}
	if a, err = finish(a, "fuzz"+ext); err == nil && (!utf8.ValidString(a.Text) || !utf8.ValidString(a.Title)) {
		t.Fatalf("invalid UTF-8 from %q", raw)
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte(sampleText))
	f.Add(utf16Bytes("Kraków meeting", false, true))
	f.Add([]byte("\x93Caf\xe9\x94"))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".txt", raw) })
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(pageHTML))
	f.Add([]byte(strings.Repeat("<div>", 2000) + "text"))
	f.Add([]byte("<p>¡Hola 2025</p>"))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".html", raw) })
}

func FuzzDocx(f *testing.F) {
	f.Add(docxBytes(&testing.T{}, "Memo", "One paragraph.", "Two."))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".docx", raw) })
}

func FuzzEmail(f *testing.F) {
	f.Add([]byte(plainEmail))
	f.Add([]byte(htmlOnlyEmail))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".eml", raw) })
}

func FuzzPDF(f *testing.F) {
	f.Add(pdftest.Text([]pdftest.Line{{X: 60, Y: 700, Size: 11, Text: "Talks resumed."}}, map[byte]rune{0x80: 'ﬁ'}))
	f.Add(pdftest.Scanned())
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".pdf", raw) })
}

func FuzzRTF(f *testing.F) {
	f.Add([]byte(rtfMemo))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".rtf", raw) })
}

func FuzzMHTML(f *testing.F) {
	f.Add([]byte(mhtmlPage))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".mhtml", raw) })
}

func FuzzODT(f *testing.F) {
	f.Add(zipBytes(&testing.T{}, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.text"), "content.xml": []byte(odtContent)}))
	f.Fuzz(func(t *testing.T, raw []byte) { checkParsed(t, ".odt", raw) })
}

// TestWriteFuzzSeeds refreshes testdata/fuzz from the fixtures; run it with
// DOSSIER_WRITE_SEEDS=1 after changing them.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("DOSSIER_WRITE_SEEDS") == "" {
		t.Skip("skipped: set DOSSIER_WRITE_SEEDS=1 to rewrite testdata/fuzz")
	}
	seeds := map[string][][]byte{
		"FuzzText":  {[]byte(sampleText), utf16Bytes("Kraków meeting\n\nŁódź", false, true), utf16Bytes("no bom text", false, false), []byte("\x93Caf\xe9\x94 diplomacy")},
		"FuzzHTML":  {[]byte(pageHTML), []byte("<html><body><script>x</script><p>Short.</p></body></html>")},
		"FuzzDocx":  {docxBytes(t, "Memo", "The envoys met on Friday.", "They agreed to meet again."), zipBytes(t, map[string][]byte{"word/document.xml": []byte("<w:p>")})},
		"FuzzEmail": {[]byte(plainEmail), []byte(htmlOnlyEmail)},
		"FuzzPDF":   {documents[0].read(t, "pdf"), documents[1].read(t, "pdf"), pdftest.Text([]pdftest.Line{{X: 60, Y: 700, Size: 11, Text: "Talks resumed."}}, nil)},
		"FuzzRTF":   {[]byte(rtfMemo), documents[4].read(t, "rtf")},
		"FuzzMHTML": {[]byte(mhtmlPage)},
		"FuzzODT":   {documents[0].read(t, "odt")},
	}
	for name, list := range seeds {
		writeSeeds(t, name, list)
	}
}

func writeSeeds(t *testing.T, name string, list [][]byte) {
	dir := filepath.Join("testdata", "fuzz", name)
	os.MkdirAll(dir, 0o755)
	for i, b := range list {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%d", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
