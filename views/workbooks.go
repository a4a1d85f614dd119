package views

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dossier/app/report"
)

// workbookReturn is File ▸ Import workbook: an exported workbook that
// colleagues edited, read first as a dry run that shows what would change,
// then applied when the analyst says so; both off the UI goroutine.
type workbookReturn struct {
	records workbookReader
	windowLinks
}

// workbookReader is the part of the session that brings workbooks back.
type workbookReader interface {
	ImportWorkbook(path string, dryRun bool) (report.ImportResult, error)
}

// importWorkbookDialog brings an edited workbook back: first a dry run that
// shows what would change, then Apply; both off the UI goroutine.
func (wr *workbookReturn) importWorkbookDialog() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		wr.readWorkbook(path, true, wr.confirmWorkbook)
	}, wr.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	open.Show()
}

// readWorkbook reads (dryRun) or applies an edited workbook as long work.
func (wr *workbookReturn) readWorkbook(path string, dryRun bool, done func(string, report.ImportResult, error)) {
	title := "Applying " + filepath.Base(path)
	if dryRun {
		title = "Reading " + filepath.Base(path)
	}
	runLong(wr.long(title), func(context.Context, progress) (report.ImportResult, error) {
		return wr.records.ImportWorkbook(path, dryRun)
	}, func(res report.ImportResult, err error) { done(path, res, err) })
}

func (wr *workbookReturn) confirmWorkbook(path string, res report.ImportResult, err error) {
	if err != nil {
		showError(wr.win, "The workbook cannot be read", err)
		return
	}
	text := widget.NewLabel(workbookReport(res))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVScroll(text)
	body.SetMinSize(fyne.NewSize(560, 280))
	if len(res.Changes) == 0 {
		dialog.ShowCustom("Nothing to bring back", "Close", body, wr.win)
		return
	}
	dialog.ShowCustomConfirm("Bring back "+filepath.Base(path), "Apply", "Cancel", body, func(ok bool) {
		if ok {
			wr.readWorkbook(path, false, wr.appliedWorkbook)
		}
	}, wr.win)
}

func (wr *workbookReturn) appliedWorkbook(_ string, res report.ImportResult, err error) {
	if err != nil {
		showError(wr.win, "The workbook was not applied", err)
		return
	}
	wr.tell(strings.ToUpper(res.Line()[:1]) + res.Line()[1:] + ".")
	if len(res.Conflicts) > 0 {
		dialog.ShowInformation("Some rows were left alone", workbookReport(res), wr.win)
	}
}

// workbookReport is the summary, then the conflicts and the refused rows
// (each in row order).
func workbookReport(res report.ImportResult) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(res.Line()[:1]) + res.Line()[1:] + ".")
	for _, part := range []struct {
		title string
		ps    []report.Problem
	}{{"Conflicts (left alone)", res.Conflicts}, {"Rows refused", res.Problems}} {
		if len(part.ps) == 0 {
			continue
		}
		b.WriteString("\n\n" + part.title + ":")
		for _, p := range part.ps {
			b.WriteString("\n  " + p.String())
		}
	}
	return b.String()
}
