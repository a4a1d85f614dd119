package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier/app/network"
	"dossier/app/safefile"
)

// Sheet names (all valid: short, no : \ / ? * [ ]).
const (
	sheetSummary  = "Summary"
	sheetEvents   = "Events"
	sheetActors   = "Actors"
	sheetArticles = "Articles"
	sheetEvidence = "Evidence"
	sheetNetwork  = "Network"
	sheetCodes    = "Code lists"
)

// Options tune an export.
type Options struct {
	Filter Filter
	// Progress, when set, is called as events are written, with the number
	// written and the number stored (an upper bound when a filter applies).
	Progress func(done, total int)
	// Password, when set, protects a workbook (ECMA-376 agile encryption,
	// which Excel and LibreOffice open with it); other formats refuse it.
	Password string
}

// Result says what an export wrote and what it had to change.
type Result struct {
	Events, Actors, Articles int
	Unplaced                 int // events a map export left out: they have no coordinates
	Notices                  []Notice
}

// LeftOut says what an export left out, "" when nothing: "(38 without
// coordinates left out)".
func (r Result) LeftOut() string {
	if r.Unplaced == 0 {
		return ""
	}
	return fmt.Sprintf("(%d without coordinates left out)", r.Unplaced)
}

// workbook is one export in progress.
type workbook struct {
	f        *excelize.File
	l        *lookup
	styles   styles
	res      Result
	stats    *stats
	usedArt  map[string]bool
	usedAct  map[string]bool
	net      *network.Builder // who did what to whom, for the Network sheet
	graph    *network.Graph   // what net built
	measures network.Analysis // of graph, for the Actors and Network sheets
	footer   string           // every printed page's
	// eventSheets are the sheets the events fill: Events, and past a
	// sheet's rows Events (2)…
	eventSheets []string
}

// ExportWorkbook writes the events the filter selects, and what they refer
// to, to an .xlsx file at path. The file appears whole or not at all.
func ExportWorkbook(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	l, err := newLookup(st)
	if err != nil {
		return Result{}, err
	}
	f := excelize.NewFile(excelize.Options{TmpDir: spoolDir(opt.Password)})
	defer f.Close()
	w := &workbook{f: f, l: l, stats: newStats(), usedArt: map[string]bool{}, usedAct: map[string]bool{}, net: network.NewBuilder(l.actors)}
	if w.styles, err = newStyles(f); err != nil {
		return Result{}, err
	}
	for _, name := range []string{sheetEvents, sheetActors, sheetArticles, sheetEvidence, sheetNetwork, sheetCodes} {
		if _, err := f.NewSheet(name); err != nil {
			return Result{}, err
		}
	}
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return Result{}, err
	}
	// Before any sheet is streamed: afterwards excelize would read every
	// streamed sheet back into memory to mark it, and then drop it.
	f.SetActiveSheet(1)
	w.footer = footer(time.Now())
	if err := printSetup(f, w.footer); err != nil {
		return Result{}, err
	}
	total := 0
	if c, err := st.Counts(); err == nil {
		total = c.Events
	}
	steps := []func() error{
		func() error { return w.writeEvents(ctx, st, opt, total) },
		func() error { return w.measure(ctx) },
		func() error { return w.writeActors() },
		func() error { return w.writeArticles(st, opt.Filter) },
		func() error { return w.writeNetwork() },
		func() error { return w.writeCodeLists() },
		func() error { return w.writeSummary(opt.Filter) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return w.res, err
		}
	}
	return w.res, safefile.Write(path, false, func(out io.Writer) error {
		return saveWorkbook(f, out, opt.Password)
	})
}

// spoolDir is where excelize spools a sheet larger than 16 MB while it is
// written. For a workbook protected by a password, memory (/dev/shm) where
// the system has it, so that no text of an encrypted database lands on a
// disk in the clear; else the temporary folder, on disk, as the workbook
// itself will be: a million events make gigabytes of sheets.
func spoolDir(password string) string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() && password != "" {
		return "/dev/shm"
	}
	return ""
}

// cell prepares one value for a streamed row: safe text, and the style its
// kind needs. Changes made for safety are noted.
func (w *workbook) cell(sheet string, row, col int, kind cellKind, v any) any {
	switch x := v.(type) {
	case string:
		safe, what := safeText(x)
		if what != "" {
			name := w.columnName(sheet, col)
			if sheet == sheetEvents || sheet == sheetEvidence { // rows count on past a full sheet
				sheet, row = partOf(sheet, row-1)
			}
			w.res.Notices = append(w.res.Notices, Notice{sheet, row, name, what})
		}
		v = safe
	case time.Time:
		if x.IsZero() {
			return nil
		}
	case nil:
		return nil
	}
	if id := w.styles.forKind(kind); id != 0 {
		return excelize.Cell{StyleID: id, Value: v}
	}
	return v
}

// columnName is "C (Date)" for a column of a sheet, for notices.
func (w *workbook) columnName(sheet string, col int) string {
	if sheet == sheetEvents {
		return columnName(col)
	}
	h := sheetHeaders[sheet]
	if col < len(h) {
		return columnLetter(col) + " (" + h[col] + ")"
	}
	return columnLetter(col)
}

// header writes a styled header row, widths and a frozen first row.
func (w *workbook) header(sw *excelize.StreamWriter, headers []string, widths []float64) error {
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(headers))
	for i, h := range headers {
		row[i] = excelize.Cell{StyleID: w.styles.header, Value: h}
	}
	return sw.SetRow("A1", row, excelize.RowOpts{Height: 20})
}

// table turns rows 1..last into an Excel table with filter buttons.
func table(sw *excelize.StreamWriter, name string, cols, rows int) error {
	last, _ := excelize.CoordinatesToCellName(cols, max(rows, 1)+1)
	return sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: name, StyleName: "TableStyleMedium2", ShowRowStripes: boolPtr(true)})
}

func boolPtr(b bool) *bool { return &b }
