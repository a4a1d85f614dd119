package app

import (
	"context"

	"dossier/app/report"
	"dossier/data"
)

// Export writes the events opt selects to path; the extension chooses the
// format (see report.Formats); a workbook may be password-protected.
func (s *Session) Export(ctx context.Context, path string, opt report.Options) (report.Result, error) {
	return report.Export(ctx, s.st, path, opt)
}

// Unprotected is what an export to path would leave unprotected of an
// encrypted database ("" when nothing).
func (s *Session) Unprotected(path, password string) string {
	return report.Unprotected(s.st, path, password)
}

// ImportWorkbook brings back an edited export (see report.ImportWorkbook).
// Its changes are not undone with Undo: the workbook is still there.
func (s *Session) ImportWorkbook(path string, dryRun bool) (report.ImportResult, error) {
	return report.ImportWorkbook(s.ctx(data.OriginImport), s.st, path, dryRun)
}
