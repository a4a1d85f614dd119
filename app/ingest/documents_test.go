package ingest

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/data/storetest"
)

// Documents in other formats (PDF, ODT, RTF, the old .doc) are made by
// LibreOffice from texts we wrote, described here. They are kept in
// testdata/documents so that the tests need no LibreOffice; rebuild them with
//
//	DOSSIER_WRITE_DOCUMENTS=1 go test -run TestWriteDocuments ./app/ingest
//
// (needs soffice from libreoffice-writer-nogui, and hyphen-en-us for the
// hyphenated one).

// document is one test document: its words and its layout.
type document struct {
	file       string // name in testdata/documents, without extension
	title      string
	dateline   string // a line under the title
	author     string
	paragraphs []string
	columns    int
	header     string // a running header on every page
	pageNumber bool   // a "Page N" footer
	hyphenate  bool   // narrow and hyphenated
	lang       string // e.g. "ru-RU"; default en-GB
	table      [][]string
	formats    []string // what LibreOffice makes of it: pdf, odt, rtf, doc
	password   string   // the PDF needs this password to open
}

// english are our sentences for the English documents.
var english = []string{
	"The delegations met in the old customs house on Tuesday morning and spoke for nearly four hours about the reopening of the northern border crossings.",
	"Officials from both capitals described the conversation as frank, although neither side published a joint statement afterwards.",
	"According to the regional governor, trucks carrying grain and medicine have waited for more than three weeks at the checkpoint near the river.",
	"Independent observers counted at least forty vehicles on the approach road, many of them refrigerated, and several drivers complained about the lack of water.",
	"The foreign ministry later said that technical teams would continue their work in a smaller format and report back before the end of the month.",
	"Opposition lawmakers criticised the government for accepting talks without first securing the release of the detained journalists.",
	"Meanwhile, humanitarian organisations warned that the closure of the crossings could worsen shortages in the mountain villages during the winter.",
	"A spokesperson for the monitoring mission declined to comment on reports that artillery had been moved closer to the demarcation line.",
	"Analysts in the capital expect the negotiations to resume after the national holiday, provided that the ceasefire holds along the entire frontier.",
	"Residents of the border town interviewed by local radio said they hoped the agreement would allow families separated since the spring to visit each other.",
	"The chamber of commerce estimated that each week of closure costs exporters several million in lost contracts and spoiled goods.",
	"Diplomats familiar with the talks said the most difficult question remains the status of the disputed bridge and the customs post on its eastern end.",
}

// russian are our sentences for the Russian document.
var russian = []string{
	"Делегации встретились во вторник утром в старом здании таможни и почти четыре часа обсуждали открытие северных пограничных переходов.",
	"Представители обеих столиц назвали разговор откровенным, хотя ни одна из сторон не опубликовала совместного заявления.",
	"По словам губернатора, грузовики с зерном и лекарствами уже более трёх недель ждут на контрольно-пропускном пункте у реки.",
	"Министерство иностранных дел позднее сообщило, что технические группы продолжат работу в узком формате и доложат о результатах до конца месяца.",
	"Гуманитарные организации предупредили, что закрытие переходов может усилить нехватку продовольствия в горных сёлах зимой.",
	"Аналитики ожидают, что переговоры возобновятся после национального праздника, если перемирие будет соблюдаться на всей границе.",
}

// paragraphsOf deals sentences into n paragraphs of per sentences each,
// stepping through them so that neighbouring paragraphs differ.
func paragraphsOf(src []string, n, per int) []string {
	var out []string
	k := 0
	for range n {
		var p []string
		for range per {
			p = append(p, src[k%len(src)])
			k += 5
		}
		out = append(out, strings.Join(p, " "))
	}
	return out
}

var documents = []document{
	{file: "one-column", title: "Border talks resume", dateline: "Geneva, 2 March 2025", author: "Desk Editor", paragraphs: paragraphsOf(english, 8, 4),
		formats: []string{"pdf", "odt", "rtf", "doc"}},
	{file: "two-columns", title: "Border talks resume", dateline: "Geneva, 3 March 2025", author: "Desk Editor", paragraphs: paragraphsOf(english, 10, 4), columns: 2,
		formats: []string{"pdf"}},
	{file: "running-headers", title: "Border talks resume", author: "Desk Editor", paragraphs: paragraphsOf(english, 30, 4),
		header: "Regional Security Review · March 2025", pageNumber: true, formats: []string{"pdf"}},
	{file: "hyphenated", title: "Border talks resume", author: "Desk Editor", paragraphs: paragraphsOf(english, 8, 3),
		hyphenate: true, lang: "en-US", formats: []string{"pdf"}},
	{file: "russian", title: "Переговоры на границе", author: "Редакция", paragraphs: paragraphsOf(russian, 6, 3), lang: "ru-RU",
		table: [][]string{{"Переход", "Грузовики"}, {"Северный", "40"}}, formats: []string{"pdf", "odt", "rtf"}},
	{file: "protected", title: "Closed talks", author: "Desk Editor", paragraphs: paragraphsOf(english, 1, 2),
		password: "secret", formats: []string{"pdf"}},
}

// want is the text a reader should find: the title, the paragraphs, then
// the table a row a paragraph, its cells separated by tabs.
func (d document) want() string {
	parts := []string{d.title}
	if d.dateline != "" {
		parts = append(parts, d.dateline)
	}
	parts = append(parts, d.paragraphs...)
	for _, row := range d.table {
		parts = append(parts, strings.Join(row, "\t"))
	}
	return strings.Join(parts, "\n\n")
}

func (d document) path(ext string) string {
	return filepath.Join("testdata", "documents", d.file+"."+ext)
}

func (d document) read(t *testing.T, ext string) []byte {
	t.Helper()
	b, err := os.ReadFile(d.path(ext))
	if err != nil {
		t.Fatalf("%v (rebuild with DOSSIER_WRITE_DOCUMENTS=1)", err)
	}
	return b
}

func TestWriteDocuments(t *testing.T) {
	if os.Getenv("DOSSIER_WRITE_DOCUMENTS") == "" {
		t.Skip("skipped: set DOSSIER_WRITE_DOCUMENTS=1 to rebuild testdata/documents with LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice not found: apt-get install libreoffice-writer-nogui")
	}
	work := t.TempDir()
	out, _ := filepath.Abs(filepath.Join("testdata", "documents"))
	os.MkdirAll(out, 0o755)
	for _, d := range documents {
		src := filepath.Join(work, d.file+".fodt")
		if err := os.WriteFile(src, []byte(d.flatODT()), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, f := range d.formats {
			filter := map[string]string{"pdf": "pdf", "odt": "odt", "rtf": "rtf", "doc": "doc:MS Word 97"}[f]
			if d.password != "" {
				filter = `pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"` + d.password + `"}}`
			}
			cmd := exec.Command(soffice, "-env:UserInstallation=file://"+work+"/profile", "--headless", "--convert-to", filter, "--outdir", out, src)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", d.file, err, b)
			}
		}
	}
}

// flatODT writes the document as a flat OpenDocument text for LibreOffice.
func (d document) flatODT() string {
	lang, country := "en", "GB"
	if d.lang != "" {
		lang, country, _ = strings.Cut(d.lang, "-")
	}
	margin, cols := "2cm", ""
	if d.hyphenate {
		margin = "6cm"
	}
	if d.columns > 1 {
		cols = fmt.Sprintf(`<style:columns fo:column-count="%d" fo:column-gap="0.8cm"/>`, d.columns)
	}
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%s</dc:title><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator></office:meta>
<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/><style:text-properties fo:language="%s" fo:country="%s" fo:hyphenate="%t" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2" fo:font-size="11pt"/></style:default-style></office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="%s" fo:margin-right="%s">%s</style:page-layout-properties>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">`,
		esc(d.title), esc(d.author), esc(d.author), lang, country, d.hyphenate, margin, margin, cols)
	if d.header != "" {
		b.WriteString(`<style:header><text:p>` + esc(d.header) + `</text:p></style:header>`)
	}
	if d.pageNumber {
		b.WriteString(`<style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>`)
	}
	b.WriteString(`</style:master-page></office:master-styles><office:body><office:text>`)
	b.WriteString(`<text:h text:outline-level="1">` + esc(d.title) + `</text:h>`)
	if d.dateline != "" {
		b.WriteString(`<text:p>` + esc(d.dateline) + `</text:p>`)
	}
	for _, p := range d.paragraphs {
		b.WriteString(`<text:p>` + esc(p) + `</text:p>`)
	}
	if len(d.table) > 0 {
		fmt.Fprintf(&b, `<table:table table:name="T1"><table:table-column table:number-columns-repeated="%d"/>`, len(d.table[0]))
		for _, row := range d.table {
			b.WriteString(`<table:table-row>`)
			for _, cell := range row {
				b.WriteString(`<table:table-cell office:value-type="string"><text:p>` + esc(cell) + `</text:p></table:table-cell>`)
			}
			b.WriteString(`</table:table-row>`)
		}
		b.WriteString(`</table:table>`)
	}
	b.WriteString(`</office:text></office:body></office:document>`)
	return b.String()
}

// TestDocumentsInEveryFormat imports each document as LibreOffice saved it
// and finds its title, author and exact text — paragraphs in reading
// order, hyphens mended, running heads and page numbers gone.
func TestDocumentsInEveryFormat(t *testing.T) {
	for _, format := range []string{"pdf", "odt", "rtf", "doc"} { // one store each: the same words are duplicates
		t.Run(format, func(t *testing.T) {
			dir := storetest.TempDir(t)
			for _, d := range documents {
				if slices.Contains(d.formats, format) {
					writeFile(t, dir, d.file+"."+format, d.read(t, format))
				}
			}
			st := newStore(t)
			sum, err := Import(context.Background(), st, []string{dir}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if format == "doc" {
				if sum.Failed != 1 || !strings.Contains(sum.Failures[0].Reason, "Word 97–2003 documents cannot be read: save it as .docx") {
					t.Errorf("failures %v", sum.Failures)
				}
				return
			}
			if format == "pdf" && (sum.Failed != 1 || !strings.Contains(sum.Failures[0].Reason, "this PDF is protected by a password")) {
				t.Errorf("only the protected PDF should fail, with its sentence: %v", sum.Failures)
			}
			if format != "pdf" && sum.Failed != 0 {
				t.Errorf("failures %v", sum.Failures)
			}
			byFile := articlesByFile(t, st)
			for _, d := range documents {
				name := d.file + "." + format
				a, ok := byFile[name]
				if !slices.Contains(d.formats, format) || d.password != "" {
					continue
				}
				if !ok {
					t.Errorf("%s: not imported", name)
					continue
				}
				if a.Title != d.title || a.Byline != d.author {
					t.Errorf("%s: title %q by %q, want %q by %q", name, a.Title, a.Byline, d.title, d.author)
				}
				if got := strings.TrimSpace(a.Text); got != d.want() {
					t.Errorf("%s: text differs from the source\n%s", name, firstDifference(d.want(), got))
				}
			}
		})
	}
}

// firstDifference shows where two texts part.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	return fmt.Sprintf("at byte %d: want …%q…\n got …%q…", i, want[max(0, i-30):min(len(want), i+60)], got[max(0, i-30):min(len(got), i+60)])
}
