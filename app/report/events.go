package report

import (
	"context"

	"github.com/xuri/excelize/v2"

	"dossier/data"
)

// writeEvents streams the Events and Evidence sheets in one pass over the
// store, counting what the Summary needs on the way.
func (w *workbook) writeEvents(ctx context.Context, st Records, opt Options, total int) error {
	headers, widths := eventHeaders()
	events := &spill{w: w, base: sheetEvents, table: "EventsTable", headers: headers, widths: widths, finish: w.validations}
	evidence := &spill{w: w, base: sheetEvidence, table: "EvidenceTable", headers: sheetHeaders[sheetEvidence], widths: []float64{20, 30, 9, 9, 80, 7}}
	err := eachRowAhead(ctx, st, opt.Filter, w, func(r builtRow) error {
		if err := events.add(r.event); err != nil {
			return err
		}
		for _, ev := range r.evidence {
			if err := evidence.add(ev); err != nil {
				return err
			}
		}
		if opt.Progress != nil && events.rows%500 == 0 {
			opt.Progress(events.rows, total)
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.res.Events, w.eventSheets = events.rows, events.parts
	if opt.Progress != nil {
		opt.Progress(events.rows, events.rows)
	}
	if err := events.end(); err != nil {
		return err
	}
	return evidence.end()
}

// builtRow is one event's cells and its evidence rows, ready to write.
type builtRow struct {
	event    []any
	evidence [][]any
}

// eachRowAhead reads, decodes and turns events into cells on another
// goroutine (which alone touches w's notices and counts) while write puts
// the previous rows into the sheets: the two halves share the two cores.
func eachRowAhead(ctx context.Context, st Records, f Filter, w *workbook, write func(builtRow) error) error {
	rows := make(chan builtRow, 256)
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(rows)
		row, eviRow := 1, 1
		readErr <- f.eachEvent(st, func(e *data.Event) error {
			row++
			r := builtRow{event: w.eventRow(e, row)}
			for _, sp := range e.Evidence {
				eviRow++
				r.evidence = append(r.evidence, w.evidenceRow(sp, e.ID, eviRow))
			}
			w.note(e)
			w.net.Add(e)
			select {
			case rows <- r:
				return nil
			case <-stop:
				return context.Canceled
			}
		})
	}()
	var err error
	for r := range rows {
		if err == nil {
			err = ctx.Err()
		}
		if err == nil {
			err = write(r)
		}
		if err != nil && stop != nil {
			close(stop)
			stop = nil
		}
	}
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	return err
}

func eventHeaders() ([]string, []float64) {
	var hs []string
	var ws []float64
	for _, c := range eventColumns {
		hs = append(hs, c.header)
		ws = append(ws, c.width)
	}
	return hs, ws
}

func (w *workbook) eventRow(e *data.Event, row int) []any {
	vals := make([]any, len(eventColumns))
	for i, c := range eventColumns {
		vals[i] = w.cell(sheetEvents, row, i, c.kind, c.get(w.l, e))
	}
	return vals
}

// evidenceRow is one quote, with the page it stands on when its article
// is a PDF.
func (w *workbook) evidenceRow(sp data.Span, event string, row int) []any {
	art := w.l.articles[sp.Article]
	var page any
	if p := art.Page(sp.Start); p > 0 {
		page = p
	}
	return []any{event, w.cell(sheetEvidence, row, 1, textCell, art.Title),
		sp.Start, sp.End, w.cell(sheetEvidence, row, 4, wrapCell, sp.Quote), page}
}

// note remembers what the event refers to and counts it for the Summary.
func (w *workbook) note(e *data.Event) {
	for _, a := range e.Articles() {
		w.usedArt[a] = true
	}
	for _, a := range e.Parties() {
		w.usedAct[a] = true
	}
	w.stats.add(e, e.Grade(w.l.reliability))
}

// validations give an Events sheet drop-downs of valid codes, so that an
// edited workbook comes back with codes Dossier knows.
func (w *workbook) validations(sheet string) error {
	lists := map[string]string{
		"Type": "$A$2:$A$17", "Mode": "$B$2:$B$200", "CAMEO": "$D$2:$D$313", "Precision": "$F$2:$F$6", "Confidence": "$G$2:$G$4",
		"Credibility": "$J$2:$J$7",
	}
	for i, c := range eventColumns {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = columnLetter(i) + "2:" + columnLetter(i) + "1048576"
		switch {
		case lists[c.header] != "":
			dv.SetSqrefDropList("'" + sheetCodes + "'!" + lists[c.header])
		case c.kind == boolCell:
			if err := dv.SetDropList([]string{"TRUE", "FALSE"}); err != nil {
				return err
			}
		default:
			continue
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Not a Dossier code", "Choose a value from the list (see the Code lists sheet).")
		if err := w.f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}
