package report

import (
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier/data"
	"dossier/data/codebook"
)

// writeSummary says what was exported, when and with which filter, counts
// events by type and by month and QuadClass, sums fatalities by month and
// by country, lists the top actors and actor
// pairs, and charts events per month by QuadClass.
func (w *workbook) writeSummary(filter Filter) error {
	f, s := w.f, sheetSummary
	set := func(cell string, v any) { f.SetCellValue(s, cell, v) }
	set("A1", "Dossier export")
	f.SetCellStyle(s, "A1", "A1", w.styles.title)
	set("A2", "Exported")
	set("B2", time.Now().UTC().Truncate(time.Second))
	f.SetCellStyle(s, "B2", "B2", w.styles.datetime)
	set("A3", "Filter")
	set("B3", filter.Describe(w.l.actorName))
	for i, kv := range [][2]any{{"Events", w.res.Events}, {"Actors", w.res.Actors}, {"Articles", w.res.Articles}} {
		set("A"+strconv.Itoa(4+i), kv[0])
		set("B"+strconv.Itoa(4+i), kv[1])
	}
	if len(w.eventSheets) > 1 {
		set("C4", fmt.Sprintf("more than a sheet holds: on %d sheets, %s", len(w.eventSheets), strings.Join(w.eventSheets, ", ")))
	}
	f.SetColWidth(s, "A", "A", 30)
	f.SetColWidth(s, "B", "B", 26)
	f.SetColWidth(s, "D", "J", 14)
	row := w.block("A", 9, "Events by type", []string{"Type", "Events"}, top(maps.All(w.stats.byType), func(k string) string { return k }, 0))
	row = w.block("A", row+2, "Top actors", []string{"Actor", "Events"}, top(maps.All(w.stats.byActor), w.l.actorName, 10))
	row = w.block("A", row+2, "Top actor pairs", []string{"Actor → recipient", "Events"}, top(w.stats.pairs(w.graph), func(p [2]string) string {
		return w.l.actorName(p[0]) + " → " + w.l.actorName(p[1])
	}, 10))
	row = w.block("A", row+2, "Fatalities by country", []string{"Country of the place", "Fatalities"}, top(maps.All(w.stats.killedByCountry), countryLabel, 0))
	w.block("A", row+2, "Events by grade", []string{"Source and information (STANAG 2511)", "Events"}, top(maps.All(w.stats.byGrade), gradeLabel, 0))
	last := w.monthTable(9)
	return w.chart(last)
}

// block writes a titled two-column table and returns its last row.
func (w *workbook) block(col string, row int, title string, heads []string, rows []ranked) int {
	f, s := w.f, sheetSummary
	f.SetCellValue(s, col+strconv.Itoa(row-1), title)
	f.SetCellStyle(s, col+strconv.Itoa(row-1), col+strconv.Itoa(row-1), w.styles.title)
	f.SetSheetRow(s, col+strconv.Itoa(row), &[]any{heads[0], heads[1]})
	f.SetCellStyle(s, col+strconv.Itoa(row), "B"+strconv.Itoa(row), w.styles.header)
	for i, r := range rows {
		label, _ := safeText(r.key)
		f.SetSheetRow(s, col+strconv.Itoa(row+1+i), &[]any{label, r.count})
	}
	return row + len(rows)
}

// gradeLabel says a grade with its words: "B2 (usually reliable, probably
// true)".
func gradeLabel(grade string) string {
	if grade == "" {
		return "(not graded)"
	}
	g, _ := data.ParseGrade(grade)
	if w := g.Words(); w != "" {
		return grade + " (" + w + ")"
	}
	return grade
}

// countryLabel names a country as "Syria (SYR)", or says there is no place.
func countryLabel(code string) string {
	if code == "" {
		return "(no place given)"
	}
	return countryName(code) + " (" + code + ")"
}

// countryName is a country's name ("Syria"), or its code when unknown.
func countryName(code string) string {
	if c, ok := codebook.CountryByCode(code); ok {
		return c.Name
	}
	return code
}

// monthTable writes months × QuadClass counts (and fatalities) at D{row} and returns its last row.
func (w *workbook) monthTable(row int) int {
	f, s := w.f, sheetSummary
	f.SetCellValue(s, "D"+strconv.Itoa(row-1), "Events per month by QuadClass")
	f.SetCellStyle(s, "D"+strconv.Itoa(row-1), "D"+strconv.Itoa(row-1), w.styles.title)
	heads := []any{"Month"}
	for _, n := range codebook.QuadClassNames[1:] {
		heads = append(heads, n)
	}
	heads = append(heads, "No CAMEO code", "Fatalities")
	f.SetSheetRow(s, "D"+strconv.Itoa(row), &heads)
	f.SetCellStyle(s, "D"+strconv.Itoa(row), "J"+strconv.Itoa(row), w.styles.header)
	for i, m := range w.stats.months() {
		c := w.stats.byMonth[m]
		f.SetSheetRow(s, "D"+strconv.Itoa(row+1+i), &[]any{m, c[1], c[2], c[3], c[4], c[0], w.stats.killedByMonth[m]})
	}
	return row + len(w.stats.months())
}

// chart adds a native stacked column chart of the month table.
func (w *workbook) chart(lastRow int) error {
	if lastRow <= 9 {
		lastRow = 10 // an empty export still gets its (empty) chart
	}
	var series []excelize.ChartSeries
	for i, col := range []string{"E", "F", "G", "H"} {
		series = append(series, excelize.ChartSeries{
			Name:       "'" + sheetSummary + "'!$" + col + "$9",
			Categories: "'" + sheetSummary + "'!$D$10:$D$" + strconv.Itoa(lastRow),
			Values:     "'" + sheetSummary + "'!$" + col + "$10:$" + col + "$" + strconv.Itoa(lastRow),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{[]string{"4E9A06", "73D216", "F57900", "CC0000"}[i]}},
		})
	}
	return w.f.AddChart(sheetSummary, "L2", &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Events per month by QuadClass"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Format:    excelize.GraphicOptions{OffsetX: 10, OffsetY: 10},
		Dimension: excelize.ChartDimension{Width: 640, Height: 360},
	})
}
