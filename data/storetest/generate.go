package storetest

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"time"

	"dossier/data"
	"dossier/data/codebook"
)

// vocabulary for generated articles: news-like words, our own.
var vocabulary = strings.Fields(`minister met officials capital friday discuss security cooperation regional issues talks agreed
government forces attacked positions near border delegates condemned strikes called calm according reports both sides
envoy visited president said statement army police arrested protesters city province election commission observers vote
ceasefire negotiations aid convoy water river dam trade sanctions embassy ambassador summit council resolution refugees`)

// Generate fills st with articles (about 1,000 characters each) and events
// spread over ten years among 500 actors, for benchmarks at scale.
func Generate(st data.Store, articles, events int) error {
	r := rand.New(rand.NewSource(42))
	var ids []string
	for start := 0; start < articles; start += 500 {
		var batch []*data.Article
		for i := start; i < min(start+500, articles); i++ {
			var b strings.Builder
			for w := range 160 {
				b.WriteString(vocabulary[r.Intn(len(vocabulary))])
				b.WriteString([]string{" ", " ", " ", ". "}[w%4])
			}
			batch = append(batch, &data.Article{Title: fmt.Sprintf("Report %d", i), Text: b.String(), Hash: "gen" + strconv.Itoa(i), Published: "2024-01-01"})
		}
		res, err := st.AddArticles(context.Background(), batch)
		if err != nil {
			return err
		}
		for _, x := range res {
			ids = append(ids, x.ID)
		}
	}
	var actors []string
	for i := range 500 {
		a := data.Actor{Name: fmt.Sprintf("Actor %d", i), Kind: data.KindGovernment, Country: []string{"RUS", "CHN", "USA", "FRA", "TUR"}[i%5]}
		if err := st.PutActor(context.Background(), &a); err != nil {
			return err
		}
		actors = append(actors, a.ID)
	}
	types := [][2]string{{"CONSULT", "042"}, {"AGREE", "036"}, {"ACCUSE", "112"}, {"ASSAULT", "190"}, {"PROTEST", "141"}}
	var batch []*data.Event
	for i := range events {
		ty := types[r.Intn(len(types))]
		day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.Intn(3650))
		batch = append(batch, &data.Event{Type: ty[0], CAMEO: ty[1], Article: ids[r.Intn(len(ids))],
			Date: data.EventDate{Start: day.Format(data.DateLayout)}, Actors: []string{actors[r.Intn(500)]}, Recipients: []string{actors[r.Intn(500)]},
			Notes: vocabulary[r.Intn(len(vocabulary))] + " " + vocabulary[r.Intn(len(vocabulary))]})
		if len(batch) == 1000 || i == events-1 {
			if err := st.Commit(context.Background(), &data.Batch{Events: batch}); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// GenerateNetwork fills st with made-up actors (people, governments,
// organisations and armed groups of a dozen or more countries, with
// invented names) and events between them, a few actors much busier than
// the rest, as a network chart meets them: for demonstrations and
// benchmarks. The same numbers give the same data.
func GenerateNetwork(st data.Store, actors, events int) error {
	r := rand.New(rand.NewSource(int64(actors)*7919 + int64(events)))
	countries := []string{"RUS", "CHN", "USA", "FRA", "TUR", "IRN", "SYR", "IRQ", "UKR", "GBR", "DEU", "EGY", "ISR", "SAU", "IND", "PAK", "AFG", "NGA", "BRA", "JPN"}
	kinds := []string{data.KindPerson, data.KindPerson, data.KindGovernment, data.KindOrganisation, data.KindArmedGroup}
	syllables := strings.Fields("ka ro mi tan vel or sa li den bra ul mar te no vi as per go ra lun")
	name := func(kind string) string {
		word := func() string {
			w := syllables[r.Intn(len(syllables))] + syllables[r.Intn(len(syllables))]
			return strings.ToUpper(w[:1]) + w[1:]
		}
		switch kind {
		case data.KindPerson:
			return word() + " " + word() + syllables[r.Intn(len(syllables))]
		case data.KindGovernment:
			return "Government of " + word() + "ia"
		case data.KindArmedGroup:
			return word() + " Brigade"
		}
		return word() + " " + []string{"Council", "Relief", "Institute", "Front"}[r.Intn(4)]
	}
	ids := make([]string, actors)
	weight := make([]float64, actors)
	total := 0.0
	for i := range ids {
		kind := kinds[r.Intn(len(kinds))]
		a := data.Actor{Name: fmt.Sprintf("%s %d", name(kind), i), Kind: kind, Country: countries[min(len(countries)-1, int(r.ExpFloat64()*4))]}
		if i < len(countries) {
			a.Name, a.Kind, a.Country = "Government of "+countries[i], data.KindGovernment, countries[i]
		}
		if err := st.PutActor(context.Background(), &a); err != nil {
			return err
		}
		ids[i] = a.ID
		weight[i] = 1 / math.Sqrt(float64(i+1)) // a few actors take part in most events
		total += weight[i]
	}
	pick := func() int {
		x := r.Float64() * total
		for i, w := range weight {
			if x -= w; x <= 0 {
				return i
			}
		}
		return actors - 1
	}
	types := [][2]string{{"CONSULT", "042"}, {"AGREE", "036"}, {"SUPPORT", "051"}, {"AID", "070"}, {"ACCUSE", "112"}, {"THREATEN", "130"}, {"ASSAULT", "190"}, {"COERCE", "173"}}
	var batch []*data.Event
	for i := range events {
		ty := types[r.Intn(len(types))]
		a, b := pick(), pick()
		for tries := 0; tries < 8 && (a == b || r.Float64() < 0.8 && a%4 != b%4); tries++ { // most dealings within a bloc
			b = pick()
		}
		if a == b {
			b = (a + 1) % actors
		}
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.Intn(1800))
		batch = append(batch, &data.Event{Type: ty[0], CAMEO: ty[1], Date: data.EventDate{Start: day.Format(data.DateLayout)},
			Actors: []string{ids[a]}, Recipients: []string{ids[b]}})
		if len(batch) == 1000 || i == events-1 {
			if err := st.Commit(context.Background(), &data.Batch{Events: batch}); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// GenerateMap fills st with made-up events at real towns of the gazetteer
// (a few regions much busier than the rest, as conflicts are), from 2022
// to 2025, assaults with the dead reported, and one in fifty events with
// no place: for the map's demonstrations and benchmarks. The same number
// gives the same data.
func GenerateMap(st data.Store, events int) error {
	r := rand.New(rand.NewSource(int64(events)))
	places := codebook.LargestPlaces(4000)
	r.Shuffle(len(places), func(i, j int) { places[i], places[j] = places[j], places[i] })
	types := [][2]string{{"CONSULT", "042"}, {"PROTEST", "141"}, {"ACCUSE", "112"}, {"AID", "070"}, {"ASSAULT", "190"}, {"ASSAULT", "195"}, {"COERCE", "173"}}
	var batch []*data.Event
	for i := range events {
		ty := types[r.Intn(len(types))]
		day := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.Intn(4*365))
		e := &data.Event{Type: ty[0], CAMEO: ty[1], Date: data.EventDate{Start: day.Format(data.DateLayout), Precision: data.PrecisionDay}}
		if r.Intn(50) > 0 {
			p := places[min(len(places)-1, int(r.ExpFloat64()*60))] // the first few dozen towns take most events
			e.Location = &data.Location{Name: p.Name, PlaceID: p.ID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Admin1: p.Admin1, Precision: "city"}
		}
		if ty[0] == "ASSAULT" {
			n := int(r.ExpFloat64() * 6)
			e.Size.Fatalities = &n
		}
		batch = append(batch, e)
		if len(batch) == 1000 || i == events-1 {
			if err := st.Commit(context.Background(), &data.Batch{Events: batch}); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}
