package suggest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/data/storetest"
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
// the article, in the same case only.
func TestFoundNamesRepeat(t *testing.T) {
	text := "The Velmar Group spoke. Later Velmar Group left, and the velmar group stayed."
	d := newDocument(text)
	found := []Suggestion{{Kind: Organisation, Start: 4, End: 16, Text: "Velmar Group", Learned: LearnedFound}}
	again := foundAgain(d, found)
	if len(again) != 1 || again[0].Text != "Velmar Group" || again[0].Start != 30 || again[0].Learned != LearnedFound {
		t.Fatalf("found again %+v, want one Velmar Group at 30", again)
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

// make eval reads a checkout of the whole re3d corpus: its source folders,
// less the sources the shared corpus holds.
func TestNeverSeenReadsRe3dFolders(t *testing.T) {
	dir := storetest.TempDir(t)
	write := func(folder, name, body string) {
		os.MkdirAll(filepath.Join(dir, folder), 0o755)
		if err := os.WriteFile(filepath.Join(dir, folder, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("CENTCOM", "documents.json", `{ "_id" : "D1", "sourceName" : "CENTCOM", "text" : "Quill met the Velmar Group." }`+"\n")
	write("CENTCOM", "entities.json", `{ "_id" : "e1", "begin" : 0, "end" : 5, "type" : "Person", "value" : "Quill", "documentId" : "D1" }`+"\n"+
		`{ "_id" : "e2", "begin" : 10, "end" : 26, "type" : "Organisation", "value" : "the Velmar Group", "documentId" : "D1" }`+"\n")
	write("UK Government", "documents.json", `{ "_id" : "D2", "sourceName" : "UK Government", "text" : "Seen." }`+"\n")
	write("UK Government", "entities.json", "")
	docs, err := loadNeverSeen(dir, []re3dDoc{{source: "UK Government"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].id != "D1" || len(docs[0].gold) != 2 || docs[0].gold[1].Type != "Organisation" || docs[0].gold[1].End != 26 {
		t.Fatalf("read %+v", docs)
	}
	write("CENTCOM", "entities.json", "{ not json\n")
	if _, err := loadNeverSeen(dir, nil); err == nil || !strings.Contains(err.Error(), "entities.json line 1") {
		t.Fatalf("a broken line: %v", err)
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
