package suggest

import (
	"sort"
	"strings"
)

// particleNames finds names with an Arabic article or kunya, "Bashar
// al-Assad", "Abu Musab al-Zarqawi", wherever they stand in a sentence.
func particleNames(d *document, c *claims) {
	for i := 0; i < len(d.words); i++ {
		if !isName(d.words[i].text) && d.words[i].text != "Abu" {
			continue
		}
		last, marked := i, d.words[i].text == "Abu"
		for k := i + 1; k < len(d.words) && k < i+5 && namePart(d.words[k].text) && sameStretch(d, k-1, k); k++ {
			if isName(d.words[k].text) || particled(d.words[k].text) {
				last = k
			}
			marked = marked || particled(d.words[k].text)
		}
		if !marked || last == i || !c.free(i, last) || orgWordAfter(d, last) {
			continue
		}
		if _, place := placeNamed(d.slice(d.words[i].start, d.words[last].end)); place {
			continue
		}
		c.add(d, i, last, Suggestion{Kind: Person, Confidence: 0.7})
		i = last
	}
}

func orgWordAfter(d *document, k int) bool {
	return k+1 < len(d.words) && sameStretch(d, k, k+1) && orgWords[d.words[k+1].text]
}

// untitledPeople guesses that two or three capitalised words no other rule
// explains name a person: inside a sentence, or opening one when a verb or
// a comma follows ("Philip Hammond said", "Knox Thames, the adviser").
func untitledPeople(d *document, c *claims) {
	for i := 0; i+1 < len(d.words); i++ {
		last := i
		for k := i; k < len(d.words) && k < i+3 && isName(d.words[k].text) && (k == i || sameStretch(d, k-1, k)); k++ {
			last = k
		}
		if last == i || !c.free(i, last) || (opensSentence(d, i) && !actsNext(d, last)) || thing(d, i, last) {
			continue
		}
		c.add(d, i, last, Suggestion{Kind: Person, Confidence: 0.4})
		i = last
	}
}

func opensSentence(d *document, i int) bool {
	return d.sentenceOf(d.words[i].start).start == d.words[i].start || i == 0
}

// actsNext: the word after k is a verb of the sentence, or punctuation
// sets the name apart.
func actsNext(d *document, k int) bool {
	if k+1 >= len(d.words) {
		return false
	}
	gap := strings.TrimSpace(d.slice(d.words[k].end, d.words[k+1].start))
	return gap == "," || gap == "(" || gap == ":" || (gap == "" && verbish(d, k+1))
}

// auxiliaries and common reporting verbs.
var auxiliaries = wordSet(`is are was were has have had will would must can could should may might shall did does do
said says told met meets visited visits remains remain continues continue stands stand supports support welcomed welcomes
condemned condemns strongly also announced urged called joined signed agreed`)

// notVerbs end in "s" or "ed" but are not verbs of a sentence.
var notVerbs = wordSet(`as its this his us was thus plus across towards upon bus gas news series various famous serious previous
red bed need seed speed shed hundred`)

// verbish: word k looks like the finite verb of a clause ("condemns",
// "remains", "signed", "strongly condemns").
func verbish(d *document, k int) bool {
	w := d.words[k].text
	if isCapitalised(w) {
		return false
	}
	if strings.HasSuffix(w, "ly") && k+1 < len(d.words) && sameStretch(d, k, k+1) {
		w = d.words[k+1].text
	}
	if auxiliaries[w] {
		return true
	}
	return len(w) > 3 && !notVerbs[w] && (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ed"))
}

// surnames finds later (and earlier) mentions of a person by the last word
// of their name, "Shoigu" for Sergei Shoigu, "Zarqawi" for Abu Musab
// al-Zarqawi; each refers to the full name.
func surnames(d *document, c *claims) {
	full := map[string]string{}
	for _, s := range c.out {
		f := strings.Fields(s.Text)
		if s.Kind != Person || len(f) < 2 || s.RefersTo != "" || untitledRole(s) {
			continue
		}
		last := f[len(f)-1]
		for _, key := range []string{last, strings.TrimPrefix(strings.TrimPrefix(last, "al-"), "Al-")} {
			if _, taken := full[key]; !taken && isName(key) {
				full[key] = s.Text
			}
		}
	}
	for i, s := range c.out {
		if name, ok := full[s.Text]; ok && s.Kind == Person && s.RefersTo == "" {
			c.out[i].RefersTo = name // "Minister Ellwood" is Tobias Ellwood
		}
	}
	byName := map[string]Suggestion{}
	for _, s := range c.out {
		if s.Kind == Person && s.RefersTo == "" {
			byName[s.Text] = s
		}
	}
	repeatFullNames(d, c, byName)
	for i, w := range d.words {
		name, ok := full[w.text]
		if !ok || !c.free(i, i) {
			continue
		}
		p := byName[name]
		c.add(d, i, i, Suggestion{Kind: Person, Confidence: 0.75, ActorID: p.ActorID, Country: p.Country, Role: p.Role, Sector: p.Sector, RefersTo: name})
	}
}

// regimeLeaders reads "the Asad regime", "Assad's brutal regime" and
// "the regime of Assad": the name is a person, the phrase their
// government.
func regimeLeaders(d *document, c *claims) {
	for i, w := range d.words {
		if w.text != "regime" {
			continue
		}
		leader, first := -1, i
		switch {
		case i > 0 && leaderName(d, i-1) && sameStretch(d, i-1, i):
			leader, first = i-1, i-1
		case i > 1 && leaderName(d, i-2) && possessive(d, i-2) && !isCapitalised(d.words[i-1].text):
			leader, first = i-2, i-2
		case i+2 < len(d.words) && d.words[i+1].text == "of" && leaderName(d, i+2):
			leader = i + 2
		}
		if leader < 0 || !c.free(leader, leader) {
			continue
		}
		if first > 0 && strings.EqualFold(d.words[first-1].text, "the") {
			first--
		}
		last := max(i, leader)
		c.add(d, leader, leader, Suggestion{Kind: Person, Confidence: 0.7, Sector: "GOV"})
		c.addOver(d, first, last, Suggestion{Kind: Organisation, Confidence: 0.7, Sector: "GOV"})
		c.taken[i] = true // "regime" is not a group of its own here
	}
}

func leaderName(d *document, k int) bool {
	w := d.words[k].text
	_, country := placeNamed(w)
	_, demonym := demonymCountry(w)
	return (isName(w) || particled(w)) && !country && !demonym && !knownGroup(w)
}

func possessive(d *document, k int) bool {
	return k+1 < len(d.words) && d.words[k].end+2 <= d.words[k+1].start && strings.ContainsRune("'’", d.runes[d.words[k].end])
}

// referToHolders resolves each title without a name ("the Foreign
// Secretary") to the person the article names with that title, the
// nearest before it, else the nearest after.
func referToHolders(c *claims) {
	var holders []Suggestion
	for _, s := range c.out {
		if s.Kind == Person && s.Role != "" && s.RefersTo == "" && !strings.HasSuffix(s.Text, s.Role) {
			holders = append(holders, s)
		}
	}
	sort.Slice(holders, func(i, j int) bool { return holders[i].Start < holders[j].Start })
	for i, s := range c.out {
		if s.Kind != Person || s.RefersTo != "" || !strings.HasSuffix(s.Text, s.Role) || s.Role == "" {
			continue
		}
		role := strings.ToLower(s.Role)
		best := -1
		for k, h := range holders {
			if strings.HasSuffix(strings.ToLower(h.Role), role) && (best < 0 || h.Start < s.Start) {
				best = k
			}
		}
		if best >= 0 {
			c.out[i].RefersTo = holders[best].Text
		}
	}
}

// thingWords end names of things, not people: "Iran-Iraq War", "Yazidi
// Black Book", "Executive Order".
var thingWords = wordSet(`Book War Order Conference Framework Agreement Board Community News Treaty Act Law Accord Plan Strategy
Summit Declaration Resolution Report Day Award Prize Cup Operation Initiative Dialogue Process Talks Forum Games Festival Museum
Mosque Church Temple Palace Tower Hotel Stadium Site Heritage Programme Program Campaign Project Fund Index`)

// thing: the run first…last names a thing ("Black Book") or a place
// with an Arabic article ("Al Anbar").
func thing(d *document, first, last int) bool {
	return thingWords[d.words[last].text] || thingWords[d.words[first].text] || d.words[first].text == "Al"
}

// repeatFullNames finds a person's full name again wherever it stands
// ("between Shoigu and Wang Yi").
func repeatFullNames(d *document, c *claims, byName map[string]Suggestion) {
	names := make([]string, 0, len(byName))
	for name := range byName {
		if strings.Contains(name, " ") {
			names = append(names, name)
		}
	}
	sort.Slice(names, func(i, j int) bool { // longest first, then by name: the same claims every run
		if li, lj := len(names[i]), len(names[j]); li != lj {
			return li > lj
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		p, f := byName[name], strings.Fields(name)
		for i := 0; i+len(f) <= len(d.words); i++ {
			if d.words[i].text == f[0] && wordsEqual(d, i, f) && c.free(i, i+len(f)-1) {
				c.add(d, i, i+len(f)-1, Suggestion{Kind: Person, Confidence: 0.8, ActorID: p.ActorID, Country: p.Country, Role: p.Role, Sector: p.Sector})
			}
		}
	}
}
