package report

// SetMaxRows makes sheets hold n rows (their header among them), so that
// a test can see Events spill over without writing a million rows; the
// function it returns puts Excel's limit back.
func SetMaxRows(n int) (restore func()) {
	old := maxRows
	maxRows = n
	return func() { maxRows = old }
}

// SetLargePart makes parts of more than n bytes count as needing ZIP64,
// so that a test can see their headers marked without writing 4 GiB.
func SetLargePart(n int64) (restore func()) {
	old := largePart
	largePart = n
	return func() { largePart = old }
}
