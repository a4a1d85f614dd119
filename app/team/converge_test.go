package team_test

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"
	"dossier/data/storetest"
)

// analyst is one of the convergence test's databases, with its session
// and its link to the hub.
type analyst struct {
	name string
	st   data.Store
	sess *app.Session
	hub  *team.Syncer
	rng  *rand.Rand
	revs map[data.Rev]string // every version this analyst wrote, and of what
}

// Three analysts code at once, one of them offline for part of the time:
// random creations, edits, actor merges and deletions, exchanged through
// the hub. Afterwards no version anyone wrote is lost (each is the current
// state everywhere, an ancestor of it, or a side of an open conflict),
// every concurrent edit is an open conflict, and once the conflicts are
// settled on one database, all three hold the same events and actors.
func TestThreeAnalystsConverge(t *testing.T) {
	srv, store := startHub(t)
	cfg := team.HubConfig{Server: srv.ClientURL(), Team: "desk", Passphrase: []byte("team secret")}
	seed := int64(20261126)
	if s := os.Getenv("DOSSIER_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	var team []*analyst
	for i, name := range []string{"Analyst A", "Analyst B", "Analyst C"} {
		st := analystDB(t, name)
		team = append(team, &analyst{name: name, st: st, sess: app.NewSession(st, name), hub: syncer(t, st, cfg),
			rng: rand.New(rand.NewSource(seed + int64(i))), revs: map[data.Rev]string{}})
	}
	// a shared start: one article, some actors
	team[0].sess.LoadSample()
	for _, a := range team {
		once(t, a.hub)
	}
	for round := range 12 {
		for i, a := range team {
			for range 6 {
				a.randomEdit(t)
			}
			if i == 2 && round >= 3 && round < 8 {
				continue // C is offline: its changes wait
			}
			once(t, a.hub)
		}
	}
	for range 2 { // everyone online: exchange until quiet
		for _, a := range team {
			once(t, a.hub)
		}
	}
	conflicts := 0
	for _, a := range team {
		open, _ := a.st.Conflicts()
		conflicts += len(open)
		for _, b := range team {
			b.nothingLostAt(t, a)
		}
	}
	if conflicts == 0 {
		t.Fatal("three analysts editing the same records at once made no conflict: the test is too weak")
	}
	settleAll(t, team)
	want := storetest.Dump(team[0].st)
	for _, a := range team[1:] {
		if got := storetest.Dump(a.st); got != want {
			t.Fatalf("%s differs from %s after the settlement:\n%s\n%s", a.name, team[0].name, got, want)
		}
	}
	scanned := scanHub(t, store)
	c, _ := team[0].st.Counts()
	t.Logf("seed %d: %d open conflicts before settling (counted on every database), then %d events and %d actors everywhere; hub data (%d files) holds no name", seed, conflicts, c.Events, c.Actors, scanned)
}

// randomEdit makes one random change through the session.
func (a *analyst) randomEdit(t *testing.T) {
	evs, _ := a.st.Events(data.EventQuery{})
	acts, _ := a.sess.Register()
	arts, _ := a.st.Articles()
	var err error
	switch k := a.rng.Intn(10); {
	case k < 2 || len(acts) < 2:
		act := data.Actor{Name: fmt.Sprintf("%s contact %d", a.name, a.rng.Intn(1e6)), Kind: data.KindPerson}
		err = a.sess.SaveActor(&act)
		a.note(data.RevOf(act.Revision), act.ID)
	case k < 4 && len(arts) > 0:
		e := data.Event{Type: "CONSULT", Article: arts[a.rng.Intn(len(arts))].ID, Actors: []string{acts[a.rng.Intn(len(acts))].ID}}
		err = a.sess.SaveEvent(&e, "")
		a.note(data.RevOf(e.Revision), e.ID)
	case k < 7 && len(evs) > 0:
		e := evs[a.rng.Intn(len(evs))]
		e.Notes = fmt.Sprintf("%s's note %d", a.name, a.rng.Intn(1e6))
		err = a.sess.SaveEvent(&e, "")
		a.note(data.RevOf(e.Revision), e.ID)
	case k < 8:
		x := acts[a.rng.Intn(len(acts))].Actor
		x.Notes = a.name + " was here"
		err = a.sess.SaveActor(&x)
		a.note(data.RevOf(x.Revision), x.ID)
	case k < 9 && len(evs) > 0:
		e := evs[a.rng.Intn(len(evs))]
		err = a.sess.DeleteEvent(e.ID, e.Version)
		a.note(data.Rev{N: e.Version + 1, By: a.st.Analyst().ID}, e.ID)
	default:
		from, into := acts[a.rng.Intn(len(acts))], acts[a.rng.Intn(len(acts))]
		if from.ID == into.ID {
			return
		}
		err = a.sess.MergeActors(from.ID, into.ID)
		if v, _ := a.st.Versions([]string{from.ID, into.ID}); err == nil {
			for _, x := range v {
				a.note(x.Rev, x.ID)
			}
		}
	}
	if err != nil && data.ErrorCode(err) != data.EConflict && data.ErrorCode(err) != data.EInvalid {
		t.Fatalf("%s: %v", a.name, err)
	}
}

func (a *analyst) note(r data.Rev, id string) {
	if r.N > 0 {
		a.revs[r] = id
	}
}

// nothingLostAt checks that every version a wrote is, at b, the current
// state of its record, an ancestor of it, or a side of an open conflict.
func (a *analyst) nothingLostAt(t *testing.T, b *analyst) {
	t.Helper()
	open, _ := b.st.Conflicts()
	sides := map[string][]data.Version{}
	for _, c := range open {
		sides[c.ID] = append(c.Theirs, c.Mine)
	}
	for rev, id := range a.revs {
		vs, _ := b.st.Versions([]string{id})
		if len(vs) == 1 && vs[0].Descends(rev) {
			continue
		}
		kept := false
		for _, s := range sides[id] {
			kept = kept || s.Descends(rev)
		}
		if !kept {
			t.Fatalf("%s's version %d of %s is lost at %s", a.name, rev.N, id, b.name)
		}
	}
}

// settleAll settles every open conflict on the first database that has
// some (keeping its side), and exchanges, until none is open anywhere.
func settleAll(t *testing.T, team []*analyst) {
	for round := range 6 {
		settled := 0
		for _, a := range team {
			open, _ := a.st.Conflicts()
			for _, c := range open {
				body := c.Mine.Body
				if c.Mine.Deleted {
					body = nil
				}
				if err := a.st.Resolve(bg, c.ID, body); err != nil {
					t.Fatal(err)
				}
				settled++
			}
			if settled > 0 {
				break // one database settles; the others hear of it
			}
		}
		for range 2 {
			for _, a := range team {
				once(t, a.hub)
			}
		}
		if settled == 0 {
			return
		}
		if round == 5 {
			t.Fatal("conflicts keep coming back after six rounds of settling")
		}
	}
}

// scanHub fails when the hub's stored data holds a name in the clear.
func scanHub(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	walkFiles(t, dir, func(path string, b []byte) {
		n++
		for _, s := range []string{"Shoigu", "Beijing", "contact", "Analyst A", "note"} {
			if strings.Contains(string(b), s) {
				t.Errorf("the hub's %s holds %q in the clear", path, s)
			}
		}
	})
	return n
}
