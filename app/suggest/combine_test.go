package suggest

import (
	"strings"
	"testing"
)

// The word lists and the gazetteer are features of the model; each word
// gets the list it belongs to.
func TestLexiconClasses(t *testing.T) {
	for w, want := range map[string]lexiconClass{
		"Minister": lexTitle, "Ministry": lexOrgWord, "ISIL": lexKnownGroup, "Syrian": lexDemonym,
		"Iraq": lexCountry, "Mosul": lexPlace, "of": lexPreposition, "March": lexMonth, "Quill": lexNone,
	} {
		if got := lexiconClassOf(w); got != want {
			t.Errorf("%s: class %d, want %d", w, got, want)
		}
	}
}

// A run the model tags as one name across a comma is a list: one
// suggestion each, not "soldiers, executioners".
func TestModelSpansStopAtPunctuation(t *testing.T) {
	d := newDocument("Veteran soldiers, executioners and Quill came.")
	org := kindIndex(Organisation)
	tags := []tag{beginTag(org), insideTag(org), insideTag(org), 0, 0, 0}
	var got []string
	for _, s := range spansOf(d, 0, tags) {
		got = append(got, s.Text)
	}
	if len(got) != 2 || got[0] != "Veteran soldiers" || got[1] != "executioners" {
		t.Fatalf("spans %q, want [Veteran soldiers] [executioners]", got)
	}
}

// A name the model found once is found wherever its words stand again in
// the article, in the same case only; so is a group named in lower case.
func TestFoundNamesRepeat(t *testing.T) {
	text := "The Velmar Group spoke. Later Velmar Group left, and the velmar group stayed."
	d := newDocument(text)
	found := []Suggestion{{Kind: Organisation, Start: 4, End: 16, Text: "Velmar Group", Learned: LearnedFound}}
	again := foundAgain(d, found)
	if len(again) != 1 || again[0].Text != "Velmar Group" || again[0].Start != 30 || again[0].Learned != LearnedFound {
		t.Fatalf("found again %+v, want one Velmar Group at 30", again)
	}
	// a group in lower case is the same group again; a person so described
	// ("a spokesman") may be another
	text = "The relief convoy met a spokesman. Later the relief convoy left and a spokesman spoke."
	d = newDocument(text)
	found = []Suggestion{{Kind: Organisation, Start: 4, End: 17, Text: "relief convoy"}, {Kind: Person, Start: 22, End: 33, Text: "a spokesman"}}
	again = foundAgain(d, found)
	if len(again) != 1 || again[0].Text != "relief convoy" || again[0].Start != 45 {
		t.Fatalf("found again %+v, want one relief convoy at 45", again)
	}
}

// Annotated text teaches names; one is offered wherever it stands only
// when it was mostly of that kind and is no pronoun.
func TestRememberedNamesAreMostlyTheirKind(t *testing.T) {
	m := NewModel()
	add := func(name string, kind string, n int) {
		for range n {
			nameCounts(m.names).add(name, kindIndex(kind))
		}
	}
	add("syria", Location, 5)
	add("syria", Organisation, 2)
	add("it", Organisation, 3)
	add("velmar group", Organisation, 2)
	text := "Syria said It would talk to the Velmar Group."
	d := newDocument(text)
	for name, want := range map[string]bool{"Syria": false, "It": false, "Velmar Group": true} {
		at := strings.Index(text, name)
		s := Suggestion{Kind: Organisation, Start: at, End: at + len(name), Text: name}
		if _, got := m.remembered(d, s); got != want {
			t.Errorf("%s remembered %v, want %v", name, got, want)
		}
	}
}

// The model may offer a nationality of its own only when it is a demonym
// or was taught as a nationality.
func TestFoundNationalitiesAreNationalities(t *testing.T) {
	m := NewModel()
	nameCounts(m.names).add("velmarian", kindIndex(Nationality))
	d := newDocument("Syrian and Velmarian boats sailed the Tigris.")
	for _, c := range []struct {
		start, end int
		want       bool
	}{{0, 6, true}, {11, 20, true}, {38, 44, false}} {
		s := Suggestion{Kind: Nationality, Start: c.start, End: c.end, Text: d.slice(c.start, c.end)}
		if got := m.plausible(d, s); got != c.want {
			t.Errorf("%s plausible %v, want %v", s.Text, got, c.want)
		}
	}
}

// A pronoun the model learned to mark is offered as the rules offer theirs:
// with the name it stands for, or not at all (there would be nothing to
// accept: an actor called "his").
func TestLearnedPronounsReferToANameOrAreLeftOut(t *testing.T) {
	m := learnedFromSentences(" crossed the river. His convoy waited at the bridge.", "His", Person)
	pronoun := func(text string) *Suggestion {
		for _, s := range ArticleLearned(text, "", nil, m) {
			if s.Text == "His" {
				return &s
			}
		}
		return nil
	}
	s := pronoun("Yesterday Junia Castell crossed the river. His convoy waited at the bridge.")
	if s == nil || s.Kind != Person || s.RefersTo != "Junia Castell" {
		t.Fatalf("His after Junia Castell: %+v, want a person referring to Junia Castell", s)
	}
	if s := pronoun("The river was high. His convoy waited at the bridge."); s != nil {
		t.Fatalf("His with no one to refer to was offered: %+v", s)
	}
}

// What the model finds is offered where the rules saw nothing: words the
// rules offer as a place are not offered again as an organisation.
func TestFoundNotOfferedOverTheRulesOwnWords(t *testing.T) {
	m := learnedFromSentences(" wrote that New York had agreed.", "New York", Organisation)
	var kinds []string
	for _, s := range ArticleLearned("Yesterday Junia Castell wrote that New York had agreed.", "", nil, m) {
		if s.Text == "New York" {
			kinds = append(kinds, s.Kind)
		}
	}
	if len(kinds) != 1 || kinds[0] != Location {
		t.Fatalf("New York offered as %v, want the rules' location alone", kinds)
	}
}

// learnedFromSentences is a model learned from 25 annotated texts
// "Yesterday <a person> <rest>", where words of rest are also marked as
// kind: enough for the model to offer what it finds.
func learnedFromSentences(rest, words, kind string) *Model {
	var exs []Example
	for i := range 25 {
		name := synthPeople[i%len(synthPeople)]
		text := "Yesterday " + name + rest
		at, w := len([]rune("Yesterday ")), len([]rune(text[:strings.Index(text, words)]))
		exs = append(exs, Example{Text: text, Complete: true, Entities: []Annotation{
			{Kind: Person, Start: at, End: at + len([]rune(name))}, {Kind: kind, Start: w, End: w + len([]rune(words))}}})
	}
	return NewModel().Learn(exs, LearningPasses)
}

// "We" in a statement that names no government before it stands for the
// organisation the article names most; "They" for an organisation not
// named in the plural; with no organisation at all, neither is offered.
func TestLearnedWeAndTheyReferToTheArticlesOrganisation(t *testing.T) {
	for _, word := range []string{"We", "They"} {
		m := learnedFromSentences(" spoke. "+word+" will rebuild the bridge.", word, Organisation)
		pronoun := func(text string) *Suggestion {
			for _, s := range ArticleLearned(text, "", nil, m) {
				if s.Text == word {
					return &s
				}
			}
			return nil
		}
		agency := "The Kestrel Relief Agency opened an office in Tarn. The river was high. The road was closed. The rain went on. Yesterday Junia Castell spoke. " + word + " will rebuild the bridge."
		if word == "They" {
			agency = "The Kestrel Relief Agency sent a team. Yesterday Junia Castell spoke. They will rebuild the bridge."
		}
		if s := pronoun(agency); s == nil || s.Kind != Organisation || s.RefersTo != "Kestrel Relief Agency" {
			t.Errorf("%s: %+v, want an organisation referring to Kestrel Relief Agency", word, s)
		}
		if s := pronoun("The river was high. Yesterday Junia Castell spoke. " + word + " will rebuild the bridge."); s != nil {
			t.Errorf("%s with no organisation in the article was offered: %+v", word, s)
		}
	}
}

// Words in lower case that annotated text marked as an organisation in
// two documents ("the relief convoy") are offered wherever they stand, and
// so is the word that ended them ("convoy" in "a food convoy"), unless
// annotated text left them unmarked as often as it marked them.
func TestLowerCaseNamesOfferedWhenMostlyMarked(t *testing.T) {
	convoy := func(marked bool) Example {
		text := "On Monday the relief convoy reached Tarn."
		ex := Example{Text: text, Complete: true}
		if marked {
			at := strings.Index(text, "the relief")
			ex.Entities = []Annotation{{Kind: Organisation, Start: at, End: at + len("the relief convoy")}}
		}
		return ex
	}
	offered := func(m *Model) (name, head bool) {
		for _, s := range ArticleLearned("By noon the relief convoy had left Amber Bay, and a food convoy too.", "", nil, m) {
			if s.Kind == Organisation && s.Learned == LearnedName {
				name = name || s.Text == "the relief convoy"
				head = head || (s.Text == "convoy" && s.Start > 40)
			}
		}
		return name, head
	}
	for _, unmarked := range []int{1, 2} {
		exs := []Example{convoy(true), convoy(true)}
		for range unmarked {
			exs = append(exs, convoy(false))
		}
		learned := NewModel().Learn(exs, LearningPasses)
		kept := savedAndRead(t, learned)
		for where, m := range map[string]*Model{"learned": learned, "kept in the database": kept, "cloned": kept.Clone()} {
			if name, head := offered(m); name != (unmarked < 2) || head != (unmarked < 2) {
				t.Errorf("%s, marked in two documents, unmarked in %d: the relief convoy offered %v, a food convoy %v", where, unmarked, name, head)
			}
		}
	}
}

// A dash standing alone is no word: the model once tagged one as an
// organisation, and a suggestion with no text made the article fail.
func TestALoneDashIsNoWord(t *testing.T) {
	text := "Combined Joint Task Force - Operation Inherent Resolve said so."
	for _, w := range newDocument(text).words {
		if w.text == "" {
			t.Fatalf("an empty word at %d", w.start)
		}
	}
	m := NewModel() // tags every word as an organisation
	m.Examples, m.Annotated = 1, matureAfter
	var all weights
	all[beginTag(kindIndex(Organisation))] = 10
	m.feats.set(mix(1), all)
	for _, s := range ArticleLearned(text, "", nil, m) {
		if s.Start >= s.End || s.Text == "" {
			t.Fatalf("suggestion with no text: %+v", s)
		}
	}
}

// Models learned in different orders are averaged, weight by weight.
func TestMixedAveragesWeights(t *testing.T) {
	a, b := NewModel(), NewModel()
	a.feats.set(1, weights{0, 2})
	b.feats.set(1, weights{0, 4})
	b.feats.set(2, weights{6})
	a.trans[0][1], b.trans[0][1] = 1, 3
	var mix mixture
	mix.add(a)
	mix.add(b)
	m := mix.model()
	if w := m.feats.w[m.feats.at[1]]; w[1] != 3 {
		t.Errorf("feature in both: %v, want 3", w[1])
	}
	if w := m.feats.w[m.feats.at[2]]; w[0] != 3 {
		t.Errorf("feature in one: %v, want 3", w[0])
	}
	if m.trans[0][1] != 2 || len(m.sumFeats) != len(m.feats.w) {
		t.Errorf("transition %v, want 2; sums for %d of %d features", m.trans[0][1], len(m.sumFeats), len(m.feats.w))
	}
}

// The model may move a person's end over more of a name, not over a verb:
// the headline "Envoy returns from Tarn" names the title "Envoy".
func TestPersonSpansDoNotRunOnOverAVerb(t *testing.T) {
	d := newDocument("Envoy returns from Tarn. Envoy Edo Rask spoke.")
	title := Suggestion{Kind: Person, Start: 0, End: 5}
	if !endsOverAWord(d, title, Suggestion{Kind: Person, Start: 0, End: 13}) {
		t.Error("Envoy returns: the model's span taken")
	}
	named := Suggestion{Kind: Person, Start: 25, End: 30}
	if endsOverAWord(d, named, Suggestion{Kind: Person, Start: 25, End: 39}) {
		t.Error("Envoy Edo Rask: the model's span refused")
	}
}
