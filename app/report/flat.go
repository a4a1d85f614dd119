package report

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"dossier/app/safefile"
	"dossier/data"
	"dossier/data/codebook"
)

// ExportCSV writes the selected events as CSV for Excel: UTF-8 with a byte
// order mark, the Events sheet's columns, and every text cell that a
// spreadsheet could read as a formula neutralised.
func ExportCSV(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	return writeFlat(ctx, st, path, opt, func(w *bufio.Writer, l *lookup, res *Result) (flatFile, error) {
		w.WriteString("\ufeff")
		cw := csv.NewWriter(w)
		headers, _ := eventHeaders()
		if err := cw.Write(headers); err != nil {
			return flatFile{}, err
		}
		return flatFile{row: func(e *data.Event, row int) error {
			rec := make([]string, len(eventColumns))
			for i, c := range eventColumns {
				var what string
				if rec[i], what = csvValue(c.get(l, e)); what != "" {
					res.Notices = append(res.Notices, Notice{"events.csv", row, columnName(i), what})
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
			cw.Flush()
			return cw.Error()
		}}, nil
	})
}

// csvValue writes a cell as text: dates as YYYY-MM-DD, text made safe (and
// what was changed to make it so).
func csvValue(v any) (string, string) {
	switch x := v.(type) {
	case nil:
		return "", ""
	case string:
		s, what := safeText(x)
		return neutralise(s), what
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format(data.DateLayout), ""
		}
		return x.Format(time.RFC3339), ""
	case bool:
		return strconv.FormatBool(x), ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), ""
	}
	return fmt.Sprint(v), ""
}

// ploverEvent is one line of the JSON lines export, in PLOVER's vocabulary.
type ploverEvent struct {
	ID               string         `json:"id"`
	Date             string         `json:"date,omitempty"`
	DateEnd          string         `json:"date_end,omitempty"`
	DateResolution   string         `json:"date_resolution,omitempty"`
	DateRaw          string         `json:"date_raw,omitempty"`
	EventType        string         `json:"event_type"`
	Mode             string         `json:"mode,omitempty"`
	Context          []string       `json:"context,omitempty"`
	CAMEO            string         `json:"cameo_code,omitempty"`
	QuadClass        int            `json:"quad_class,omitempty"`
	Goldstein        *float64       `json:"goldstein,omitempty"`
	Actor            []string       `json:"actor,omitempty"`
	ActorCountry     []string       `json:"actor_country,omitempty"`
	Recipient        []string       `json:"recipient,omitempty"`
	RecipientCountry []string       `json:"recipient_country,omitempty"`
	Location         *data.Location `json:"location,omitempty"`
	Flags            data.Flags     `json:"flags"`
	Confidence       string         `json:"confidence,omitempty"`
	TimePrecision    int            `json:"time_precision,omitempty"` // ACLED's 1–3
	GeoPrecision     int            `json:"geo_precision,omitempty"`  // ACLED's 1–3
	Sources          int            `json:"sources"`                  // articles cited
	Fatalities       *int           `json:"fatalities,omitempty"`
	Injured          *int           `json:"injured,omitempty"`
	Arrested         *int           `json:"arrested,omitempty"`
	Reliability      string         `json:"source_reliability,omitempty"`      // A–F (STANAG 2511)
	Credibility      string         `json:"information_credibility,omitempty"` // 1–6
	Grade            string         `json:"grade,omitempty"`                   // B2
	ACLEDEventType   string         `json:"acled_event_type,omitempty"`
	ACLEDSubType     string         `json:"acled_sub_event_type,omitempty"`
	Inter1           string         `json:"inter1,omitempty"` // ACLED's actor types
	Inter2           string         `json:"inter2,omitempty"`
	Text             string         `json:"text,omitempty"`
	SourceTitle      string         `json:"source_title,omitempty"`
	SourceURL        string         `json:"source_url,omitempty"`
	SourceDate       string         `json:"source_date,omitempty"`
	Notes            string         `json:"notes,omitempty"`
}

// ExportJSONL writes one PLOVER-style JSON object per line.
func ExportJSONL(ctx context.Context, st Records, path string, opt Options) (Result, error) {
	return writeFlat(ctx, st, path, opt, func(w *bufio.Writer, l *lookup, _ *Result) (flatFile, error) {
		enc := json.NewEncoder(w)
		return flatFile{row: func(e *data.Event, _ int) error { return enc.Encode(toPlover(l, e)) }}, nil
	})
}

func toPlover(l *lookup, e *data.Event) ploverEvent {
	art := l.articles[firstArticle(e)]
	p := ploverEvent{ID: e.ID, Date: e.Date.Start, DateEnd: e.Date.End, DateResolution: e.Date.Precision, DateRaw: e.Date.Raw,
		EventType: e.Type, Mode: e.Mode, Context: e.Contexts, CAMEO: e.CAMEO, Location: e.Location, Flags: e.Flags,
		Confidence: e.Confidence, Fatalities: e.Size.Fatalities, Injured: e.Size.Injured, Arrested: e.Size.Arrested, Text: evidenceQuotes(e), SourceTitle: art.Title, SourceURL: art.URL, SourceDate: art.Published, Notes: e.Notes}
	if c, ok := codebook.CAMEO(e.CAMEO); ok {
		p.QuadClass, p.Goldstein = c.QuadClass, &c.Goldstein
	}
	p.TimePrecision, _ = strconv.Atoi(timePrecision(e.Date))
	p.GeoPrecision, _ = strconv.Atoi(geoPrecision(e.Location))
	p.Sources = len(e.Articles())
	a := acledOf(l, e)
	p.ACLEDEventType, p.ACLEDSubType, p.Inter1, p.Inter2 = a.event, a.sub, a.inter1, a.inter2
	g := e.Grade(l.reliability)
	p.Reliability, p.Credibility, p.Grade = g.Reliability, g.Credibility, g.String()
	for _, id := range e.Actors {
		p.Actor, p.ActorCountry = append(p.Actor, l.actorName(id)), append(p.ActorCountry, l.actors[id].Country)
	}
	for _, id := range e.Recipients {
		p.Recipient, p.RecipientCountry = append(p.Recipient, l.actorName(id)), append(p.RecipientCountry, l.actors[id].Country)
	}
	return p
}

// flatFile is a line-oriented export under way: what writes each event,
// and what closes the file (nil when nothing does).
type flatFile struct {
	row func(e *data.Event, n int) error
	end func() error
}

// writeFlat runs a line-oriented export into a file that appears whole
// once complete.
func writeFlat(ctx context.Context, st Records, path string, opt Options,
	start func(*bufio.Writer, *lookup, *Result) (flatFile, error)) (Result, error) {
	l, err := newLookup(st)
	if err != nil {
		return Result{}, err
	}
	var res Result
	err = safefile.Write(path, false, func(out io.Writer) error {
		w := bufio.NewWriterSize(out, 1<<16)
		file, err := start(w, l, &res)
		if err != nil {
			return err
		}
		err = opt.Filter.eachEvent(st, func(e *data.Event) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			res.Events++
			if opt.Progress != nil && res.Events%500 == 0 {
				opt.Progress(res.Events, 0)
			}
			return file.row(e, res.Events+1)
		})
		if err != nil {
			return err
		}
		if file.end != nil {
			if err := file.end(); err != nil {
				return err
			}
		}
		return w.Flush()
	})
	return res, err
}
