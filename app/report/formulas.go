package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// maxFormulaCells is how many formula cells a workbook may hold before it
// is refused whole.
const maxFormulaCells = 100000

// formulaCells lists the cells of a sheet that hold formulas ("D2"), by
// reading the sheet's XML as a stream. Dossier never evaluates formulas,
// and does not take their cached results as data either.
func formulaCells(file, sheet string) (map[string]bool, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	part, err := sheetPart(&zr.Reader, sheet)
	if err != nil || part == nil {
		return nil, err
	}
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	cells := map[string]bool{}
	dec := xml.NewDecoder(io.LimitReader(rc, maxUnzipXML))
	cell := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return cells, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "c":
				cell = attr(se, "r")
			case "f":
				cells[cell] = true
				if len(cells) > maxFormulaCells {
					return nil, fmt.Errorf("the sheet holds more than %d formulas", maxFormulaCells)
				}
			}
		}
	}
}

// sheetPart finds the zip entry of a sheet by its name, through the
// workbook and its relationships.
func sheetPart(zr *zip.Reader, sheet string) (*zip.File, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := readXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rel {
			if r.ID == s.RID {
				target := strings.TrimPrefix(r.Target, "/")
				if !strings.HasPrefix(target, "xl/") {
					target = path.Join("xl", target)
				}
				return findPart(zr, target), nil
			}
		}
	}
	return nil, nil
}

func readXML(zr *zip.Reader, name string, v any) error {
	f := findPart(zr, name)
	if f == nil {
		return fmt.Errorf("%s is missing", name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
}

func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
