package suggest

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dossier/data"
	"dossier/data/codebook"
)

// orgWords make a capitalised run an organisation.
var orgWords = wordSet(`Ministry Council Department Agency Forces Force Army Party Front Organisation Organization Nations Union Coalition Government
Office Committee Brigade Brigades Movement Group Bank Commission Court Parliament Assembly Police Guard Guards Alliance Embassy University
Institute Authority Federation Corps Militia Emirate Xinhua Reuters Agency Network Society Fund Programme Program Hospital
Marines Operation Operations Command Battalion Division Regiment Company Association Foundation Centre Center Service Services`)

// knownGroups are names news use for armed groups without any org word.
var knownGroups = wordSet(`Daesh DAESH ISIL ISIS Taliban Hezbollah Hamas al-Nusra Nusra al-Qaeda Qaeda Houthis Houthi PKK YPG SDF NATO`)

// small words a capitalised name may hold inside.
var joiners = wordSet(`of for the and al al- bin`)

// notNames are capitalised words that start sentences or name no one.
var notNames = wordSet(`The A An This That These Those It Its He She They We I You Our Their His Her In On At As By For From With But And Or If When While
However Both Neither Nor After Before During Since Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday
According There Here What Who Why How Last Updated Eastern Western Northern Southern Middle Central Upper Lower
New Old Great Greater Islamic Arab Muslim Christian Kurdish Sunni Shia Shiite`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// entities proposes people, organisations, nationalities and places.
func entities(d *document, known []data.Actor) []Suggestion {
	c := claims{taken: map[int]bool{}}
	knownActors(d, known, &c)
	titledPeople(d, &c)
	regionNames(d, &c)
	particleNames(d, &c)
	regimeLeaders(d, &c)
	surnames(d, &c)
	organisations(d, &c)
	nationalities(d, &c)
	plurals(d, &c)
	places(d, &c)
	otherScriptPlaces(d, &c)
	actingCountries(d, &c)
	namedPlaces(d, &c)
	groups(d, &c)
	untitledPeople(d, &c)
	surnames(d, &c)
	referToHolders(&c)
	pronouns(d, &c)
	return c.out
}

// claims holds suggestions made so far; a word belongs to one entity.
type claims struct {
	out   []Suggestion
	taken map[int]bool // word indexes
}

func (c *claims) free(first, last int) bool {
	for i := first; i <= last; i++ {
		if c.taken[i] {
			return false
		}
	}
	return true
}

func (c *claims) add(d *document, first, last int, s Suggestion) {
	for i := first; i <= last; i++ {
		c.taken[i] = true
	}
	s.Start, s.End = d.words[first].start, d.words[last].end
	s.Text = d.slice(s.Start, s.End)
	c.out = append(c.out, s)
}

// addOver adds a suggestion over words another kind holds ("the Asad
// regime" over the person Asad); its words stay free for their own kind.
func (c *claims) addOver(d *document, first, last int, s Suggestion) {
	s.Start, s.End = d.words[first].start, d.words[last].end
	s.Text = d.slice(s.Start, s.End)
	c.out = append(c.out, s)
}

// knownActors finds the register's names and aliases as whole words, the
// longest name first where two start at the same word. The names are
// indexed by their first word, so a register of thousands costs one pass.
func knownActors(d *document, known []data.Actor, c *claims) {
	index := namesByFirstWord(known)
	for i, w := range d.words {
		for _, n := range index[strings.TrimRight(w.text, ".")] {
			last := i + len(n.words) - 1
			if last < len(d.words) && wordsEqual(d, i, n.words) && c.free(i, last) {
				a := n.actor
				kind := Organisation
				if a.Kind == data.KindPerson {
					kind = Person
				}
				c.add(d, i, last, Suggestion{Kind: kind, Confidence: 0.95, ActorID: a.ID, Country: a.Country, Sector: a.Sector})
				break
			}
		}
	}
}

type knownName struct {
	words []string
	actor *data.Actor
}

func namesByFirstWord(known []data.Actor) map[string][]knownName {
	index := map[string][]knownName{}
	for k := range known {
		if known[k].MergedInto != "" {
			continue
		}
		for _, n := range known[k].Names() {
			if nw := strings.Fields(n); len(nw) > 0 {
				first := strings.TrimRight(nw[0], ".,")
				index[first] = append(index[first], knownName{nw, &known[k]})
			}
		}
	}
	for _, list := range index {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	return index
}

func wordsEqual(d *document, i int, ws []string) bool {
	for k, w := range ws {
		if strings.TrimRight(d.words[i+k].text, ".") != strings.TrimRight(w, ".,") {
			return false
		}
	}
	return true
}

func isName(w string) bool {
	return isCapitalised(w) && !notNames[w] && !titles[w] && !orgWords[w]
}

// sameStretch reports that two neighbouring words are separated by spaces only.
func sameStretch(d *document, a, b int) bool {
	return strings.TrimSpace(d.slice(d.words[a].end, d.words[b].start)) == ""
}

// organisations reads capitalised runs holding an organisation word,
// known group names and acronyms.
func organisations(d *document, c *claims) {
	for i := 0; i < len(d.words); i++ {
		w := d.words[i].text
		if knownGroup(w) && c.free(i, i) {
			c.add(d, i, i, Suggestion{Kind: Organisation, Confidence: 0.9})
			continue
		}
		if !isCapitalised(w) || notNames[w] {
			continue
		}
		last, hasOrg := i, orgWords[w]
		for k := i + 1; k < len(d.words) && sameStretch(d, k-1, k); k++ {
			nw := d.words[k].text
			if !isCapitalised(nw) && !joiners[nw] {
				break
			}
			if isCapitalised(nw) {
				last = k
				hasOrg = hasOrg || orgWords[nw]
			}
		}
		first := i
		if first > 0 && strings.EqualFold(d.words[first-1].text, "the") && sameStretch(d, first-1, first) && hasOrg {
			first--
		}
		switch {
		case hasOrg && c.free(first, last):
			c.add(d, first, last, Suggestion{Kind: Organisation, Confidence: 0.7})
			i = last
		case last == i && isAcronym(w) && c.free(i, i):
			c.add(d, i, i, Suggestion{Kind: Organisation, Confidence: 0.55})
		}
	}
}

// knownGroup matches a group's name however its apostrophe is written:
// "Da’esh", "Dae'sh" and "Daesh" are one.
func knownGroup(w string) bool {
	if !strings.ContainsAny(w, "’'") {
		return knownGroups[w]
	}
	return knownGroups[apostrophes.Replace(w)]
}

var apostrophes = strings.NewReplacer("’", "", "'", "")

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// nationalities finds demonyms ("Russian", "Iraqi").
func nationalities(d *document, c *claims) {
	for i, w := range d.words {
		if cc, ok := demonymCountry(w.text); ok && c.free(i, i) {
			c.add(d, i, i, Suggestion{Kind: Nationality, Confidence: 0.9, Country: cc})
		}
	}
}

var (
	demonymsOnce sync.Once
	demonyms     map[string]string
	// frenchDemonyms are read in lower case too, and in the plural
	frenchDemonyms map[string]string
)

func demonymCountry(w string) (string, bool) {
	demonymsOnce.Do(func() {
		demonyms, frenchDemonyms = map[string]string{}, map[string]string{}
		for _, c := range codebook.Countries() {
			for _, dm := range c.Demonyms {
				if _, taken := demonyms[dm]; !taken {
					demonyms[dm] = c.Alpha3
				}
			}
			for _, dm := range c.FrenchDemonyms {
				if _, taken := frenchDemonyms[dm]; !taken {
					frenchDemonyms[dm] = c.Alpha3
				}
			}
		}
	})
	if cc, ok := demonyms[w]; ok {
		return cc, true
	}
	// French writes them in lower case after the noun, and in the plural:
	// "le ministre russe", "les diplomates chinois", "des sources syriennes"
	if r := firstRune(w); len(w) >= 4 {
		title := string(unicode.ToUpper(r)) + w[utf8.RuneLen(r):]
		for _, f := range []string{title, strings.TrimSuffix(title, "s")} {
			if cc, ok := frenchDemonyms[f]; ok {
				return cc, true
			}
		}
	}
	return "", false
}
