package suggest

import (
	"math/rand"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"dossier/data"
)

// Annotation is one entity in a text: its kind (person, organisation,
// location or nationality) and its code points, half-open.
type Annotation struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Example is a text and what is known of its entities. A complete example
// lists every entity of the four kinds, so the rest of the text is none; an
// analyst's decisions are partial: entities accepted or coded (Entities)
// and suggestions turned down (Rejected), the rest unknown.
type Example struct {
	Text     string       `json:"text"`
	Entities []Annotation `json:"entities"`
	Rejected []Annotation `json:"rejected,omitempty"`
	Complete bool         `json:"complete,omitempty"`
}

// sentence is one sentence of an example, ready to learn from.
type sentence struct {
	fs   [][]uint64
	gold []tag   // complete examples: the tags
	ok   allowed // partial ones: what the known spans allow
}

// Learn trains on examples for a number of passes and returns the model to
// use from then on (the averaged weights, which learning continues from).
func (m *Model) Learn(examples []Example, passes int) *Model {
	docs := make([]*document, len(examples))
	owns := make([]nameCounts, len(examples))
	for i, ex := range examples {
		docs[i] = newDocument(ex.Text)
		owns[i] = exampleNames(docs[i], ex)
		nameCounts(m.names).count(owns[i])
		if ex.Complete {
			nameCounts(m.heads).count(exampleHeads(docs[i], ex))
		} else {
			nameCounts(m.taught).count(owns[i])
		}
	}
	for i, ex := range examples { // once every head is known
		if ex.Complete {
			for _, key := range unmarkedIn(docs[i], ex, m.names, m.heads) {
				m.unmarked[key]++
			}
		}
	}
	var all []sentence
	for i, ex := range examples {
		rules := entities(docs[i], nil)
		m.learnEdges(docs[i], rules, ex)
		all = append(all, exampleSentences(docs[i], ex, rules, m.names, owns[i])...)
	}
	out := m.inOrders(all, passes)
	out.Examples = m.Examples + len(examples)
	for _, ex := range examples {
		if ex.Complete {
			out.Annotated++
		}
	}
	return out
}

// learningOrders is how many times learning goes through the examples,
// each time in another order from the same start; the models are then
// averaged. With one order, what was learned depended on the order drawn:
// on the never-seen re3d sources, Person F1 after learning moved between
// +0.105 and +0.138 with the seed; averaged over five orders, between
// +0.116 and +0.144 (six seeds); over ten, between +0.138 and +0.143.
const learningOrders = 10

// inOrders learns from the sentences in each of learningOrders orders, as
// many at a time as there are processors, and averages the models in a
// fixed order, so that the result does not depend on which finished
// first.
func (m *Model) inOrders(all []sentence, passes int) *Model {
	done := make([]chan *Model, learningOrders)
	for r := range done {
		done[r] = make(chan *Model, 1)
	}
	go func() {
		slots := make(chan struct{}, runtime.GOMAXPROCS(0))
		for r := range done {
			slots <- struct{}{}
			run := m.weightsCopy()
			go func() {
				run.train(all, passes, rand.New(rand.NewSource(int64(len(all)+r))))
				done[r] <- run.averaged()
				<-slots
			}()
		}
	}()
	var mix mixture
	for _, run := range done {
		mix.add(<-run)
	}
	return mix.model()
}

// train goes over the sentences passes times, in an order rng draws anew
// for each pass.
func (m *Model) train(all []sentence, passes int, rng *rand.Rand) {
	for range passes {
		for _, k := range rng.Perm(len(all)) {
			s := all[k]
			guess := m.viterbi(s.fs, nil)
			gold := s.gold
			if gold == nil {
				gold = m.viterbi(s.fs, s.ok)
			}
			m.update(s.fs, gold, guess)
			m.steps++
		}
	}
}

// exampleSentences cuts an example into the sentences it says something
// about, with their features and what is known of their tags.
func exampleSentences(d *document, ex Example, rules []Suggestion, names, own nameCounts) []sentence {
	ruleTags := tagsOf(d, rules)
	pieces := piecesOf(d)
	var out []sentence
	for _, sp := range d.sentences {
		first, last := d.wordsIn(sp)
		if first < 0 {
			continue
		}
		known, constraints := sentenceTags(d, first, last, ex)
		if !ex.Complete && !constraints {
			continue
		}
		s := sentence{fs: featureHashes(pieces, first, last, ruleTags[first:last+1], nameTags(d, first, last, names, own, nil))}
		if ex.Complete {
			s.gold = known.tags
		} else {
			s.ok = known.allows
		}
		out = append(out, s)
	}
	return out
}

// knownTags is what an example says of a sentence's words.
type knownTags struct {
	tags   []tag          // the tags of a complete example
	must   map[int]tag    // partial: a word's tag is known
	mustNt map[int]uint16 // partial: tags a word may not take (bits)
}

func (k knownTags) allows(i int, t tag) bool {
	if want, ok := k.must[i]; ok {
		return t == want
	}
	return k.mustNt[i]&(1<<t) == 0
}

// sentenceTags reads the example's spans over words first…last.
func sentenceTags(d *document, first, last int, ex Example) (knownTags, bool) {
	k := knownTags{tags: make([]tag, last-first+1), must: map[int]tag{}, mustNt: map[int]uint16{}}
	any := false
	ents := slices.Clone(ex.Entities) // nested entities ("the Syrian opposition" holds "Syrian"): the outer one is tagged
	slices.SortStableFunc(ents, func(a, b Annotation) int { return (b.End - b.Start) - (a.End - a.Start) })
	taken := map[int]bool{}
	for _, a := range ents {
		kind := kindIndex(a.Kind)
		if kind < 0 {
			continue
		}
		inside := []int{}
		for i := first; i <= last; i++ {
			if w := d.words[i]; w.end > a.Start && w.start < a.End {
				inside = append(inside, i)
			}
		}
		if slices.ContainsFunc(inside, func(i int) bool { return taken[i] }) {
			continue
		}
		begun := false
		for _, i := range inside {
			taken[i] = true
			t := insideTag(kind)
			if !begun {
				t, begun = beginTag(kind), true
			}
			k.tags[i-first], k.must[i-first], any = t, t, true
		}
	}
	for _, a := range ex.Rejected {
		kind := kindIndex(a.Kind)
		if kind < 0 {
			continue
		}
		for i := first; i <= last; i++ {
			if w := d.words[i]; w.end > a.Start && w.start < a.End {
				k.mustNt[i-first] |= 1<<beginTag(kind) | 1<<insideTag(kind)
				any = true
			}
		}
	}
	return k, any
}

// tagsOf turns entity suggestions into a tag per word.
func tagsOf(d *document, ss []Suggestion) []tag {
	tags := make([]tag, len(d.words))
	for _, s := range ss {
		kind := kindIndex(s.Kind)
		if kind < 0 || s.RefersTo != "" {
			continue
		}
		first, last := d.wordsIn(span{s.Start, s.End})
		for i := first; i >= 0 && i <= last; i++ {
			tags[i] = insideTag(kind)
			if i == first {
				tags[i] = beginTag(kind)
			}
		}
	}
	return tags
}

// modelEntities tags every sentence with the model, once it is mature,
// and returns the entities it finds, and those the learned names give.
func (m *Model) modelEntities(d *document, rules []Suggestion) (found, named []Suggestion) {
	r := modelReading{m: m, d: d, ruleTags: tagsOf(d, rules), pieces: piecesOf(d), firsts: firstWords(m.names)}
	parts := runsOfSentences(d.sentences)
	results := make([][2][]Suggestion, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts { // a long article's sentences are read on every core
		wg.Go(func() { results[i][0], results[i][1] = r.sentences(part) })
	}
	wg.Wait()
	for _, res := range results {
		found, named = append(found, res[0]...), append(named, res[1]...)
	}
	return found, named
}

// modelReading is what reading a document's sentences with the model
// needs, computed once for the whole document and only read after.
type modelReading struct {
	m        *Model
	d        *document
	ruleTags []tag
	pieces   wordPieces
	firsts   map[string]bool
}

// sentences tags the words of some sentences: what the model finds, and
// the names it was taught.
func (r modelReading) sentences(sps []span) (found, named []Suggestion) {
	for _, sp := range sps {
		first, last := r.d.wordsIn(sp)
		if first < 0 {
			continue
		}
		names := nameTags(r.d, first, last, r.m.names, nil, r.firsts)
		named = append(named, spansOf(r.d, first, names)...)
		if r.m.Annotated >= matureAfter {
			found = append(found, spansOf(r.d, first, r.m.viterbi(featureHashes(r.pieces, first, last, r.ruleTags[first:last+1], names), nil))...)
		}
	}
	return found, named
}

// runsOfSentences cuts a document's sentences into as many runs as there
// are cores to read them, in order; a short document is one run.
func runsOfSentences(sps []span) [][]span {
	n := min(runtime.GOMAXPROCS(0), 8, len(sps)/64+1)
	size := (len(sps) + n - 1) / max(n, 1)
	var out [][]span
	for len(sps) > 0 {
		k := min(size, len(sps))
		out = append(out, sps[:k])
		sps = sps[k:]
	}
	return out
}

// spansOf turns the tags of a sentence's words (from word first) into
// entity suggestions.
func spansOf(d *document, first int, tags []tag) []Suggestion {
	var out []Suggestion
	for i := 0; i < len(tags); i++ {
		if !tags[i].begins() {
			continue
		}
		j := i
		for j+1 < len(tags) && tags[j+1] == insideTag(tags[i].kind()) && sameStretch(d, first+j, first+j+1) {
			j++
		}
		if j+1 < len(tags) && tags[j+1] == insideTag(tags[i].kind()) {
			tags[j+1] = beginTag(tags[i].kind()) // "soldiers, executioners": a list, one suggestion each
		}
		start, end := d.words[first+i].start, d.words[first+j].end
		out = append(out, Suggestion{Kind: modelKinds[tags[i].kind()], Start: start, End: end, Text: d.slice(start, end), Confidence: learnedConfidence, Learned: LearnedFound})
		i = j
	}
	return out
}

// LearningPasses is how many times learning goes over its examples.
const LearningPasses = 8

// learnedConfidence marks what the model found on its own; the rules' own
// confidences are otherwise kept.
const learnedConfidence = 0.55

// ArticleLearned is Article with the model's help: the model's entities
// are added where the rules saw none, and its boundaries win where both
// saw the same entity. Without a trained model it is Article.
func ArticleLearned(text, published string, known []data.Actor, m *Model) []Suggestion {
	d := newDocument(text)
	if m == nil {
		return articleSuggestions(d, published, known)
	}
	var out []Suggestion
	if m.Trained() && m.lang != "" {
		out, _ = ruleFindings(d, published, known) // the events are read once the model has spoken
		sortSuggestions(out)
	} else {
		out = articleSuggestions(d, published, known)
	}
	if m.Trained() {
		grown := renames{}
		out = combine(d, out, m, grown)
		out = m.adjustEdges(d, out, grown)
		grown.follow(out)
		if m.lang != "" {
			out = eventsAgain(d, out, published) // the parties the language's model found act too
		}
	}
	for i := range out {
		if out[i].Kind == Event {
			m.learnedType(&out[i])
		}
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool { return m.stopped(d, s) })
}

// eventsAgain reads the events of the sentences anew from the entities as
// they now stand.
func eventsAgain(d *document, out []Suggestion, published string) []Suggestion {
	out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Kind == Event })
	var ents []Suggestion
	for _, s := range out {
		if kindIndex(s.Kind) >= 0 {
			ents = append(ents, s)
		}
	}
	sort.SliceStable(ents, func(i, j int) bool {
		if ents[i].Start != ents[j].Start {
			return ents[i].Start < ents[j].Start
		}
		return ents[i].End > ents[j].End
	})
	out = append(out, events(d, ents, out, published)...)
	sortSuggestions(out)
	return out
}

// matureAfter is how many annotated documents the model must have learned
// from before its own findings are offered: fewer teach it names (which
// are offered, see remembered) but not yet when to trust itself.
const matureAfter = 20

// sureOf is the confidence from which the rules' kind for some words
// stands: the model's other kind for the same words is not offered beside
// it. Below it (the two-capitals guess that "Kestrel Relief" is a
// person) the model's view is offered too.
const sureOf = 0.5

// combine merges the model's entities into the rules' suggestions.
func combine(d *document, rules []Suggestion, m *Model, grown renames) []Suggestion {
	found, named := m.modelEntities(d, rules)
	foundAt := newEntityIndex(found)
	used := make([]bool, len(found))
	out := make([]Suggestion, 0, len(rules)+len(found))
	for _, s := range rules {
		if kindIndex(s.Kind) >= 0 && s.RefersTo == "" {
			k := foundAt.first(s)
			if k < 0 && m.lang != "" && m.lang != "en" && guess(s) {
				continue // the English rules' guess, in another language, that its model does not share
			}
			if k >= 0 {
				used[k] = true
				if !endsOverAWord(d, s, found[k]) && !swallows(rules, found[k], s) {
					s = grown.move(d, s, found[k].Start, found[k].End)
				}
			}
		}
		out = append(out, s)
	}
	outAt := newEntityIndex(out)
	offer := func(f Suggestion) {
		if outAt.first(f) < 0 {
			outAt.add(f, len(out))
			out = append(out, f)
		}
	}
	ruled := map[span]bool{} // the rules' entities they are sure of, whatever their kind
	for _, s := range rules {
		if kindIndex(s.Kind) >= 0 && s.Confidence >= sureOf {
			ruled[span{s.Start, s.End}] = true
		}
	}
	offerFound := func(f Suggestion) { // not "New York" the place again as an organisation
		if !ruled[span{f.Start, f.End}] && !swallows(rules, f, Suggestion{Start: -1, End: -1}) {
			offer(f)
		}
	}
	var pronouns []Suggestion
	for k, f := range found {
		if !used[k] && m.plausible(d, f) {
			if _, is := standsIn[strings.ToLower(f.Text)]; is {
				pronouns = append(pronouns, f)
				continue
			}
			offerFound(f)
		}
	}
	for _, f := range foundAgain(d, found) {
		offerFound(f)
	}
	if len(pronouns) > 0 {
		seen := mentionsOf(d, out)
		for _, f := range pronouns { // like the rules' own: with the name it stands for, or not at all
			if referTo(d, seen, &f) {
				offer(f)
				seen = mentioned(seen, pronounMention(d, wordAt(d, f.Start), f.Kind, f.RefersTo))
			}
		}
	}
	for _, f := range named { // people and organisations taught are offered wherever they stand
		if taught, named := m.remembered(d, f); taught || (named && !ruled[span{f.Start, f.End}]) {
			f.Learned = LearnedName
			offer(f)
		}
	}
	for _, f := range m.groupsByHead(d) { // after names: "the relief convoy" before "convoy"
		offer(f)
	}
	sortSuggestions(out)
	return out
}

// guess: a rule's entity that neither the register nor the list of
// countries stands behind — a capitalised run taken for a name, or a
// word that is also the name of some town in the gazetteer.
func guess(s Suggestion) bool {
	return s.ActorID == "" && (s.Country == "" || s.PlaceID != "")
}

// swallows: the model's span f takes in, besides the rules' s, an entity
// the rules are sure of — "Vilnius Foreign Minister Rein Aavik" as one
// person over the place Vilnius.
func swallows(rules []Suggestion, f, s Suggestion) bool {
	from := sort.Search(len(rules), func(i int) bool { return rules[i].Start >= f.Start }) // the rules are in text order
	for _, r := range rules[from:] {
		if r.Start >= f.End {
			break
		}
		if kindIndex(r.Kind) >= 0 && r.Confidence >= sureOf && r.Start >= f.Start && r.End <= f.End &&
			(r.End <= s.Start || r.Start >= s.End) {
			return true
		}
	}
	return false
}

// endsOverAWord: the model's span f for a person runs on past the rules'
// end to a word in lower case — "Envoy returns" in a headline is the
// title "Envoy" and a verb; a person's name ends in a capital.
func endsOverAWord(d *document, s, f Suggestion) bool {
	if s.Kind != Person || f.End <= s.End {
		return false
	}
	_, last := d.wordsIn(span{f.Start, f.End})
	return last >= 0 && !isCapitalised(d.words[last].text)
}

// plausible: what the model found alone is offered, but a nationality
// only when it is one (the countries' demonyms are a closed list) or was
// taught as one: "Arabic" or "Tigris" look like "Syrian" to the model.
func (m *Model) plausible(d *document, f Suggestion) bool {
	if f.Kind != Nationality {
		return true
	}
	first, last := d.wordsIn(span{f.Start, f.End})
	word := d.words[last].text
	_, demonym := demonymCountry(word)
	_, nation := pluralDemonym(word)
	c := m.names[nameKey(d, first, last)]
	return demonym || nation || (c != nil && c[kindIndex(Nationality)] > 0 && mostly(c, kindIndex(Nationality)))
}

// remembered: a learned name to offer wherever it stands — a person or an
// organisation the analyst coded (taught), or one that annotated text
// named at least twice, mostly as this kind, written like a name or, in
// lower case, marked more often than left unmarked (named).
func (m *Model) remembered(d *document, f Suggestion) (taught, named bool) {
	if f.Kind != Person && f.Kind != Organisation {
		return false, false
	}
	first, last := d.wordsIn(span{f.Start, f.End})
	key, kind := nameKey(d, first, last), kindIndex(f.Kind)
	if c := m.taught[key]; c != nil && c[kind] > 0 {
		return true, false
	}
	c := m.names[key]
	if !learnedAs(c, kind) {
		return false, false
	}
	return false, nameLike(f.Text) || (groupLike(f.Text) && c[kind] > m.unmarked[key])
}

// learnedAs: annotated text gave a name (or head) this kind in at least
// two documents, and mostly this kind.
func learnedAs(c *[4]uint16, kind int) bool {
	return c != nil && c[kind] >= 2 && mostly(c, kind)
}

// groupsByHead are the words in lower case that annotated text mostly
// marked as the end of a person or an organisation ("civilians", "the
// regime"), in at least two documents and more often than it left them
// unmarked, offered as that kind wherever they stand.
func (m *Model) groupsByHead(d *document) []Suggestion {
	var out []Suggestion
	if len(m.heads) == 0 {
		return out
	}
	for _, w := range d.words {
		key := strings.ToLower(w.text)
		c := m.heads[key]
		if c == nil || isCapitalised(w.text) {
			continue
		}
		for _, kind := range []string{Person, Organisation} {
			if k := kindIndex(kind); learnedAs(c, k) && c[k] > m.unmarked[key] {
				out = append(out, Suggestion{Kind: kind, Start: w.start, End: w.end, Text: w.text, Confidence: learnedConfidence, Learned: LearnedName})
			}
		}
	}
	return out
}

// mostly: a name was learned as this kind at least twice as often as as
// all others together ("Syria" the country, seldom its government).
func mostly(c *[4]uint16, kind int) bool {
	others := 0
	for k, n := range c {
		if k != kind {
			others += int(n)
		}
	}
	return int(c[kind]) >= 2*others
}

// nameLike: written with a capital, and no pronoun or other word that
// opens sentences ("It", "They", "The").
func nameLike(text string) bool {
	return isCapitalised(text) && pronounKinds[text] == "" && !notNames[text]
}

// groupLike: written in lower case, and no pronoun ("the coalition",
// "local councils").
func groupLike(text string) bool {
	_, pronoun := standsIn[strings.ToLower(text)]
	return !isCapitalised(text) && !pronoun && !strings.EqualFold(text, "you")
}

// foundAgain: a name the model found once in an article is the same name
// wherever its words stand again in it, as the rules repeat their own
// (repeatFullNames); so is a group named in lower case ("the relief
// convoy"), but not a person so described ("a spokesman" may be another).
func foundAgain(d *document, found []Suggestion) []Suggestion {
	type name struct {
		s     Suggestion
		first int // where the model found it
		n     int // its words
	}
	byFirst, seen := map[string][]name{}, map[string]bool{}
	for _, f := range found {
		repeats := (f.Kind == Person && nameLike(f.Text)) || (f.Kind == Organisation && (nameLike(f.Text) || groupLike(f.Text)))
		if !repeats || seen[f.Kind+f.Text] {
			continue
		}
		seen[f.Kind+f.Text] = true
		first, last := d.wordsIn(span{f.Start, f.End})
		byFirst[d.words[first].text] = append(byFirst[d.words[first].text], name{f, first, last - first + 1})
	}
	var out []Suggestion
	for i, w := range d.words {
		for _, f := range byFirst[w.text] {
			if i != f.first && sameWords(d, i, f.first, f.n) {
				g, end := f.s, d.words[i+f.n-1].end
				g.Start, g.End, g.Text = w.start, end, d.slice(w.start, end)
				out = append(out, g)
			}
		}
	}
	return out
}

// sameWords: the n words from i are those from j.
func sameWords(d *document, i, j, n int) bool {
	if i+n > len(d.words) {
		return false
	}
	for k := range n {
		if d.words[i+k].text != d.words[j+k].text {
			return false
		}
	}
	return true
}
