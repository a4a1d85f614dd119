package suggest

import (
	"slices"
	"testing"
)

// A pronoun's contracted verb is no part of it ("We’re" is "We"), nor a
// possessive of its name, in any case; other apostrophes stay in the word.
func TestWordsEndBeforeClitics(t *testing.T) {
	text := "We’re sure they'll come, I’m told; WE'VE seen Syria’s and IRAQ'S envoys with O’Neill, Sa'd and he’d not."
	var got []string
	for _, w := range newDocument(text).words {
		got = append(got, w.text)
	}
	want := []string{"We", "sure", "they", "come", "I", "told", "WE", "seen", "Syria", "and", "IRAQ", "envoys", "with", "O’Neill", "Sa'd", "and", "he", "not"}
	if !slices.Equal(got, want) {
		t.Errorf("words\n got %q\nwant %q", got, want)
	}
}
