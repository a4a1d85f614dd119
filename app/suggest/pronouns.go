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
	seen := mentionsOf(d, c.out)
	for i, w := range d.words {
		kind, ok := pronounKinds[w.text]
		if !ok || !c.free(i, i) || (w.text == "I" && i > 0 && sameStretch(d, i-1, i) && isCapitalised(d.words[i-1].text)) {
			continue // "World War I"
		}
		to := antecedent(seen, w.start, d.sentenceIndex(w.start), fitsPronoun(w.text, kind))
		if to == "" {
			continue
		}
		c.add(d, i, i, Suggestion{Kind: kind, Confidence: 0.5, RefersTo: to})
		seen = mentioned(seen, pronounMention(d, i, kind, to))
	}
}

// mentionsOf are the people and groups among suggestions, in text order,
// for pronouns to refer to.
func mentionsOf(d *document, ss []Suggestion) []mention {
	var seen []mention
	for _, s := range ss {
		if (s.Kind == Person || s.Kind == Organisation) && !untitledRole(s) {
			seen = append(seen, mention{s.Start, d.sentenceIndex(s.Start), s.Kind, s.Sector, PartyName(s), opensSentence(d, wordAt(d, s.Start)), plural(s.Text)})
		}
	}
	sort.Slice(seen, func(i, j int) bool { return seen[i].start < seen[j].start })
	return seen
}

// pronounMention is pronoun word i, standing for the name to, as a
// mention a later pronoun may refer to.
func pronounMention(d *document, i int, kind, to string) mention {
	at := d.words[i].start
	return mention{at, d.sentenceIndex(at), kind, "", to, opensSentence(d, i), false}
}

// mentioned adds a mention in text order.
func mentioned(seen []mention, m mention) []mention {
	k := sort.Search(len(seen), func(k int) bool { return seen[k].start >= m.start })
	return slices.Insert(seen, k, m)
}

// standsIn gives, for a pronoun the model found ("his", "their", "its"),
// the pronoun whose referent it shares and the kind it stands for.
var standsIn = map[string]struct{ as, kind string }{
	"i": {"I", Person}, "me": {"I", Person}, "my": {"I", Person},
	"he": {"he", Person}, "him": {"he", Person}, "his": {"he", Person}, "himself": {"he", Person},
	"she": {"she", Person}, "her": {"she", Person}, "herself": {"she", Person},
	"we": {"we", Organisation}, "us": {"we", Organisation}, "our": {"we", Organisation},
	"they": {"they", Organisation}, "them": {"they", Organisation}, "their": {"they", Organisation}, "themselves": {"they", Organisation},
	"it": {"it", Organisation}, "its": {"it", Organisation}, "itself": {"it", Organisation},
}

// referTo gives a pronoun the model found the name it stands for, as the
// rules do theirs; false: it is no pronoun of its kind, or nothing fits.
func referTo(d *document, seen []mention, f *Suggestion) bool {
	first, last := d.wordsIn(span{f.Start, f.End})
	p, is := standsIn[strings.ToLower(f.Text)]
	if first < 0 || first != last || !is || p.kind != f.Kind {
		return false
	}
	at := d.words[first].start
	sent := d.sentenceIndex(at)
	f.RefersTo = antecedent(seen, at, sent, fitsPronoun(p.as, p.kind))
	switch {
	case f.RefersTo != "":
	case p.as == "we": // a statement's own voice: "we" with no government before it
		f.RefersTo = voiceOf(seen)
	case p.as == "they": // a group not named in the plural ("the coalition")
		f.RefersTo = antecedent(seen, at, sent, func(m mention) bool { return m.kind == Organisation })
	}
	return f.RefersTo != ""
}

// voiceOf is the organisation an article names most: the "we" of a
// press release or statement that names no government before it.
func voiceOf(seen []mention) string {
	n, best := map[string]int{}, ""
	for _, m := range seen {
		if m.kind == Organisation {
			n[m.name]++
			if n[m.name] > n[best] {
				best = m.name
			}
		}
	}
	return best
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
	if len(f) == 0 {
		return false
	}
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

// fitsPronoun says which names a pronoun of a kind may stand for: "we" a
// government, "they" a group named in the plural, "it" one that is not.
func fitsPronoun(pronoun, kind string) func(mention) bool {
	they, it := strings.EqualFold(pronoun, "they"), pronoun == "it"
	return func(m mention) bool {
		switch {
		case m.kind != kind:
			return false
		case they:
			return m.plural
		case it:
			return !m.plural
		}
		return kind != Organisation || m.sector == "GOV"
	}
}

// antecedent is the most salient name that fits, mentioned before code
// point at in the last few sentences (sent is at's sentence).
func antecedent(seen []mention, at, sent int, fits func(mention) bool) string {
	score := map[string]float64{}
	best, bestScore := "", 0.0
	k := sort.Search(len(seen), func(k int) bool { return seen[k].start >= at })
	for k--; k >= 0 && sent-seen[k].sentence <= lookBack; k-- {
		m := seen[k]
		if !fits(m) {
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
