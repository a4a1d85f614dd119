package report

// SetMaxRows makes sheets hold n rows (their header among them), so that
// a test can see Events spill over without writing a million rows; the
// function it returns puts Excel's limit back.
func SetMaxRows(n int) (restore func()) {
	old := maxRows
	maxRows = n
	return func() { maxRows = old }
}
