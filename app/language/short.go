package language

import (
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
)

// A short text in the Latin script (a headline, a dateline and its first
// sentence) has too few letters for trigram statistics: one English line
// reads as Afrikaans, a dateline full of names as German. Its small words
// tell more: each language's stop words (the Snowball lists bleve
// carries) and month and weekday names count for it, and a language clearly ahead is
// the text's.

// latinLanguages are the languages told apart by their small words.
var latinLanguages = []struct {
	code  string
	stop  []byte
	dates string // month and weekday names
}{
	{"en", en.EnglishStopWords, "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday"},
	{"fr", fr.FrenchStopWords, "janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche"},
	{"es", es.SpanishStopWords, "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo"},
	{"de", de.GermanStopWords, "januar februar märz april mai juni juli august september oktober november dezember montag dienstag mittwoch donnerstag freitag samstag sonntag"},
	{"it", it.ItalianStopWords, "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica"},
	{"pt", pt.PortugueseStopWords, "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro segunda terça quarta quinta sexta sábado domingo"},
	{"nl", nl.DutchStopWords, "januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"},
	{"sv", sv.SwedishStopWords, "januari februari mars april maj juni juli augusti september oktober november december måndag tisdag onsdag torsdag fredag lördag söndag"},
}

var smallWords = sync.OnceValue(func() []map[string]int {
	out := make([]map[string]int, len(latinLanguages))
	for i, l := range latinLanguages {
		tm := analysis.NewTokenMap()
		tm.LoadBytes(l.stop)
		out[i] = map[string]int{}
		for w := range tm {
			out[i][w] = 1
		}
		for _, m := range strings.Fields(l.dates) {
			out[i][m] = 2 // a month or a weekday is a date's word: it weighs more
		}
	}
	return out
})

// bySmallWords is the language a Latin-script text's small words point
// to, or "" when none is clearly ahead.
func bySmallWords(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	best, second, at := 0, 0, -1
	for i, lang := range smallWords() {
		n := 0
		for _, w := range words {
			n += lang[w]
		}
		switch {
		case n > best:
			best, second, at = n, best, i
		case n > second:
			second = n
		}
	}
	if at < 0 || best < 2 || best <= second {
		return ""
	}
	return latinLanguages[at].code
}
