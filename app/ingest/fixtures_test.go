package ingest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// The fixtures are written by the tests themselves, in our own words, so that
// every encoding and container is exactly what the test says it is.

const sampleText = "date 2025-03-02\n\nRussian envoy Sergei Shoigu met Wang Yi in Beijing on Friday. Both sides agreed to hold further talks.\n"

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// docxBytes builds a minimal Word document from paragraphs.
func docxBytes(t *testing.T, title string, paragraphs ...string) []byte {
	t.Helper()
	var body bytes.Buffer
	body.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paragraphs {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + p + `</w:t></w:r></w:p>`)
	}
	body.WriteString(`</w:body></w:document>`)
	core := `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + title + `</dc:title><dc:creator>Desk Editor</dc:creator></cp:coreProperties>`
	return zipBytes(t, map[string][]byte{"word/document.xml": body.Bytes(), "docProps/core.xml": []byte(core), "[Content_Types].xml": []byte(`<Types/>`)})
}

func zipBytes(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const pageHTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Talks in Beijing | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://news.example.org/2025/03/talks-beijing">
<meta property="article:published_time" content="2025-03-02T09:30:00Z">
<meta name="author" content="Ana Reporter">
<script>var tracking = "SHOULD-NOT-APPEAR";</script>
<style>.x{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Beijing</h1>
<p>Russian Security Council Secretary Sergei Shoigu met Chinese Foreign Minister Wang Yi in Beijing on Friday, the two governments said in statements released after the meeting.</p>
<p>Both sides agreed to hold a new round of strategic security talks, and discussed Afghanistan and the wider region at some length during the visit.</p>
<p>Shoigu also met President Xi Jinping during the same trip, according to officials familiar with the schedule of the delegation.</p>
</article><footer>Copyright notice and links</footer></body></html>`

const plainEmail = "From: =?UTF-8?Q?Jos=C3=A9_Analyst?= <jose@example.org>\r\n" +
	"To: desk@example.org\r\n" +
	"Subject: =?ISO-8859-1?Q?Caf=E9_talks_in_Beijing?=\r\n" +
	"Date: Sun, 02 Mar 2025 10:15:00 +0000\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=iso-8859-1\r\n" +
	"Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
	"The envoys met at a caf=E9 in Beijing on Friday and agreed to meet ag=\r\nain.\r\n"

const htmlOnlyEmail = "From: desk@example.org\r\nSubject: Digest\r\nDate: Mon, 03 Mar 2025 08:00:00 +0000\r\n" +
	"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XYZ\r\n\r\n" +
	"--XYZ\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
	"<html><body><article><p>Talks resumed in Geneva on Monday between the two delegations, officials said after a long first session.</p><p>A second session is planned for the following week, with ministers expected to attend in person.</p></article></body></html>\r\n" +
	"--XYZ\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--XYZ--\r\n"

// appendZipEntry rebuilds a zip archive with one more entry.
func appendZipEntry(t *testing.T, archive []byte, name, body string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{name: []byte(body)}
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		parts[f.Name] = b.Bytes()
	}
	return zipBytes(t, parts)
}
