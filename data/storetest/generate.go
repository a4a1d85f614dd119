package storetest

import (
	"context"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"time"

	"dossier/data"
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
		if len(batch) == 2000 || i == events-1 {
			if err := st.Commit(context.Background(), &data.Batch{Events: batch}); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}
