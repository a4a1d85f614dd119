package cli

import (
	"context"
	"fmt"

	"dossier/app"
	"dossier/app/synthetic"
	"dossier/data/badgerstore"
)

var cmdSample = command{
	summary: "fill a new database with a made-up team's coding, for trying Dossier at scale: articles quoted\n               as evidence, actors with aliases and roles, events over ten years, some duplicates and conflicts",
	usage:   "--events N --actors M [--articles K] [--seed S]",
	run:     runSample,
}

func runSample(env Env, s *app.Session, args []string) int {
	fs := newFlags(env, "sample")
	events := fs.Int("events", 10000, "how many events")
	actors := fs.Int("actors", 500, "how many actors (at least 2)")
	articles := fs.Int("articles", 0, "how many articles (0: one for every 20 events)")
	seed := fs.Int64("seed", 1, "the same seed makes the same records")
	if err := fs.Parse(args); err != nil {
		return exitForParse(err)
	}
	if *events < 0 || *actors < 2 || *articles < 0 {
		return usageError(env, "sample needs --actors of 2 or more, and no negative numbers")
	}
	colleague, err := badgerstore.OpenInMemory()
	if err != nil {
		return fail(env, err)
	}
	defer colleague.Close()
	shown := -1
	progress := func(done, total int) {
		if pct := done * 100 / max(total, 1); pct/10 != shown/10 {
			shown = pct
			fmt.Fprintf(env.Stderr, "%d of %d events (%d%%)\n", done, total, pct)
		}
	}
	sum, err := s.FillWithSample(context.Background(), colleague, synthetic.Options{Events: *events, Actors: *actors, Articles: *articles, Seed: *seed, Progress: progress})
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "made %d articles, %d actors, %d events (second reports of an event: %d; conflicts to settle: %d)\n",
		sum.Articles, sum.Actors, sum.Events, sum.Duplicates, sum.Conflicts)
	return ExitOK
}
