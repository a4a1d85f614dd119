package suggest

import (
	"slices"
	"strings"
	"testing"
)

// A boundary that grows stops on a word that can end a name: never on a
// joining word, whatever its capitals, though an article may begin one.
func TestGrowthEndsOnAWordOfTheName(t *testing.T) {
	for _, c := range []struct{ text, yes, want string }{
		{"said The Harbour Council of Elders today", "the of elders", "The Harbour Council of Elders"},
		{"said the Harbour Council Of today", "of", "Harbour Council"},
		{"said of Harbour Council today", "of", "Harbour Council"},
	} {
		d := newDocument(c.text)
		at := strings.Index(c.text, "Harbour")
		s := Suggestion{Kind: Organisation, Start: at, End: at + len("Harbour Council")}
		start, end := walkEdges(d, s, func(move edgeMove, w token) bool {
			return (move == growLeft || move == growRight) && slices.Contains(strings.Fields(c.yes), strings.ToLower(w.text))
		})
		if got := d.slice(start, end); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}
