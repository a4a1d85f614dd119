package app

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"dossier/data"
)

// reportedTwice generates distinct events and, for some of them, a second
// report of the same event as another outlet would code it: a day or two
// off, at the same place or a few kilometres away (or none given), with
// the same parties or one of them missing. It returns the events and the
// pairs that are duplicates. The same seed gives the same set.
func reportedTwice(seed int64, distinct, twice int) ([]data.Event, map[[2]string]bool) {
	r := rand.New(rand.NewSource(seed))
	types := []string{"CONSULT", "AGREE", "ACCUSE", "ASSAULT", "PROTEST", "COERCE", "THREATEN", "AID"}
	type place struct {
		id       string
		lat, lon float64
	}
	places := make([]place, 300)
	for i := range places {
		places[i] = place{fmt.Sprintf("g%d", i), 30 + r.Float64()*10, 30 + r.Float64()*20}
	}
	actor := func() string { return fmt.Sprintf("ac-a%03d", r.Intn(400)) }
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	var evs []data.Event
	for i := range distinct {
		e := data.Event{ID: fmt.Sprintf("ev-d%05d", i), Type: types[r.Intn(len(types))],
			Date:   data.EventDate{Start: start.AddDate(0, 0, r.Intn(3*365)).Format(data.DateLayout)},
			Actors: []string{actor()}}
		if r.Intn(2) == 0 {
			e.Actors = append(e.Actors, actor())
		}
		for range r.Intn(3) {
			e.Recipients = append(e.Recipients, actor())
		}
		if r.Intn(10) > 0 {
			p := places[r.Intn(len(places))]
			e.Location = &data.Location{Name: p.id, PlaceID: p.id, Lat: p.lat, Lon: p.lon}
		}
		evs = append(evs, e)
	}
	truth := map[[2]string]bool{}
	for i := range twice {
		orig := evs[r.Intn(distinct)]
		d := orig
		d.ID = fmt.Sprintf("ev-t%05d", i)
		day, _ := time.Parse(data.DateLayout, orig.Date.Start)
		d.Date.Start = day.AddDate(0, 0, r.Intn(5)-2).Format(data.DateLayout)
		if orig.Location != nil {
			switch loc := *orig.Location; r.Intn(4) {
			case 0: // a few kilometres away, named otherwise
				loc.PlaceID, loc.Name, loc.Lat = "", "near "+loc.Name, loc.Lat+0.03
				d.Location = &loc
			case 1:
				d.Location = nil
			}
		}
		if len(orig.Actors) == 2 && r.Intn(3) == 0 {
			d.Actors = orig.Actors[:1]
		}
		evs = append(evs, d)
		truth[[2]string{orig.ID, d.ID}] = true
	}
	return evs, truth
}

// The pair list finds the second reports on a generated set with known
// duplicates, with precision and recall of at least 0.9 each.
func TestDuplicatePairsOnAGeneratedSet(t *testing.T) {
	evs, truth := reportedTwice(20261203, 3000, 300)
	var ds []dated
	for i := range evs {
		day, _ := time.Parse(data.DateLayout, evs[i].Date.Start)
		ds = append(ds, dated{&evs[i], int(day.Unix() / 86400)})
	}
	pairs := likelyDuplicates(ds)
	found := 0
	for _, p := range pairs {
		if truth[[2]string{p.A.ID, p.B.ID}] || truth[[2]string{p.B.ID, p.A.ID}] {
			found++
		}
	}
	precision, recall := float64(found)/float64(len(pairs)), float64(found)/float64(len(truth))
	t.Logf("%d pairs offered, %d of %d duplicates found: precision %.3f, recall %.3f", len(pairs), found, len(truth), precision, recall)
	if precision < 0.9 || recall < 0.9 {
		t.Fatalf("precision %.3f, recall %.3f: both should be at least 0.9", precision, recall)
	}
}

// Merging one of the worked example's events into another makes one event
// citing both events' evidence, the other gone, in one step that undo takes
// back whole and redo makes again; a pair told apart is not offered again.
func TestMergeEventsAndUndo(t *testing.T) {
	s := newSession(t)
	id, _ := s.LoadSample()
	evs, _ := s.EventsOf(id)
	keep, other := evs[0], evs[1]
	other.Type, other.Mode, other.CAMEO, other.Date, other.Location = keep.Type, keep.Mode, keep.CAMEO, keep.Date, keep.Location
	other.Actors, other.Recipients = keep.Actors, keep.Recipients
	if err := s.SaveEvent(&other, ""); err != nil {
		t.Fatal(err)
	}
	pairs, err := s.DuplicateEvents()
	if err != nil || len(pairs) != 1 || pairs[0].Score < 0.9 {
		t.Fatalf("the copied event is not offered as a duplicate: %+v %v", pairs, err)
	}
	before := dump(t, s)
	if err := s.MergeEvents(keep.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.st.Event(keep.ID)
	if _, err := s.st.Event(other.ID); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("the merged event is still there: %v", err)
	}
	if len(got.Evidence) != len(keep.Evidence)+len(other.Evidence) || len(got.Merged) != 1 || got.Merged[0] != other.ID {
		t.Fatalf("the kept event: %d spans, merged %v", len(got.Evidence), got.Merged)
	}
	if into, _ := s.MergedInto(other.ID); into != keep.ID {
		t.Fatalf("the merged event points to %q", into)
	}
	if label, err := s.Undo(); err != nil || label != "merge two "+keep.Type+" events" || dump(t, s) != before {
		t.Fatalf("undo %q (%v) did not bring both events back", label, err)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.st.Counts(); n.Events != 3 {
		t.Fatalf("after redo %d events", n.Events)
	}
	if err := s.MergeEvents(keep.ID, keep.ID); data.ErrorCode(err) != data.EInvalid {
		t.Fatalf("an event merged into itself: %v", err)
	}

	s.Undo()
	if err := s.TellApart(keep.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	if pairs, _ := s.DuplicateEvents(); len(pairs) != 0 {
		t.Fatalf("a pair told apart is offered again: %+v", pairs)
	}
}

// Two reports a few kilometres apart are one place; fifty kilometres apart
// they are two events.
func TestDuplicatePlaces(t *testing.T) {
	at := func(lat, lon float64) *data.Location { return &data.Location{Lat: lat, Lon: lon} }
	if score, _, ok := comparePlaces(at(36.20, 37.15), at(36.23, 37.16)); !ok || score != 1 {
		t.Errorf("3 km apart: %v %v", score, ok)
	}
	if _, _, ok := comparePlaces(at(36.20, 37.15), at(36.80, 37.15)); ok {
		t.Error("66 km apart counted as one place")
	}
	if km := distanceKm(33.5138, 36.2765, 36.2021, 37.1343); km < 300 || km > 320 {
		t.Errorf("Damascus to Aleppo: %.0f km", km)
	}
}

// A merge keeps the kept event's own fields and gains the other's
// sources: its quotes, and its article (without a quote of it) among the
// reports, so that the event's number of sources grows.
func TestFoldEventGainsTheOthersSources(t *testing.T) {
	keep := data.Event{ID: "ev-keep", Article: "ar-1", Type: "ASSAULT", Evidence: []data.Span{{Article: "ar-1", Start: 0, End: 5}}}
	other := data.Event{ID: "ev-other", Article: "ar-2", Type: "ASSAULT", Merged: []string{"ev-older"},
		Evidence: []data.Span{{Article: "ar-1", Start: 0, End: 5}, {Article: "ar-3", Start: 10, End: 20}}}
	got := foldEvent(keep, &other)
	if len(got.Evidence) != 2 || got.Evidence[1].Article != "ar-3" {
		t.Fatalf("evidence %+v", got.Evidence)
	}
	if fmt.Sprint(got.Reports) != "[ar-2]" || fmt.Sprint(got.Articles()) != "[ar-1 ar-3 ar-2]" || fmt.Sprint(got.Merged) != "[ev-other ev-older]" {
		t.Fatalf("reports %v, sources %v, merged %v", got.Reports, got.Articles(), got.Merged)
	}
	if len(keep.Evidence) != 1 {
		t.Fatal("the merge changed the event it was given")
	}
}
