package report

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"dossier/app/network"
	"dossier/data"
	"dossier/data/codebook"
)

// sheetHeaders are the headers of the sheets other than Events.
var sheetHeaders = map[string][]string{
	sheetActors: {"ID", "Name", "Kind", "Country", "Sector", "Aliases", "Roles", "Events", "First event", "Last event",
		"In-degree", "Out-degree", "Weighted degree", "Betweenness", "PageRank", "Community", "Notes"},
	sheetArticles: {"ID", "Title", "Published", "Source", "Reliability", "URL", "Events", "Status", "File", "Text"},
	sheetEvidence: {"Event", "Article", "Start", "End", "Quote", "Page"},
	sheetNetwork: {"Actor", "Actor country", "Recipient", "Recipient country", "Events", "Verbal cooperation", "Material cooperation",
		"Verbal conflict", "Material conflict", "First", "Last", "Actor community", "Recipient community"},
}

// writeNetwork lists who did what to whom: one row per actor and
// recipient, with the events between them by QuadClass and their first
// and last dates, most events first; a manager can sort and filter it.
func (w *workbook) writeNetwork() error {
	sw, err := w.f.NewStreamWriter(sheetNetwork)
	if err != nil {
		return err
	}
	headers := sheetHeaders[sheetNetwork]
	if err := w.header(sw, headers, []float64{28, 9, 28, 9, 8, 11, 11, 11, 11, 12, 12, 11, 11}); err != nil {
		return err
	}
	links := w.graph.Links
	order := make([]int32, len(links)) // most events first; indexes, not a copy of the links
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int { return links[j].Count() - links[i].Count() })
	row := 1
	for _, i := range order {
		lk := &links[i]
		row++
		from, to := w.l.actors[lk.From], w.l.actors[lk.To]
		c := func(col int, kind cellKind, v any) any { return w.cell(sheetNetwork, row, col, kind, v) }
		vals := []any{c(0, textCell, from.Name), from.Country, c(2, textCell, to.Name), to.Country, lk.Count(),
			lk.ByQuad[1], lk.ByQuad[2], lk.ByQuad[3], lk.ByQuad[4], c(9, dateCell, excelDate(lk.First)), c(10, dateCell, excelDate(lk.Last)),
			community(w.measures.Of(w.graph, lk.From)), community(w.measures.Of(w.graph, lk.To))}
		if err := sw.SetRow("A"+strconv.Itoa(row), vals); err != nil {
			return err
		}
	}
	if err := table(sw, "NetworkTable", len(headers), row-1); err != nil {
		return err
	}
	return sw.Flush()
}

// writeActors lists the actors the exported events name, with their roles,
// aliases, events count and first and last event dates.
func (w *workbook) writeActors() error {
	sw, err := w.f.NewStreamWriter(sheetActors)
	if err != nil {
		return err
	}
	headers := sheetHeaders[sheetActors]
	if err := w.header(sw, headers, []float64{20, 28, 13, 9, 8, 28, 44, 8, 12, 12, 10, 10, 10, 12, 12, 11, 30}); err != nil {
		return err
	}
	row := 1
	for _, id := range sortedKeys(w.usedAct) {
		a, ok := w.l.actors[id]
		if !ok {
			continue
		}
		row++
		c := func(col int, kind cellKind, v any) any { return w.cell(sheetActors, row, col, kind, v) }
		vals := []any{a.ID, c(1, textCell, a.Name), a.Kind, a.Country, a.Sector, c(5, textCell, strings.Join(a.Aliases, "; ")),
			c(6, wrapCell, roles(a.Roles)), w.stats.byActor[id], c(8, dateCell, excelDate(w.stats.firstDay[id])),
			c(9, dateCell, excelDate(w.stats.lastDay[id]))}
		vals = append(vals, measureCells(w.measures.Of(w.graph, id))...)
		vals = append(vals, c(16, wrapCell, a.Notes))
		if err := sw.SetRow("A"+strconv.Itoa(row), vals); err != nil {
			return err
		}
	}
	w.res.Actors = row - 1
	if err := table(sw, "ActorsTable", len(headers), row-1); err != nil {
		return err
	}
	return sw.Flush()
}

// measure works out each actor's place in the network of the exported
// events, for the Actors and Network sheets.
func (w *workbook) measure(ctx context.Context) (err error) {
	w.graph = w.net.Graph()
	w.measures, err = network.Analyse(ctx, w.graph, nil)
	return err
}

// measureCells are an actor's In-degree … Community cells (empty for an
// actor in no linked event).
func measureCells(m network.Measures, ok bool) []any {
	if !ok {
		return []any{nil, nil, nil, nil, nil, nil}
	}
	return []any{m.In, m.Out, m.Weighted, m.Betweenness, m.PageRank, community(m, ok)}
}

// community is a community's number, nil when none.
func community(m network.Measures, ok bool) any {
	if !ok || m.Community == 0 {
		return nil
	}
	return m.Community
}

func roles(rs []data.Role) string {
	var out []string
	for _, r := range rs {
		s := r.Post
		if r.Organisation != "" {
			s += ", " + r.Organisation
		}
		if r.Start != "" || r.End != "" {
			s += " (" + r.Start + "–" + r.End + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// writeArticles lists the cited articles (all of them for an unfiltered
// export) with their text, cut at Excel's limit with a visible marker.
func (w *workbook) writeArticles(st Records, filter Filter) error {
	sw, err := w.f.NewStreamWriter(sheetArticles)
	if err != nil {
		return err
	}
	headers := sheetHeaders[sheetArticles]
	if err := w.header(sw, headers, []float64{20, 40, 12, 18, 11, 30, 8, 11, 30, 80}); err != nil {
		return err
	}
	ids := sortedKeys(w.usedArt)
	if filter.all() {
		ids = sortedKeys(w.l.articles)
	}
	counts := w.stats.articleCounts
	row := 1
	for _, id := range ids {
		a, err := st.Article(id)
		if err != nil {
			continue
		}
		row++
		c := func(col int, kind cellKind, v any) any { return w.cell(sheetArticles, row, col, kind, v) }
		cell := "F" + strconv.Itoa(row)
		if webLink(a.URL) {
			if err := w.f.SetCellHyperLink(sheetArticles, cell, a.URL, "External"); err != nil {
				return err
			}
		}
		vals := []any{a.ID, c(1, textCell, a.Title), c(2, dateCell, excelDate(a.Published)), c(3, textCell, a.Source), a.Reliability,
			c(5, textCell, a.URL), counts[id], a.Status, c(8, textCell, a.File), c(9, textCell, a.Text)}
		if err := sw.SetRow("A"+strconv.Itoa(row), vals); err != nil {
			return err
		}
	}
	w.res.Articles = row - 1
	if err := table(sw, "ArticlesTable", len(headers), row-1); err != nil {
		return err
	}
	return sw.Flush()
}

// writeCodeLists lists the valid codes the Events sheet's drop-downs use.
func (w *workbook) writeCodeLists() error {
	f, s := w.f, sheetCodes
	heads := []string{"Type", "Mode", "Type of mode", "CAMEO", "CAMEO name", "Precision", "Confidence", "Sector", "Kind", "Credibility"}
	for i, h := range heads {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue(s, cell, h)
	}
	f.SetCellStyle(s, "A1", "J1", w.styles.header)
	modeRow := 2
	for i, t := range codebook.Types() {
		f.SetCellValue(s, "A"+strconv.Itoa(i+2), t.Name)
		for _, m := range t.Modes {
			f.SetCellValue(s, "B"+strconv.Itoa(modeRow), m)
			f.SetCellValue(s, "C"+strconv.Itoa(modeRow), t.Name)
			modeRow++
		}
	}
	for i, c := range codebook.CAMEOCodes() {
		f.SetCellValue(s, "D"+strconv.Itoa(i+2), c.Code)
		f.SetCellValue(s, "E"+strconv.Itoa(i+2), c.Name)
	}
	for col, list := range map[string][]string{"F": data.Precisions, "G": data.Confidences, "H": data.Sectors, "I": data.ActorKinds, "J": data.Credibilities} {
		for i, v := range list {
			f.SetCellValue(s, col+strconv.Itoa(i+2), v)
		}
	}
	f.SetColWidth(s, "A", "J", 14)
	f.SetColWidth(s, "E", "E", 40)
	return f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
