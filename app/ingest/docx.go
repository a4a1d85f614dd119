package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"dossier/data"
)

const (
	maxDocxPart  = 64 << 20 // largest uncompressed XML part read
	maxDocxRatio = 200      // compression ratio beyond which a part is a bomb
)

var errNotDocx = errors.New("not a valid Word document (the file is damaged, or is not a .docx)")

// parseDocx reads the paragraphs of a Word document and its title and
// author from the document properties. Parts are never written to disk, and
// are read only up to a size and compression ratio that rule out zip bombs.
func parseDocx(raw []byte) (*data.Article, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, errNotDocx
	}
	body, err := readPart(zr, "word/document.xml", errNotDocx)
	if err != nil {
		return nil, err
	}
	text, err := docxText(body)
	if err != nil {
		return nil, err
	}
	a := &data.Article{Text: text}
	if core, err := readPart(zr, "docProps/core.xml", errNotDocx); err == nil {
		a.Title, a.Byline = coreProperties(core)
	}
	return a, nil
}

// readPart reads one part of an Office or OpenDocument archive into
// memory, refusing parts that would unpack beyond reason; damaged is the
// error for a part that is missing or cannot be read.
func readPart(zr *zip.Reader, name string, damaged error) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > maxDocxPart || (f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxDocxRatio && f.UncompressedSize64 > 1<<20) {
			return nil, fmt.Errorf("refused: %s would unpack to %s (a zip bomb?)", name, humanSize(int64(f.UncompressedSize64)))
		}
		rc, err := f.Open()
		if err != nil {
			return nil, damaged
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxDocxPart+1))
		if err != nil {
			return nil, damaged
		}
		if len(b) > maxDocxPart {
			return nil, fmt.Errorf("refused: %s unpacks to more than %s (a zip bomb?)", name, humanSize(maxDocxPart))
		}
		return b, nil
	}
	return nil, damaged
}

// docxText turns WordprocessingML into text: one paragraph a line, a blank
// line between paragraphs, tabs and breaks kept.
func docxText(body []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", errNotDocx
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteString("\n\n")
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}

// coreProperties reads dc:title and dc:creator.
func coreProperties(core []byte) (title, creator string) {
	var props struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
	}
	if xml.Unmarshal(core, &props) != nil {
		return "", ""
	}
	return strings.TrimSpace(props.Title), strings.TrimSpace(props.Creator)
}
