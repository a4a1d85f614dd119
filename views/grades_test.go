package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/data"
)

// columnOf is the index of a table column by its title.
func columnOf(t *testing.T, cols []tableColumn, title string) int {
	t.Helper()
	for i, c := range cols {
		if c.title == title {
			return i
		}
	}
	t.Fatalf("the table has no %s column", title)
	return -1
}

// The analyst names the worked example's source, grades it B in the
// article's header and E1 2 in the form, with 12 killed: the form says B2,
// the Events tab shows it (and "B2 or better" keeps only E1), and the
// exported workbook's cells hold B2 and 12, read with openpyxl. In the
// Sources tab the source is graded A in one step, which Ctrl+Z undoes.
func TestGradeFromTheFormToTheWorkbook(t *testing.T) {
	f := newFixture(t)
	artID := f.openSample(t)
	h, ed := f.wb.code.header, f.wb.code.editor
	e1 := ed.current().ID
	h.source.SetText("Xinhua")
	h.source.OnSubmitted(h.source.Text)
	h.reliability.SetSelected(data.ReliabilityLabel("B"))
	ed.credibility.SetSelected(data.CredibilityLabel("2"))
	test.Type(ed.counts["fatalities"], "12")
	f.settle()
	if art, _ := f.st.Article(artID); art.Source != "Xinhua" || art.Reliability != "B" {
		t.Fatalf("the article's source is %q graded %q", art.Source, art.Reliability)
	}
	if got, _ := f.st.Event(e1); got.Credibility != "2" || ed.grade.Text != "B2" {
		t.Fatalf("E1 holds credibility %q; the form says %q", got.Credibility, ed.grade.Text)
	}

	f.wb.tabs.Select(f.wb.tab.events)
	f.settle()
	tab := f.wb.allEvents
	grade := columnOf(t, tab.table.cols, "Grade")
	tab.sortBy(grade)
	if tab.rows.ID(0) != e1 || tab.table.cols[grade].cell(0) != "B2" || tab.table.cols[grade].cell(1) != "B?" {
		t.Fatalf("sorted by grade, the first rows read %q %q", tab.table.cols[grade].cell(0), tab.table.cols[grade].cell(1))
	}
	tab.minGrade.SetText("b2")
	tab.applied()
	f.settle()
	if tab.rows.Len() != 1 || tab.rows.ID(0) != e1 {
		t.Fatalf("graded B2 or better keeps %d events", tab.rows.Len())
	}
	tab.minGrade.SetText("B9")
	tab.applied()
	if !strings.HasPrefix(tab.count.Text, "The grade is wrong:") {
		t.Fatalf("a grade off the scale says %q", tab.count.Text)
	}

	f.wb.tabs.Select(f.wb.sources.item)
	f.settle()
	src := f.wb.sources
	if len(src.rows) != 1 || src.rows[0].Name != "Xinhua" || src.rows[0].Reliability() != "B" || src.rows[0].Events != 4 {
		t.Fatalf("the register of sources reads %+v", src.rows)
	}
	src.table.Select(widget.TableCellID{Row: 0, Col: 0})
	src.grade.SetSelected(data.ReliabilityLabel("A"))
	f.settle()
	if art, _ := f.st.Article(artID); art.Reliability != "A" || !strings.Contains(f.wb.bar.Text, "Xinhua graded A: 1 article") {
		t.Fatalf("grading Xinhua A in the register: the article is %q, the bar says %q", art.Reliability, f.wb.bar.Text)
	}
	if src.rows[0].Reliability() != "A" || ed.grade.Text != "A2" {
		t.Fatalf("after grading A the register says %q and the form %q", src.rows[0].Reliability(), ed.grade.Text)
	}
	if _, err := f.wb.sess.Undo(); err != nil {
		t.Fatal(err)
	}
	f.settle()
	if art, _ := f.st.Article(artID); art.Reliability != "B" {
		t.Fatalf("undo left the source graded %q", art.Reliability)
	}

	if got := exportedCells(t, f, e1, "Grade", "Fatalities"); got != "'B2' 12" {
		t.Fatalf("E1's row in the workbook: %s", got)
	}
}
