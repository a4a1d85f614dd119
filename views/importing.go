package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app/ingest"
)

// progressThreshold is how many files make an import show a progress bar.
const progressThreshold = 5

// importPaths imports files and folders in the background: dropped on the
// window, chosen with File ▸ Import, or named on the command line. Progress
// and the summary come back to the window through fyne.Do.
func (wb *workbench) importPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	file := widget.NewLabel("Looking at " + strings.Join(shortNames(paths), ", ") + "…")
	file.Truncation = fyne.TextTruncateEllipsis
	var prog dialog.Dialog
	wb.setBar("Importing…")
	go func() {
		shown := false
		sum, err := wb.sess.Import(ctx, paths, func(p ingest.Progress) {
			fyne.Do(func() {
				if !shown && p.Total > progressThreshold {
					shown = true
					prog = dialog.NewCustomWithoutButtons("Importing", container.NewVBox(file, bar, widget.NewButton("Cancel", cancel)), wb.win)
					prog.Resize(fyne.NewSize(480, 160))
					prog.Show()
				}
				bar.SetValue(float64(p.Done) / float64(p.Total))
				file.SetText(fmt.Sprintf("%d of %d: %s", p.Done, p.Total, p.File))
			})
		})
		cancel()
		fyne.Do(func() {
			if prog != nil {
				prog.Hide()
			}
			wb.imported(sum, err)
		})
	}()
}

// imported shows what an import did and opens the first new article.
func (wb *workbench) imported(sum ingest.Summary, err error) {
	wb.reloadArticles()
	if err != nil {
		showError(wb.win, "The import stopped", err)
	}
	if len(sum.IDs) > 0 {
		wb.articles.selectID(sum.IDs[0])
	}
	wb.setBar(strings.ToUpper(sum.Line()[:1]) + sum.Line()[1:] + ".")
	if sum.Failed+sum.Duplicates+sum.Skipped == 0 && !sum.Cancelled {
		return
	}
	dialog.ShowInformation("Import finished", importReport(sum), wb.win)
}

// importReport lists each file that was not imported, and why.
func importReport(sum ingest.Summary) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(sum.Line()[:1]) + sum.Line()[1:] + ".")
	section := func(title string, ps []ingest.Problem, limit int) {
		if len(ps) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n\n%s:", title)
		for i, p := range ps {
			if i == limit {
				fmt.Fprintf(&b, "\n  … and %d more", len(ps)-limit)
				break
			}
			fmt.Fprintf(&b, "\n  %s: %s", shortName(p.File), p.Reason)
		}
	}
	section("Failed", sum.Failures, 12)
	section("Duplicates", sum.Duplicated, 5)
	section("Skipped", sum.Skips, 5)
	return b.String()
}

// importURIs imports what was dropped on the window.
func (wb *workbench) importURIs(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	wb.importPaths(paths)
}

// chooseImport opens a file or folder chooser.
func (wb *workbench) chooseImport(folder bool) {
	if folder {
		dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
			if u != nil {
				wb.importPaths([]string{u.Path()})
			}
		}, wb.win)
		return
	}
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if r != nil {
			r.Close()
			wb.importPaths([]string{r.URI().Path()})
		}
	}, wb.win)
}

func shortNames(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, shortName(p))
	}
	return out
}

// shortName is a path's last element ("" for none).
func shortName(p string) string {
	if p == "" {
		return ""
	}
	return filepath.Base(p)
}
