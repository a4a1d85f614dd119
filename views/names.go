package views

import (
	"strings"

	"dossier/data"
)

// actorReader reads one actor.
type actorReader interface {
	Actor(id string) (*data.Actor, error)
}

// actorNames caches actors' names for display, and forgets those the
// change feed says have changed.
type actorNames struct {
	actors actorReader
	cache  map[string]string
}

func newActorNames(actors actorReader) *actorNames {
	return &actorNames{actors: actors, cache: map[string]string{}}
}

// name is an actor's name, or its id when it cannot be read.
func (n *actorNames) name(id string) string {
	if s, ok := n.cache[id]; ok {
		return s
	}
	s := id
	if a, err := n.actors.Actor(id); err == nil {
		s = a.Name
	}
	n.cache[id] = s
	return s
}

// join names several actors, "–" for none.
func (n *actorNames) join(ids []string) string {
	if len(ids) == 0 {
		return "–"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.name(id)
	}
	return strings.Join(out, ", ")
}

// forget drops the names of actors that changed.
func (n *actorNames) forget(cs []data.Change) {
	for _, c := range cs {
		switch {
		case c.Reset:
			n.cache = map[string]string{}
		case c.Record == data.RecordActor:
			delete(n.cache, c.ID)
		}
	}
}
