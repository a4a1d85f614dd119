package app

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"dossier/app/synthetic"
	"dossier/assets"
	"dossier/data"
	"dossier/data/codebook"
)

// SampleFile is the sample article shipped for newcomers, written for
// Dossier with the facts of the team's worked example.
const SampleFile = "sample/security-talks-beijing.txt"

// SampleText returns the sample article's text.
func SampleText() string {
	b, _ := assets.Files.ReadFile(SampleFile)
	return string(b)
}

// LoadSample stores the sample article with its actors and four coded
// events, so that a newcomer sees a coded article at once. It returns the
// article's id; loading it twice does not duplicate anything.
func (s *Session) LoadSample() (string, error) {
	id, dup, err := s.AddText(SampleText())
	if err != nil || dup {
		return id, err
	}
	art, err := s.st.Article(id)
	if err != nil {
		return "", err
	}
	actors, err := s.sampleActors()
	if err != nil {
		return "", err
	}
	b := &data.Batch{}
	for _, e := range sampleEvents(art, actors) {
		e.Article = art.ID
		b.Events = append(b.Events, &e)
	}
	if err := s.st.Commit(s.ctx(data.OriginImport), b); err != nil {
		return "", fmt.Errorf("sample events: %w", err)
	}
	return id, nil
}

func (s *Session) sampleActors() (map[string]string, error) {
	list := []data.Actor{
		{Name: "Sergei Shoigu", Kind: data.KindPerson, Country: "RUS", Sector: "GOV", Aliases: []string{"Shoigu"},
			Roles: []data.Role{{Post: "Minister of Defence", Organisation: "Government of Russia", End: "2024"}, {Post: "Security Council Secretary", Organisation: "Security Council of Russia", Start: "2024"}}},
		{Name: "Wang Yi", Kind: data.KindPerson, Country: "CHN", Sector: "GOV", Roles: []data.Role{{Post: "Foreign Minister"}}},
		{Name: "Xi Jinping", Kind: data.KindPerson, Country: "CHN", Sector: "GOV", Roles: []data.Role{{Post: "President"}}},
		{Name: "Islamic Emirate of Afghanistan", Kind: data.KindGovernment, Country: "AFG", Sector: "GOV", Aliases: []string{"IEA"}, Notes: "not formally recognised"},
		{Name: "Russia", Kind: data.KindGovernment, Country: "RUS", Sector: "GOV"},
		{Name: "China", Kind: data.KindGovernment, Country: "CHN", Sector: "GOV"},
	}
	ids := map[string]string{}
	for _, a := range list {
		if found, _ := s.st.ActorsNamed(a.Name); len(found) > 0 {
			ids[a.Name] = found[0].ID
			continue
		}
		if err := s.st.PutActor(s.ctx(data.OriginImport), &a); err != nil {
			return nil, err
		}
		ids[a.Name] = a.ID
	}
	return ids, nil
}

func sampleEvents(art *data.Article, ids map[string]string) []data.Event {
	span := func(phrase string) []data.Span { return []data.Span{SpanOf(art, phrase)} }
	place := func(name string) *data.Location { return PlaceLocation(name, codebook.PlacesNamed(name)[0]) }
	beijing, kabul := place("Beijing"), place("Kabul")
	friday := data.EventDate{Start: "2025-02-28", Precision: data.PrecisionDay, Raw: "on Friday"}
	return []data.Event{
		{Type: "CONSULT", Mode: "visit", CAMEO: "042", Date: friday, Actors: []string{ids["Sergei Shoigu"]}, Recipients: []string{ids["Wang Yi"]},
			Location: beijing, Confidence: "high", Notes: "visitor is actor, host is recipient",
			Evidence: span("Russian Security Council Secretary Sergei Shoigu was received by Chinese Foreign Minister Wang Yi in Beijing on Friday")},
		{Type: "AGREE", CAMEO: "036", Date: data.EventDate{Start: "2025-02-28", Precision: data.PrecisionDay}, Actors: []string{ids["Russia"], ids["China"]},
			Location: beijing, Confidence: "high", Evidence: span("The two sides agreed to hold a new round of strategic security talks")},
		{Type: "CONSULT", Mode: "visit", CAMEO: "042", Date: data.EventDate{Start: "2023-12", Raw: "In December 2023"}, Actors: []string{ids["Sergei Shoigu"]},
			Recipients: []string{ids["Islamic Emirate of Afghanistan"]}, Location: kabul, Flags: data.Flags{Historical: true}, Confidence: "medium",
			Notes: "met the IEA's deputy chiefs and its ministers of defence and interior", Evidence: span("In December 2023, Sergei Shoigu travelled to Kabul")},
		{Type: "CONSULT", Mode: "visit", CAMEO: "042", Date: data.EventDate{Start: "2025-02-24", End: "2025-03-02", Precision: data.PrecisionWeek, Raw: "During his trip"},
			Actors: []string{ids["Sergei Shoigu"]}, Recipients: []string{ids["Xi Jinping"]}, Location: beijing, Confidence: "medium",
			Evidence: span("Shoigu also met Chinese President Xi Jinping in a separate meeting")},
	}
}

// SpanOf is the evidence span of the first occurrence of phrase in the
// article (empty when it does not occur).
func SpanOf(art *data.Article, phrase string) data.Span {
	b := strings.Index(art.Text, phrase)
	if b < 0 {
		return data.Span{Article: art.ID}
	}
	start := utf8.RuneCountInString(art.Text[:b])
	return data.Span{Article: art.ID, Start: start, End: start + utf8.RuneCountInString(phrase), Quote: phrase}
}

// PlaceLocation is an event location for a gazetteer place, as written.
func PlaceLocation(written string, p codebook.Place) *data.Location {
	return &data.Location{Name: written, PlaceID: p.ID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Admin1: p.Admin1, Precision: "city"}
}

// FillWithSample makes up a team's years of coding in a new database, at
// the size asked, for trying Dossier at scale (see package synthetic);
// colleague is an empty database of another analyst, for the conflicts.
// A database that holds records already is refused: made-up records must
// never mix with an analyst's own.
func (s *Session) FillWithSample(ctx context.Context, colleague synthetic.Store, o synthetic.Options) (synthetic.Summary, error) {
	arts, err := s.st.Articles()
	if err != nil {
		return synthetic.Summary{}, err
	}
	actors, err := s.st.Actors()
	if err != nil {
		return synthetic.Summary{}, err
	}
	if len(arts)+len(actors) > 0 {
		return synthetic.Summary{}, data.Errorf(data.EInvalid, "The database %s already holds %d articles and %d actors: a sample is made only in a new database (give --db a new folder).", s.dbPath, len(arts), len(actors))
	}
	return synthetic.Generate(data.WithOrigin(ctx, data.OriginImport), s.st, colleague, o)
}
