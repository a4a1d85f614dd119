package report

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dossier/app/geomap"
	"dossier/app/network"
	"dossier/data"
	"dossier/data/codebook"
)

// The GIS exports: one point per event that has coordinates, for QGIS,
// ArcGIS, Google Earth and the tools analysts hand maps to. GeoJSON follows
// RFC 7946 (WGS 84, longitude before latitude, no crs member); KML 2.2 puts
// each event in a folder of its type with a TimeSpan and a style by
// QuadClass. Events without coordinates are left out and counted.

// geoField is one property of an event on a map: a string, a number, or
// nil when the records do not say.
type geoField struct {
	name  string
	value any
}

// geoFields are an event's properties, the same in GeoJSON and KML.
func geoFields(l *lookup, e *data.Event) []geoField {
	art := l.articles[firstArticle(e)]
	loc := e.Location
	if loc == nil {
		loc = &data.Location{}
	}
	var quad any
	if q := codebook.QuadClassOf(e.CAMEO, e.Type); q > 0 {
		quad = q
	}
	var killed any
	if e.Size.Fatalities != nil {
		killed = *e.Size.Fatalities
	}
	return []geoField{
		{"id", e.ID}, {"date_start", e.Date.Start}, {"date_end", e.Date.End}, {"date_precision", e.Date.Precision},
		{"type", e.Type}, {"mode", e.Mode}, {"cameo", e.CAMEO}, {"quad_class", quad},
		{"actors", joinParties(l, e.Actors, names)}, {"recipients", joinParties(l, e.Recipients, names)},
		{"place", loc.Name}, {"country", loc.Country}, {"admin1", loc.Admin1},
		{"time_precision", scale(timePrecision(e.Date))}, {"geo_precision", scale(geoPrecision(e.Location))},
		{"fatalities", killed}, {"grade", e.Grade(l.reliability).String()},
		{"article_title", art.Title}, {"article_url", art.URL},
	}
}

// coordinate is a longitude or latitude to the 6 decimals (11 cm) that
// RFC 7946 suggests.
func coordinate(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }

// ExportGeoJSON writes the selected events with coordinates as an RFC 7946
// FeatureCollection of Point features.
func ExportGeoJSON(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	return writeFlat(ctx, st, path, opt, func(w *bufio.Writer, l *lookup, res *Result) (flatFile, error) {
		w.WriteString(`{"type":"FeatureCollection","features":[`)
		first := true
		return flatFile{
			row: func(e *data.Event, _ int) error {
				if !geomap.Placed(e.Location) {
					res.Events, res.Unplaced = res.Events-1, res.Unplaced+1
					return nil
				}
				if !first {
					w.WriteByte(',')
				}
				first = false
				return writeFeature(w, l, e)
			},
			end: func() error { _, err := w.WriteString("\n]}\n"); return err },
		}, nil
	})
}

func writeFeature(w *bufio.Writer, l *lookup, e *data.Event) error {
	fmt.Fprintf(w, "\n"+`{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},"properties":{`,
		coordinate(e.Location.Lon), coordinate(e.Location.Lat))
	for i, f := range geoFields(l, e) {
		if s, ok := f.value.(string); ok {
			f.value, _ = safeText(s)
		}
		v, err := json.Marshal(f.value)
		if err != nil {
			return err
		}
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(w, "%q:%s", f.name, v)
	}
	_, err := w.WriteString("}}")
	return err
}

// The KML document, as encoding/xml writes it (element order is KML's).
type (
	kmlFile struct {
		XMLName  xml.Name    `xml:"kml"`
		NS       string      `xml:"xmlns,attr"`
		Document kmlDocument `xml:"Document"`
	}
	kmlDocument struct {
		Name    string      `xml:"name"`
		Styles  []kmlStyle  `xml:"Style"`
		Folders []kmlFolder `xml:"Folder"`
	}
	kmlStyle struct {
		ID    string  `xml:"id,attr"`
		Color string  `xml:"IconStyle>color"` // aabbggrr
		Scale float64 `xml:"IconStyle>scale"`
	}
	kmlFolder struct {
		Name       string         `xml:"name"`
		Placemarks []kmlPlacemark `xml:"Placemark"`
	}
	kmlPlacemark struct {
		Name        string    `xml:"name"`
		Description string    `xml:"description,omitempty"`
		Begin       string    `xml:"TimeSpan>begin,omitempty"`
		End         string    `xml:"TimeSpan>end,omitempty"`
		Style       string    `xml:"styleUrl"`
		Data        []kmlData `xml:"ExtendedData>Data"`
		Coordinates string    `xml:"Point>coordinates"`
	}
	kmlData struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value"`
	}
)

// kmlStyles colour the marks by QuadClass as the link chart does.
func kmlStyles() []kmlStyle {
	var out []kmlStyle
	for q, c := range network.QuadColours {
		out = append(out, kmlStyle{ID: "quad" + strconv.Itoa(q), Color: fmt.Sprintf("ff%02x%02x%02x", c.B, c.G, c.R), Scale: 1})
	}
	return out
}

// ExportKML writes the selected events with coordinates as KML 2.2: a
// folder per PLOVER type, a placemark per event.
func ExportKML(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	return writeFlat(ctx, st, path, opt, func(w *bufio.Writer, l *lookup, res *Result) (flatFile, error) {
		byType := map[string][]kmlPlacemark{}
		return flatFile{
			row: func(e *data.Event, _ int) error {
				if !geomap.Placed(e.Location) {
					res.Events, res.Unplaced = res.Events-1, res.Unplaced+1
					return nil
				}
				byType[e.Type] = append(byType[e.Type], placemark(l, e))
				return nil
			},
			end: func() error {
				doc := kmlFile{NS: "http://www.opengis.net/kml/2.2", Document: kmlDocument{
					Name: "Dossier events: " + opt.Filter.Describe(l.actorName), Styles: kmlStyles()}}
				types := make([]string, 0, len(byType))
				for t := range byType {
					types = append(types, t)
				}
				slices.Sort(types)
				for _, t := range types {
					doc.Document.Folders = append(doc.Document.Folders, kmlFolder{Name: t, Placemarks: byType[t]})
				}
				w.WriteString(xml.Header)
				enc := xml.NewEncoder(w)
				enc.Indent("", " ")
				if err := enc.Encode(doc); err != nil {
					return err
				}
				_, err := w.WriteString("\n")
				return err
			},
		}, nil
	})
}

func placemark(l *lookup, e *data.Event) kmlPlacemark {
	clean := func(s string) string { s, _ = safeText(s); return s }
	name := e.Type
	if a, r := joinParties(l, e.Actors, names), joinParties(l, e.Recipients, names); a != "" || r != "" {
		name += ": " + strings.TrimSpace(a+" → "+r)
	}
	end := e.Date.End
	if end == "" {
		end = e.Date.Start
	}
	p := kmlPlacemark{Name: clean(name), Description: clean(evidenceQuotes(e)), Begin: e.Date.Start, End: end,
		Style:       "#quad" + strconv.Itoa(codebook.QuadClassOf(e.CAMEO, e.Type)),
		Coordinates: coordinate(e.Location.Lon) + "," + coordinate(e.Location.Lat)}
	if e.Date.Start == "" {
		p.End = ""
	}
	for _, f := range geoFields(l, e) {
		if f.value == nil || f.value == "" {
			continue
		}
		p.Data = append(p.Data, kmlData{Name: f.name, Value: clean(fmt.Sprint(f.value))})
	}
	return p
}
