package app

import (
	"context"
	"path/filepath"
	"strings"

	"dossier/app/report"
	"dossier/data"
)

// Export writes the events the filter selects to path; the extension
// chooses the format: .xlsx (workbook), .csv (events) or .jsonl (PLOVER).
func (s *Session) Export(ctx context.Context, path string, f report.Filter, progress func(done, total int)) (report.Result, error) {
	opt := report.Options{Filter: f, Progress: progress}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return report.ExportCSV(ctx, s.st, path, opt)
	case ".jsonl":
		return report.ExportJSONL(ctx, s.st, path, opt)
	case ".xlsx":
		return report.ExportWorkbook(ctx, s.st, path, opt)
	}
	return report.Result{}, data.Errorf(data.EInvalid, "Dossier exports .xlsx, .csv or .jsonl files, not %q.", filepath.Ext(path))
}

// ImportWorkbook brings back an edited export (see report.ImportWorkbook).
// Its changes are not undone with Undo: the workbook is still there.
func (s *Session) ImportWorkbook(path string, dryRun bool) (report.ImportResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := report.ImportWorkbook(s.st, path, dryRun)
	if err == nil && !dryRun {
		for _, c := range res.Changes {
			s.reindexRecord("event", c.EventID)
		}
	}
	return res, err
}
