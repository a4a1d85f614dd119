package app

import (
	"context"

	"dossier/app/network"
	"dossier/data"
)

// Network is the link chart of the events the filter selects: who did
// what to whom, one link per actor and recipient.
func (s *Session) Network(f EventFilter) (*network.Graph, error) {
	acts, err := s.st.Actors()
	if err != nil {
		return nil, err
	}
	actors := make(map[string]data.Actor, len(acts))
	for _, a := range acts {
		actors[a.ID] = a
	}
	reliability, err := s.reliabilities(f.MinGrade != data.Grade{})
	if err != nil {
		return nil, err
	}
	b := network.NewBuilder(actors)
	err = s.st.EachEvent(data.EventQuery{From: f.From, To: f.To, Actor: f.Actor, Article: f.Article}, func(e *data.Event) error {
		if f.keeps(e, actors, e.Grade(reliability)) {
			b.Add(e)
		}
		return nil
	})
	return b.Graph(), err
}

// NetworkMeasures measures every actor's place in the network of all the
// events (degrees, betweenness, PageRank, community), by actor id; actors
// in no event have none. progress hears how far it has come.
func (s *Session) NetworkMeasures(ctx context.Context, progress func(done, total int)) (map[string]network.Measures, error) {
	g, err := s.Network(EventFilter{})
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
