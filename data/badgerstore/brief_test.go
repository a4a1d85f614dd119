package badgerstore

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"unsafe"

	"dossier/data"
)

func count(n int) *int { return &n }

// fullEvent has every field an event can have set.
func fullEvent() *data.Event {
	return &data.Event{ID: "ev-1", Article: "ar-1", Type: "ASSAULT", Mode: "aerial", Contexts: []string{"military"},
		CAMEO: "195", Date: data.EventDate{Start: "2024-03-01", End: "2024-03-02", Precision: "day", Raw: "early March"},
		Actors: []string{"ac-1", "ac-2"}, Recipients: []string{"ac-3"},
		Location:   &data.Location{Name: "Kharkiv", PlaceID: "706483", Lat: 49.98081, Lon: 36.25272, Country: "UKR", Admin1: "Kharkivska", Precision: "city"},
		Flags:      data.Flags{Historical: true, Negated: true},
		Size:       data.Size{Fatalities: count(0), Arrested: count(data.MaxCount)},
		Confidence: "high", Credibility: "2", Notes: "a note", Tags: []string{"t"}, Coder: "ana",
		Evidence: []data.Span{{Article: "ar-1", Start: 3, End: 9, Quote: "struck"}, {Article: "ar-2", Start: 1, End: 2}, {Article: "ar-1", Start: 20, End: 30}},
		Reports:  []string{"ar-9"}, Merged: []string{"ev-0"}, Distinct: []string{"ev-7"}}
}

// A brief reads back as Event.Brief says, with and without a place or
// counts, and its evidence names each article once.
func TestBriefReadsBackAsEventBrief(t *testing.T) {
	bare := &data.Event{ID: "ev-2", Type: "CONSULT"}
	for _, e := range []*data.Event{fullEvent(), bare} {
		var got data.Event
		if err := decodeBrief(encodeBrief(e), &got); err != nil {
			t.Fatal(err)
		}
		if want := e.Brief(); !reflect.DeepEqual(got, want) {
			t.Fatalf("brief of %s:\n got %+v\nwant %+v", e.ID, got, want)
		}
	}
	if b := fullEvent().Brief(); len(b.Evidence) != 2 || b.Evidence[1] != (data.Span{Article: "ar-2"}) || b.Notes != "" || b.Date.Raw != "" {
		t.Fatalf("Brief kept too much or too little: %+v", b)
	}
}

// A damaged brief is an error, never a wrong event: cut anywhere, with a
// byte too many, of another form, or with a count beyond any possible;
// read whole or only for the map.
func TestDamagedBriefIsRefused(t *testing.T) {
	for what, decode := range map[string]func([]byte, *data.Event) error{"whole": decodeBrief, "for the map": newSpotDecoder()} {
		t.Run(what, func(t *testing.T) { damagedBriefIsRefused(t, decode) })
	}
}

func damagedBriefIsRefused(t *testing.T, decodeBrief func([]byte, *data.Event) error) {
	b := encodeBrief(fullEvent())
	var e data.Event
	for n := range len(b) {
		if err := decodeBrief(b[:n], &e); err == nil {
			t.Fatalf("a brief cut to %d of %d bytes was read", n, len(b))
		}
	}
	if err := decodeBrief(append(b[:len(b):len(b)], 0), &e); err == nil {
		t.Fatal("a brief with a byte left over was read")
	}
	other := append([]byte{briefForm + 1}, b[1:]...)
	if err := decodeBrief(other, &e); err == nil {
		t.Fatal("a brief of an unknown form was read")
	}
	huge := encodeBrief(&data.Event{ID: "ev-3", Size: data.Size{Injured: count(data.MaxCount + 1)}})
	if err := decodeBrief(huge, &e); err == nil {
		t.Fatal("a count above MaxCount was read")
	}
	bare := encodeBrief(&data.Event{ID: "ev-4"})
	for _, at := range []int{len(bare) - 5, len(bare) - 1} { // the flags, the place's marker
		bad := slices.Clone(bare)
		bad[at] = 0x80
		if err := decodeBrief(bad, &e); err == nil {
			t.Fatalf("a brief with byte %d of %d damaged was read", at, len(bare))
		}
	}
	long := append([]byte{briefForm}, 0xff, 0xff, 0xff, 0xff, 0x0f) // an id of 4 GB
	if err := decodeBrief(long, &e); err == nil {
		t.Fatal("a string longer than the brief was read")
	}
}

// TestFirstArticleOfBrief: the article read from a brief in place is the
// first that Event.Articles lists; a brief cut short or of another form
// is refused.
func TestFirstArticleOfBrief(t *testing.T) {
	span := func(art string) []data.Span { return []data.Span{{Article: art}} }
	for _, e := range []*data.Event{
		fullEvent(),
		{ID: "ev-1", Type: "AID", Actors: []string{"ac-1"}, Evidence: append(span(""), span("ar-2")...), Reports: []string{"ar-3"}},
		{ID: "ev-2", Recipients: []string{"ac-1", "ac-2"}, Reports: []string{"ar-3", "ar-4"}},
		{ID: "ev-3"},
	} {
		b := encodeBrief(e)
		got, err := firstArticle(b)
		want := ""
		if ids := e.Articles(); len(ids) > 0 {
			want = ids[0]
		}
		if err != nil || string(got) != want {
			t.Errorf("%s: first article %q %v, want %q", e.ID, got, err, want)
		}
	}
	if _, err := firstArticle([]byte{briefForm, 3, 'e'}); err == nil {
		t.Error("a brief cut in its id was read")
	}
	if _, err := firstArticle([]byte{briefForm + 1}); err == nil {
		t.Error("a brief of an unknown form was read")
	}
}

// A walk of briefs keeps one copy of a word its events share, per worker:
// a million events of a few dozen types hold a few dozen copies of them,
// not a million. The ids stay each event's own, and the words kept stop
// at maxWords (what follows is copied, and still read right).
func TestWalkOfBriefsSharesWords(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutActor(context.Background(), &data.Actor{ID: "ac-1", Name: "Students", Kind: data.KindOrganisation}); err != nil {
		t.Fatal(err)
	}
	n := 3*decodeBatch + 11
	for i := range n {
		e := &data.Event{ID: fmt.Sprintf("ev-%05d", i), Type: "PROTEST", Date: data.EventDate{Start: "2024-05-01"}, Actors: []string{"ac-1"},
			Location: &data.Location{Name: "Lviv", Country: "UKR", Lat: 49.84, Lon: 24.03}}
		if err := s.PutEvent(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	copies := map[string]map[*byte]bool{}
	count := func(what, s string) {
		if copies[what] == nil {
			copies[what] = map[*byte]bool{}
		}
		copies[what][unsafe.StringData(s)] = true
	}
	err = s.EachEventBrief(data.EventQuery{}, func(e *data.Event) error {
		for what, s := range map[string]string{"type": e.Type, "date": e.Date.Start, "actor": e.Actors[0], "place": e.Location.Name, "country": e.Location.Country, "id": e.ID} {
			count(what, s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	most := 2 * runtime.GOMAXPROCS(0)
	for what, seen := range copies {
		if what == "id" && len(seen) != n || what != "id" && len(seen) > most {
			t.Errorf("%d events hold %d copies of their %s", n, len(seen), what)
		}
	}
	w := newWords()
	for i := range maxWords + 10 {
		w.word(fmt.Appendf(nil, "w%d", i))
	}
	if len(w.of) != maxWords || w.word([]byte("w1")) != "w1" || w.word([]byte("past")) != "past" || len(w.of) != maxWords {
		t.Fatalf("%d words kept, bound %d", len(w.of), maxWords)
	}
}
