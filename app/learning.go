package app

import (
	"sync"

	"dossier/app/suggest"
	"dossier/data"
)

// modelMark is where the learned model is kept in the database (it is
// backed up with it, and stays on this analyst's computer).
const modelMark = "learning/model"

// teachingPasses is how many passes a batch of the analyst's decisions is
// learned in.
const teachingPasses = 5

// learner keeps the suggestion model of a database and teaches it the
// analyst's decisions in the background, one batch at a time: suggestions
// read the current model while the next one is learned on a copy.
type learner struct {
	st      data.Store
	mu      sync.Mutex
	model   *suggest.Model // nil until loaded
	pending []lesson
	running sync.WaitGroup
	busy    bool
}

// lesson is one decision: an example to learn, a rejection to remember, or
// an event's evidence with the code the analyst gave it.
type lesson struct {
	example suggest.Example
	reject  *suggest.Annotation
	event   [2]string // evidence, CAMEO code
}

// current is the model to suggest with (an empty one when nothing was
// learned, or the saved one cannot be read).
func (l *learner) current() *suggest.Model {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.model == nil {
		l.model = suggest.NewModel()
		if b, err := l.st.Mark(modelMark); err == nil && b != "" {
			if m, err := suggest.UnmarshalModel([]byte(b)); err == nil {
				l.model = m
			}
		}
	}
	return l.model
}

// teach queues decisions and learns them in the background.
func (l *learner) teach(ls ...lesson) {
	l.current()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending = append(l.pending, ls...)
	if !l.busy {
		l.busy = true
		l.running.Add(1)
		go l.learn()
	}
}

// learn takes what waits, learns it on a copy of the model, saves the copy
// and makes it current, until nothing waits.
func (l *learner) learn() {
	defer l.running.Done()
	for {
		l.mu.Lock()
		batch, base := l.pending, l.model
		l.pending = nil
		if len(batch) == 0 {
			l.busy = false
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
		next := base.Clone()
		var examples []suggest.Example
		for _, ls := range batch {
			switch {
			case ls.event[0] != "":
				next.TeachEvent(ls.event[0], ls.event[1])
				continue
			case ls.reject != nil:
				next.Reject(ls.example.Text, *ls.reject)
			}
			examples = append(examples, ls.example)
		}
		if len(examples) > 0 {
			next = next.Learn(examples, teachingPasses)
		}
		l.save(next) // in the background: a save that fails is made good by the next batch's
		l.mu.Lock()
		l.model = next
		l.mu.Unlock()
	}
}

// save keeps m in the database.
func (l *learner) save(m *suggest.Model) error {
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	return l.st.SetMark(modelMark, string(b))
}

// replace makes m the model, saved (the learn command's teaching).
func (l *learner) replace(m *suggest.Model) error {
	if err := l.save(m); err != nil {
		return err
	}
	l.mu.Lock()
	l.model = m
	l.mu.Unlock()
	return nil
}

// settle waits for the background learning to finish.
func (l *learner) settle() { l.running.Wait() }

// Teach tells the model that words of an article the analyst coded by
// hand are a person, organisation, location or nationality.
func (s *Session) Teach(articleID string, kind string, start, end int) error {
	a, err := s.st.Article(articleID)
	if err != nil {
		return err
	}
	if end <= start || end > len([]rune(a.Text)) {
		return data.Errorf(data.EInvalid, "Those words are not in the article.")
	}
	s.learner.teach(lesson{example: suggest.Example{Text: a.Text, Entities: []suggest.Annotation{{Kind: kind, Start: start, End: end}}}})
	return nil
}

// KindOfActor is the kind the model learns an actor's names as.
func KindOfActor(a *data.Actor) string {
	if a.Kind == data.KindPerson {
		return suggest.Person
	}
	return suggest.Organisation
}

// LearnFrom teaches the model complete examples (every entity listed) and
// saves it; it returns how many entities it learned from.
func (s *Session) LearnFrom(examples []suggest.Example) (int, error) {
	s.learner.settle()
	next := s.learner.current().Clone().Learn(examples, suggest.LearningPasses)
	entities := 0
	for _, ex := range examples {
		entities += len(ex.Entities)
	}
	return entities, s.learner.replace(next)
}

// SettleLearning waits until the decisions made so far are learned.
func (s *Session) SettleLearning() { s.learner.settle() }

// LearnedModel is the model a database has learned (empty when none), for
// suggesting outside a session.
func LearnedModel(st data.Store) *suggest.Model { return (&learner{st: st}).current() }
