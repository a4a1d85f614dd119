package team_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dossier/app/team"
	"dossier/data"
	"dossier/data/storetest"
)

// BenchmarkSync sends 10,000 events (with their 100 articles and 500
// actors) from one database to another through an in-process hub, and
// reports the ratio of that time to raw JetStream KV puts and gets of the
// same sealed bytes in the same process (target ≥ 0.5); then the time three
// databases of 10,000 events each take to converge.
func BenchmarkSync(b *testing.B) {
	srv, _ := startHub(b)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "bench", Passphrase: []byte("team secret")}
	a := analystDB(b, "A")
	if err := storetest.Generate(a, 100, 10000); err != nil {
		b.Fatal(err)
	}
	raw := rawKV(b, srv.ClientURL(), syncer(b, a, cfg))
	var ours time.Duration
	round := 0
	for b.Loop() {
		// each round a team of its own (a new bucket, which the sender's
		// whole database is queued for) and a new receiving database
		round++
		cfg.Team = fmt.Sprint("bench", round)
		c := analystDB(b, "B")
		sa, sc := syncer(b, a, cfg), syncer(b, c, cfg)
		start := time.Now()
		once(b, sa)
		ex := once(b, sc)
		ours += time.Since(start)
		if ex.Pulled.Added < 10000 {
			b.Fatalf("round %d: only %d records arrived", round, ex.Pulled.Added)
		}
	}
	ours /= time.Duration(round)
	b.ReportMetric(raw.Seconds()/ours.Seconds(), "ratio-to-raw-kv")
	b.ReportMetric(ours.Seconds(), "s-10k-events-db-to-db")
	b.ReportMetric(raw.Seconds(), "s-raw-kv-put-get")
	b.ReportMetric(converge3(b, srv.ClientURL()).Seconds(), "s-3x10k-converge")
}

// rawKV times a put and a get of every record's sealed version, straight
// through the JetStream client, in a bucket of its own.
func rawKV(b *testing.B, url string, s *team.Syncer) time.Duration {
	ctx := context.Background()
	keys, vals, err := team.HubValues(s)
	if err != nil {
		b.Fatal(err)
	}
	nc, err := nats.Connect(url)
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	kv, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "raw", History: 1})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for i, k := range keys {
		if _, err := kv.Put(ctx, k, vals[i]); err != nil {
			b.Fatal(err)
		}
	}
	for _, k := range keys {
		if _, err := kv.Get(ctx, k); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start)
}

// converge3 times three databases of 10,000 events each exchanging until
// every one holds all 30,000.
func converge3(b *testing.B, url string) time.Duration {
	cfg := team.HubConfig{Server: url, Team: "three", Passphrase: []byte("team secret")}
	var syncers []*team.Syncer
	var dbs []data.Store
	for _, name := range []string{"X", "Y", "Z"} {
		st := analystDB(b, name)
		if err := storetest.Generate(st, 100, 10000); err != nil {
			b.Fatal(err)
		}
		dbs, syncers = append(dbs, st), append(syncers, syncer(b, st, cfg))
	}
	start := time.Now()
	for range 2 {
		for _, s := range syncers {
			once(b, s)
		}
	}
	took := time.Since(start)
	for _, st := range dbs {
		if n, _ := st.Counts(); n.Events != 30000 {
			b.Fatalf("%d events after converging, want 30,000", n.Events)
		}
	}
	return took
}
