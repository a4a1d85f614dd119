package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"dossier/app/ingest"
)

// importPaths imports files and folders in the background: dropped on the
// window, chosen with File ▸ Import, or named on the command line. The
// new articles reach the list through the change feed.
func (wb *workbench) importPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	wb.setBar("Importing " + strings.Join(shortNames(paths), ", ") + "…")
	lw := longWork{ui: wb.ui, win: wb.win, title: "Importing"}
	runLong(lw, func(ctx context.Context, p progress) (ingest.Summary, error) {
		return wb.sess.Import(ctx, paths, func(ip ingest.Progress) {
			p(ip.Done, ip.Total, fmt.Sprintf("%d of %d: %s", ip.Done, ip.Total, ip.File))
		})
	}, wb.imported)
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
