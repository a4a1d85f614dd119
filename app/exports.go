package app

import (
	"context"

	"dossier/app/report"
	"dossier/data"
)

// Export writes the events the filter selects to path; the extension
// chooses the format (see report.Formats).
func (s *Session) Export(ctx context.Context, path string, f report.Filter, progress func(done, total int)) (report.Result, error) {
	return report.Export(ctx, s.st, path, report.Options{Filter: f, Progress: progress})
}

// ImportWorkbook brings back an edited export (see report.ImportWorkbook).
// Its changes are not undone with Undo: the workbook is still there.
func (s *Session) ImportWorkbook(path string, dryRun bool) (report.ImportResult, error) {
	return report.ImportWorkbook(s.ctx(data.OriginImport), s.st, path, dryRun)
}
