package data

import (
	"fmt"
	"slices"
	"strings"
)

// Grades follow the NATO / Admiralty system (STANAG 2511): a source's
// reliability is a letter, A (completely reliable) to E (unreliable), with F
// when it cannot be judged; an item's credibility is a digit, 1 (confirmed
// by other sources) to 5 (improbable), with 6 when it cannot be judged.
// Together they are written "B2". An article carries its source's
// reliability, an event its credibility; an event's grade takes the
// reliability of the article it was coded from.
var (
	Reliabilities    = []string{"A", "B", "C", "D", "E", "F"}
	ReliabilityWords = []string{"completely reliable", "usually reliable", "fairly reliable", "not usually reliable", "unreliable", "reliability cannot be judged"}
	Credibilities    = []string{"1", "2", "3", "4", "5", "6"}
	CredibilityWords = []string{"confirmed by other sources", "probably true", "possibly true", "doubtful", "improbable", "truth cannot be judged"}
)

// Grade is a source's reliability and an item's credibility; either may be
// "" (not graded).
type Grade struct {
	Reliability, Credibility string
}

// String is the grade as analysts write it: "B2", "B?" or "?2" when one half
// is not graded, "" when neither is.
func (g Grade) String() string {
	if g.Reliability == "" && g.Credibility == "" {
		return ""
	}
	return orUnknown(g.Reliability) + orUnknown(g.Credibility)
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// Words says the grade in words: "usually reliable, probably true".
func (g Grade) Words() string {
	var parts []string
	if i := slices.Index(Reliabilities, g.Reliability); i >= 0 {
		parts = append(parts, ReliabilityWords[i])
	}
	if i := slices.Index(Credibilities, g.Credibility); i >= 0 {
		parts = append(parts, CredibilityWords[i])
	}
	return strings.Join(parts, ", ")
}

// AtLeast reports whether the grade is as good as min in each half min
// gives: "B3" keeps A1 to B3, and an ungraded half never passes. The
// "cannot be judged" grades (F, 6) rank last.
func (g Grade) AtLeast(min Grade) bool {
	return atLeast(Reliabilities, g.Reliability, min.Reliability) && atLeast(Credibilities, g.Credibility, min.Credibility)
}

func atLeast(scale []string, got, min string) bool {
	if min == "" {
		return true
	}
	i := slices.Index(scale, got)
	return i >= 0 && i <= slices.Index(scale, min)
}

// Grade is the event's grade: the reliability of the article it was coded
// from, as reliability gives it by article id, and its own credibility.
func (e *Event) Grade(reliability func(articleID string) string) Grade {
	g := Grade{Credibility: e.Credibility}
	if ids := e.Articles(); len(ids) > 0 {
		g.Reliability = reliability(ids[0])
	}
	return g
}

// ParseGrade reads a grade as an analyst types it: "B2", "b", "2", "B?",
// "" (none).
func ParseGrade(s string) (Grade, error) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	var g Grade
	rest := s
	if rest != "" && (rest[0] == '?' || rest[0] >= 'A' && rest[0] <= 'Z') {
		g.Reliability, rest = strings.TrimPrefix(rest[:1], "?"), rest[1:]
	}
	if rest != "" {
		g.Credibility, rest = strings.TrimPrefix(rest[:1], "?"), rest[1:]
	}
	if rest != "" || g.Check() != nil {
		return Grade{}, fmt.Errorf("%q is not a grade: a letter A–F for the source and a digit 1–6 for the information, as in B2", s)
	}
	return g, nil
}

// Check refuses a reliability or credibility off the scales.
func (g Grade) Check() error {
	if err := CheckReliability(g.Reliability); err != nil {
		return err
	}
	return CheckCredibility(g.Credibility)
}

// CheckReliability refuses anything but "" and A–F.
func CheckReliability(r string) error {
	if r != "" && !slices.Contains(Reliabilities, r) {
		return fmt.Errorf("%q is not a source reliability (use A to F)", r)
	}
	return nil
}

// CheckCredibility refuses anything but "" and 1–6.
func CheckCredibility(c string) error {
	if c != "" && !slices.Contains(Credibilities, c) {
		return fmt.Errorf("%q is not an information credibility (use 1 to 6)", c)
	}
	return nil
}

// ReliabilityLabel is "B – usually reliable", as pickers show it ("" for
// none).
func ReliabilityLabel(r string) string { return scaleLabel(Reliabilities, ReliabilityWords, r) }

// CredibilityLabel is "2 – probably true" ("" for none).
func CredibilityLabel(c string) string { return scaleLabel(Credibilities, CredibilityWords, c) }

// ReliabilityLabels and CredibilityLabels list every label, best first.
func ReliabilityLabels() []string { return scaleLabels(Reliabilities, ReliabilityWords) }
func CredibilityLabels() []string { return scaleLabels(Credibilities, CredibilityWords) }

// GradeOfLabel is the letter or digit a label starts with.
func GradeOfLabel(label string) string {
	if before, _, ok := strings.Cut(label, " – "); ok {
		return before
	}
	return label
}

func scaleLabel(scale, words []string, v string) string {
	if i := slices.Index(scale, v); i >= 0 {
		return scale[i] + " – " + words[i]
	}
	return ""
}

func scaleLabels(scale, words []string) []string {
	out := make([]string, len(scale))
	for i := range scale {
		out[i] = scale[i] + " – " + words[i]
	}
	return out
}

// SourceKey is how two articles' sources are known to be the same one:
// case and spacing do not count ("Xinhua" and " xinhua ").
func SourceKey(source string) string {
	return strings.ToLower(strings.Join(strings.Fields(source), " "))
}
