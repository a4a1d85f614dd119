package report

import "github.com/xuri/excelize/v2"

// styles are the workbook's cell styles.
type styles struct {
	header, date, datetime, wrap, title, link int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	defs := []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&s.date, &excelize.Style{CustomNumFmt: strPtr("yyyy-mm-dd")}},
		{&s.datetime, &excelize.Style{CustomNumFmt: strPtr("yyyy-mm-dd hh:mm")}},
		{&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.link, &excelize.Style{Font: &excelize.Font{Color: "1265BE", Underline: "single"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.style)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	return s, nil
}

func (s styles) forKind(k cellKind) int {
	switch k {
	case dateCell:
		return s.date
	case timeCell:
		return s.datetime
	case wrapCell:
		return s.wrap
	}
	return 0
}

func strPtr(s string) *string { return &s }
