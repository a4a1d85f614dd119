package app

import (
	"sync"

	"dossier/app/language"
	"dossier/app/suggest"
	"dossier/data"
)

// modelMark is where the model learned for a language is kept in the
// database (it is backed up with it, and stays on this analyst's
// computer). Before there were models by language, one was kept under
// legacyModelMark, learned from nothing: every language's model starts
// from it when it has none of its own.
func modelMark(lang string) string { return "learning/model/" + lang }

const legacyModelMark = "learning/model"

// teachingPasses is how many passes a batch of the analyst's decisions is
// learned in.
const teachingPasses = 5

// learner keeps the suggestion models of a database, one a language, and
// teaches them the analyst's decisions in the background, one batch at a
// time: suggestions read the current model while the next one is learned
// on a copy. Its methods (Teach, LearnFrom, SettleLearning) are the
// session's. A language Dossier ships a model for starts from it; what
// the database keeps is what the analyst taught on top of it.
type learner struct {
	st      data.Store
	mu      sync.Mutex
	models  map[string]*suggest.Model // by language, once loaded
	pending []lesson
	running sync.WaitGroup
	busy    bool
}

// lesson is one decision, in an article's language: an example to learn,
// a rejection to remember, or an event's evidence with the code the
// analyst gave it.
type lesson struct {
	lang    string
	example suggest.Example
	reject  *suggest.Annotation
	event   [2]string // evidence, CAMEO code
}

// modelLanguage is the language whose model reads an article: English
// when its language is not known.
func modelLanguage(lang string) string {
	if lang == "" {
		return "en"
	}
	return lang
}

// articleLanguage is the language of the model for an article.
func articleLanguage(a *data.Article) string { return modelLanguage(language.Of(a)) }

// current is the model to suggest with in a language (the shipped one, or
// an empty one, when nothing was learned or the saved one cannot be read).
func (l *learner) current(lang string) *suggest.Model {
	lang = modelLanguage(lang)
	l.mu.Lock()
	defer l.mu.Unlock()
	if m := l.models[lang]; m != nil {
		return m
	}
	if l.models == nil {
		l.models = map[string]*suggest.Model{}
	}
	m := l.load(lang)
	l.models[lang] = m
	return m
}

// load reads a language's model: what was taught, over the shipped model.
func (l *learner) load(lang string) *suggest.Model {
	base := suggest.Shipped(lang)
	for _, mark := range []string{modelMark(lang), legacyModelMark} {
		b, err := l.st.Mark(mark)
		if err != nil || b == "" {
			continue
		}
		if taught, err := suggest.UnmarshalModel([]byte(b)); err == nil {
			if base == nil {
				return taught
			}
			return taught.Over(base)
		}
	}
	if base == nil {
		return suggest.NewModel()
	}
	return base.Clone()
}

// teach queues decisions and learns them in the background.
func (l *learner) teach(ls ...lesson) {
	for _, ls := range ls {
		l.current(ls.lang)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending = append(l.pending, ls...)
	if !l.busy {
		l.busy = true
		l.running.Add(1)
		go l.learn()
	}
}

// learn takes what waits, learns it on a copy of each language's model,
// saves the copy and makes it current, until nothing waits.
func (l *learner) learn() {
	defer l.running.Done()
	for {
		l.mu.Lock()
		batch := l.pending
		l.pending = nil
		if len(batch) == 0 {
			l.busy = false
			l.mu.Unlock()
			return
		}
		byLang := map[string][]lesson{}
		var langs []string
		for _, ls := range batch {
			lang := modelLanguage(ls.lang)
			if byLang[lang] == nil {
				langs = append(langs, lang)
			}
			byLang[lang] = append(byLang[lang], ls)
		}
		bases := map[string]*suggest.Model{}
		for _, lang := range langs {
			bases[lang] = l.models[lang]
		}
		l.mu.Unlock()
		for _, lang := range langs {
			next := lessons(bases[lang].Clone(), byLang[lang])
			l.save(lang, next) // in the background: a save that fails is made good by the next batch's
			l.mu.Lock()
			l.models[lang] = next
			l.mu.Unlock()
		}
	}
}

// lessons teaches a model a batch of decisions.
func lessons(next *suggest.Model, batch []lesson) *suggest.Model {
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
	return next
}

// save keeps a language's model in the database: what it learned beyond
// the shipped model.
func (l *learner) save(lang string, m *suggest.Model) error {
	if base := suggest.Shipped(lang); base != nil {
		m = m.Minus(base)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	return l.st.SetMark(modelMark(lang), string(b))
}

// replace makes m a language's model, saved (the learn command's
// teaching).
func (l *learner) replace(lang string, m *suggest.Model) error {
	if err := l.save(lang, m); err != nil {
		return err
	}
	l.mu.Lock()
	if l.models == nil {
		l.models = map[string]*suggest.Model{}
	}
	l.models[lang] = m
	l.mu.Unlock()
	return nil
}

// SettleLearning waits until the decisions made so far are learned.
func (l *learner) SettleLearning() { l.running.Wait() }

// Teach tells the model that words of an article the analyst coded by
// hand are a person, organisation, location or nationality.
func (l *learner) Teach(articleID string, kind string, start, end int) error {
	a, err := l.st.Article(articleID)
	if err != nil {
		return err
	}
	if end <= start || end > len([]rune(a.Text)) {
		return data.Errorf(data.EInvalid, "Those words are not in the article.")
	}
	l.teach(lesson{lang: articleLanguage(a), example: suggest.Example{Text: a.Text, Entities: []suggest.Annotation{{Kind: kind, Start: start, End: end}}}})
	return nil
}

// KindOfActor is the kind the model learns an actor's names as.
func KindOfActor(a *data.Actor) string {
	if a.Kind == data.KindPerson {
		return suggest.Person
	}
	return suggest.Organisation
}

// LearnFrom teaches the models complete examples (every entity listed),
// each the model of its text's language, and saves them; it returns how
// many entities it learned from.
func (l *learner) LearnFrom(examples []suggest.Example) (int, error) {
	l.SettleLearning()
	byLang := map[string][]suggest.Example{}
	var langs []string
	entities := 0
	for _, ex := range examples {
		lang := modelLanguage(language.Detect(ex.Text))
		if byLang[lang] == nil {
			langs = append(langs, lang)
		}
		byLang[lang] = append(byLang[lang], ex)
		entities += len(ex.Entities)
	}
	for _, lang := range langs {
		next := l.current(lang).Clone().Learn(byLang[lang], suggest.LearningPasses)
		if err := l.replace(lang, next); err != nil {
			return 0, err
		}
	}
	return entities, nil
}

// LearnedModel is the model a database has learned for a language (the
// shipped one, or an empty one, when it has learned nothing), for
// suggesting outside a session.
func LearnedModel(st data.Store, lang string) *suggest.Model {
	return (&learner{st: st}).current(lang)
}

// ArticleLanguage is the language an article is read in: the one it
// declares or the analyst chose, else the one its text is written in ("" when
// it cannot be told).
func (s *Session) ArticleLanguage(a *data.Article) string { return language.Of(a) }
