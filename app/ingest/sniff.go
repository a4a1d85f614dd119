package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
)

// format is what a file holds, recognised from its content first and its
// extension second.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatHTML
	formatMHTML
	formatEmail
	formatDocx
	formatODT
	formatRTF
	formatPDF
)

// formatNames name formats in sentences about a file.
var formatNames = map[format]string{
	formatText: "plain text", formatMarkdown: "plain text", formatHTML: "a web page", formatMHTML: "a saved web page (MHTML)",
	formatEmail: "an e-mail", formatDocx: "a Word document", formatODT: "an OpenDocument text", formatRTF: "an RTF document",
	formatPDF: "a PDF",
}

// byExtension is the format each extension promises.
var byExtension = map[string]format{
	".txt": formatText, ".md": formatMarkdown, ".html": formatHTML, ".htm": formatHTML, ".mht": formatMHTML,
	".mhtml": formatMHTML, ".eml": formatEmail, ".docx": formatDocx, ".odt": formatODT, ".rtf": formatRTF, ".pdf": formatPDF,
}

var (
	magicPDF = []byte("%PDF-")
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") // Office 97–2003 compound file
	magicRTF = []byte(`{\rtf`)
)

// errLegacyWord is the sentence for a .doc: there is no reader for it that
// we would trust with an analyst's files, and Word and LibreOffice convert.
//
//lint:ignore ST1005 the sentence starts with a name
var errLegacyWord = errors.New("Word 97–2003 documents cannot be read: save it as .docx (or .odt, .rtf or .pdf) and import that")

// detectFormat says what raw holds. Binary formats (PDF, Office, RTF) are
// recognised by their first bytes whatever the file is called; a file whose
// name promises one of them but holds something else is refused, so that a
// renamed or damaged file is noticed rather than imported as text. Text
// formats follow the extension, and files without a known one are sniffed.
func detectFormat(ext string, raw []byte) (format, error) {
	head := bytes.TrimLeft(withoutBOM(raw[:min(len(raw), 1024)]), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, magicPDF) || bytes.Contains(raw[:min(len(raw), 1024)], magicPDF):
		return formatPDF, nil
	case bytes.HasPrefix(raw, magicOLE):
		if ext == ".doc" || bytes.Contains(raw, utf16le("WordDocument")) {
			return 0, errLegacyWord
		}
		return 0, errors.New("an Excel or PowerPoint 97–2003 file, not an article")
	case bytes.HasPrefix(raw, magicZip) && (ext == ".docx" || ext == ".odt" || isZip(raw)):
		return zipFormat(raw, ext)
	case bytes.HasPrefix(head, magicRTF):
		return formatRTF, nil
	case ext == ".doc":
		return 0, errLegacyWord
	}
	promised, known := byExtension[ext]
	if !known {
		return sniffText(head), nil
	}
	if promised >= formatDocx { // a binary format, but the bytes are not it
		return 0, renamed(ext, promised, raw, head)
	}
	if promised == formatText && looksMHTML(head) {
		return formatMHTML, nil
	}
	return promised, nil
}

// renamed explains a file whose content is not what its extension says.
func renamed(ext string, promised format, raw, head []byte) error {
	if looksBinary(raw) {
		return fmt.Errorf("named %s but is not %s: it is damaged, or another kind of file renamed", ext, formatNames[promised])
	}
	return fmt.Errorf("named %s but holds %s, not %s (was it renamed?)", ext, formatNames[sniffText(head)], formatNames[promised])
}

var (
	htmlStart  = regexp.MustCompile(`(?i)^(<!--.*?-->\s*)*<(!doctype html|html|head|body|meta|title)[\s>]`)
	mimeHeader = regexp.MustCompile(`(?im)^content-type:\s*multipart/related`)
	mailHeader = regexp.MustCompile(`(?m)^(From|Subject|Date|Message-ID|Received): `)
)

// sniffText recognises web pages and messages among text files.
func sniffText(head []byte) format {
	switch {
	case htmlStart.Match(head):
		return formatHTML
	case looksMHTML(head):
		return formatMHTML
	case len(mailHeader.FindAll(head, 3)) >= 2:
		return formatEmail
	}
	return formatText
}

// looksMHTML: MIME headers announcing a page and its resources.
func looksMHTML(head []byte) bool {
	return mimeHeader.Match(head) && bytes.Contains(bytes.ToLower(head), []byte("mime-version:"))
}

func isZip(raw []byte) bool {
	_, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	return err == nil
}

// zipFormat tells a Word document from an OpenDocument text (or neither).
func zipFormat(raw []byte, ext string) (format, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		if ext == ".odt" {
			return 0, errNotODT
		}
		return 0, errNotDocx
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return formatDocx, nil
		case "mimetype":
			return odfFormat(f)
		}
	}
	return 0, errors.New("a zip archive: unpack it and import the files inside")
}

func odfFormat(f *zip.File) (format, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, errNotODT
	}
	defer rc.Close()
	kind, _ := io.ReadAll(io.LimitReader(rc, 100))
	switch string(kind) {
	case "application/vnd.oasis.opendocument.text":
		return formatODT, nil
	case "application/vnd.oasis.opendocument.spreadsheet":
		return 0, errors.New("an OpenDocument spreadsheet, not an article")
	case "application/vnd.oasis.opendocument.presentation":
		return 0, errors.New("an OpenDocument presentation, not an article")
	}
	return 0, fmt.Errorf("an OpenDocument file of a kind Dossier does not read (%.60s)", kind)
}

func withoutBOM(b []byte) []byte { return bytes.TrimPrefix(b, bomUTF8) }

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}
