package suggest

import "dossier/data/codebook"

// What the rules' word lists and the gazetteer say a word is, as a feature
// of the model: the model learns how far to trust each list in the
// analyst's sources ("Coalition" heading a name, "forces" a group, a
// gazetteer town that is also a surname).
type lexiconClass uint8

const (
	lexNone lexiconClass = iota
	lexTitle
	lexHonorific
	lexOrgWord
	lexKnownGroup
	lexGroupNoun
	lexDemonym
	lexCountry
	lexPlace
	lexParticle
	lexPronoun
	lexRemit
	lexPreposition
	lexFunction
	lexMonth
)

// lexiconClasses classes each distinct word of a document once.
func lexiconClasses(d *document) []lexiconClass {
	out := make([]lexiconClass, len(d.words))
	seen := map[string]lexiconClass{}
	for i, w := range d.words {
		c, ok := seen[w.text]
		if !ok {
			c = lexiconClassOf(w.text)
			seen[w.text] = c
		}
		out[i] = c
	}
	return out
}

func lexiconClassOf(w string) lexiconClass {
	_, demonym := demonymCountry(w)
	_, pluralNation := pluralDemonym(w)
	_, group := groupNouns[w]
	switch {
	case titles[titleWord(w)]:
		return lexTitle
	case honorifics[titleWord(w)]:
		return lexHonorific
	case knownGroup(w):
		return lexKnownGroup
	case orgWords[w]:
		return lexOrgWord
	case demonym || pluralNation:
		return lexDemonym
	case group:
		return lexGroupNoun
	case pronounKinds[w] != "":
		return lexPronoun
	case monthNames[w]:
		return lexMonth
	case particles[w]:
		return lexParticle
	case remits[w]:
		return lexRemit
	case prepositions[w]:
		return lexPreposition
	case functionWords[w]:
		return lexFunction
	}
	if !isCapitalised(w) {
		return lexNone
	}
	if _, ok := codebook.CountryNamed(w); ok {
		return lexCountry
	}
	if len(w) >= 4 && len(codebook.PlacesNamed(w)) > 0 {
		return lexPlace
	}
	return lexNone
}
