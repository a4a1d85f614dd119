package suggest

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/data/codebook"
)

// trigger is a phrase that signals an event: its CAMEO code, from which
// the PLOVER type and mode follow through the crosswalk. Passive triggers
// ("was received by") put the host after the verb as the recipient, as an
// active one does.
type trigger struct {
	re     *regexp.Regexp
	cameo  string
	stems  []string            // one of them is in every match: a cheap test first
	script *unicode.RangeTable // a trigger of another script than Latin: a sentence without it is not read for it
}

// triggers, most specific first: the one that matches earliest in a
// sentence names its event, the more specific where two start together. Our own lexicon of news verbs, keyed to CAMEO codes.
var triggers = compileTriggers([][2]string{
	{`was received by|were received by|was hosted by|was welcomed by`, "042"},
	{`will not|would not|refus\w*|reject\w*|declin\w+ to|denied|vetoed|reneg\w*|defied|opposed`, "120"},
	{`threat\w*|warn\w*|ultimatum|sworn to|vowed to (?:fight|retaliate|respond)|may halt|would blockade|would tighten|plans? to impose|prepared to impose`, "130"},
	{`hunger strike|demonstrat\w+|riot\w*|rall(?:y|ies|ied)|protest\w*|blocked (?:roads?|streets?|the)|boycott\w*|general strike|open-ended strike|stopped work|shunned work|marched|signatures`, "140"},
	{`imposed sanctions|sanction\w*|suspen\w+|halted|cancell?ed|prohibit\w*|reduced (?:food |aid )?(?:aid|supplies)|expelled|forced .{0,30}out|shipped out|ended mediation|failed to reach|broke off`, "160"},
	{`murder\w*|kill\w*|fighting|fierce|launched (?:artillery|attacks?|rockets?|an offensive)|retaken|recaptured|blockades?|violat\w+ (?:the )?cease-?fire|gunships|bomb\w*|shell\w*|attack\w*|assassinat\w*|struck|fired (?:on|at)|clash\w*|ambush\w*|invaded|massacre\w*|air ?strikes?|shooting`, "190"},
	{`arrest\w*|detain\w*|seiz\w+|raid\w*|confiscat\w*|deport\w*|imprison\w*|curfew|martial law|banned|crack\w* down`, "173"},
	{`abduct\w*|kidnap\w*|took hostage|taken hostage`, "181"},
	{`mobili[sz]\w+|deploy\w*|massed|on alert`, "150"},
	{`accus\w+|blam\w+|alleg\w+|guilty`, "112"},
	{`condemn\w*|denounc\w*|critici[sz]\w+|deplor\w+|censur\w+`, "111"},
	{`investigat\w*|inquiry|probe`, "090"},
	{`demand\w*|urg\w+|called (?:on|for)|appeal\w*|request\w*|must|insist\w*|pushing|sought|pressur\w+|stressed the obligation|reminder`, "100"},
	{`released|freed|lifted|eased|withdr[ae]w\w*|surrender\w*|demobili[sz]\w+|cease-?fire|truce|dispatched inspectors|received a mission|returning`, "080"},
	{`accepted|conceded|allowed|approved|introduced|decided to allow|called off|paid compensation|yield\w*`, "080"},
	{`mediat\w+`, "045"},
	{`negotiat\w+`, "046"},
	{`(?:will|would|to) (?:visit|meet|hold talks)|agreed to (?:hold|meet|resume|continue)`, "036"},
	{`visited|visits|visiting|travell?ed to|arrived in|paid a visit|on a visit to|trip to`, "042"},
	{`hosted|welcomed (?:a|the) delegation`, "043"},
	{`agree\w*|pledg\w+|promis\w+|offer\w*|committed to|consensus|(?:is|are|was|were) (?:ready|willing|prepared) to|will (?:support|give|provide|allow|send|release|help)|would (?:support|give|provide|allow)`, "030"},
	{`held talks|holds talks|met|meets|meeting|talks with|discuss\w*|spoke with|phoned|telephoned|consult\w*|conferred`, "040"},
	{`signed`, "057"},
	{`apologi[sz]\w+`, "055"},
	{`prais\w+|commend\w*|endors\w+|support\w*|back\w*|welcom\w+`, "051"},
	{`recogni[sz]\w+`, "054"},
	{`cooperat\w+|joint (?:exercise|operation)|shared intelligence`, "060"},
	{`provid\w+|deliver\w*|sent|donat\w+|grant\w*|aid`, "070"},
})

func compileTriggers(list [][2]string) []trigger {
	var out []trigger
	for _, t := range list {
		out = append(out, trigger{re: regexp.MustCompile(`\b(?:` + t[0] + `)`), cameo: t[1], stems: stems(t[0])})
	}
	return out
}

// stems returns literals one of which starts every match of a pattern,
// as long as the pattern allows ("attack", "assassinat", "air" for
// `attack\w*|assassinat\w*|air ?strikes?`), or nil when it cannot tell.
func stems(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	set, _ := prefixes(re.Simplify())
	if slices.Contains(set, "") {
		return nil
	}
	return set
}

// maxStems bounds the literals one pattern may expand to.
const maxStems = 64

// prefixes returns the literals every match of r starts with, and whether
// they are the whole of every match (so that what follows may extend them).
func prefixes(r *syntax.Regexp) ([]string, bool) {
	switch r.Op {
	case syntax.OpLiteral:
		return []string{string(r.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(r.Rune); i += 2 {
			for c := r.Rune[i]; c <= r.Rune[i+1] && len(out) <= 4; c++ {
				out = append(out, string(c))
			}
		}
		if len(out) > 4 {
			return nil, false
		}
		return out, true
	case syntax.OpCapture, syntax.OpPlus:
		set, whole := prefixes(r.Sub[0])
		return set, whole && r.Op == syntax.OpCapture
	case syntax.OpAlternate:
		var out []string
		whole := true
		for _, sub := range r.Sub {
			set, w := prefixes(sub)
			if set == nil {
				return nil, false
			}
			out, whole = append(out, set...), whole && w
		}
		return out, whole
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range r.Sub {
			set, whole := prefixes(sub)
			if set == nil || len(acc)*len(set) > maxStems {
				return acc, false
			}
			var next []string
			for _, a := range acc {
				for _, b := range set {
					next = append(next, a+b)
				}
			}
			if acc = next; !whole {
				return acc, false
			}
		}
		return acc, true
	}
	return nil, false
}

// mayMatch: the sentence holds one of the trigger's stems.
func (t trigger) mayMatch(lower string) bool {
	if t.stems == nil {
		return true
	}
	for _, s := range t.stems {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// parties are the entity kinds that can act in an event.
func party(s Suggestion) bool {
	return s.Kind == Person || s.Kind == Organisation || (s.Kind == Location && s.PlaceID == "")
}

// events proposes one event per sentence that holds a trigger: its actor
// is the last party before the trigger, its recipients the parties after
// it (two parties joined by "and" before a meeting are actor and
// recipient), its date and place the first in the sentence, its evidence
// the sentence.
func events(d *document, ents, all []Suggestion, published string) []Suggestion {
	var out []Suggestion
	dated, among := datesOf(all), triggersIn(d.lower)
	for _, s := range d.sentences {
		text := d.slice(s.start, s.end)
		t, at, ok := firstTrigger(text, among)
		if !ok {
			continue
		}
		verb := s.start + utf8.RuneCountInString(text[:at])
		lead := utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeftFunc(text, unicode.IsSpace))
		trimmed := strings.TrimSpace(text)
		ev := Suggestion{Kind: Event, Start: s.start + lead, End: s.start + lead + utf8.RuneCountInString(trimmed), Text: trimmed, Confidence: 0.5, CAMEO: t.cameo}
		if c, ok := codebook.CAMEO(t.cameo); ok {
			ev.Type, ev.Mode = c.Type, c.Mode
		}
		before, after := partiesAround(ents, s, verb)
		switch {
		case len(before) >= 2 && strings.HasPrefix(t.cameo, "04") && joinedParties(d, before[len(before)-2], before[len(before)-1]):
			ev.Actors, ev.Recipients = []string{PartyName(before[len(before)-2])}, []string{PartyName(before[len(before)-1])}
		case len(before) >= 2 && afterAnd(d, verb):
			ev.Actors = []string{PartyName(before[0])} // "A thanked B and warned…": A warned
		case len(before) >= 1:
			ev.Actors = []string{PartyName(before[len(before)-1])}
		case len(after) >= 2 && strings.HasPrefix(t.cameo, "04") && between(d, after[0], after[1]):
			ev.Actors, after = []string{PartyName(after[0])}, after[1:] // "talks between A and B"
		case len(after) >= 2 && verbFirst(d, verb):
			ev.Actors, after = []string{PartyName(after[0])}, after[1:] // Arabic: "التقى A B", A met B
		}
		for _, a := range after {
			if n := PartyName(a); len(ev.Recipients) == 0 && (len(ev.Actors) == 0 || n != ev.Actors[0]) { // not the actor again: "Kola said: I welcome…"
				ev.Recipients = []string{n}
				break
			}
		}
		if len(ev.Actors) > 0 {
			ev.Confidence += 0.15
		}
		if len(ev.Recipients) > 0 {
			ev.Confidence += 0.1
		}
		if d, ok := dated.first(s); ok {
			ev.Date, ev.DateEnd, ev.Precision, ev.DateRaw = d.Date, d.DateEnd, d.Precision, d.Text
		}
		ev.Place, _ = firstPlace(ents, s)
		if size, words := casualties(trimmed); words != "" {
			ev.Size, ev.SizeWords = &size, words
		}
		out = append(out, ev)
	}
	return out
}

// triggersIn are the triggers that may match somewhere in text, which is
// in lower case: a long article's sentences need try no others.
func triggersIn(lower string) []trigger {
	var out []trigger
	scripts := scriptsIn(lower)
	for _, t := range allTriggers() {
		if (t.script == nil || scripts[t.script]) && t.mayMatch(lower) {
			out = append(out, t)
		}
	}
	return out
}

// firstTrigger returns the most specific of the triggers in the sentence
// and where it starts.
func firstTrigger(text string, among []trigger) (trigger, int, bool) {
	text = asciiLower(text) // the lexicon is lower case; byte offsets stay
	best, at := trigger{}, -1
	for _, t := range among {
		if !t.mayMatch(text) {
			continue
		}
		if pos := t.firstAffirmed(text); pos >= 0 && (at < 0 || pos < at) {
			best, at = t, pos
		}
	}
	return best, at, at >= 0
}

// firstAffirmed is where the trigger's first match that no negation
// precedes starts, or -1.
func (t trigger) firstAffirmed(text string) int {
	for _, loc := range t.re.FindAllStringSubmatchIndex(text, -1) {
		if at := triggerStart(loc); !negated(text, at) {
			return at
		}
	}
	return -1
}

// triggerStart is where a match's trigger starts: past the boundary a
// trigger of another script matches before it (its empty group marks the
// place).
func triggerStart(loc []int) int {
	if len(loc) > 2 {
		return loc[2]
	}
	return loc[0]
}

// scriptsIn are the scripts other than Latin that text holds.
func scriptsIn(text string) map[*unicode.RangeTable]bool {
	out := map[*unicode.RangeTable]bool{}
	for _, r := range text {
		if r < 0x400 {
			continue
		}
		for _, sc := range otherScripts {
			if unicode.Is(sc, r) {
				out[sc] = true
			}
		}
	}
	return out
}

var otherScripts = []*unicode.RangeTable{unicode.Cyrillic, unicode.Arabic, unicode.Han}

// allTriggers are the English lexicon, then the other languages'.
func allTriggers() []trigger {
	return append(triggers[:len(triggers):len(triggers)], foreignTriggers...)
}

// negated: one of the three words before pos denies the verb ("have not
// formally recognized"); as in CAMEO, what did not happen is no event.
func negated(text string, pos int) bool {
	words := strings.Fields(text[max(0, pos-40):pos])
	for _, w := range words[max(0, len(words)-3):] {
		w = strings.Trim(w, ",;:")
		if w == "not" || w == "never" || w == "no" || w == "nor" || w == "without" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") || slices.Contains(otherNegations, w) {
			return true
		}
	}
	return false
}

// PartyName is the name a party to an event goes by: the full name a
// surname, pronoun or title refers to, else its words without "the".
func PartyName(s Suggestion) string {
	if s.RefersTo != "" {
		return s.RefersTo
	}
	if s.Name != "" {
		return s.Name
	}
	for _, the := range []string{"the ", "The "} {
		if rest, ok := strings.CutPrefix(s.Text, the); ok {
			return rest
		}
	}
	return s.Text
}

// afterAnd says whether the verb at code point verb follows "and", as a
// second verb of the same subject does.
func afterAnd(d *document, verb int) bool {
	k := wordAt(d, verb)
	return k > 0 && k < len(d.words) && d.words[k].start == verb && strings.EqualFold(d.words[k-1].text, "and")
}

// partiesAround returns the parties of a sentence before and after its
// verb, in text order; of two parties on the same words (a country and
// its government) the first found stands, and a country just before a
// person is the person's ("министром иностранных дел Китая Ван И": Wang
// Yi, of China).
func partiesAround(ents []Suggestion, s span, verb int) (before, after []Suggestion) {
	lastEnd := -1
	from := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= s.start }) // the entities are in text order
	for i, e := range ents[from:] {
		if e.Start >= s.end {
			break
		}
		if !party(e) || e.End > s.end || e.Start < lastEnd || countryOfNext(e, ents[from+i+1:]) {
			continue
		}
		lastEnd = e.End
		if e.End <= verb {
			before = append(before, e)
		} else if e.Start >= verb {
			after = append(after, e)
		}
	}
	return before, after
}

// verbFirst: the verb at code point verb is of a language that puts it
// before its subject (Arabic).
func verbFirst(d *document, verb int) bool {
	return verb < len(d.runes) && unicode.Is(unicode.Arabic, d.runes[verb])
}

// countryOfNext: e is a country named just before a person (one space
// between them).
func countryOfNext(e Suggestion, rest []Suggestion) bool {
	if e.Kind != Location || e.Country == "" || e.PlaceID != "" {
		return false
	}
	for _, n := range rest {
		if n.Start > e.End+1 {
			return false
		}
		if n.Start == e.End+1 && n.Kind == Person {
			return true
		}
	}
	return false
}

// datedAt are the date suggestions in text order, each with its place
// among all the suggestions.
type datedAt []struct {
	s     Suggestion
	order int
}

func datesOf(all []Suggestion) datedAt {
	var out datedAt
	for i, x := range all {
		if x.Kind == Date {
			out = append(out, struct {
				s     Suggestion
				order int
			}{x, i})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].s.Start < out[j].s.Start })
	return out
}

// first is the first date suggested in a sentence (the likelier patterns
// are tried first).
func (ds datedAt) first(s span) (Suggestion, bool) {
	best := -1
	for k := sort.Search(len(ds), func(i int) bool { return ds[i].s.Start >= s.start }); k < len(ds) && ds[k].s.Start < s.end; k++ {
		if ds[k].s.End <= s.end && (best < 0 || ds[k].order < ds[best].order) {
			best = k
		}
	}
	if best < 0 {
		return Suggestion{}, false
	}
	return ds[best].s, true
}

// firstPlace is the first place named in a sentence, a city before a
// country; ents are in text order.
func firstPlace(ents []Suggestion, s span) (string, bool) {
	country := ""
	from := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= s.start })
	for _, x := range ents[from:] {
		if x.Start >= s.end {
			break
		}
		if x.Kind != Location || x.End > s.end {
			continue
		}
		if x.PlaceID != "" {
			return x.Text, true
		}
		if country == "" {
			country = x.Text
		}
	}
	return country, country != ""
}

// between: two parties joined by "and", as in "talks between A and B" or
// "between A and Prime Minister B".
// joinedParties: two parties stand side by side, joined by "and" in one
// of the languages read ("Shoigu and Chinese Foreign Minister Wang Yi
// met", "Ван И и Лавров встретились").
func joinedParties(d *document, a, b Suggestion) bool {
	gap := strings.Fields(d.slice(a.End, b.Start))
	return len(gap) > 0 && len(gap) <= 5 && slices.Contains(andWords, strings.ToLower(gap[0])) && !strings.ContainsAny(strings.Join(gap, " "), ",;:.()–—")
}

// andWords join two parties: "and" in the languages read.
var andWords = strings.Fields(`and и і та et und y e و 和 与 同`)

func between(d *document, a, b Suggestion) bool {
	gap := strings.Fields(d.slice(a.End, b.Start))
	return len(gap) > 0 && len(gap) <= 5 && gap[0] == "and" && !strings.ContainsAny(strings.Join(gap, " "), ",;:.()")
}
