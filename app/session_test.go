package app

import (
	"encoding/json"
	"testing"

	"dossier/data"
	"dossier/data/badgerstore"
)

func newSession(t *testing.T) *Session {
	t.Helper()
	st, err := badgerstore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewSession(st, "test")
}

// dump is the store's events and actors, without the fields every write changes.
func dump(t *testing.T, s *Session) string {
	t.Helper()
	evs, _ := s.st.Events(data.EventQuery{})
	acts, _ := s.st.Actors()
	for i := range evs {
		evs[i].Version, evs[i].Updated = 0, evs[i].Created
	}
	for i := range acts {
		acts[i].Updated = acts[i].Created
	}
	b, _ := json.Marshal([]any{evs, acts})
	return string(b)
}

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
	s.history = history{} // the sample is not an edit
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
	s.DeleteEvent(evs[1].ID)
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
	s.dbPath = t.TempDir() + "/db"
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
	s.DeleteEvent(evs[1].ID)
	if hits, _ := s.Search(`"strategic security talks"`, 10); len(hits) != 1 || hits[0].Kind != "article" {
		t.Fatalf("deleted event still found: %+v", hits)
	}
}
