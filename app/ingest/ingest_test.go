package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/data"
	"dossier/data/badgerstore"

	"dossier/data/storetest"
)

func newStore(t *testing.T) data.Store {
	t.Helper()
	s, err := badgerstore.Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestEveryFormatAndEncoding(t *testing.T) {
	dir := storetest.TempDir(t)
	cases := []struct {
		file, title, published, contains, absent string
		content                                  []byte
	}{
		{"plain.txt", "Russian envoy Sergei Shoigu met Wang Yi in Beijing on Friday.", "2025-03-02", "Both sides agreed", "", []byte(sampleText)},
		{"bom.txt", "Zürich report", "", "Zürich report", "\ufeff", append([]byte{0xEF, 0xBB, 0xBF}, "Zürich report\n\nGrüße aus Genf."...)},
		{"utf16le.txt", "Kraków meeting", "", "Łódź", "", utf16Bytes("Kraków meeting\n\nDelegates from Łódź attended.", false, true)},
		{"utf16be.txt", "Ankara statement", "", "İstanbul", "", utf16Bytes("Ankara statement\n\nOfficials in İstanbul spoke.", true, true)},
		{"utf16-nobom.txt", "Quiet note", "", "no byte order mark", "", utf16Bytes("Quiet note\n\nWritten in UTF-16 with no byte order mark.", false, false)},
		{"cp1252.txt", "“Café” diplomacy", "", "ministers’ lunch — in Paris", "\u0093", []byte("\x93Caf\xe9\x94 diplomacy\n\nThe ministers\x92 lunch \x97 in Paris.")},
		{"latin1.txt", "Über die Gespräche", "", "Señor Muñoz", "", []byte("\xdcber die Gespr\xe4che\n\nSe\xf1or Mu\xf1oz sprach.")},
		{"notes.md", "Field notes from Kabul", "2023-12-15", "Kabul", "", []byte("Published: 15 December 2023\n\n# Field notes from Kabul\n\nThe visit went ahead as planned.")},
		{"page.html", "Talks in Beijing", "2025-03-02", "strategic security talks", "SHOULD-NOT-APPEAR", []byte(pageHTML)},
		{"memo.docx", "Memo on the Beijing talks", "", "agreed to meet again", "w:t", docxBytes(t, "Memo on the Beijing talks", "The envoys met on Friday.", "They agreed to meet again.")},
		{"letter.eml", "Café talks in Beijing", "2025-03-02", "met at a café in Beijing on Friday and agreed to meet again.", "=E9", []byte(plainEmail)},
		{"digest.eml", "Digest", "2025-03-03", "Talks resumed in Geneva", "JVBERi", []byte(htmlOnlyEmail)},
		{"saved.mhtml", "Переговоры", "", "Делегации встретились во вторник", "=E2", []byte(mhtmlPage)},
		{"memo.rtf", "Memo on the talks", "", "Café\u00a0talks – the “frank” kind.", `\'`, []byte(rtfMemo)},
		{"russian.odt", "Переговоры на границе", "", documents[4].paragraphs[2], "<text:", documents[4].read(t, "odt")},
		{"one-column.pdf", "Border talks resume", "2025-03-02", documents[0].paragraphs[3], "Page", documents[0].read(t, "pdf")},
		{"two-columns.pdf", "Border talks resume", "2025-03-03", documents[1].paragraphs[7], "", documents[1].read(t, "pdf")},
	}
	for _, c := range cases {
		writeFile(t, dir, c.file, c.content)
	}
	st := newStore(t)
	sum, err := Import(context.Background(), st, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != len(cases) || sum.Failed != 0 {
		t.Fatalf("summary %s; failures %v", sum.Line(), sum.Failures)
	}
	byFile := articlesByFile(t, st)
	for _, c := range cases {
		a, ok := byFile[c.file]
		if !ok {
			t.Errorf("%s: not stored", c.file)
			continue
		}
		if a.Title != c.title || a.Published != c.published {
			t.Errorf("%s: title %q published %q, want %q %q", c.file, a.Title, a.Published, c.title, c.published)
		}
		if !strings.Contains(a.Text, c.contains) || (c.absent != "" && strings.Contains(a.Text, c.absent)) {
			t.Errorf("%s: text %q should contain %q and not %q", c.file, a.Text, c.contains, c.absent)
		}
	}
	if h := byFile["page.html"]; h.URL != "https://news.example.org/2025/03/talks-beijing" || h.Source != "The Daily Example" || h.Byline != "Ana Reporter" {
		t.Errorf("page metadata: url %q source %q byline %q", h.URL, h.Source, h.Byline)
	}
	if m := byFile["memo.docx"]; m.Byline != "Desk Editor" || !strings.Contains(m.Text, "met on Friday.\n\nThey agreed") {
		t.Errorf("docx: byline %q text %q", m.Byline, m.Text)
	}
	if e := byFile["letter.eml"]; e.Byline != "José Analyst <jose@example.org>" {
		t.Errorf("eml byline %q", e.Byline)
	}
}

func articlesByFile(t *testing.T, st data.Store) map[string]*data.Article {
	t.Helper()
	list, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*data.Article{}
	for _, h := range list {
		a, err := st.Article(h.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(a.File)] = a
	}
	return out
}

func TestDuplicatesAreRecognised(t *testing.T) {
	dir := storetest.TempDir(t)
	writeFile(t, dir, "a.txt", []byte(sampleText))
	writeFile(t, dir, "copy/a-again.txt", []byte(strings.ReplaceAll(sampleText, " ", "  ")+"\n\n"))
	writeFile(t, dir, "b.txt", []byte("Another article entirely.\n\nWith other words."))
	st := newStore(t)
	sum, _ := Import(context.Background(), st, []string{dir}, Options{})
	if sum.Imported != 2 || sum.Duplicates != 1 || !strings.Contains(sum.Duplicated[0].Reason, "already stored") {
		t.Fatalf("first import: %s %+v", sum.Line(), sum.Duplicated)
	}
	sum, _ = Import(context.Background(), st, []string{dir}, Options{})
	if sum.Line() != "imported 0, duplicates 3, skipped 0, failed 0" {
		t.Fatalf("second import: %s", sum.Line())
	}
	if c, _ := st.Counts(); c.Articles != 2 {
		t.Fatalf("%d articles stored", c.Articles)
	}
}

func TestBadFilesAreNamedAndTheRestImported(t *testing.T) {
	dir := storetest.TempDir(t)
	good := writeFile(t, dir, "good.txt", []byte(sampleText))
	writeFile(t, dir, "deep/also-good.html", []byte(pageHTML))
	bad := map[string]string{
		writeFile(t, dir, "binary.txt", []byte("PK\x03\x04\x00\x00binary\x00\x01\x02")):                                       "binary data",
		writeFile(t, dir, "empty.txt", nil):                                                                                   "empty file",
		writeFile(t, dir, "blank.md", []byte(" \n\t\n")):                                                                      "no article text",
		writeFile(t, dir, "corrupt.docx", []byte("this is not a zip archive at all")):                                         "named .docx but holds plain text",
		writeFile(t, dir, "bomb.docx", zipBytes(t, map[string][]byte{"word/document.xml": bytes.Repeat([]byte("a"), 4<<20)})): "zip bomb",
		writeFile(t, dir, "huge.txt", bytes.Repeat([]byte("word "), 2000)):                                                    "too large",
		writeFile(t, dir, "broken.eml", []byte("no headers here, just a line\n")):                                             "not a valid e-mail",
	}
	if runtime.GOOS != "windows" { // links need administrator rights on Windows
		loop := filepath.Join(dir, "deep", "loop")
		if err := os.Symlink(dir, loop); err != nil {
			t.Fatal(err)
		}
		bad[loop] = "symbolic link loop"
		dangling := filepath.Join(dir, "gone.txt")
		os.Symlink(filepath.Join(dir, "nowhere.txt"), dangling)
		bad[dangling] = "broken link"
	}
	for _, skip := range []string{"photo.png", "table.csv", "LICENSE"} {
		writeFile(t, dir, skip, []byte("x"))
	}
	st := newStore(t)
	sum, err := Import(context.Background(), st, []string{dir}, Options{MaxFileSize: 8000})
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, p := range sum.Failures {
		reasons[p.File] = p.Reason
	}
	for path, want := range bad {
		if got, ok := reasons[path]; !ok || !strings.Contains(got, want) {
			t.Errorf("%s: reason %q, want one mentioning %q", filepath.Base(path), got, want)
		}
	}
	if sum.Imported != 2 || sum.Failed != len(bad) || sum.Skipped != 3 {
		t.Fatalf("summary %s, failures %v", sum.Line(), sum.Failures)
	}
	if _, ok := articlesByFile(t, st)[filepath.Base(good)]; !ok {
		t.Fatal("the good file was not stored")
	}
}

// Hidden files and folders are counted as skipped, not passed over in
// silence; a name with a newline or an escape sequence is printed quoted,
// so it cannot fake a line of output or clear the terminal.
func TestHiddenFilesAndStrangeNames(t *testing.T) {
	dir := storetest.TempDir(t)
	writeFile(t, dir, ".draft.txt", []byte(sampleText))
	writeFile(t, dir, ".git/notes.txt", []byte(sampleText))
	strange := "x\nok.txt: imported\x1b[2J.txt"
	if runtime.GOOS == "windows" {
		strange = "x\u202eok.txt" // no newline or escape in a Windows file name
	}
	strange = writeFile(t, dir, strange, []byte("PK\x03\x04\x00\x00binary\x00"))
	sum, err := Import(context.Background(), newStore(t), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Skipped != 2 || sum.Imported != 0 || sum.Failed != 1 || !strings.Contains(sum.Skips[0].Reason, "hidden") {
		t.Fatalf("summary %s, skips %v", sum.Line(), sum.Skips)
	}
	if got := sum.Failures[0].String(); strings.ContainsAny(got, "\n\x1b\u202e") || !strings.HasPrefix(got, strconv.Quote(strange)) {
		t.Fatalf("printed as %q", got)
	}
	if ShownName("Доклад 2025.txt") != "Доклад 2025.txt" {
		t.Fatal("a printable name is quoted")
	}
}

func TestAReaderFaultFailsOnlyItsFile(t *testing.T) {
	read := func() (a *data.Article, err error) {
		defer readerFault(&a, &err)
		a = &data.Article{Text: "half read"}
		panic("slice bounds out of range [:-1]")
	}
	a, err := read()
	if a != nil || err == nil || !strings.Contains(err.Error(), "slice bounds out of range") || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("article %v, error %v", a, err)
	}
}

func TestProgressAndCancel(t *testing.T) {
	dir := storetest.TempDir(t)
	for _, n := range []string{"1", "2", "3", "4"} {
		writeFile(t, dir, n+".txt", []byte("Article number "+n+".\n\nSome words."))
	}
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	var seen []Progress
	sum, err := Import(ctx, st, []string{dir}, Options{Progress: func(p Progress) {
		seen = append(seen, p)
		if p.Done == 2 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Cancelled || sum.Imported != 2 || len(seen) != 2 || seen[0].Total != 4 {
		t.Fatalf("summary %s, progress %+v", sum.Line(), seen)
	}
}

func TestExplicitFileOfUnknownKind(t *testing.T) {
	dir := storetest.TempDir(t)
	notes := writeFile(t, dir, "notes", []byte("Plain notes without an extension.\n\nStill an article."))
	pic := writeFile(t, dir, "pic.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	sum, _ := Import(context.Background(), newStore(t), []string{notes, pic}, Options{})
	if sum.Imported != 1 || sum.Failed != 1 || sum.Failures[0].File != pic {
		t.Fatalf("%s %v", sum.Line(), sum.Failures)
	}
}

func TestTitleOfALongFirstLine(t *testing.T) {
	long := "Russian Security Council Secretary Sergei Shoigu and Chinese Foreign Minister Wang Yi met in Beijing on Friday to discuss enhancing security cooperation, Afghanistan, and regional and Middle Eastern issues. The meeting also focused on talks."
	got := shortTitle(long)
	if len([]rune(got)) > maxTitle+1 || !strings.HasPrefix(got, "Russian Security Council Secretary Sergei Shoigu") || !strings.HasSuffix(got, "…") {
		t.Fatalf("title %q", got)
	}
	if got := shortTitle("The U.S. envoy arrived. He spoke at length about many things that do not matter here at all, and then some more, and more, to make this long."); got != "The U.S. envoy arrived." {
		t.Fatalf("title %q", got)
	}
}

func TestDatelines(t *testing.T) {
	for line, want := range map[string]string{
		"Москва, 3 марта 2025 г.":                  "2025-03-03",
		"Genève, le 2 mars 2025":                   "2025-03-02",
		"北京，2025年3月2日电":                            "2025-03-02",
		"Madrid, 2 de marzo de 2025 (EFE)":         "2025-03-02",
		"القاهرة في 2 مارس 2025":                   "2025-03-02",
		"Berlin, 4. März 2025":                     "2025-03-04",
		"¡Última hora! Madrid, 2 de marzo de 2025": "2025-03-02",
		"¿Quién ganó en 2025?":                     "",
		"¡Hola 2025":                               "",
		"Die Gespräche dauerten bis in die Nacht":  "",
		"Переговоры продолжатся в следующем месяце.":                                 "",
		" date 2025-03-02 (Last Updated On: )":                                       "2025-03-02",
		"Published: 2 March 2025":                                                    "2025-03-02",
		"March 2, 2025":                                                              "2025-03-02",
		"Posted on Sep. 9, 2024 by staff":                                            "2024-09-09",
		"The 2025-03-02 meeting between the two delegations was long and productive": "",
	} {
		got, _, ok := datelineDate(line, "")
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("%q → %q, want %q", line, got, want)
		}
	}
}

// A dateline at the head of a first line that goes on as a sentence is
// read, and the line stays the title (written for this test).
func TestDatelineAtTheHeadOfASentence(t *testing.T) {
	for text, want := range map[string]string{
		"MOSCOW, March 2, 2025. Russian Defence Minister Sergei Shoigu met his counterpart in Beijing.": "2025-03-02",
		"МОСКВА, 2 марта 2025 года. Министр обороны встретился с коллегой в Пекине.":                    "2025-03-02",
		"PARIS, 2 mars 2025 – Le ministre a rencontré son homologue à Pékin.":                           "2025-03-02",
		"HAMBURG, 2. März 2025. Der Bürgermeister eröffnete die neue Brücke.":                           "2025-03-02",
		"بكين، 2 مارس 2025 - التقى وزير الدفاع نظيره في العاصمة.":                                       "2025-03-02",
		"The talks of 2025 - and those before them - were long.":                                        "",
		"In 2025. Nothing else.": "",
	} {
		a := &data.Article{Text: text + "\n\nThe talks went on for hours.\n"}
		fillFromText(a, time.Now())
		if a.Published != want {
			t.Errorf("%.30q: published %q, want %q", text, a.Published, want)
		}
		if want != "" && !strings.HasPrefix(text, a.Title[:len(a.Title)/2]) {
			t.Errorf("%.30q: the title is %q", text, a.Title)
		}
	}
}

// A wire's dateline gives the day without the year: it is read in the year
// that puts it nearest before the file was saved (written for this test).
func TestWireDatelineWithoutItsYear(t *testing.T) {
	saved := time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, lang, want, raw string }{
		{"新华社北京3月2日电（记者张伟）国务院总理李强2日会见了俄罗斯国防部长。", "zh", "2025-03-02", "3月2日"},
		{"MOSCOW, March 2 (Reuters) - Russia's defence minister met his Chinese counterpart.", "en", "2025-03-02", "March 2"},
		{"МОСКВА, 2 марта. /ТАСС/. Министр обороны встретился с коллегой в Пекине.", "ru", "2025-03-02", "2 марта"},
		{"PARIS, 2 mars (AFP) - Le ministre a rencontré son homologue à Pékin.", "fr", "2025-03-02", "2 mars"},
		{"LONDON, Dec 31 (Reuters) - Markets closed the year higher.", "en", "2024-12-31", "Dec 31"},
		{"MOSCOW, March 4 (Reuters) - Tomorrow's news, a day early.", "en", "2025-03-04", "March 4"},
		{"MOSCOW, March 5 (Reuters) - Too far ahead: last year's.", "en", "2024-03-05", "March 5"},
		{"Talks resume on March 2. Leaders arrive in Geneva.", "en", "", ""},
		{"The summit, held on March 2 - and again later - was long.", "en", "", ""},
	} {
		a := &data.Article{Text: c.text + "\n\nThe talks went on for hours.\n", Language: c.lang}
		fillFromText(a, saved)
		if a.Published != c.want || a.PublishedRaw != c.raw {
			t.Errorf("%.30q: published %q (%q), want %q (%q)", c.text, a.Published, a.PublishedRaw, c.want, c.raw)
		}
		if !strings.HasPrefix(c.text, a.Title[:len(a.Title)/2]) {
			t.Errorf("%.30q: the title is %q", c.text, a.Title)
		}
	}
}

func TestContentHashIgnoresCaseAndSpacing(t *testing.T) {
	a := ContentHash("Shoigu  met\tWang Yi.\n\nTalks ended.")
	if b := ContentHash("shoigu met wang yi. talks ended."); a != b {
		t.Fatal("case and spacing changed the hash")
	}
	if ContentHash("Ünïcode  TEXT") != ContentHash("ünïcode text") {
		t.Fatal("non-ASCII case changed the hash")
	}
	if a == ContentHash("Shoigu met Wang Yi. Talks resumed.") {
		t.Fatal("different words, same hash")
	}
}
