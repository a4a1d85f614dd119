package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"dossier/data"
)

var errNotODT = errors.New("not a valid OpenDocument text (the file is damaged, or is not an .odt)")

// parseODT reads an OpenDocument text (LibreOffice's .odt): the paragraphs
// and headings of content.xml, and title and author from meta.xml (its
// dates are when the file was edited, not when the article appeared).
// Comments and footnotes are left out, as they would cut sentences in two.
func parseODT(raw []byte) (*data.Article, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, errNotODT
	}
	body, err := readPart(zr, "content.xml", errNotODT)
	if err != nil {
		return nil, err
	}
	text, err := odtText(body)
	if err != nil {
		return nil, err
	}
	a := &data.Article{Text: text}
	if meta, err := readPart(zr, "meta.xml", errNotODT); err == nil {
		odtMeta(meta, a)
	}
	return a, nil
}

// odtSkipped are elements whose text is not part of the running text.
var odtSkipped = map[string]bool{"note": true, "annotation": true, "tracked-changes": true, "sequence-decls": true,
	"variable-decls": true, "user-field-decls": true, "title": true, "desc": true}

// odtText turns content.xml into text: one paragraph or heading a line, a
// blank line between them, runs of spaces (text:s) and tabs kept; a table
// row is a paragraph with its cells separated by tabs.
func odtText(body []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var b bytes.Buffer
	skip, cells, paras := 0, 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", errNotODT
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || odtSkipped[t.Name.Local] {
				skip++
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				paras++
			case "table-cell":
				cells++
			case "s":
				b.WriteString(strings.Repeat(" ", spaceCount(t)))
			case "tab":
				b.WriteByte('\t')
			case "line-break":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				paras--
				if cells == 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ') // paragraphs within a cell
				}
			case "table-cell":
				cells--
				trimEnd(&b, " ")
				b.WriteByte('\t')
			case "table-row":
				trimEnd(&b, "\t")
				b.WriteString("\n\n")
			}
		case xml.CharData:
			if skip == 0 && paras > 0 { // not the layout of the XML between paragraphs
				b.Write(t)
			}
		}
	}
}

// trimEnd removes a trailing cut from b, if it is there.
func trimEnd(b *bytes.Buffer, cut string) {
	if bytes.HasSuffix(b.Bytes(), []byte(cut)) {
		b.Truncate(b.Len() - len(cut))
	}
}

// spaceCount is text:s's text:c, the number of spaces it stands for.
func spaceCount(t xml.StartElement) int {
	for _, a := range t.Attr {
		if a.Name.Local == "c" {
			if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
				return min(n, 1000)
			}
		}
	}
	return 1
}

// odtMeta reads dc:title and dc:creator (or the initial creator).
func odtMeta(meta []byte, a *data.Article) {
	var m struct {
		Meta struct {
			Title          string `xml:"title"`
			Creator        string `xml:"creator"`
			InitialCreator string `xml:"initial-creator"`
		} `xml:"meta"`
	}
	if xml.Unmarshal(meta, &m) != nil {
		return
	}
	a.Title = strings.TrimSpace(m.Meta.Title)
	a.Byline = strings.TrimSpace(m.Meta.Creator)
	if a.Byline == "" {
		a.Byline = strings.TrimSpace(m.Meta.InitialCreator)
	}
}
