package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tableColumn is one column of a sortable table over a slice of rows.
type tableColumn struct {
	title string
	width float32
	cell  func(row int) string
	key   func(row int) string // what the column sorts by, when not the cell's text
}

// sortKey is what a row sorts by in this column.
func (c tableColumn) sortKey(row int) string {
	if c.key != nil {
		return c.key(row)
	}
	return c.cell(row)
}

// sortableTable is a virtualised table (smooth at 100,000 rows) whose
// header buttons sort by their column.
type sortableTable struct {
	*widget.Table
	cols []tableColumn
}

func newSortableTable(cols []tableColumn, rows func() int, sortBy func(col int), selected func(row int)) *sortableTable {
	t := &sortableTable{cols: cols}
	t.Table = widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < rows() {
				c := cols[id.Col]
				o.(*widget.Label).SetText(fitWidth(c.cell(id.Row), c.width))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		b.SetText(cols[id.Col].title)
		col := id.Col
		b.OnTapped = func() { sortBy(col) }
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < rows() {
			selected(id.Row)
		}
	}
	return t
}

// fitWidth cuts text to about what a column shows, with an ellipsis. It
// counts characters instead of measuring them: measuring every cell of a
// scrolling table costs more than the scroll.
func fitWidth(s string, width float32) string {
	limit := int(width/8.5) - 1
	r := []rune(s)
	if limit < 1 || len(r) <= limit {
		return s
	}
	return string(r[:limit-1]) + "…"
}
