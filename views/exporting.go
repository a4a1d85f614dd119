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

// exporter is File ▸ Export: the events (all, the open article's, a date
// range's or chosen actors') with their actors and articles, written as a
// workbook, CSV or JSON in the background with a progress bar and Cancel.
type exporter struct {
	records     exportRecords
	names       *actorNames
	openArticle func() string // the open article's id, "" when none
	windowLinks
}

// exportRecords is the part of the session that writes exports.
type exportRecords interface {
	actorSearch
	Export(ctx context.Context, path string, opt report.Options) (report.Result, error)
	Unprotected(path, password string) string
}

// exportForm gathers what to export.
type exportForm struct {
	ex       *exporter
	scope    *widget.RadioGroup
	from, to *widget.Entry
	killed   *widget.Entry // killed at least, any scope
	grade    *widget.Entry // graded at least so well, any scope
	actors   []string
	chips    *widget.Label
	format   *widget.Select
	password *widget.Entry // a workbook's password, "" for none
	again    *widget.Entry
	warning  *widget.Label // what the file will not protect
}

// exportDialog asks what to export, and how; it returns the form (for tests).
func (ex *exporter) exportDialog() *exportForm {
	f := &exportForm{ex: ex, from: widget.NewEntry(), to: widget.NewEntry(), killed: widget.NewEntry(), grade: widget.NewEntry(), chips: widget.NewLabel("")}
	f.from.SetPlaceHolder("from YYYY-MM-DD")
	f.to.SetPlaceHolder("to YYYY-MM-DD")
	f.killed.SetPlaceHolder("killed at least")
	f.grade.SetPlaceHolder("grade B3 or better")
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
	pick := newPicker("add an actor", func(q string) []pickItem { return actorItems(ex.records)(q, "") }, func(it pickItem) {
		f.actors = appendOnce(f.actors, it.value.(string))
		f.chips.SetText(ex.names.join(f.actors))
		f.scope.SetSelected(exportActors)
	})
	form := widget.NewForm(
		widget.NewFormItem("Export", f.scope),
		widget.NewFormItem("Dates", container.NewGridWithColumns(2, f.from, f.to)),
		widget.NewFormItem("Actors", container.NewVBox(pick, f.chips)),
		widget.NewFormItem("Only", container.NewGridWithColumns(2, f.killed, f.grade)),
		widget.NewFormItem("Format", f.format),
		widget.NewFormItem("Protect", container.NewGridWithColumns(2, f.password, f.again)),
	)
	d := dialog.NewCustomConfirm("Export events", "Choose file…", "Cancel", container.NewVBox(form, f.warning), func(ok bool) {
		if ok {
			f.chooseFile()
		}
	}, ex.win)
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
	setInfo(f.warning, f.ex.records.Unprotected("export"+ft.Ext, f.password.Text))
}

func newScope() *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{exportAll, exportArticle, exportDates, exportActors}, nil)
	r.SetSelected(exportAll)
	return r
}

// filter is what the form selects: the scope, narrowed by the fewest
// killed and the lowest grade when given.
func (f *exportForm) filter() (report.Filter, error) {
	filter, err := f.scopeFilter()
	if err != nil {
		return filter, err
	}
	killed, err := data.ParseCount(f.killed.Text)
	if err != nil {
		return filter, data.Errorf(data.EInvalid, "The number killed is wrong: %v.", err)
	}
	if killed != nil {
		filter.MinFatalities = *killed
	}
	if filter.MinGrade, err = data.ParseGrade(f.grade.Text); err != nil {
		return filter, data.Errorf(data.EInvalid, "The grade is wrong: %v.", err)
	}
	return filter, nil
}

func (f *exportForm) scopeFilter() (report.Filter, error) {
	switch f.scope.Selected {
	case exportArticle:
		id := f.ex.openArticle()
		if id == "" {
			return report.Filter{}, data.Errorf(data.EInvalid, "Open an article first, or choose another export.")
		}
		return report.Filter{Article: id}, nil
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
		showError(f.ex.win, "Nothing was exported", err)
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
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		f.ex.runExport(path, report.Options{Filter: filter, Password: password})
	}, f.ex.win)
	save.SetFileName("dossier-events" + ext)
	save.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(ext)})) // ".csv" for ".acled.csv"
	save.Show()
}

// runExport exports in the background with a progress bar and Cancel.
func (ex *exporter) runExport(path string, opt report.Options) {
	runLong(ex.long("Exporting "+filepath.Base(path)), func(ctx context.Context, p progress) (report.Result, error) {
		opt.Progress = func(done, total int) { p(done, total, fmt.Sprintf("%d of %d events", done, total)) }
		return ex.records.Export(ctx, path, opt)
	}, func(res report.Result, err error) {
		if err != nil {
			showError(ex.win, "The export did not finish", err)
			return
		}
		ex.exported(path, res)
	})
}

func (ex *exporter) exported(path string, res report.Result) {
	msg := fmt.Sprintf("Exported %d events, %d actors and %d articles to %s.", res.Events, res.Actors, res.Articles, path)
	if left := res.LeftOut(); left != "" {
		msg = fmt.Sprintf("Exported %d events to %s %s.", res.Events, path, left)
	}
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
	ex.tell(fmt.Sprintf("Exported %d events to %s.", res.Events, filepath.Base(path)))
	dialog.ShowInformation("Export finished", msg, ex.win)
}
