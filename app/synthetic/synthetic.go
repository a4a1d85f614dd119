// Package synthetic makes up a team's years of coding, at any size, for
// measuring Dossier as a team's database grows: articles with the
// sentences their events quote, actors with aliases and dated roles, and
// events spread over ten years, many types and the gazetteer's towns, a
// few actors in most of them, some reported twice (duplicates to merge),
// and some actors a colleague changed at the same time (conflicts to
// settle). The same options give the same records. The words and names
// are made up for it.
package synthetic

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"time"

	"dossier/data"
	"dossier/data/codebook"
)

// Options say how much to make.
type Options struct {
	Events   int
	Actors   int   // at least 2
	Articles int   // 0: one article for every 20 events
	Seed     int64 // the same seed makes the same records
	// Progress hears how many events are written, of how many.
	Progress func(done, total int)
}

// Summary is what was made.
type Summary struct {
	Articles, Actors, Events, Duplicates, Conflicts int
}

// Store is what making a database takes: writing records, and for the
// conflicts, exchanging versions with a colleague's database.
type Store interface {
	data.ArticleWriter
	data.ActorReader
	data.ActorWriter
	data.Batcher
	data.Replica
}

// batchSize is how many records one commit writes (an event with its
// evidence, place and indexes is a few dozen keys).
const batchSize = 500

// Generate writes the records into st; colleague, when not nil, is an
// empty database of another analyst, who changes some actors at the same
// time as st's analyst does, so that st holds conflicts to settle.
func Generate(ctx context.Context, st Store, colleague Store, o Options) (Summary, error) {
	if o.Events < 0 || o.Actors < 2 || o.Articles < 0 {
		return Summary{}, fmt.Errorf("a sample needs at least 2 actors, and no negative numbers")
	}
	if o.Articles == 0 {
		o.Articles = max(1, o.Events/20)
	}
	g := &maker{r: rand.New(rand.NewSource(o.Seed)), places: codebook.LargestPlaces(2000), names: map[string]string{}, sum: Summary{Actors: o.Actors}}
	if err := g.actors(ctx, st, o.Actors); err != nil {
		return g.sum, err
	}
	if colleague != nil {
		if err := g.conflicts(ctx, st, colleague, min(50, max(1, o.Actors/200))); err != nil {
			return g.sum, err
		}
	}
	return g.sum, g.articles(ctx, st, o)
}

// maker is a generation under way.
type maker struct {
	r      *rand.Rand
	places []codebook.Place
	cast   []data.Actor
	names  map[string]string // actor id → name, for the sentences
	weight []float64         // a few actors take part in most events
	total  float64
	sum    Summary
	last   *data.Event // the last event of the article before, which a second report repeats
}

var (
	syllables = strings.Fields("ka ro mi tan vel or sa li den bra ul mar te no vi as per go ra lun")
	outlets   = []string{"Northern Wire", "Harbour Daily", "Evening Courier", "Field Monitor", "Regional Desk"}
	// eventKinds are the types made, with a CAMEO code and the verb of
	// the sentence that reports them.
	eventKinds = []struct{ plover, cameo, verb string }{
		{"CONSULT", "042", "met"}, {"AGREE", "036", "agreed with"}, {"SUPPORT", "051", "praised"},
		{"AID", "070", "sent aid to"}, {"ACCUSE", "112", "accused"}, {"THREATEN", "130", "threatened"},
		{"PROTEST", "141", "protested against"}, {"COERCE", "173", "arrested members of"},
		{"ASSAULT", "190", "attacked"}, {"ASSAULT", "195", "shelled positions of"},
	}
	// verbs are eventKinds' verbs by CAMEO code.
	verbs = func() map[string]string {
		m := map[string]string{}
		for _, k := range eventKinds {
			m[k.cameo] = k.verb
		}
		return m
	}()
	filler = strings.Fields(`officials said the talks would continue next week while observers urged calm and
aid groups asked for access to the region according to a statement released by the office`)
)

func (g *maker) word() string {
	w := syllables[g.r.Intn(len(syllables))] + syllables[g.r.Intn(len(syllables))]
	return strings.ToUpper(w[:1]) + w[1:]
}

// actors writes the register: people with a surname alias and two dated
// posts, governments, organisations and armed groups.
func (g *maker) actors(ctx context.Context, st Store, n int) error {
	countries := codebook.Countries()
	var batch []*data.Actor
	for i := range n {
		c := countries[g.r.Intn(len(countries))]
		a := data.Actor{ID: fmt.Sprintf("ac-sample%07d", i), Country: c.Alpha3, Sector: "GOV"}
		switch i % 4 {
		case 0, 1:
			first, last := g.word(), g.word()+syllables[g.r.Intn(len(syllables))]
			a.Name, a.Kind, a.Aliases = first+" "+last, data.KindPerson, []string{last}
			start := 2010 + g.r.Intn(10)
			a.Roles = []data.Role{{Post: "Minister of the Interior", Start: fmt.Sprint(start), End: fmt.Sprint(start + 3)}, {Post: "Envoy", Start: fmt.Sprint(start + 3)}}
		case 2:
			a.Name, a.Kind = fmt.Sprintf("Government of %sia %d", g.word(), i), data.KindGovernment
		default:
			a.Name, a.Kind, a.Sector = fmt.Sprintf("%s %s %d", g.word(), []string{"Brigade", "Council", "Relief", "Front"}[g.r.Intn(4)], i), data.KindArmedGroup, "REB"
			if strings.Contains(a.Name, "Relief") || strings.Contains(a.Name, "Council") {
				a.Kind, a.Sector = data.KindOrganisation, "NGO"
			}
		}
		g.cast, g.names[a.ID] = append(g.cast, a), a.Name
		g.weight = append(g.weight, 1/math.Sqrt(float64(i+1)))
		g.total += g.weight[i]
		batch = append(batch, &g.cast[i])
		if len(batch) == batchSize || i == n-1 {
			if err := st.Commit(ctx, &data.Batch{Actors: batch}); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// conflicts has a colleague receive the register, then change the notes
// of n actors while st's analyst changes their country, and st receive
// the colleague's versions: n conflicts to settle.
func (g *maker) conflicts(ctx context.Context, st, colleague Store, n int) error {
	if _, err := exchange(ctx, st, colleague, 0); err != nil {
		return err
	}
	since, err := colleague.Changed(0, func(data.Version) error { return nil })
	if err != nil {
		return err
	}
	for i := range n {
		id := g.cast[g.r.Intn(len(g.cast))].ID
		theirs, err := colleague.Actor(id)
		if err != nil {
			return err
		}
		theirs.Notes = "seen at the border talks (colleague)"
		if err := colleague.PutActor(ctx, theirs); err != nil {
			return err
		}
		mine, err := st.Actor(id)
		if err != nil {
			return err
		}
		mine.Notes = fmt.Sprintf("moved to the capital (change %d)", i)
		if err := st.PutActor(ctx, mine); err != nil {
			return err
		}
	}
	made, err := exchange(ctx, colleague, st, since)
	if err != nil {
		return err
	}
	if made == 0 {
		return fmt.Errorf("the colleague's changes made no conflict")
	}
	g.sum.Conflicts = made
	return nil
}

// exchange merges into to what from changed after since, and says how
// many conflicts that made.
func exchange(ctx context.Context, from, to Store, since uint64) (int, error) {
	var vs []data.Version
	if _, err := from.Changed(since, func(v data.Version) error { vs = append(vs, v); return nil }); err != nil {
		return 0, err
	}
	rep, err := to.Merge(data.WithOrigin(ctx, data.OriginBundle), vs, nil)
	return rep.Conflicts, err
}

// pick is an actor, the busy ones more often.
func (g *maker) pick() *data.Actor {
	x := g.r.Float64() * g.total
	for i, w := range g.weight {
		if x -= w; x <= 0 {
			return &g.cast[i]
		}
	}
	return &g.cast[len(g.cast)-1]
}

// articles writes the articles, a batch at a time, each with the events it
// reports and the sentence each quotes.
func (g *maker) articles(ctx context.Context, st Store, o Options) error {
	written := 0
	for start := 0; start < o.Articles; start += batchSize / 5 {
		end := min(start+batchSize/5, o.Articles)
		var arts []*data.Article
		var evs []*data.Event
		for i := start; i < end; i++ {
			n := o.Events*(i+1)/o.Articles - o.Events*i/o.Articles // spread evenly
			a, es := g.article(i, n)
			arts, evs = append(arts, a), append(evs, es...)
		}
		if _, err := st.AddArticles(ctx, arts); err != nil {
			return err
		}
		for j := 0; j < len(evs); j += batchSize {
			if err := st.Commit(ctx, &data.Batch{Events: evs[j:min(j+batchSize, len(evs))]}); err != nil {
				return err
			}
		}
		written += len(evs)
		g.sum.Articles, g.sum.Events = end, written
		if o.Progress != nil {
			o.Progress(written, o.Events)
		}
	}
	return nil
}

// article makes article i with n events: a headline, a sentence for each
// event (quoted as its evidence) and a sentence of filler after it.
func (g *maker) article(i, n int) (*data.Article, []*data.Event) {
	a := &data.Article{ID: fmt.Sprintf("ar-sample%07d", i), Hash: fmt.Sprintf("sample:%d", i), Source: outlets[i%len(outlets)], Language: "en"}
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.Intn(3650))
	a.Published, a.Title = day.Format(data.DateLayout), fmt.Sprintf("Dispatch %d from the %s", i, a.Source)
	var text strings.Builder
	text.WriteString(a.Title + "\n\n")
	at := len([]rune(a.Title)) + 2
	var evs []*data.Event
	for k := range n {
		e := g.event(fmt.Sprintf("ev-sample%07d-%d", i, k), a.ID, day)
		sentence := fmt.Sprintf("%s %s %s in %s.", g.names[e.Actors[0]], verbs[e.CAMEO], g.names[e.Recipients[0]], e.Location.Name)
		e.Evidence = []data.Span{{Article: a.ID, Start: at, End: at + len([]rune(sentence)), Quote: sentence}}
		text.WriteString(sentence + " ")
		at += len([]rune(sentence)) + 1
		more := g.filler()
		text.WriteString(more + "\n")
		at += len([]rune(more)) + 1
		evs = append(evs, e)
	}
	if len(evs) > 0 {
		g.last = evs[len(evs)-1] // the next article may report it again
	}
	a.Text = text.String()
	return a, evs
}

// event is one event reported by article on about day; one in a hundred
// repeats the last event of the article before as a second report (a
// duplicate to merge).
func (g *maker) event(id, article string, day time.Time) *data.Event {
	if g.last != nil && g.r.Intn(100) == 0 {
		e := *g.last
		e.ID, e.Article, e.Evidence, e.Created, e.Revision = id, article, nil, time.Time{}, data.Revision{}
		e.Actors, e.Recipients = slices.Clone(e.Actors), slices.Clone(e.Recipients)
		where := *e.Location
		e.Location = &where
		g.sum.Duplicates++
		g.last = nil
		return &e
	}
	k := eventKinds[g.r.Intn(len(eventKinds))]
	actor, other := g.pick(), g.pick()
	for other == actor {
		other = g.pick()
	}
	p := g.places[min(len(g.places)-1, int(g.r.ExpFloat64()*80))] // a few towns see most events
	e := &data.Event{ID: id, Article: article, Type: k.plover, CAMEO: k.cameo, Actors: []string{actor.ID}, Recipients: []string{other.ID},
		Date:     data.EventDate{Start: day.AddDate(0, 0, -g.r.Intn(3)).Format(data.DateLayout), Precision: data.PrecisionDay},
		Location: &data.Location{Name: p.Name, PlaceID: p.ID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Admin1: p.Admin1, Precision: "city"}}
	if k.plover == "ASSAULT" {
		dead := int(g.r.ExpFloat64() * 6)
		e.Size.Fatalities = &dead
	}
	return e
}

func (g *maker) filler() string {
	w := filler[g.r.Intn(len(filler)-8):]
	s := strings.Join(w[:8], " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
