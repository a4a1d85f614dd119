package ingest

import (
	"dossier/app/ingest/pdftext"
	"dossier/app/language"
	"dossier/data"
)

// parsePDF makes an article of a PDF's text (app/ingest/pdftext reads it),
// dated by a dateline on its first lines, or else by the day the file was
// made.
func parsePDF(raw []byte) (*data.Article, error) {
	d, err := pdftext.Read(raw)
	if err != nil {
		return nil, err
	}
	a := &data.Article{Text: d.Text, PageStarts: d.PageStarts, Title: d.Title, Byline: d.Author}
	for _, l := range firstLines(a.Text, 4) {
		if day, raw, ok := datelineDate(l, language.Detect(a.Text)); ok {
			a.Published, a.PublishedRaw = day, raw
			return a, nil
		}
	}
	if day, ok := d.CreatedOn(); ok {
		a.Published, a.PublishedRaw = day.Format(data.DateLayout), d.Created
	}
	return a, nil
}
