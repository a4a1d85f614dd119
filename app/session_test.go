package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dossier/app/suggest"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

func newSession(t testing.TB) *Session {
	t.Helper()
	dir := storetest.TempDir(t)
	st, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewSession(st, dir)
}

// dump is the store's events and actors, less what every write changes.
func dump(t *testing.T, s *Session) string { return storetest.Dump(s.st) }

func TestSampleIsCodedAndLoadsOnce(t *testing.T) {
	s := newSession(t)
	id, err := s.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := s.EventsOf(id)
	if len(evs) != 4 || evs[0].Type != "CONSULT" || evs[0].Date.Start != "2025-02-28" || evs[0].Location.Name != "Beijing" {
		t.Fatalf("sample events: %+v", evs)
	}
	for _, e := range evs {
		if e.Evidence[0].End == 0 {
			t.Fatalf("sample event without evidence: %+v", e)
		}
	}
	if none, err := s.EventsOf(""); len(none) != 0 || err != nil {
		t.Fatalf("no article cites %d events (%v)", len(none), err)
	}
	again, _ := s.LoadSample()
	if again != id {
		t.Fatal("second load made a new article")
	}
	if acts, _ := s.Actors(); len(acts) != 6 {
		t.Fatalf("%d actors", len(acts))
	}
}

func TestUndoRedoAcrossRecords(t *testing.T) {
	s := newSession(t)
	id, _ := s.LoadSample()
	s.history.forget() // the sample is not an edit
	start := dump(t, s)
	a := data.Actor{Name: "Ali Ahmad", Kind: data.KindPerson}
	if err := s.SaveActor(&a); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.EventsOf(id)
	e := evs[0]
	e.Recipients = append(e.Recipients, a.ID)
	s.SaveEvent(&e, "recipients")
	e.Notes = "n"
	s.SaveEvent(&e, "notes")
	e.Notes = "no"
	s.SaveEvent(&e, "notes") // typing in one field merges into one step
	s.DeleteEvent(evs[1].ID, evs[1].Version)
	edited := dump(t, s)
	for range 4 {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if s.CanUndo() || dump(t, s) != start {
		t.Fatalf("undo did not return to the start (can undo: %v)", s.CanUndo())
	}
	for range 4 {
		if _, err := s.Redo(); err != nil {
			t.Fatal(err)
		}
	}
	if dump(t, s) != edited {
		t.Fatal("redo did not bring the edits back")
	}
	if s.UndoLabel() != "delete event" {
		t.Fatalf("undo label %q", s.UndoLabel())
	}
}

func TestMentions(t *testing.T) {
	s := newSession(t)
	id, _ := s.LoadSample()
	art, _ := s.Article(id)
	ms, err := s.Mentions(art.Text)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(art.Text)
	found := map[string]string{}
	for _, m := range ms {
		found[string(runes[m.Start:m.End])] = m.Kind
	}
	for text, kind := range map[string]string{"Sergei Shoigu": MentionActor, "Wang Yi": MentionActor, "IEA": MentionActor, "Kabul": MentionPlace, "Russia": MentionActor} {
		if found[text] != kind {
			t.Errorf("%q found as %q, want %q (all: %v)", text, found[text], kind, found)
		}
	}
}

func TestSearchActors(t *testing.T) {
	s := newSession(t)
	s.LoadSample()
	got, _ := s.SearchActors("shoi")
	if len(got) != 1 || got[0].Name != "Sergei Shoigu" {
		t.Fatalf("%+v", got)
	}
	if got, _ := s.SearchActors("iea"); len(got) != 1 {
		t.Fatalf("alias search: %+v", got)
	}
}

func TestSearchFollowsEdits(t *testing.T) {
	s := newSession(t)
	if err := s.OpenSearch(nil); err != nil {
		t.Fatal(err)
	}
	defer s.CloseSearch()
	id, _ := s.LoadSample()
	if hits, _ := s.Search(`"strategic security talks"`, 10); len(hits) != 2 {
		t.Fatalf("sample not indexed: %+v", hits)
	}
	evs, _ := s.EventsOf(id)
	e := evs[0]
	e.Notes = "zanzibar"
	s.SaveEvent(&e, "")
	if hits, _ := s.Search("zanzibar", 10); len(hits) != 1 || hits[0].ID != e.ID {
		t.Fatalf("edit not indexed: %+v", hits)
	}
	s.Undo()
	if hits, _ := s.Search("zanzibar", 10); len(hits) != 0 {
		t.Fatal("undo not indexed")
	}
	s.DeleteEvent(evs[1].ID, evs[1].Version)
	if hits, _ := s.Search(`"strategic security talks"`, 10); len(hits) != 1 || hits[0].Kind != "article" {
		t.Fatalf("deleted event still found: %+v", hits)
	}
}

// A search made while the index is being built says how far it has got.
func TestSearchDuringTheBuildSaysHowFar(t *testing.T) {
	s := newSession(t)
	if err := storetest.Generate(s.st, 3, 450); err != nil {
		t.Fatal(err)
	}
	var said string
	err := s.OpenSearch(func(done, total int) {
		if said == "" && done >= 200 {
			_, err := s.Search("talks", 10)
			said = data.ErrorMessage(err)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.CloseSearch()
	c, _ := s.st.Counts()
	if want := fmt.Sprintf("being brought up to date: 200 of %d records so far", c.Articles+c.Events+c.Actors); !strings.Contains(said, want) {
		t.Fatalf("a search during the build said %q", said)
	}
	if _, err := s.Search("talks", 10); err != nil {
		t.Fatalf("after the build: %v", err)
	}
}

func TestMergeMovesReferencesAndUndoes(t *testing.T) {
	s := newSession(t)
	id, _ := s.LoadSample()
	dup := data.Actor{Name: "S. Shoigu", Kind: data.KindPerson, Aliases: []string{"Shoigu"}}
	s.SaveActor(&dup)
	evs, _ := s.EventsOf(id)
	shoigu := evs[0].Actors[0]
	e := evs[3] // Shoigu → Xi: code a copy citing the duplicate
	e.Actors = []string{dup.ID}
	s.SaveEvent(&e, "")
	dups, _ := s.LikelyDuplicates()
	if len(dups) != 1 || !strings.Contains(dups[0].Reason, "shoigu") {
		t.Fatalf("duplicates: %+v", dups)
	}
	before := dump(t, s)
	if err := s.MergeActors(dup.ID, shoigu); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.st.Events(data.EventQuery{Actor: dup.ID}); len(got) != 0 {
		t.Fatalf("%d events still cite the merged actor", len(got))
	}
	tomb, _ := s.Actor(dup.ID)
	survivor, _ := s.Actor(shoigu)
	if tomb.MergedInto != shoigu || !strings.Contains(strings.Join(survivor.Aliases, ","), "S. Shoigu") {
		t.Fatalf("tombstone %+v survivor %+v", tomb, survivor)
	}
	rows, _ := s.Register()
	for _, r := range rows {
		if r.ID == dup.ID {
			t.Fatal("a merged actor is still in the register")
		}
		if r.ID == shoigu && r.Events != 3 {
			t.Fatalf("survivor has %d events, want 3", r.Events)
		}
	}
	s.Undo()
	if dump(t, s) != before {
		t.Fatal("undo did not restore both actors and the events exactly")
	}
}

func TestEventRowsFilter(t *testing.T) {
	s := newSession(t)
	id, _ := s.LoadSample()
	evs, _ := s.EventsOf(id)
	shoigu := evs[0].Actors[0]
	rows, _ := s.EventRows(EventFilter{Actor: shoigu, From: "2025-01-01", To: "2025-12-31"})
	if len(rows) != 2 || rows[0].Date != "2025-02-24" && rows[0].Date != "2025-02-28" {
		t.Fatalf("Shoigu in 2025: %+v", rows)
	}
	for _, r := range rows {
		if !strings.Contains(r.Actors, "Sergei Shoigu") || r.Date < "2025-01-01" {
			t.Fatalf("row does not match: %+v", r)
		}
	}
	if rows, _ := s.EventRows(EventFilter{Flag: "historical"}); len(rows) != 1 || rows[0].Place != "Kabul" {
		t.Fatalf("historical: %+v", rows)
	}
	if rows, _ := s.EventRows(EventFilter{Country: "AFG"}); len(rows) != 1 {
		t.Fatalf("country AFG: %+v", rows)
	}
	if rows, _ := s.EventRows(EventFilter{Types: []string{"AGREE"}}); len(rows) != 1 || rows[0].QuadClass != 1 {
		t.Fatalf("AGREE: %+v", rows)
	}
}

// One link of the network grouped by country: what actors of one country
// did to those of another, "-" standing for actors without a country.
func TestEventRowsCountryPair(t *testing.T) {
	s := newSession(t)
	put := func(name, country string) string {
		a := &data.Actor{Name: name, Kind: data.KindGovernment, Country: country}
		if err := s.st.PutActor(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	rus, chn, usa, nobody := put("Russia", "RUS"), put("China", "CHN"), put("United States", "USA"), put("Unknown militia", "")
	for _, pair := range [][2]string{{rus, chn}, {rus, usa}, {nobody, chn}, {chn, rus}} {
		if err := s.st.PutEvent(context.Background(), &data.Event{Type: "CONSULT", Actors: []string{pair[0]}, Recipients: []string{pair[1]}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		f    EventFilter
		want string
	}{
		{EventFilter{Country: "RUS", RecipientCountry: "CHN"}, "Russia→China"},
		{EventFilter{Country: NoCountry, RecipientCountry: "CHN"}, "Unknown militia→China"},
		{EventFilter{Country: NoCountry}, "Unknown militia→China"},
		{EventFilter{Country: "CHN", RecipientCountry: NoCountry}, ""},
		{EventFilter{Country: "RUS", RecipientCountry: "USA"}, "Russia→United States"},
	} {
		f, want := c.f, c.want
		var got []string
		rows, _ := s.EventRows(f)
		for _, r := range rows {
			got = append(got, r.Actors+"→"+r.Recipients)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%+v: %v, want %s", f, got, want)
		}
	}
}

func TestDeletedArticleLeavesSearch(t *testing.T) {
	s := newSession(t)
	s.OpenSearch(nil)
	defer s.CloseSearch()
	id, _, _ := s.AddText("Harbour talks\n\nThe harbour master of Valletta met inspectors on Tuesday.")
	if hits, _ := s.Search("valletta", 5); len(hits) != 1 {
		t.Fatalf("new article not found: %+v", hits)
	}
	if err := s.DeleteArticle(id, 1); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search("valletta", 5); len(hits) != 0 {
		t.Fatalf("deleted article still found: %+v", hits)
	}
}

func TestAcceptAndRejectSuggestions(t *testing.T) {
	s := newSession(t)
	id, _, _ := s.AddText(SampleText())
	sgs, err := s.Suggestions(id)
	if err != nil {
		t.Fatal(err)
	}
	var e1, other suggest.Suggestion
	for _, sg := range sgs {
		if sg.Kind == suggest.Event && sg.Date == "2025-02-28" && sg.Type == "CONSULT" {
			e1 = sg
		} else if sg.Kind == suggest.Event && other.Kind == "" {
			other = sg
		}
	}
	if e1.Kind == "" || other.Kind == "" {
		t.Fatalf("suggestions: %+v", sgs)
	}
	evID, err := s.AcceptSuggestion(id, e1)
	if err != nil {
		t.Fatal(err)
	}
	ev, _ := s.Event(evID)
	art, _ := s.Article(id)
	if ev.Type != "CONSULT" || ev.Location.Name != "Beijing" || len(ev.Actors) != 1 || len(ev.Recipients) != 1 ||
		string([]rune(art.Text)[ev.Evidence[0].Start:ev.Evidence[0].End]) != e1.Text {
		t.Fatalf("accepted event: %+v", ev)
	}
	shoigu, _ := s.Actor(ev.Actors[0])
	if shoigu.Name != "Sergei Shoigu" || shoigu.Country != "RUS" || shoigu.Kind != data.KindPerson {
		t.Fatalf("actor created: %+v", shoigu)
	}
	before := dump(t, s)
	if err := s.RejectSuggestion(id, other); err != nil {
		t.Fatal(err)
	}
	if dump(t, s) != before {
		t.Fatal("rejecting changed the records")
	}
	again, _ := s.Suggestions(id)
	for _, sg := range again {
		if sg.Kind == other.Kind && sg.Start == other.Start {
			t.Fatal("a rejected suggestion came back")
		}
	}
	s.Undo() // the rejection
	s.Undo() // the accepted event and its actors
	if n, _ := s.st.Counts(); n.Events != 0 || n.Actors != 0 {
		t.Fatalf("undo left %+v", n)
	}
}

// Accepting a pronoun, a title or an acting country stores the actor it
// stands for, once.
func TestAcceptReferences(t *testing.T) {
	s := newSession(t)
	id, _, _ := s.AddText("Visit to Tirana\n\nDefence Minister Lena Markova visited Tirana on Monday. She later criticised the plan. The United States strongly condemns the shelling of Vlora.")
	sgs, err := s.Suggestions(id)
	if err != nil {
		t.Fatal(err)
	}
	pick := func(kind, text string) suggest.Suggestion {
		for _, sg := range sgs {
			if sg.Kind == kind && (sg.Text == text || strings.HasPrefix(sg.Text, text) && kind == suggest.Event) {
				return sg
			}
		}
		t.Fatalf("no %s %q in %+v", kind, text, sgs)
		return suggest.Suggestion{}
	}
	she, err := s.AcceptSuggestion(id, pick(suggest.Person, "She"))
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Actor(she); a.Name != "Lena Markova" || a.Kind != data.KindPerson || len(a.Roles) != 1 || a.Roles[0].Post != "Defence Minister" {
		t.Fatalf("accepting “She” stored %+v", a)
	}
	after, _ := s.Suggestions(id)
	for _, sg := range after {
		if sg.Kind == suggest.Person && suggest.PartyName(sg) == "Lena Markova" {
			t.Fatalf("%q is still offered once Lena Markova is in the register", sg.Text)
		}
	}
	us, err := s.AcceptSuggestion(id, pick(suggest.Organisation, "The United States"))
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Actor(us); a.Name != "United States" || a.Kind != data.KindGovernment || a.Country != "USA" {
		t.Fatalf("accepting “The United States” stored %+v", a)
	}
	evID, err := s.AcceptSuggestion(id, pick(suggest.Event, "She later criticised"))
	if err != nil {
		t.Fatal(err)
	}
	if ev, _ := s.Event(evID); len(ev.Actors) != 1 || ev.Actors[0] != she {
		t.Fatalf("the event's actor is %v, want Lena Markova (%s)", ev.Actors, she)
	}
	if n, _ := s.st.Counts(); n.Actors != 2 {
		t.Fatalf("%d actors stored, want 2", n.Actors)
	}
}

// An accepted event keeps the casualties its sentence gives.
func TestAcceptedEventKeepsItsCasualties(t *testing.T) {
	s := newSession(t)
	id, _, _ := s.AddText("Strike on a market\n\nALEPPO, March 2, 2025 - An air strike killed at least 12 people and wounded 30 in Aleppo on Sunday.\n")
	sgs, err := s.Suggestions(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, sg := range sgs {
		if sg.Kind != suggest.Event {
			continue
		}
		evID, err := s.AcceptSuggestion(id, sg)
		if err != nil {
			t.Fatal(err)
		}
		if ev, _ := s.Event(evID); ev.Size.Label() != "12 killed, 30 injured" {
			t.Fatalf("accepted event's casualties: %q", ev.Size.Label())
		}
		return
	}
	t.Fatalf("no event suggested: %+v", sgs)
}
