package app

import (
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
