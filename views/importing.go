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

// importer brings article files and folders in, in the background:
// dropped on the window, chosen with File ▸ Import, or named on the command
// line. The new articles reach the list through the change feed; the first
// of them is opened.
type importer struct {
	from   articleImporter
	opened func(id string) // shows a new article ("" for none: the list is read again)
	windowLinks
}

// articleImporter is the part of the session that imports files.
type articleImporter interface {
	Import(ctx context.Context, paths []string, progress func(ingest.Progress)) (ingest.Summary, error)
}

// importPaths imports files and folders.
func (im *importer) importPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	im.tell("Importing " + strings.Join(shortNames(paths), ", ") + "…")
	runLong(im.long("Importing"), func(ctx context.Context, p progress) (ingest.Summary, error) {
		return im.from.Import(ctx, paths, func(ip ingest.Progress) {
			p(ip.Done, ip.Total, fmt.Sprintf("%d of %d: %s", ip.Done, ip.Total, ip.File))
		})
	}, im.imported)
}

// imported shows what an import did and opens the first new article.
func (im *importer) imported(sum ingest.Summary, err error) {
	if err != nil {
		showError(im.win, "The import stopped", err)
	}
	first := ""
	if len(sum.IDs) > 0 {
		first = sum.IDs[0]
	}
	im.opened(first)
	im.tell(strings.ToUpper(sum.Line()[:1]) + sum.Line()[1:] + ".")
	if sum.Failed+sum.Duplicates+sum.Skipped == 0 && !sum.Cancelled {
		return
	}
	dialog.ShowInformation("Import finished", importReport(sum), im.win)
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
func (im *importer) importURIs(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	im.importPaths(paths)
}

// chooseImport opens a file or folder chooser.
func (im *importer) chooseImport(folder bool) {
	if folder {
		dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
			if u != nil {
				im.importPaths([]string{u.Path()})
			}
		}, im.win)
		return
	}
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if r != nil {
			r.Close()
			im.importPaths([]string{r.URI().Path()})
		}
	}, im.win)
}

func shortNames(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, shortName(p))
	}
	return out
}

// shortName is a path's last element ("" for none), escaped when it holds
// a character not shown as itself (a newline would fake a line of the
// import report).
func shortName(p string) string {
	if p == "" {
		return ""
	}
	return ingest.ShownName(filepath.Base(p))
}
