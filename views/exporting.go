package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dossier/app/report"
	"dossier/data"
)

// Export choices.
const (
	exportAll     = "All events"
	exportArticle = "Events of the open article"
	exportDates   = "Events in a date range"
	exportActors  = "Events of chosen actors"
)

// exportForm gathers what to export.
type exportForm struct {
	wb       *workbench
	scope    *widget.RadioGroup
	from, to *widget.Entry
	actors   []string
	chips    *widget.Label
	format   *widget.Select
	password *widget.Entry // a workbook's password, "" for none
	again    *widget.Entry
	warning  *widget.Label // what the file will not protect
}

// exportDialog asks what to export, and how; it returns the form (for tests).
func (wb *workbench) exportDialog() *exportForm {
	f := &exportForm{wb: wb, from: widget.NewEntry(), to: widget.NewEntry(), chips: widget.NewLabel("")}
	f.from.SetPlaceHolder("from YYYY-MM-DD")
	f.to.SetPlaceHolder("to YYYY-MM-DD")
	f.scope = newScope()
	var labels []string
	for _, ft := range report.Formats {
		labels = append(labels, ft.Label)
	}
	f.password, f.again, f.warning = widget.NewPasswordEntry(), widget.NewPasswordEntry(), widget.NewLabel("")
	f.password.SetPlaceHolder("password (optional)")
	f.again.SetPlaceHolder("the password again")
	f.warning.Wrapping = fyne.TextWrapWord
	f.warning.Importance = widget.WarningImportance
	f.format = widget.NewSelect(labels, func(string) { f.formatChosen() })
	f.password.OnChanged = func(string) { f.formatChosen() }
	f.format.SetSelectedIndex(0)
	pick := newPicker("add an actor", func(q string) []pickItem { return actorItems(wb.sess)(q, "") }, func(it pickItem) {
		f.actors = appendOnce(f.actors, it.value.(string))
		f.chips.SetText(wb.names.join(f.actors))
		f.scope.SetSelected(exportActors)
	})
	form := widget.NewForm(
		widget.NewFormItem("Export", f.scope),
		widget.NewFormItem("Dates", container.NewGridWithColumns(2, f.from, f.to)),
		widget.NewFormItem("Actors", container.NewVBox(pick, f.chips)),
		widget.NewFormItem("Format", f.format),
		widget.NewFormItem("Protect", container.NewGridWithColumns(2, f.password, f.again)),
	)
	d := dialog.NewCustomConfirm("Export events", "Choose file…", "Cancel", container.NewVBox(form, f.warning), func(ok bool) {
		if ok {
			f.chooseFile()
		}
	}, wb.win)
	d.Resize(fyne.NewSize(600, 520))
	d.Show()
	return f
}

// formatChosen offers a password for a workbook only, and says what an
// export of an encrypted database leaves unprotected.
func (f *exportForm) formatChosen() {
	ft := report.Formats[max(0, f.format.SelectedIndex())]
	for _, e := range []*widget.Entry{f.password, f.again} {
		if ft.Protectable {
			e.Enable()
		} else {
			e.SetText("")
			e.Disable()
		}
	}
	setInfo(f.warning, f.wb.sess.Unprotected("export"+ft.Ext, f.password.Text))
}

func newScope() *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{exportAll, exportArticle, exportDates, exportActors}, nil)
	r.SetSelected(exportAll)
	return r
}

func (f *exportForm) filter() (report.Filter, error) {
	switch f.scope.Selected {
	case exportArticle:
		if f.wb.article == nil {
			return report.Filter{}, data.Errorf(data.EInvalid, "Open an article first, or choose another export.")
		}
		return report.Filter{Article: f.wb.article.ID}, nil
	case exportDates:
		for _, d := range []string{f.from.Text, f.to.Text} {
			if _, _, _, err := data.ParsePartialDate(d); d != "" && err != nil {
				return report.Filter{}, data.Errorf(data.EInvalid, "The date range is wrong: %v.", err)
			}
		}
		return report.Filter{From: f.from.Text, To: f.to.Text}, nil
	case exportActors:
		if len(f.actors) == 0 {
			return report.Filter{}, data.Errorf(data.EInvalid, "Choose at least one actor.")
		}
		return report.Filter{Actors: f.actors}, nil
	}
	return report.Filter{}, nil
}

func (f *exportForm) chooseFile() {
	filter, err := f.filter()
	if err == nil && f.password.Text != f.again.Text {
		err = data.Errorf(data.EInvalid, "The two passwords differ: type the same password twice.")
	}
	if err != nil {
		showError(f.wb.win, "Nothing was exported", err)
		return
	}
	password := f.password.Text
	ext := report.Formats[f.format.SelectedIndex()].Ext
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if filepath.Ext(path) != ext {
			path += ext
		}
		f.wb.runExport(path, report.Options{Filter: filter, Password: password})
	}, f.wb.win)
	save.SetFileName("dossier-events" + ext)
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	save.Show()
}

// runExport exports in the background with a progress bar and Cancel.
func (wb *workbench) runExport(path string, opt report.Options) {
	runLong(longWork{ui: wb.ui, win: wb.win, title: "Exporting " + filepath.Base(path)}, func(ctx context.Context, p progress) (report.Result, error) {
		opt.Progress = func(done, total int) { p(done, total, fmt.Sprintf("%d of %d events", done, total)) }
		return wb.sess.Export(ctx, path, opt)
	}, func(res report.Result, err error) {
		if err != nil {
			showError(wb.win, "The export did not finish", err)
			return
		}
		wb.exported(path, res)
	})
}

func (wb *workbench) exported(path string, res report.Result) {
	msg := fmt.Sprintf("Exported %d events, %d actors and %d articles to %s.", res.Events, res.Actors, res.Articles, path)
	if len(res.Notices) > 0 {
		var lines []string
		for i, n := range res.Notices {
			if i == 10 {
				lines = append(lines, fmt.Sprintf("… and %d more", len(res.Notices)-10))
				break
			}
			lines = append(lines, n.String())
		}
		msg += "\n\nChanged so that they fit a spreadsheet:\n" + strings.Join(lines, "\n")
	}
	wb.setBar(fmt.Sprintf("Exported %d events to %s.", res.Events, filepath.Base(path)))
	dialog.ShowInformation("Export finished", msg, wb.win)
}

// importWorkbookDialog brings an edited workbook back: first a dry run that
// shows what would change, then Apply; both off the UI goroutine.
func (wb *workbench) importWorkbookDialog() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		wb.readWorkbook(path, true, wb.confirmWorkbook)
	}, wb.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	open.Show()
}

// readWorkbook reads (dryRun) or applies an edited workbook as long work.
func (wb *workbench) readWorkbook(path string, dryRun bool, done func(string, report.ImportResult, error)) {
	title := "Applying " + filepath.Base(path)
	if dryRun {
		title = "Reading " + filepath.Base(path)
	}
	runLong(longWork{ui: wb.ui, win: wb.win, title: title}, func(context.Context, progress) (report.ImportResult, error) {
		return wb.sess.ImportWorkbook(path, dryRun)
	}, func(res report.ImportResult, err error) { done(path, res, err) })
}

func (wb *workbench) confirmWorkbook(path string, res report.ImportResult, err error) {
	if err != nil {
		showError(wb.win, "The workbook cannot be read", err)
		return
	}
	text := widget.NewLabel(workbookReport(res))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVScroll(text)
	body.SetMinSize(fyne.NewSize(560, 280))
	if len(res.Changes) == 0 {
		dialog.ShowCustom("Nothing to bring back", "Close", body, wb.win)
		return
	}
	dialog.ShowCustomConfirm("Bring back "+filepath.Base(path), "Apply", "Cancel", body, func(ok bool) {
		if ok {
			wb.readWorkbook(path, false, wb.appliedWorkbook)
		}
	}, wb.win)
}

func (wb *workbench) appliedWorkbook(_ string, res report.ImportResult, err error) {
	if err != nil {
		showError(wb.win, "The workbook was not applied", err)
		return
	}
	wb.setBar(strings.ToUpper(res.Line()[:1]) + res.Line()[1:] + ".")
	if len(res.Conflicts) > 0 {
		dialog.ShowInformation("Some rows were left alone", workbookReport(res), wb.win)
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
