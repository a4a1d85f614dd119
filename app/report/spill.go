package report

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// maxRows is how many rows a sheet holds, its header among them (Excel's
// limit). Past it the Events and Evidence sheets go on in "Events (2)",
// "Evidence (2)"…, each with its header, its table and its print setup.
var maxRows = excelize.TotalRows

// partName is the name of a sheet's nth part: "Events", "Events (2)"…
func partName(base string, n int) string {
	if n <= 1 {
		return base
	}
	return fmt.Sprintf("%s (%d)", base, n)
}

// partOf is where the nth data row of a sheet that spills lands: the
// part's name and its row there (row 1 being a part's header).
func partOf(base string, n int) (string, int) {
	per := maxRows - 1
	return partName(base, (n-1)/per+1), (n-1)%per + 2
}

// spill writes the rows of a sheet that may hold more than one sheet can,
// opening the next part as one fills.
type spill struct {
	w       *workbook
	base    string
	table   string
	headers []string
	widths  []float64
	finish  func(sheet string) error // before a part is flushed (drop-downs)
	sw      *excelize.StreamWriter
	parts   []string // the parts written
	rows    int      // data rows written in all
}

// add writes the next data row.
func (s *spill) add(cells []any) error {
	sheet, row := partOf(s.base, s.rows+1)
	if s.sw == nil || sheet != s.parts[len(s.parts)-1] {
		if err := s.close(); err != nil {
			return err
		}
		if err := s.open(sheet); err != nil {
			return err
		}
	}
	s.rows++
	return s.sw.SetRow("A"+strconv.Itoa(row), cells)
}

// open starts a part: a new sheet after the first, set up to print, with
// the header row.
func (s *spill) open(sheet string) error {
	if len(s.parts) > 0 {
		if _, err := s.w.f.NewSheet(sheet); err != nil {
			return err
		}
		if err := printSheet(s.w.f, sheet, s.w.footer); err != nil {
			return err
		}
	}
	sw, err := s.w.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	s.sw, s.parts = sw, append(s.parts, sheet)
	return s.w.header(sw, s.headers, s.widths)
}

// close ends the part being written: its table over the rows it holds,
// what finish adds, and the flush.
func (s *spill) close() error {
	if s.sw == nil {
		return nil
	}
	n := len(s.parts)
	rows := s.rows - (n-1)*(maxRows-1)
	name := s.table
	if n > 1 {
		name += strconv.Itoa(n)
	}
	if err := table(s.sw, name, len(s.headers), rows); err != nil {
		return err
	}
	if s.finish != nil {
		if err := s.finish(s.parts[n-1]); err != nil {
			return err
		}
	}
	err := s.sw.Flush()
	s.sw = nil
	return err
}

// end closes the last part; a sheet with no rows still gets its header.
func (s *spill) end() error {
	if s.sw == nil && len(s.parts) == 0 {
		if err := s.open(s.base); err != nil {
			return err
		}
	}
	return s.close()
}
