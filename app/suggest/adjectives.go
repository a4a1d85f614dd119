package suggest

import (
	"strings"
	"unicode/utf8"

	"dossier/data/codebook"
)

// Nationalities in Russian and Ukrainian are adjectives, written in lower
// case and declined: "российский министр", "с китайской стороной",
// "українська делегація". Most are the country's name with -ский/-ський
// ("иранский" of Иран, "украинский" of Украина, "сирийский" of Сирия); the
// rest are listed by their stems.

// slavicAdjectiveEndings are the endings of an adjective in -ский
// (Russian) and -ський (Ukrainian), the longest first.
var slavicAdjectiveEndings = []string{
	"скими", "ськими", "ского", "ською", "ському", "ських", "ської",
	"скому", "ской", "ским", "ском", "скую", "ских", "ская", "ское", "ские", "ский",
	"ського", "ській", "ським", "ська", "ське", "ські", "ську", "ський",
}

// irregularNationalities are the adjectives whose stem is not the
// country's name.
var irregularNationalities = map[string]string{
	"русск": "RUS", "турецк": "TUR", "турецьк": "TUR", "французск": "FRA", "французьк": "FRA",
	"немецк": "DEU", "німецьк": "DEU", "американск": "USA", "американськ": "USA",
	"британск": "GBR", "британськ": "GBR", "английск": "GBR", "англійськ": "GBR",
	"белорусск": "BLR", "білоруськ": "BLR", "грузинск": "GEO", "грузинськ": "GEO",
	"армянск": "ARM", "вірменськ": "ARM", "азербайджанск": "AZE", "азербайджанськ": "AZE",
	"казахск": "KAZ", "казахськ": "KAZ", "узбекск": "UZB", "узбецьк": "UZB",
	"саудовск": "SAU", "саудівськ": "SAU", "северокорейск": "PRK", "південнокорейськ": "KOR",
	"южнокорейск": "KOR", "палестинск": "PSE", "палестинськ": "PSE", "польск": "POL", "польськ": "POL",
	"российск": "RUS", "російськ": "RUS", "китайск": "CHN", "китайськ": "CHN",
	"японск": "JPN", "японськ": "JPN", "израильск": "ISR", "ізраїльськ": "ISR",
	"египетск": "EGY", "єгипетськ": "EGY", "мексиканск": "MEX", "канадск": "CAN", "канадськ": "CAN",
	// Ukrainian, whose names of countries the list does not hold
	"українськ": "UKR", "іранськ": "IRN", "сирійськ": "SYR", "індійськ": "IND", "іракськ": "IRQ",
	"італійськ": "ITA", "іспанськ": "ESP", "угорськ": "HUN", "румунськ": "ROU", "молдовськ": "MDA",
	"литовськ": "LTU", "латвійськ": "LVA", "естонськ": "EST", "фінськ": "FIN", "шведськ": "SWE",
}

// cyrillicNationality proposes word i when it is such an adjective.
func cyrillicNationality(d *document, c *claims, i int) {
	if !c.free(i, i) {
		return
	}
	if cc, ok := slavicNationality(strings.ToLower(d.words[i].text)); ok {
		c.add(d, i, i, Suggestion{Kind: Nationality, Confidence: 0.8, Country: cc})
	}
}

// slavicNationality is the country an adjective in -ский/-ський is of.
func slavicNationality(w string) (string, bool) {
	for _, end := range slavicAdjectiveEndings {
		stem, ok := strings.CutSuffix(w, end)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		root := "ск"
		if strings.HasPrefix(end, "ськ") {
			root = "ськ"
		}
		if cc, ok := irregularNationalities[stem+root]; ok {
			return cc, true
		}
		for _, name := range []string{stem, stem + "а", stem + "ия", stem + "ія", strings.TrimSuffix(stem, "ий") + "ия", strings.TrimSuffix(stem, "ій") + "ія", stem + "я"} {
			if country, ok := codebook.CountryNamed(name); ok {
				return country.Alpha3, true
			}
		}
		return "", false
	}
	return "", false
}
