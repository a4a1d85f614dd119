package suggest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"dossier/data/codebook"
)

// places finds countries and gazetteer places among capitalised runs of
// one to three words, the longest first, the likelier place first.
func places(d *document, c *claims) {
	for i := 0; i < len(d.words); i++ {
		for n := 3; n >= 1; n-- {
			last := i + n - 1
			if last >= len(d.words) || !c.free(i, last) || !capitalRun(d, i, last) || beforeInitial(d, last) {
				continue
			}
			name := d.slice(d.words[i].start, d.words[last].end)
			if s, ok := placeNamed(name); ok {
				c.add(d, i, last, s)
				i = last
				break
			}
		}
	}
}

// placePrefixes begin place names ("New York", "Northern Ireland") though
// alone they name nothing: a run may start with one.
var placePrefixes = wordSet(`New Old Northern Southern Eastern Western Central Upper Lower Great Greater Middle`)

// monthNames are never places ("3 March 2025" holds no town called March).
var monthNames = wordSet(strings.ReplaceAll(months, "|", " "))

func capitalRun(d *document, first, last int) bool {
	for k := first; k <= last; k++ {
		w := d.words[k].text
		if !isCapitalised(w) || (notNames[w] && !(k == first && k < last && placePrefixes[w])) || titles[w] || monthNames[w] {
			return false
		}
		if k > first && !sameStretch(d, k-1, k) {
			return false
		}
	}
	return true
}

// placeNamed looks a name up: a country, or the likeliest gazetteer place.
// The answers are remembered (a long article names its places again and
// again, and an inflected word is tried in many forms), up to a bound.
func placeNamed(name string) (Suggestion, bool) {
	r := placeAnswers.get(name, func(name string) placeAnswer {
		s, found := lookUpPlace(name)
		return placeAnswer{s, found}
	})
	return r.s, r.ok
}

type placeAnswer struct {
	s  Suggestion
	ok bool
}

var placeAnswers memo[placeAnswer]

func lookUpPlace(name string) (Suggestion, bool) {
	if c, ok := codebook.CountryNamed(name); ok {
		lat, lon := c.Lat, c.Lon
		return Suggestion{Kind: Location, Confidence: 0.9, Country: c.Alpha3, Lat: &lat, Lon: &lon}, true
	}
	ps := codebook.PlacesNamed(name)
	if len(ps) == 0 || len(name) < 4 {
		return Suggestion{}, false
	}
	p := ps[0]
	conf := 0.6
	switch {
	case p.Feature == "PPLC":
		conf = 0.9
	case p.Population >= 1000000:
		conf = 0.85
	case p.Population >= 100000:
		conf = 0.7
	}
	lat, lon := p.Lat, p.Lon
	return Suggestion{Kind: Location, Confidence: conf, Country: p.Country, Lat: &lat, Lon: &lon, PlaceID: p.ID}, true
}

// placeWords make a capitalised run a place ("Anbar Province", "Camp Hurriya").
var placeWords = wordSet(`Province Governorate Camp District Gate Square Street Valley River Mountains Mountain Airport Bridge Island Islands
Region Desert Sea Gulf Lake Plain Heights Crossing Port Base Bay Strait Canal`)

// placeNouns are lowercase nouns of places an analyst may code.
var placeNouns = regexp.MustCompile(`\b(?:(?:` + strings.ReplaceAll(placeDeterminerWords, " ", "|") + `)\s+(?:\w+\s+)?)?(?:camp|town|city|village|hospital|market(?:place)?|school|mosque|church|district|neighbou?rhood|border|province|capital|port|base|prison|area|region|tent|country|location|station)s?\b`)

// placeDeterminerWords may begin a place noun's phrase.
const placeDeterminerWords = "the a an its their this that"

var placeDeterminers = wordSet(placeDeterminerWords)

// namedPlaces finds capitalised runs holding a place word, and place nouns.
func namedPlaces(d *document, c *claims) {
	for i := 0; i < len(d.words); i++ {
		last, hasPlace := i, placeWords[d.words[i].text]
		if !isCapitalised(d.words[i].text) || notNames[d.words[i].text] {
			continue
		}
		for k := i + 1; k < len(d.words) && k < i+4 && isCapitalised(d.words[k].text) && sameStretch(d, k-1, k); k++ {
			last = k
			hasPlace = hasPlace || placeWords[d.words[k].text]
		}
		if hasPlace && last > i && c.free(i, last) {
			c.add(d, i, last, Suggestion{Kind: Location, Confidence: 0.6})
			i = last
		}
	}
	for _, m := range placeNouns.FindAllStringIndex(d.lower, -1) {
		start := utf8.RuneCountInString(d.text[:m[0]])
		end := start + utf8.RuneCountInString(d.text[m[0]:m[1]])
		first, last := d.wordsIn(span{start, end})
		if first >= 0 && first < last && placeDeterminers[strings.ToLower(d.words[first+1].text)] {
			first++ // "that the border": the border
		}
		if first >= 0 && c.free(first, last) {
			c.add(d, first, last, Suggestion{Kind: Location, Confidence: 0.35})
		}
	}
}
