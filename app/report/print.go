package report

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// Every sheet prints as a manager would print it: on A4, landscape where
// the sheet is wide, one page wide, its header row again at the top of
// every page, and a footer with the sheet's name, "Page N of M" and the
// day of the export. The Summary, with its chart, fits one page.

const paperA4 = 9 // excelize's paper size code for A4

// printSetup must run before a sheet's stream writer is made: the sheet's
// properties (fit to page) are written when it starts.
func printSetup(f *excelize.File, footer string) error {
	for _, sheet := range []string{sheetSummary, sheetEvents, sheetActors, sheetArticles, sheetEvidence, sheetNetwork, sheetCodes} {
		if err := printSheet(f, sheet, footer); err != nil {
			return err
		}
	}
	return nil
}

// footer is every page's: the sheet, "Page N of M", the day of the export.
func footer(exported time.Time) string {
	return "&L&A&CPage &P of &N&RExported from Dossier " + exported.Format("2006-01-02")
}

// printSheet sets one sheet up to print (a continuation of Events or
// Evidence as its first part).
func printSheet(f *excelize.File, sheet, footer string) error {
	yes, a4, one, tall := true, paperA4, 1, 0 // tall 0: as many pages down as it takes
	orientation := "landscape"
	if sheet == sheetCodes {
		orientation = "portrait"
	}
	if sheet == sheetSummary {
		tall = 1
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	margin, edge := 0.5, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer}); err != nil {
		return err
	}
	if sheet == sheetSummary {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
}
