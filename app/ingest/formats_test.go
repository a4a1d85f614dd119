package ingest

import (
	"strings"
	"testing"

	"dossier/app/ingest/pdftext/pdftest"
)

// RTF as Word and WordPad write it, by hand: every way a character is
// spelled, and what is not text.
const rtfMemo = `{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fswiss\fcharset204 Arial;}{\f1\fnil\fcharset134 SimSun;}}` +
	`{\colortbl;\red0\green0\blue0;}{\*\generator Riched20;}{\info{\title Memo on the talks}{\author Desk Editor}}` +
	`{\header Running head\par}` +
	`\pard\f0 \'c2\'f1\'f2\'f0\'e5\'f7\'e0 \'e2 \'cc\'ee\'f1\'ea\'e2\'e5\par ` +
	`Caf\u233?\~talks \endash  the \ldblquote frank\rdblquote  kind{\*\bkmkstart x}{\*\bkmkend x}.\par` +
	`{\pict\wmetafile8\picw100 0a0b0c0d0e0f}` +
	`{\field{\*\fldinst HYPERLINK "https://example.org"}{\fldrslt the ministry}} said.\par` +
	`\f1 \'bb\'e1\'cc\'b8\par` +
	`\uc2\u20250\'a5\'a6 end\par` +
	`\trowd\cellx2000\cellx4000 Crossing\cell Trucks\cell\row` +
	`\trowd\cellx2000\cellx4000 North\cell 40\cell\row` +
	`{\footnote A footnote.}Last line\uc1\u-3913?\par}`

func TestRTF(t *testing.T) {
	a, err := parse(".rtf", []byte(rtfMemo))
	if err != nil {
		t.Fatal(err)
	}
	want := "Встреча в Москве\n\nCafé\u00a0talks – the “frank” kind.\n\nthe ministry said.\n\n会谈\n\n会 end\n\nCrossing\tTrucks\n\nNorth\t40\n\nLast line\uF0B7\n\n"
	if a.Text != want {
		t.Errorf("text\n%q\nwant\n%q", a.Text, want)
	}
	if a.Title != "Memo on the talks" || a.Byline != "Desk Editor" {
		t.Errorf("title %q byline %q", a.Title, a.Byline)
	}
}

// TestRTFSurrogatePair: characters beyond the first 65,536 come as two \u.
func TestRTFSurrogatePair(t *testing.T) {
	a, err := parse(".rtf", []byte(`{\rtf1\ansi Flag \u-10179?\u-8694? raised\par}`))
	if err != nil || a.Text != "Flag 😊 raised\n\n" {
		t.Fatalf("%q %v", a.Text, err)
	}
}

const odtContent = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:text>
<text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls>
<text:h>Talks resume</text:h>
<text:p>Envoys<text:s text:c="3"/>met<text:tab/>in <text:span>Geneva</text:span><text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A note.</text:p></text:note-body></text:note>.<office:annotation><dc:creator>Ed</dc:creator><text:p>Check this.</text:p></office:annotation><text:line-break/>Second line.</text:p>
<table:table><table:table-row><table:table-cell><text:p>Crossing</text:p></table:table-cell><table:table-cell><text:p>Trucks</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>`

func TestODT(t *testing.T) {
	raw := zipBytes(t, map[string][]byte{
		"mimetype":    []byte("application/vnd.oasis.opendocument.text"),
		"content.xml": []byte(odtContent),
		"meta.xml":    []byte(`<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta><dc:title>Talks</dc:title><meta:initial-creator>Ana Reporter</meta:initial-creator></office:meta></office:document-meta>`),
	})
	a, err := parse(".odt", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := "Talks resume\n\nEnvoys   met\tin Geneva.\nSecond line.\n\nCrossing\tTrucks\n\n"
	if a.Text != want || a.Title != "Talks" || a.Byline != "Ana Reporter" {
		t.Errorf("text %q title %q byline %q", a.Text, a.Title, a.Byline)
	}
}

// mhtmlPage is a page saved by a browser as a single file: a quoted-
// printable Windows-1251 page and a picture.
const mhtmlPage = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.ru/2025/03/talks\r\n" +
	"Subject: =?utf-8?Q?Talks?=\r\nMIME-Version: 1.0\r\n" +
	"Content-Type: multipart/related; type=\"text/html\"; boundary=\"----MultipartBoundary--abc\"\r\n\r\n" +
	"------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://news.example.ru/logo.png\r\n\r\niVBORw0KGgo=\r\n" +
	"------MultipartBoundary--abc\r\nContent-Type: text/html; charset=windows-1251\r\nContent-Transfer-Encoding: quoted-printable\r\n" +
	"Content-Location: https://news.example.ru/2025/03/talks\r\n\r\n" +
	"<html><head><title>=CF=E5=F0=E5=E3=EE=E2=EE=F0=FB</title></head><body><article><h1>=CF=E5=F0=E5=E3=EE=E2=EE=F0=FB</h1>" +
	"<p>=C4=E5=EB=E5=E3=E0=F6=E8=E8 =E2=F1=F2=F0=E5=F2=E8=EB=E8=F1=FC =E2=EE =E2=F2=EE=F0=ED=E8=EA =F3=F2=F0=EE=EC =E8 =EF=EE=F7=F2=E8 =F7=E5=F2=FB=\r\n=F0=E5 =F7=E0=F1=E0 =EE=E1=F1=F3=E6=E4=E0=EB=E8 =EE=F2=EA=F0=FB=F2=E8=E5 =EF=E5=F0=E5=F5=EE=E4=EE=E2.</p>" +
	"</article></body></html>\r\n------MultipartBoundary--abc--\r\n"

func TestMHTML(t *testing.T) {
	a, err := parse(".mhtml", []byte(mhtmlPage))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Делегации встретились во вторник утром и почти четыре часа обсуждали открытие переходов.") ||
		a.Title != "Переговоры" || a.URL != "https://news.example.ru/2025/03/talks" {
		t.Errorf("text %q title %q url %q", a.Text, a.Title, a.URL)
	}
}

// TestFilesAreKnownByTheirContent: a file is read as what it holds; one
// whose name promises a document it does not hold is refused, saying so.
func TestFilesAreKnownByTheirContent(t *testing.T) {
	pdf := pdftest.Text([]pdftest.Line{{X: 60, Y: 700, Size: 11, Text: "A report saved with the wrong name."}}, nil)
	odt := zipBytes(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.text"), "content.xml": []byte(odtContent)})
	for _, c := range []struct {
		name    string
		raw     []byte
		text    string // the article holds this, or
		refused string // the reason says this
	}{
		{"report.txt", pdf, "A report saved with the wrong name.", ""},
		{"memo.docx", odt, "Envoys", ""},
		{"letter.doc", []byte(rtfMemo), "Встреча в Москве", ""},
		{"page.txt", []byte(mhtmlPage), "Делегации", ""},
		{"page", []byte("<!DOCTYPE html><html><body><p>Saved page without a name, long enough to be an article about talks.</p></body></html>"), "Saved page without a name", ""},
		{"report.pdf", []byte("Plain notes, renamed.\n\nNot a PDF at all."), "", "named .pdf but holds plain text, not a PDF (was it renamed?)"},
		{"memo.docx", []byte("<html><body>x</body></html>"), "", "named .docx but holds a web page, not a Word document"},
		{"scan.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", "named .pdf but is not a PDF: it is damaged, or another kind of file renamed"},
		{"old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 600)), "", "Word 97–2003 documents cannot be read: save it as .docx"},
		{"archive.docx", zipBytes(t, map[string][]byte{"notes.txt": []byte("x")}), "", "a zip archive: unpack it and import the files inside"},
		{"sheet.odt", zipBytes(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.spreadsheet")}), "", "an OpenDocument spreadsheet, not an article"},
	} {
		a, err := parse(extOf(c.name), c.raw)
		switch {
		case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.refused)
		case c.refused == "" && (err != nil || !strings.Contains(a.Text, c.text)):
			t.Errorf("%s: error %v, want text with %q", c.name, err, c.text)
		}
	}
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}
