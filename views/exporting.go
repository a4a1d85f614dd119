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
}

func (wb *workbench) exportDialog() {
	f := &exportForm{wb: wb, from: widget.NewEntry(), to: widget.NewEntry(), chips: widget.NewLabel("")}
	f.from.SetPlaceHolder("from YYYY-MM-DD")
	f.to.SetPlaceHolder("to YYYY-MM-DD")
	f.scope = newScope()
	f.format = widget.NewSelect([]string{"Excel workbook (.xlsx)", "CSV for Excel (.csv)", "PLOVER JSON lines (.jsonl)"}, nil)
	f.format.SetSelectedIndex(0)
	pick := newPicker("add an actor", func(q string) []pickItem { return wb.actorItems(q, "") }, func(it pickItem) {
		f.actors = appendOnce(f.actors, it.value.(string))
		f.chips.SetText(wb.names(f.actors))
		f.scope.SetSelected(exportActors)
	})
	form := widget.NewForm(
		widget.NewFormItem("Export", f.scope),
		widget.NewFormItem("Dates", container.NewGridWithColumns(2, f.from, f.to)),
		widget.NewFormItem("Actors", container.NewVBox(pick, f.chips)),
		widget.NewFormItem("Format", f.format),
	)
	d := dialog.NewCustomConfirm("Export events", "Choose file…", "Cancel", form, func(ok bool) {
		if ok {
			f.chooseFile()
		}
	}, wb.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
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
	if err != nil {
		showError(f.wb.win, "Nothing was exported", err)
		return
	}
	ext := []string{".xlsx", ".csv", ".jsonl"}[f.format.SelectedIndex()]
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if filepath.Ext(path) != ext {
			path += ext
		}
		f.wb.runExport(path, filter)
	}, f.wb.win)
	save.SetFileName("dossier-events" + ext)
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	save.Show()
}

// runExport exports in the background with a progress bar and Cancel.
func (wb *workbench) runExport(path string, filter report.Filter) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("Exporting", container.NewVBox(widget.NewLabel(filepath.Base(path)), bar, widget.NewButton("Cancel", cancel)), wb.win)
	prog.Resize(fyne.NewSize(420, 150))
	prog.Show()
	go func() {
		res, err := wb.sess.Export(ctx, path, filter, func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					bar.SetValue(float64(done) / float64(total))
				}
			})
		})
		cancel()
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				showError(wb.win, "The export did not finish", err)
				return
			}
			wb.exported(path, res)
		})
	}()
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
// shows what would change, then Apply.
func (wb *workbench) importWorkbookDialog() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		go func() {
			res, err := wb.sess.ImportWorkbook(path, true)
			fyne.Do(func() { wb.confirmWorkbook(path, res, err) })
		}()
	}, wb.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	open.Show()
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
		if !ok {
			return
		}
		res, err := wb.sess.ImportWorkbook(path, false)
		if err != nil {
			showError(wb.win, "The workbook was not applied", err)
			return
		}
		wb.eventsChanged()
		wb.articles.countsChanged()
		wb.setBar(res.Line() + ".")
	}, wb.win)
}

func workbookReport(res report.ImportResult) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(res.Line()[:1]) + res.Line()[1:] + ".")
	for title, ps := range map[string][]report.Problem{"Conflicts (left alone)": res.Conflicts, "Rows refused": res.Problems} {
		if len(ps) == 0 {
			continue
		}
		b.WriteString("\n\n" + title + ":")
		for _, p := range ps {
			b.WriteString("\n  " + p.String())
		}
	}
	return b.String()
}
