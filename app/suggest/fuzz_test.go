package suggest

import (
	"sync"
	"testing"
)

// FuzzArticle: any text an analyst opens is read without a panic, and every
// suggestion's offsets hold its words.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{
		"Russian Security Council Secretary Sergei Shoigu met Chinese Foreign Minister Wang Yi in Beijing on Friday.",
		"The Albanian Foreign Minister, Arben Kola, said: \"I welcome it.\" He left. They agreed.",
		"The United States strongly condemns the Dravek regime. We stand with Syrians and the people of Albania.",
		"Dr. Ahmed Kamil Murad, Minister for the Middle East, U.S. officials and Abu Musab al-Zarqawi's regime",
		"SECRETARY KERRY: Mr. X met al- Y; the President of Syria will travel on Friday, next week.",
		"’s ’ al- Abu I\n\nHe the regime of", "", "Minister, ,", "regime", "Mr.", "U.S.",
	} {
		f.Add(s, "2025-03-02")
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		checkOffsets(t, text, Article(text, published, nil))
		learned := ArticleLearned(text, published, nil, fuzzModel())
		checkOffsets(t, text, learned)
		for _, m := range greedyModels() {
			checkOffsets(t, text, ArticleLearned(text, published, nil, m))
		}
		for _, s := range learned { // learning from a decision on this text
			if kindIndex(s.Kind) >= 0 {
				fuzzModel().Clone().Learn([]Example{{Text: text, Entities: []Annotation{{Kind: s.Kind, Start: s.Start, End: s.End}}}}, 1)
				break
			}
		}
	})
}

func checkOffsets(t *testing.T, text string, ss []Suggestion) {
	runes := []rune(text)
	for _, s := range ss {
		if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
			t.Fatalf("%s %q: offsets %d–%d outside a text of %d", s.Kind, s.Text, s.Start, s.End, len(runes))
		}
		if kindIndex(s.Kind) >= 0 && (s.Start == s.End || PartyName(s) == "") {
			t.Fatalf("%s with no words at %d: %+v", s.Kind, s.Start, s)
		}
		if string(runes[s.Start:s.End]) != s.Text {
			t.Fatalf("%s: offsets %d–%d hold %q, not %q", s.Kind, s.Start, s.End, string(runes[s.Start:s.End]), s.Text)
		}
	}
}

// fuzzModel is a mature model, with names and boundaries learned, for the
// learned suggestions to be fuzzed too.
var fuzzModel = sync.OnceValue(func() *Model {
	exs := synthCorpus(25, 8)
	for _, text := range []string{"Later Foreign Minister Ines Kallas wrote.", "Later Foreign Minister Alar Tamm wrote."} {
		exs = append(exs, Example{Text: text, Entities: []Annotation{{Kind: Person, Start: len("Later "), End: len(text) - len(" wrote.")}}})
	}
	return NewModel().Learn(exs, 2)
})

// greedyModels are mature models that tag every word as one kind, each
// word a name of its own or all of them one long name: whatever a model
// finds, the suggestions hold.
var greedyModels = sync.OnceValue(func() []*Model {
	var out []*Model
	for kind := range modelKinds {
		for _, long := range []bool{false, true} {
			m := NewModel()
			m.Examples, m.Annotated = 1, matureAfter
			var w weights
			w[beginTag(kind)] = 10
			if long {
				w[insideTag(kind)] = 20
			}
			m.feats.set(mix(1), w)
			out = append(out, m)
		}
	}
	return out
})
