package suggest

import (
	"slices"
	"sort"
	"strings"
)

// pronounKinds: the pronouns that stand for a party to an event.
var pronounKinds = map[string]string{
	"I": Person, "me": Person, "he": Person, "He": Person, "him": Person, "she": Person, "She": Person,
	"We": Organisation, "we": Organisation, "us": Organisation, "They": Organisation, "they": Organisation,
}

// pronouns proposes the pronouns that stand for a person or a group, each
// referring to the most salient fitting name of the last few sentences
// (subjects count double, each sentence back halves a mention's weight):
// "he" and "I" (in a statement, the speaker) to a person, "we" to a
// government, "they" to a group named in the plural. A pronoun with nothing to refer to is
// left out: there is nothing to accept.
func pronouns(d *document, c *claims) {
	var seen []mention
	for _, s := range c.out {
		if (s.Kind == Person || s.Kind == Organisation) && !untitledRole(s) {
			seen = append(seen, mention{s.Start, d.sentenceIndex(s.Start), s.Kind, s.Sector, PartyName(s), opensSentence(d, wordAt(d, s.Start)), plural(s.Text)})
		}
	}
	sort.Slice(seen, func(i, j int) bool { return seen[i].start < seen[j].start })
	for i, w := range d.words {
		kind, ok := pronounKinds[w.text]
		if !ok || !c.free(i, i) || (w.text == "I" && i > 0 && sameStretch(d, i-1, i) && isCapitalised(d.words[i-1].text)) {
			continue // "World War I"
		}
		sent := d.sentenceIndex(w.start)
		to := antecedent(seen, w, sent, kind)
		if to == "" {
			continue
		}
		c.add(d, i, i, Suggestion{Kind: kind, Confidence: 0.5, RefersTo: to})
		k := sort.Search(len(seen), func(k int) bool { return seen[k].start >= w.start })
		seen = slices.Insert(seen, k, mention{w.start, sent, kind, "", to, opensSentence(d, i), false})
	}
}

// mention is a name met so far, for pronouns to refer to.
type mention struct {
	start, sentence int
	kind, sector    string
	name            string // the full name it stands for
	subject         bool   // it opens its sentence
	plural          bool   // a group named in the plural: "they" may stand for it
}

// plural: the name ends in a plural group noun or nationality,
// "Iraqi security forces", "Syrians".
func plural(name string) bool {
	f := strings.Fields(name)
	last := f[len(f)-1]
	if !strings.HasSuffix(last, "s") {
		return false
	}
	_, group := groupNouns[last]
	_, nation := pluralDemonym(last)
	return group || nation
}

// untitledRole: a title no one was found to hold ("the Minister") is no
// antecedent.
func untitledRole(s Suggestion) bool {
	return s.Role != "" && s.RefersTo == "" && hasSuffixFold(s.Text, s.Role)
}

// lookBack is how many sentences back a pronoun may refer.
const lookBack = 3

func antecedent(seen []mention, w token, sent int, kind string) string {
	score := map[string]float64{}
	best, bestScore := "", 0.0
	k := sort.Search(len(seen), func(k int) bool { return seen[k].start >= w.start })
	for k--; k >= 0 && sent-seen[k].sentence <= lookBack; k-- {
		m := seen[k]
		they := w.text == "they" || w.text == "They"
		if m.kind != kind || (kind == Organisation && !they && m.sector != "GOV") || (they && !m.plural) {
			continue
		}
		weight := 1.0
		if m.subject {
			weight = 2
		}
		score[m.name] += weight / float64(int(1)<<(sent-m.sentence))
		if score[m.name] > bestScore {
			best, bestScore = m.name, score[m.name]
		}
	}
	return best
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
