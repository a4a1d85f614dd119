package suggest

import (
	"strings"
	"unicode"

	"dossier/data/codebook"
)

// groupNouns head phrases that name groups an analyst codes as actors or
// targets, with the CAMEO sector each suggests.
var groupNouns = map[string]string{
	"civilians": "CVL", "people": "CVL", "residents": "CVL", "children": "CVL", "families": "CVL", "victims": "CVL",
	"students": "EDU", "refugees": "CVL", "migrants": "CVL", "protesters": "CVL", "demonstrators": "CVL",
	"fighters": "REB", "militants": "REB", "insurgents": "REB", "rebels": "REB", "terrorists": "REB", "militias": "REB",
	"forces": "MIL", "troops": "MIL", "soldiers": "MIL", "army": "MIL", "navy": "MIL", "military": "MIL", "police": "COP",
	"government": "GOV", "regime": "GOV", "officials": "GOV", "leaders": "GOV", "authorities": "GOV",
	"opposition": "OPP", "parties": "", "partners": "", "allies": "", "community": "", "coalition": "",
}

// groupModifiers may open such a phrase: "the Syrian people", "all
// parties", "Iraqi security forces", "our international partners".
var groupModifiers = wordSet(`the The all All our Our their Their its these those both many some local international
innocent foreign armed security special government opposition rebel military terrorist extremist violent civilian
moderate regional key Coalition coalition world vulnerable young displaced`)

// groups proposes group phrases; "community" and "coalition" only with a
// modifier ("the international community").
func groups(d *document, c *claims) {
	for i, w := range d.words {
		sector, ok := groupNouns[w.text]
		if !ok || !c.free(i, i) || qualifies(d, i) {
			continue
		}
		first, country := i, ""
		for first > 0 && sameStretch(d, first-1, first) {
			m := d.words[first-1].text
			if cc, ok := demonymCountry(m); ok {
				country = cc
			} else if cb, ok := codebook.CountryNamed(m); ok && isCapitalised(m) {
				country = cb.Alpha3
			} else if !groupModifiers[m] && (!isCapitalised(m) || notNames[m] || opensSentence(d, first-1)) {
				break
			}
			first--
		}
		last := groupComplement(d, i)
		if first == i && (w.text == "community" || w.text == "coalition" || w.text == "parties") {
			continue
		}
		conf := 0.45
		if first < i || last > i {
			conf = 0.55
		}
		c.addOver(d, first, last, Suggestion{Kind: Organisation, Confidence: conf, Sector: sector, Country: country})
		c.taken[i] = true
	}
}

// qualifies: the word at i modifies the noun after it, "military
// operations", "government forces", so it heads no group.
func qualifies(d *document, i int) bool {
	if i+1 >= len(d.words) || !sameStretch(d, i, i+1) {
		return false
	}
	w := d.words[i+1].text
	return !isCapitalised(w) && !functionWords[w] && !prepositions[w] && !auxiliaries[w] && !verbish(d, i+1) && !strings.HasSuffix(w, "ing")
}

// groupComplement extends a group over "of Iraq", "of the victims".
func groupComplement(d *document, i int) int {
	k := i + 1
	if k+1 >= len(d.words) || d.words[k].text != "of" || !sameStretch(d, i, k) {
		return i
	}
	k++
	if d.words[k].text == "the" && k+1 < len(d.words) {
		k++
	}
	if _, ok := groupNouns[d.words[k].text]; ok || isCapitalised(d.words[k].text) {
		return k
	}
	return i
}

// plurals reads plural nationality words as groups: "Syrians", "Iraqis".
func plurals(d *document, c *claims) {
	for i, w := range d.words {
		if !c.free(i, i) {
			continue
		}
		if cc, ok := pluralDemonym(w.text); ok {
			c.add(d, i, i, Suggestion{Kind: Organisation, Confidence: 0.6, Country: cc, Sector: "CVL"})
		}
	}
}

// pluralDemonym reads "Syrians" as the people of SYR.
func pluralDemonym(w string) (string, bool) {
	if !strings.HasSuffix(w, "s") {
		return "", false
	}
	return demonymCountry(strings.TrimSuffix(w, "s"))
}

// actingCountries reads a country that does something, "The United
// States strongly condemns", "announced by Russia and Turkey", as its
// government: an organisation beside the place.
func actingCountries(d *document, c *claims) {
	n := len(c.out)
	for k := 0; k < n; k++ {
		s := c.out[k]
		if s.Kind != Location || s.PlaceID != "" || !unicode.In(firstRune(s.Text), unicode.Latin) {
			continue // English grammar tells a country that acts: not other scripts'
		}
		first, last := d.wordsIn(span{s.Start, s.End})
		if first < 0 || afterPreposition(d, first) {
			continue
		}
		modifier := modifies(d, last)
		if !modifier && !acts(d, first, last) {
			continue
		}
		if first > 0 && strings.EqualFold(d.words[first-1].text, "the") && sameStretch(d, first-1, first) {
			first--
		}
		name := s.Text
		if cb, ok := codebook.CountryByCode(s.Country); ok {
			name = cb.Name
		}
		gov := Suggestion{Kind: Organisation, Confidence: 0.6, Country: s.Country, Sector: "GOV", RefersTo: name}
		if modifier {
			gov.Start, gov.End, gov.Text = s.Start, s.End, s.Text
			c.out[k] = gov // "U.S. assistance": the country's government, not a place
			continue
		}
		c.addOver(d, first, last, gov)
	}
}

// modifies: the country name at word k qualifies the noun after it, "U.S.
// assistance", "UK support".
func modifies(d *document, k int) bool {
	if k+1 >= len(d.words) || !sameStretch(d, k, k+1) {
		return false
	}
	w := d.words[k+1].text
	_, group := groupNouns[w]
	return !isCapitalised(w) && !group && !functionWords[w] && !verbish(d, k+1)
}

// prepositions put a place in a phrase ("forces in Iraq"); after them a
// country does not act.
var prepositions = wordSet(`in into from to across of for with within against on at throughout near inside outside around towards
over about through between under beyond via among during out off up down`)

// functionWords do not follow a country used as a modifier.
var functionWords = wordSet(`a an the and or but nor as so than then that which who whom whose where when while after before since
until because if though although today yesterday tomorrow now again also too only even still yet here there this these those its
his her their our my your it he she they we you i to in on at by of for with from into per via not no`)

func afterPreposition(d *document, first int) bool {
	p := first - 1
	if p > 0 && strings.EqualFold(d.words[p].text, "the") {
		p--
	}
	return p >= 0 && prepositions[strings.ToLower(d.words[p].text)]
}

// acts: the words first…last are the subject of a verb, the agent after
// "by", or one of two joined subjects.
func acts(d *document, first, last int) bool {
	next := last + 1
	if next+1 < len(d.words) && d.words[next].text == "and" && isCapitalised(d.words[next+1].text) {
		for k := next + 1; k < len(d.words) && k < next+4; k++ {
			if !isCapitalised(d.words[k].text) {
				return verbish(d, k)
			}
		}
	}
	if next < len(d.words) && sameStretch(d, last, next) && verbish(d, next) {
		return true
	}
	p := first - 1
	if p > 0 && strings.EqualFold(d.words[p].text, "the") {
		p--
	}
	if p >= 0 && d.words[p].text == "by" {
		return true
	}
	return first > 1 && d.words[first-1].text == "and" && isCapitalised(d.words[first-2].text) && next < len(d.words) && verbish(d, next)
}
