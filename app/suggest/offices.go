package suggest

import (
	"strings"
	"unicode"

	"dossier/data/codebook"
)

// titles are words of office; the capitalised words after them name a person.
var titles = wordSet(`President Vice Prime Minister Secretary Secretary-General General Gen Colonel Col Ambassador Envoy King Queen Prince
Sheikh Emir Chancellor Governor Mayor Senator Spokesman Spokeswoman Spokesperson Commander Chief Director Chairman Leader Pope Mr Mrs Ms Dr
Foreign Defence Defense Interior Security Council Special Presidential Deputy State Justice Finance Army Navy Admiral Lieutenant Major Captain
Representative Advisor Adviser Acting Senior Office Home FCO Chargé Minister-President Brigadier Staff`)

// titleHeads end a title: "Foreign Minister", "Council Secretary".
var titleHeads = wordSet(`President Minister Secretary Secretary-General General Gen Colonel Col Ambassador Envoy King Queen Prince Sheikh Emir
Chancellor Governor Mayor Senator Spokesman Spokeswoman Spokesperson Commander Chief Director Chairman Leader Pope Mr Mrs Ms Dr Admiral
Representative Advisor Adviser Chargé Brigadier`)

// honorifics are written with a full stop that does not end the sentence.
var honorifics = wordSet(`Mr Mrs Ms Dr Gen Col Lt`)

// remits complete a title after "of" or "for": "Secretary of State",
// "Minister for the Middle East"; country names do too.
var remits = wordSet(`State Defense Defence Foreign Affairs Home Interior Justice Finance Trade Health Education Energy Refugees Religious
Minorities Middle East West North South Central Near Far Asia Africa Europe Americas Pacific Development International Cooperation Staff Plans`)

// office is a title in the text, "the U.S. Secretary of State": the words
// of the title itself (first…last) and of the whole mention (lead…last),
// with the country a nationality or country name before it gives.
type office struct {
	lead, first, last int
	country           string
}

// titleWord reads "SECRETARY" in a transcript as "Secretary".
func titleWord(w string) string {
	if len(w) > 1 && strings.ToUpper(w) == w && !titles[w] {
		return w[:1] + strings.ToLower(w[1:])
	}
	return w
}

func isTitle(d *document, k int) bool { return titles[titleWord(d.words[k].text)] }

// officeAt reads a title starting at word i.
func officeAt(d *document, i int) (office, bool) {
	if !isTitle(d, i) || (i > 0 && isTitle(d, i-1) && sameStretch(d, i-1, i)) {
		return office{}, false
	}
	o := office{lead: i, first: i, last: -1}
	for k := i; k < len(d.words) && isTitle(d, k) && (k == i || sameStretch(d, k-1, k)); k++ {
		if titleHeads[titleWord(d.words[k].text)] {
			o.last = k
		}
	}
	if o.last < 0 {
		return office{}, false
	}
	o.last = remitAfter(d, o.last)
	if o.lead > 0 && sameStretch(d, o.lead-1, o.lead) {
		w := d.words[o.lead-1].text
		if cc, ok := demonymCountry(w); ok {
			o.country, o.lead = cc, o.lead-1
		} else if c, ok := codebook.CountryNamed(w); ok && isCapitalised(w) {
			o.country, o.lead = c.Alpha3, o.lead-1
		}
	}
	if o.lead > 0 && sameStretch(d, o.lead-1, o.lead) && strings.EqualFold(d.words[o.lead-1].text, "the") {
		o.lead--
	}
	return o, true
}

// remitAfter extends a title over "of State", "for the Middle East",
// "for Syria".
func remitAfter(d *document, last int) int {
	k := last + 1
	if k >= len(d.words) || !sameStretch(d, last, k) || (d.words[k].text != "of" && d.words[k].text != "for") {
		return last
	}
	k++
	if k < len(d.words) && d.words[k].text == "the" {
		k++
	}
	end := last
	for n := k; n < len(d.words) && n < k+3 && sameStretch(d, n-1, n); n++ {
		w := d.words[n].text
		if _, country := codebook.CountryNamed(w); !remits[w] && !country {
			break
		}
		end = n
	}
	return end
}

// nameAfter returns the person's name right after word k: up to four
// name words, particles such as "al-" inside. The caller judges what
// stands between word k and the name.
func nameAfter(d *document, k int) (first, last int, ok bool) {
	first, last = k+1, -1
	for n := first; n < len(d.words) && n < first+4 && namePart(d.words[n].text) && (n == first || sameStretch(d, n-1, n)); n++ {
		if n == first && !isName(d.words[n].text) {
			break
		}
		if isName(d.words[n].text) || particled(d.words[n].text) {
			last = n
		}
	}
	return first, last, last >= first
}

// honorificStop: "Dr. Ahmed" keeps the honorific with the name.
func honorificStop(d *document, k int) bool {
	return honorifics[d.words[k].text] && strings.TrimSpace(d.slice(d.words[k].end, d.words[k+1].start)) == "."
}

// nameBefore returns the name that ends just before ", " and word k:
// "Tobias Ellwood, Foreign Office Minister".
func nameBefore(d *document, k int) (first, last int, ok bool) {
	last = k - 1
	if last < 0 || strings.TrimSpace(d.slice(d.words[last].end, d.words[k].start)) != "," || !isName(d.words[last].text) {
		return 0, 0, false
	}
	first = last
	for first > 0 && first > last-3 && namePart(d.words[first-1].text) && sameStretch(d, first-1, first) {
		first--
	}
	for first < last && !isName(d.words[first].text) {
		first++
	}
	return first, last, first < last
}

// particled is a name word with an Arabic article: "al-Assad".
func particled(w string) bool {
	for _, p := range []string{"al-", "el-", "Al-", "El-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && unicode.IsUpper([]rune(rest)[0]) {
			return true
		}
	}
	return false
}

// particles are the small words inside names: "Haider al Abadi", "bin Salman".
var particles = wordSet(`al Al el bin ibn bint Abu abu ben de van von der da di du`)

func namePart(w string) bool { return isName(w) || particled(w) || particles[w] }

// titledPeople reads "[Nationality] Title… Name Name": the name is the
// person, the title their role, the nationality their country. A title
// with no name beside it is a mention of a person too ("The Foreign
// Secretary said"); it refers to whoever holds that title in the article.
func titledPeople(d *document, c *claims) {
	for i := 0; i < len(d.words); i++ {
		o, ok := officeAt(d, i)
		if !ok {
			continue
		}
		role := d.slice(d.words[o.first].start, d.words[o.last].end)
		person := Suggestion{Kind: Person, Confidence: 0.85, Role: role, Country: o.country, Sector: "GOV"}
		if first, last, ok := nameAfter(d, o.last); ok && sameStretchOrHonorific(d, o.last) && c.free(first, last) {
			c.add(d, first, last, person) // the title's own words stay free for places and nationalities
			if k := o.first - 1; k >= o.lead && isCapitalised(d.words[k].text) && o.country != "" {
				if _, demonym := demonymCountry(d.words[k].text); !demonym {
					c.taken[k] = true // "U.S." in "U.S. Secretary of State Kerry" is his country, not a place
				}
			}
			i = last
			continue
		}
		if capitalisedNext(d, o.last) || !c.free(o.lead, o.last) {
			i = o.last // part of a longer name: "General Assembly"
			continue
		}
		mention := person
		mention.Confidence = 0.6
		if first, last, ok := nameBefore(d, o.lead); ok && c.free(first, last) {
			c.add(d, first, last, person)
			mention.RefersTo = d.slice(d.words[first].start, d.words[last].end)
		} else if first, last, ok := nameAfter(d, o.last); ok && commaAfter(d, o.last) && c.free(first, last) {
			c.add(d, first, last, person)
			mention.RefersTo = d.slice(d.words[first].start, d.words[last].end)
		}
		c.add(d, o.lead, o.last, mention)
		placesInRemit(d, o, c)
		i = o.last
	}
}

func sameStretchOrHonorific(d *document, k int) bool {
	return k+1 < len(d.words) && (sameStretch(d, k, k+1) || honorificStop(d, k))
}

func capitalisedNext(d *document, k int) bool {
	return k+1 < len(d.words) && sameStretch(d, k, k+1) && isCapitalised(d.words[k+1].text)
}

func commaAfter(d *document, k int) bool {
	return k+1 < len(d.words) && strings.TrimSpace(d.slice(d.words[k].end, d.words[k+1].start)) == ","
}

// placesInRemit proposes the nationality and the place a title names,
// "Iraqi" in "the Iraqi Foreign Minister", "Syria" in "Special
// Representative for Syria"; the title keeps its words.
func placesInRemit(d *document, o office, c *claims) {
	if k := o.first - 1; k >= o.lead && c.taken[k] {
		if cc, ok := demonymCountry(d.words[k].text); ok {
			c.addOver(d, k, k, Suggestion{Kind: Nationality, Confidence: 0.9, Country: cc})
		}
	}
	for k := o.first; k <= o.last; k++ {
		for n := min(o.last, k+2); n >= k; n-- {
			name := d.slice(d.words[k].start, d.words[n].end)
			s, ok := placeNamed(name)
			if at, isRegion := regions[name]; isRegion {
				s, ok = region(at), true
			}
			if ok && !isTitle(d, k) && c.taken[k] {
				c.addOver(d, k, n, s)
				k = n
				break
			}
		}
	}
}
