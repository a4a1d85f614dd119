package team_test

import (
	"os"
	"strconv"
	"testing"
	"time"

	"dossier/app/synthetic"
	"dossier/app/team"
	"dossier/data/storetest"
)

// A first team sync at scale: a database of DOSSIER_SCALE_EVENTS events
// (a million unless set), made by the sample generator, sends everything
// to an in-process hub, and an empty database receives it all; the test
// reports both rates and how far the live heap rose. Run by `make
// bench-scale` (DOSSIER_SCALE=1), not in make test: at a million events
// it takes many minutes.
func TestFirstSyncAtScale(t *testing.T) {
	if os.Getenv("DOSSIER_SCALE") == "" {
		t.Skip("skipped unless DOSSIER_SCALE=1 (make bench-scale)")
	}
	events := 1_000_000
	if n, err := strconv.Atoi(os.Getenv("DOSSIER_SCALE_EVENTS")); err == nil && n > 0 {
		events = n
	}
	a := analystDB(t, "A")
	sum, err := synthetic.Generate(bg, a, nil, synthetic.Options{Events: events, Actors: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := startHub(t)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "scale", Passphrase: []byte("team secret")}
	b := analystDB(t, "B")
	sa, sb := syncer(t, a, cfg), syncer(t, b, cfg)
	var sent, received time.Duration
	var ex team.Exchange
	rose := storetest.PeakLive(func() {
		start := time.Now()
		once(t, sa)
		sent = time.Since(start)
		start = time.Now()
		ex = once(t, sb)
		received = time.Since(start)
	})
	want, _ := a.Counts()
	got, _ := b.Counts()
	if got != want {
		t.Fatalf("after the first sync the second database holds %+v, the first %+v", got, want)
	}
	records := want.Articles + want.Events + want.Actors
	t.Logf("first sync of %d events (%d records, %+v): sent in %.1f s (%.0f records/s), received in %.1f s (%.0f records/s, %d added); the live heap rose %d MB",
		events, records, sum, sent.Seconds(), float64(records)/sent.Seconds(), received.Seconds(), float64(records)/received.Seconds(), ex.Pulled.Added, rose>>20)
}
