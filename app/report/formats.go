package report

import (
	"context"
	"path/filepath"
	"strings"

	"dossier/data"
)

// Format is one kind of file Dossier exports to; the list below drives the
// command line, the window's choices and the help.
type Format struct {
	Ext   string // with its dot: ".xlsx"
	Label string // as the window offers it
	// Protectable formats can be written with a password.
	Protectable bool
	Write       func(ctx context.Context, st Records, path string, opt Options) (Result, error)
}

// Formats lists the export formats, the workbook first.
var Formats = []Format{
	{Ext: ".xlsx", Label: "Excel workbook (.xlsx)", Protectable: true, Write: ExportWorkbook},
	{Ext: ".acled.csv", Label: "ACLED-style CSV (.acled.csv)", Write: ExportACLED},
	{Ext: ".csv", Label: "CSV for Excel (.csv)", Write: ExportCSV},
	{Ext: ".jsonl", Label: "PLOVER JSON lines (.jsonl)", Write: ExportJSONL},
	{Ext: ".geojson", Label: "Map points, GeoJSON (.geojson)", Write: ExportGeoJSON},
	{Ext: ".kml", Label: "Map points, KML for Google Earth (.kml)", Write: ExportKML},
	{Ext: ".gexf", Label: "Network for Gephi (.gexf)", Write: ExportGraph},
	{Ext: ".graphml", Label: "Network, GraphML (.graphml)", Write: ExportGraph},
	{Ext: ".map.svg", Label: "Map, SVG picture (.map.svg)", Write: ExportMap},
	{Ext: ".map.png", Label: "Map, PNG image (.map.png)", Write: ExportMap},
	{Ext: ".svg", Label: "Link chart, SVG picture (.svg)", Write: ExportChart},
	{Ext: ".png", Label: "Link chart, PNG image (.png)", Write: ExportChart},
}

// FormatOf is the format a file name's extension asks for (the longer
// first: "x.acled.csv" is ACLED-style, "x.csv" CSV for Excel; a file
// named after a two-part extension, "map.png", is of that format too).
func FormatOf(path string) (Format, bool) {
	name := strings.ToLower(filepath.Base(path))
	for _, f := range Formats {
		twoPart := strings.Count(f.Ext, ".") == 2
		if strings.HasSuffix(name, f.Ext) && len(name) > len(f.Ext) || twoPart && name == f.Ext[1:] {
			return f, true
		}
	}
	return Format{}, false
}

// FormatList names the extensions for a sentence: ".xlsx, .csv or .jsonl".
func FormatList() string {
	var exts []string
	for _, f := range Formats {
		exts = append(exts, f.Ext)
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " or " + exts[len(exts)-1]
}

// Export writes the events opt selects to path, in the format its
// extension names.
func Export(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	f, ok := FormatOf(path)
	if !ok {
		return Result{}, data.Errorf(data.EInvalid, "Dossier exports %s files, not %q.", FormatList(), filepath.Ext(path))
	}
	if opt.Password != "" && !f.Protectable {
		return Result{}, data.Errorf(data.EInvalid, "%s files cannot be protected with a password: export an .xlsx workbook instead.", strings.ToUpper(f.Ext[1:]))
	}
	return f.Write(ctx, st, path, opt)
}

// Unprotected is the warning an export of an encrypted database needs: what
// the file is, and how to protect it ("" when none is needed).
func Unprotected(st Records, path, password string) string {
	f, _ := FormatOf(path)
	switch {
	case !st.Encrypted() || password != "":
		return ""
	case f.Protectable:
		return "The database is encrypted, but this workbook will not be: anyone with the file can read it. Give it a password to protect it."
	}
	return "The database is encrypted, but " + strings.ToUpper(f.Ext[1:]) + " files cannot be protected: anyone with the file can read it. Export a password-protected .xlsx workbook instead."
}

// Records is what an export reads: the records, and whether the database
// is encrypted (an unprotected copy of one says so).
type Records interface {
	data.ArticleReader
	data.EventReader
	data.ActorReader
	data.Keys
	Counts() (data.Counts, error) // how far along an export is
}

// Writable is what a workbook brought back writes to: events, checked and
// committed in chunks.
type Writable interface {
	Records
	data.EventWriter
	data.Batcher
}
