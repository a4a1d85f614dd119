package app

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"dossier/data"
)

// EventPair is two events that are probably one, reported twice: how
// likely (0–1) and what matched, as a match card says it.
type EventPair struct {
	A, B    data.Event
	Score   float64
	Matched []string
}

// Duplicate events are looked for among events of the same PLOVER type
// whose start dates are at most maxDaysApart apart; a pair is offered from
// minPairScore. Events without a date are not compared: nothing says they
// happened at the same time.
const (
	maxDaysApart = 3
	minPairScore = 0.7
	nearKm       = 10 // two places this close are one place
	farKm        = 50 // two places this far apart are two events
)

// DuplicateEvents lists the pairs of events that are likely one, most
// likely first, leaving out the pairs the analyst told apart.
func (s *Session) DuplicateEvents() ([]EventPair, error) {
	var evs []dated
	err := s.st.EachEvent(data.EventQuery{}, func(e *data.Event) error {
		if t, err := time.Parse(data.DateLayout, e.Date.Start); err == nil {
			c := *e
			evs = append(evs, dated{&c, int(t.Unix() / 86400)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return likelyDuplicates(evs), nil
}

// dated is an event with its start as a day number.
type dated struct {
	e   *data.Event
	day int
}

// likelyDuplicates compares each event with the later ones of its type up
// to maxDaysApart away (sorted by type and day, so a window, not every
// pair).
func likelyDuplicates(evs []dated) []EventPair {
	sort.Slice(evs, func(i, j int) bool {
		if evs[i].e.Type != evs[j].e.Type {
			return evs[i].e.Type < evs[j].e.Type
		}
		return evs[i].day < evs[j].day
	})
	var pairs []EventPair
	for i, a := range evs {
		for _, b := range evs[i+1:] {
			if b.e.Type != a.e.Type || b.day-a.day > maxDaysApart {
				break
			}
			if score, ok := scorePair(a.e, b.e, b.day-a.day); ok {
				pairs = append(pairs, EventPair{A: *a.e, B: *b.e, Score: score, Matched: matched(a.e, b.e, b.day-a.day)})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].Score > pairs[j].Score })
	return pairs
}

// scorePair scores two events of one type, apart by that many days: the
// dates weigh a quarter, the place a quarter, the actors 0.3 and the
// recipients 0.2. A place far from the other, a mode that differs or a pair
// told apart is never a duplicate.
func scorePair(a, b *data.Event, days int) (float64, bool) {
	if slices.Contains(a.Distinct, b.ID) || slices.Contains(b.Distinct, a.ID) ||
		a.Mode != "" && b.Mode != "" && a.Mode != b.Mode {
		return 0, false
	}
	place, _, ok := comparePlaces(a.Location, b.Location)
	if !ok {
		return 0, false
	}
	actors, _ := overlap(a.Actors, b.Actors)
	recipients, _ := overlap(a.Recipients, b.Recipients)
	score := 0.25*(1-float64(days)/float64(maxDaysApart+1)) + 0.25*place + 0.3*actors + 0.2*recipients
	score = math.Round(score*100) / 100
	return score, score >= minPairScore
}

// matched says what two events share, as the pair's card lists it.
func matched(a, b *data.Event, days int) []string {
	out := []string{"same type " + a.Type}
	if days == 0 {
		out = append(out, "same day")
	} else {
		out = append(out, fmt.Sprintf("%d day(s) apart", days))
	}
	if _, place, _ := comparePlaces(a.Location, b.Location); place != "" {
		out = append(out, place)
	}
	if _, n := overlap(a.Actors, b.Actors); n > 0 {
		out = append(out, fmt.Sprintf("%d actor(s) in common", n))
	}
	if _, n := overlap(a.Recipients, b.Recipients); n > 0 {
		out = append(out, fmt.Sprintf("%d recipient(s) in common", n))
	}
	return out
}

// comparePlaces scores two places: 1 for one place (same gazetteer id,
// name or within nearKm), 0.3 for the same country, 0.5 when either is not
// known; two places more than farKm apart, or in two countries, are two
// events (false).
func comparePlaces(a, b *data.Location) (float64, string, bool) {
	if a == nil || b == nil || a.Name == "" && a.Lat == 0 && a.Country == "" || b.Name == "" && b.Lat == 0 && b.Country == "" {
		return 0.5, "", true
	}
	coords := (a.Lat != 0 || a.Lon != 0) && (b.Lat != 0 || b.Lon != 0)
	km := 0.0
	if coords {
		km = distanceKm(a.Lat, a.Lon, b.Lat, b.Lon)
	}
	switch {
	case a.PlaceID != "" && a.PlaceID == b.PlaceID, a.Name != "" && strings.EqualFold(a.Name, b.Name) && (!coords || km <= farKm):
		return 1, "same place " + a.Name, true
	case coords && km <= nearKm:
		return 1, fmt.Sprintf("places %.0f km apart", km), true
	case coords && km > farKm, a.Country != "" && b.Country != "" && a.Country != b.Country:
		return 0, "", false
	case a.Country != "" && a.Country == b.Country:
		return 0.3, "same country " + a.Country, true
	}
	return 0.5, "", true
}

// overlap is how far the shorter of two lists of parties is contained in
// the longer (one outlet often names fewer of the parties than another),
// 0.5 when either names none (nothing to compare), and how many they share.
func overlap(a, b []string) (float64, int) {
	if len(a) == 0 || len(b) == 0 {
		return 0.5, 0
	}
	shared := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			shared++
		}
	}
	return float64(shared) / float64(min(len(a), len(b))), shared
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// MergeEvents folds event other into event keep, as one transaction and
// one undoable step: keep gains other's evidence and the articles that
// report other (its number of sources grows) and names other among those
// merged into it; other is deleted. Colleagues receive both changes, so a
// merge made here is a merge on every database. It is refused, changing
// nothing, when either event changed under it.
func (s *Session) MergeEvents(keep, other string) error {
	if keep == other {
		return data.Errorf(data.EInvalid, "An event cannot be merged into itself.")
	}
	defer s.history.hold()()
	k, err := s.st.Event(keep)
	if err != nil {
		return err
	}
	o, err := s.st.Event(other)
	if err != nil {
		return err
	}
	before := snapshot(k)
	merged := foldEvent(*k, o)
	batch := &data.Batch{Events: []*data.Event{&merged}, Deletes: []data.Ref{{Record: data.RecordEvent, ID: o.ID, Version: o.Version}}}
	if err := s.st.Commit(s.ctx(s.origin), batch); err != nil {
		return err
	}
	s.history.push(change{label: "merge two " + k.Type + " events", kind: data.RecordEvent, id: keep, before: before, after: snapshot(&merged),
		version: merged.Version, at: time.Now(),
		more: []change{{kind: data.RecordEvent, id: o.ID, before: snapshot(o), version: o.Version + 1}}})
	return nil
}

// foldEvent is keep with other's sources: its evidence spans, its articles
// (those without a quote among the reports) and its own merged events.
func foldEvent(keep data.Event, other *data.Event) data.Event {
	keep.Evidence = slices.Clone(keep.Evidence)
	for _, sp := range other.Evidence {
		if !slices.ContainsFunc(keep.Evidence, func(x data.Span) bool {
			return x.Article == sp.Article && x.Start == sp.Start && x.End == sp.End
		}) {
			keep.Evidence = append(keep.Evidence, sp)
		}
	}
	for _, id := range other.Articles() {
		if !slices.Contains(keep.Articles(), id) {
			keep.Reports = append(slices.Clone(keep.Reports), id)
		}
	}
	keep.Merged = appendOnce(slices.Clone(keep.Merged), other.ID)
	for _, id := range other.Merged {
		keep.Merged = appendOnce(keep.Merged, id)
	}
	return keep
}

// TellApart records that two events the duplicates list paired are two
// events, as one undoable step, so that the pair is not offered again.
func (s *Session) TellApart(a, b string) error {
	e, err := s.st.Event(a)
	if err != nil {
		return err
	}
	if _, err := s.st.Event(b); err != nil {
		return err
	}
	e.Distinct = appendOnce(slices.Clone(e.Distinct), b)
	return s.SaveEvent(e, "")
}

// MergedInto is the event another was merged into ("" when none holds it).
func (s *Session) MergedInto(id string) (string, error) {
	into := ""
	err := s.st.EachEvent(data.EventQuery{}, func(e *data.Event) error {
		if slices.Contains(e.Merged, id) {
			into = e.ID
		}
		return nil
	})
	return into, err
}
