package views

import (
	"testing"

	"dossier/app/suggest"
)

// The list says, beside the confidence, what learning did to a
// suggestion, and nothing for the rules' own; a role the words suggested
// already say is not said twice.
func TestSuggestionSaysWhatWasLearned(t *testing.T) {
	rules := suggest.Suggestion{Kind: suggest.Person, Text: "Rein Aavik", Role: "Foreign Minister", Confidence: 0.8}
	moved := rules
	moved.Text, moved.Learned = "Foreign Minister Rein Aavik", suggest.LearnedBoundaries
	found := suggest.Suggestion{Kind: suggest.Organisation, Text: "Kestrel Relief", Confidence: 0.55, Learned: suggest.LearnedFound}
	for s, want := range map[*suggest.Suggestion]string{
		&rules: "person · Rein Aavik · Foreign Minister (80%)",
		&moved: "person · Foreign Minister Rein Aavik (80%, boundaries learned)",
		&found: "organisation · Kestrel Relief (55%, learned)",
	} {
		if got := suggestionLabel(*s); got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}
