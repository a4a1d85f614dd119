package report

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dossier/data"
)

// Problem is a cell (or row) of an edited workbook that cannot be taken.
type Problem struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column,omitempty"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("%s row %d: %s", p.Sheet, p.Row, p.Message)
	}
	return fmt.Sprintf("%s row %d, column %s: %s", p.Sheet, p.Row, p.Column, p.Message)
}

// Change is one row that changes the database.
type Change struct {
	Sheet   string `json:"sheet,omitempty"` // past a full sheet: "Events (2)"; "" for Events
	Row     int    `json:"row"`
	EventID string `json:"event"`
	Created bool   `json:"created,omitempty"`
}

// ImportResult says what bringing a workbook back did, or would do.
type ImportResult struct {
	DryRun    bool      `json:"dry_run,omitempty"`
	Changes   []Change  `json:"changes"`
	Unchanged int       `json:"unchanged"`
	Conflicts []Problem `json:"conflicts,omitempty"`
	Problems  []Problem `json:"problems,omitempty"` // the first maxProblems refused rows' reasons
	Refused   int       `json:"refused"`            // rows refused in all
}

// maxProblems is how many refused rows are listed; the rest are counted.
const maxProblems = 1000

// Line is the one-line summary.
func (r ImportResult) Line() string {
	created := 0
	for _, c := range r.Changes {
		if c.Created {
			created++
		}
	}
	verb := "updated"
	if r.DryRun {
		verb = "would update"
	}
	return fmt.Sprintf("%s %d, created %d, unchanged %d, conflicts %d, rows refused %d",
		verb, len(r.Changes)-created, created, r.Unchanged, len(r.Conflicts), r.Refused)
}

// Limits for reading workbooks someone else may have made.
const (
	maxUnzip    = 512 << 20
	maxUnzipXML = 256 << 20
)

// ImportWorkbook reads the Events sheet of an exported (and edited)
// workbook. A changed cell updates its event; a row without an ID creates
// one; a row whose event changed in Dossier since the export is a conflict
// and is left alone; a row with a bad value is refused whole and listed by
// row and column; a second row with the same ID is refused. The accepted
// rows are stored (in steps of commitChunk rows), unless dryRun, which only
// says what would change.
func ImportWorkbook(ctx context.Context, st Writable, path string, dryRun bool) (ImportResult, error) {
	res := ImportResult{DryRun: dryRun, Changes: []Change{}}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxUnzipXML})
	if err != nil {
		return res, data.Errorf(data.EInvalid, "%s is not a workbook Dossier can read: %v", path, err)
	}
	defer f.Close()
	l, err := newLookup(st)
	if err != nil {
		return res, err
	}
	sr := &sheetReader{st: st, l: l, seen: map[string]string{}, res: &res}
	var planned []*data.Event
	for part := 1; ; part++ {
		sheet := partName(sheetEvents, part)
		if i, err := f.GetSheetIndex(sheet); part > 1 && (err != nil || i < 0) {
			break
		}
		evs, err := sr.sheet(f, path, sheet)
		if err != nil {
			return res, err
		}
		planned = append(planned, evs...)
	}
	if !dryRun && len(planned) > 0 {
		err = commitRows(ctx, st, planned, &res)
	}
	res.sortByRow()
	return res, err
}

// sheet reads one Events sheet (or a later part of it) into the events
// its rows should become.
func (sr *sheetReader) sheet(f *excelize.File, path, sheet string) ([]*data.Event, error) {
	formulas, err := formulaCells(path, sheet)
	if err != nil {
		return nil, data.Errorf(data.EInvalid, "%s cannot be read: %v", path, err)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, data.Errorf(data.EInvalid, "%s has no %q sheet: is it a Dossier export?", path, sheet)
	}
	defer rows.Close()
	sr.name, sr.formulas = sheet, formulas
	var planned []*data.Event
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if n == 1 {
			if sr.cols, err = headerColumns(cells); err != nil {
				return nil, data.Errorf(data.EInvalid, "%s, sheet %s: %v", path, sheet, err)
			}
			continue
		}
		if ev := sr.row(cells, n); ev != nil {
			planned = append(planned, ev)
		}
	}
	return planned, nil
}

// sortByRow lists conflicts and refused rows in the workbook's order.
func (r *ImportResult) sortByRow() {
	for _, ps := range [][]Problem{r.Conflicts, r.Problems} {
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].Sheet != ps[j].Sheet {
				return ps[i].Sheet < ps[j].Sheet
			}
			return ps[i].Row < ps[j].Row
		})
	}
}

// commitChunk is how many rows are stored in one transaction: a large
// workbook is stored in steps, each whole or not at all, so that what the
// dry run says is what the real run does (one transaction of every row
// can be too big for the store). A row stored before an interruption is
// unchanged when the workbook is brought back again.
const commitChunk = 1000

// commitRows stores the planned rows, a chunk per transaction. A row whose
// event changed between the check and the write (in another window, say)
// is moved to the conflicts, and the rest are written without it.
func commitRows(ctx context.Context, st Writable, planned []*data.Event, res *ImportResult) error {
	for len(planned) > 0 {
		n := min(commitChunk, len(planned))
		if err := commitChunkOf(ctx, st, planned[:n], res); err != nil {
			return err
		}
		planned = planned[n:]
	}
	return nil
}

// commitChunkOf commits a chunk in one transaction. A row in conflict is
// moved to the conflicts and the rest tried again; a chunk the store finds
// too big for one transaction (rows with long evidence, say) is committed
// a half at a time.
func commitChunkOf(ctx context.Context, st Writable, planned []*data.Event, res *ImportResult) error {
	for len(planned) > 0 {
		err := st.Commit(ctx, &data.Batch{Events: planned})
		var c *data.Conflict
		switch {
		case errors.As(err, &c):
			rest := res.withoutConflict(planned, c)
			if len(rest) == len(planned) {
				return err // a conflict over no row of the chunk
			}
			planned = rest
		case len(planned) > 1 && data.ErrorCode(err) == data.ETooBig:
			half := len(planned) / 2
			if err := commitChunkOf(ctx, st, planned[:half], res); err != nil {
				return err
			}
			planned = planned[half:]
		default:
			return err
		}
	}
	return nil
}

// withoutConflict moves the row of the event in conflict from the changes
// to the conflicts and returns the planned rows without it.
func (r *ImportResult) withoutConflict(planned []*data.Event, c *data.Conflict) []*data.Event {
	for i, e := range planned {
		if e.ID == c.ID {
			sheet, row := r.dropChange(e.ID)
			r.Conflicts = append(r.Conflicts, conflictProblem(sheet, row, c))
			return append(planned[:i:i], planned[i+1:]...)
		}
	}
	return planned
}

// dropChange removes the change of an event and returns its sheet and row.
func (r *ImportResult) dropChange(id string) (string, int) {
	for i, c := range r.Changes {
		if c.EventID == id {
			r.Changes = append(r.Changes[:i], r.Changes[i+1:]...)
			return cmp.Or(c.Sheet, sheetEvents), c.Row
		}
	}
	return sheetEvents, 0
}

func conflictProblem(sheet string, row int, c *data.Conflict) Problem {
	msg := fmt.Sprintf("the event changed in Dossier since the export (version %d there, %d now, by %s); the row was left alone", c.Given, c.Stored, c.By)
	if c.Deleted {
		msg = fmt.Sprintf("the event was deleted in Dossier since the export (by %s); the row was left alone", c.By)
	}
	return Problem{sheet, row, "B (Version)", msg}
}

// headerColumns maps the header row onto the Events columns by name.
func headerColumns(cells []string) (map[int]int, error) {
	byName := map[string]int{}
	for i, c := range eventColumns {
		byName[c.header] = i
	}
	cols := map[int]int{}
	for i, h := range cells {
		if ci, ok := byName[strings.TrimSpace(h)]; ok {
			cols[i] = ci
		}
	}
	for _, need := range []string{"ID", "Version"} {
		if _, ok := byName[need]; ok && !hasColumn(cols, byName[need]) {
			return nil, fmt.Errorf("the Events sheet has no %q column", need)
		}
	}
	return cols, nil
}

func hasColumn(cols map[int]int, ci int) bool {
	for _, c := range cols {
		if c == ci {
			return true
		}
	}
	return false
}

// sheetReader reads the Events sheets' rows into the events they should
// become.
type sheetReader struct {
	st       Writable
	l        *lookup
	name     string            // the sheet being read
	cols     map[int]int       // workbook column → eventColumns index
	formulas map[string]bool   // cells holding a formula ("C7")
	seen     map[string]string // event id → the row that brings it back ("row 7", "row 7 of Events (2)")
	res      *ImportResult
}

// place names a row for a message: "row 7", "row 7 of Events (2)".
func (sr *sheetReader) place(n int) string {
	if sr.name == sheetEvents {
		return fmt.Sprintf("row %d", n)
	}
	return fmt.Sprintf("row %d of %s", n, sr.name)
}

// row turns row n into the event it should become, or records why not;
// nil means nothing to store.
func (sr *sheetReader) row(cells []string, n int) *data.Event {
	st, l, cols, formulas, seen, res := sr.st, sr.l, sr.cols, sr.formulas, sr.seen, sr.res
	get := func(header string) string {
		for wi, ci := range cols {
			if eventColumns[ci].header == header && wi < len(cells) {
				return strings.TrimSpace(cells[wi])
			}
		}
		return ""
	}
	if allEmpty(cells) {
		return nil
	}
	refused := false
	problem := func(col, msg string) {
		if !refused {
			refused = true
			res.Refused++
		}
		if len(res.Problems) < maxProblems {
			res.Problems = append(res.Problems, Problem{sr.name, n, col, msg})
		}
	}
	for wi := range cells {
		if formulas[columnLetter(wi)+strconv.Itoa(n)] {
			problem(columnLetter(wi), "a formula: Dossier takes typed values only, so type the value itself")
			return nil
		}
	}
	id, old := get("ID"), &data.Event{}
	if first, again := seen[id]; again && id != "" {
		problem("A (ID)", first+" already brings this event back: keep one row per event")
		return nil
	}
	seen[id] = sr.place(n)
	if id != "" {
		var err error
		if old, err = st.Event(id); err != nil {
			problem("A (ID)", "no event has this id in this database")
			return nil
		}
	}
	ev := clone(old)
	bad := false
	for wi, ci := range cols {
		c := eventColumns[ci]
		if c.set == nil {
			continue
		}
		v := ""
		if wi < len(cells) {
			v = cells[wi]
		}
		if id != "" && untouched(l, old, c, v) {
			continue
		}
		if err := applyCell(l, ev, c, strings.TrimSpace(v)); err != nil {
			problem(columnName(ci), err.Error())
			bad = true
		}
	}
	if bad {
		return nil
	}
	if ev.Location != nil && *ev.Location == (data.Location{}) {
		ev.Location = nil
	}
	if id != "" && sameEvent(old, ev) {
		res.Unchanged++
		return nil
	}
	if id != "" {
		v, err := strconv.Atoi(get("Version"))
		if err != nil {
			problem("B (Version)", "the version is not a number: keep the one the export wrote")
			return nil
		}
		ev.Version = v
	}
	var c *data.Conflict
	switch err := st.CheckEvent(ev); {
	case errors.As(err, &c):
		res.Conflicts = append(res.Conflicts, conflictProblem(sr.name, n, c))
		return nil
	case err != nil:
		problem("", data.ErrorMessage(err))
		return nil
	}
	change := Change{Row: n, EventID: ev.ID, Created: id == ""}
	if sr.name != sheetEvents {
		change.Sheet = sr.name
	}
	res.Changes = append(res.Changes, change)
	return ev
}

// untouched reports whether a cell holds exactly the text the export
// wrote for the event: it is left as it is, not read again (reading it
// would trim its spaces, say, and make a new version of an event nobody
// changed).
func untouched(l *lookup, old *data.Event, c column, cell string) bool {
	s, ok := c.get(l, old).(string)
	if !ok {
		return false
	}
	safe, _ := safeText(s)
	return cell == safe
}

// applyCell reads one raw cell into the event.
func applyCell(l *lookup, e *data.Event, c column, v string) error {
	switch c.kind {
	case dateCell:
		d, err := cellDate(v)
		if err != nil {
			return err
		}
		v = d
	case boolCell:
		if _, err := parseBool(v); err != nil {
			return err
		}
	}
	if s, _ := safeText(v); s != v {
		return fmt.Errorf("the text holds control characters or is too long")
	}
	return c.set(l, e, v)
}

// cellDate reads a date cell: an Excel date serial number, or text in
// YYYY-MM-DD, YYYY-MM or YYYY form.
func cellDate(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 && f < 2958466 && !strings.Contains(v, "-") {
		t, err := excelize.ExcelDateToTime(f, false)
		if err != nil {
			return "", fmt.Errorf("%q is not a date", v)
		}
		return t.Format(data.DateLayout), nil
	}
	if _, _, _, err := data.ParsePartialDate(v); err != nil {
		return "", err
	}
	return v, nil
}

func clone(e *data.Event) *data.Event {
	b, _ := json.Marshal(e)
	var c data.Event
	json.Unmarshal(b, &c)
	return &c
}

// sameEvent compares what a workbook can change.
func sameEvent(a, b *data.Event) bool {
	x, y := clone(a), clone(b)
	if d, err := data.NormaliseEventDate(y.Date); err == nil {
		y.Date = d
	}
	ja, _ := json.Marshal(x)
	jb, _ := json.Marshal(y)
	return string(ja) == string(jb)
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
