package app

import (
	"context"
	"reflect"
	"testing"

	"dossier/app/geomap"
	"dossier/data"
	"dossier/data/storetest"
)

// TestMapSpotsAreEveryPlacedEvent: over several parts' worth of events,
// the map's spots are every placed event's, in the order the store lists
// them, and the others are counted as unplaced.
func TestMapSpotsAreEveryPlacedEvent(t *testing.T) {
	s := newSession(t)
	if err := storetest.GenerateMap(s.Store(), 5000); err != nil {
		t.Fatal(err)
	}
	var want []geomap.Spot
	unplaced := 0
	err := s.Store().EachEventBrief(data.EventQuery{}, func(e *data.Event) error {
		if sp, ok := geomap.SpotOf(e); ok {
			want = append(want, sp)
		} else {
			unplaced++
		}
		return nil
	})
	if err != nil || len(want) < 4000 || unplaced == 0 {
		t.Fatalf("the generated events: %d placed, %d not (%v)", len(want), unplaced, err)
	}
	spots, n, err := s.MapSpots(context.Background(), EventFilter{})
	if err != nil || n != unplaced || !reflect.DeepEqual(spots, want) {
		t.Fatalf("MapSpots: %d spots (want %d), %d unplaced (want %d), %v", len(spots), len(want), n, unplaced, err)
	}
}
