package app

import (
	"context"
	"slices"

	"dossier/app/geomap"
	"dossier/app/network"
	"dossier/data"
)

// Network is the link chart of the events the filter selects: who did
// what to whom, one link per actor and recipient. The links that count
// one of the marked events (ids; nil marks none) are Marked.
func (s *Session) Network(ctx context.Context, f EventFilter, marked map[string]bool) (*network.Graph, error) {
	actors, each, err := s.filtered(ctx, f)
	if err != nil {
		return nil, err
	}
	b := network.NewBuilder(actors).Marking(marked)
	err = each(b.Add)
	return b.Graph(), err
}

// MapSpots are the events the filter selects that have coordinates, as
// the map places them, and how many others it selects (no coordinates).
func (s *Session) MapSpots(ctx context.Context, f EventFilter) ([]geomap.Spot, int, error) {
	each := func(fn func(*data.Event)) error { // the map of every event reads only what it shows of them
		return s.st.EachEventSpot(ctx, func(e *data.Event) error { fn(e); return nil })
	}
	if !f.selectsAll() {
		var err error
		if _, each, err = s.filtered(ctx, f); err != nil {
			return nil, 0, err
		}
	}
	// The spots gather in parts and are put together once: a slice grown
	// a spot at a time to a million spots spent a second growing.
	var parts [][]geomap.Spot
	part := make([]geomap.Spot, 0, 1024)
	unplaced := 0
	err := each(func(e *data.Event) {
		sp, ok := geomap.SpotOf(e)
		if !ok {
			unplaced++
			return
		}
		if len(part) == cap(part) {
			parts = append(parts, part)
			part = make([]geomap.Spot, 0, min(2*cap(part), 1<<16))
		}
		part = append(part, sp)
	})
	return slices.Concat(append(parts, part)...), unplaced, err
}

// MapSpotsOf are the spots of some events (those that changed), by id:
// an event the filter does not keep, without coordinates or gone has none.
func (s *Session) MapSpotsOf(ids []string, f EventFilter) (map[string]geomap.Spot, error) {
	_, keep, err := s.keeper(f)
	if err != nil {
		return nil, err
	}
	out := make(map[string]geomap.Spot, len(ids))
	for _, id := range ids {
		e, err := s.st.Event(id)
		if data.ErrorCode(err) == data.ENotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		if sp, ok := geomap.SpotOf(e); ok && keep(e) {
			out[id] = sp
		}
	}
	return out, nil
}

// keeper is the register's actors and whether the filter keeps an event.
func (s *Session) keeper(f EventFilter) (map[string]data.Actor, func(*data.Event) bool, error) {
	acts, err := s.st.Actors()
	if err != nil {
		return nil, nil, err
	}
	actors := make(map[string]data.Actor, len(acts))
	for _, a := range acts {
		actors[a.ID] = a
	}
	reliability, err := s.reliabilities(f.MinGrade != data.Grade{})
	if err != nil {
		return nil, nil, err
	}
	return actors, func(e *data.Event) bool { return f.keeps(e, actors, e.Grade(reliability)) }, nil
}

// filtered is the register's actors and a walk over the events the filter
// keeps, for the pictures of them (network, map); the walk stops with the
// context's error once it is cancelled.
func (s *Session) filtered(ctx context.Context, f EventFilter) (map[string]data.Actor, func(func(*data.Event)) error, error) {
	actors, keep, err := s.keeper(f)
	if err != nil {
		return nil, nil, err
	}
	each := func(fn func(*data.Event)) error {
		stop := stopWhen(ctx)
		return s.st.EachEventBrief(data.EventQuery{From: f.From, To: f.To, Actor: f.Actor, Article: f.Article}, func(e *data.Event) error {
			if keep(e) {
				fn(e)
			}
			return stop()
		})
	}
	return actors, each, nil
}

// NetworkMeasures measures every actor's place in the network of all the
// events (degrees, betweenness, PageRank, community), by actor id; actors
// in no event have none. progress hears how far it has come.
func (s *Session) NetworkMeasures(ctx context.Context, progress func(done, total int)) (map[string]network.Measures, error) {
	g, err := s.Network(ctx, EventFilter{}, nil)
	if err != nil {
		return nil, err
	}
	a, err := network.Analyse(ctx, g, progress)
	if err != nil {
		return nil, err
	}
	out := make(map[string]network.Measures, len(g.Nodes))
	for i, n := range g.Nodes {
		out[n.ID] = a.Nodes[i]
	}
	return out, nil
}
