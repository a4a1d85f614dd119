package suggest

import (
	"strings"
	"unicode"

	"dossier/data/codebook"
)

// Places, countries and nationalities written in the Cyrillic, Arabic and
// Chinese scripts. The gazetteer and the list of countries hold their
// names in these scripts; the text holds them inflected (Russian "в
// Пекине", "с Пекином" for Пекин), behind clitics (Arabic "وبكين" is "and
// Beijing"), or with no space around them (Chinese). Each is looked up in
// the forms it may stand for, and only a country, a capital or a sizeable
// town counts: a short word in another script matches some village too
// easily.

// otherScriptPlaces proposes the places and countries of words in those
// scripts.
func otherScriptPlaces(d *document, c *claims) {
	for i := 0; i < len(d.words); i++ {
		w := d.words[i].text
		switch {
		case unicode.Is(unicode.Han, firstRune(w)):
			i = chinesePlace(d, c, i)
		case unicode.Is(unicode.Cyrillic, firstRune(w)):
			if isCapitalised(w) {
				i = cyrillicPlace(d, c, i)
			}
			cyrillicNationality(d, c, i)
		case unicode.Is(unicode.Arabic, firstRune(w)):
			if j := arabicOffice(d, c, i); j > i {
				i = j
				continue
			}
			arabicPlace(d, c, i)
		}
	}
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// chinesePlace tries the longest run of two to four characters from word
// i that names a place; it returns the last word it used.
func chinesePlace(d *document, c *claims, i int) int {
	if i+1 >= len(d.words) || !codebook.HanPairStarts(firstRune(d.words[i].text), firstRune(d.words[i+1].text)) {
		return i
	}
	for n := 4; n >= 2; n-- {
		last := i + n - 1
		if last >= len(d.words) || !c.free(i, last) {
			continue
		}
		name := ""
		for k := i; k <= last; k++ {
			if !unicode.Is(unicode.Han, firstRune(d.words[k].text)) || k > i && d.words[k].start != d.words[k-1].end {
				name = ""
				break
			}
			name += d.words[k].text
		}
		if name == "" {
			continue
		}
		if s, ok := sizeablePlace(name); ok {
			c.add(d, i, last, s)
			return last
		}
	}
	return i
}

// cyrillicPlace tries runs of one or two capitalised words from word i,
// each in the forms its case endings may stand for.
func cyrillicPlace(d *document, c *claims, i int) int {
	for n := 2; n >= 1; n-- {
		last := i + n - 1
		if last >= len(d.words) || !c.free(i, last) || !capitalRun(d, i, last) || beforeInitial(d, last) {
			continue
		}
		words := make([]string, 0, n)
		for k := i; k < last; k++ {
			words = append(words, d.words[k].text)
		}
		for _, form := range russianForms(d.words[last].text) {
			if s, ok := sizeablePlace(strings.Join(append(words, form), " ")); ok {
				c.add(d, i, last, s)
				return last
			}
		}
	}
	return i
}

// beforeInitial: the word after word i is a capital letter alone, as a
// Chinese or Korean given name written in Cyrillic is ("Ван И" is Wang Yi,
// not the Turkish town of Van).
func beforeInitial(d *document, i int) bool {
	if i+1 >= len(d.words) || d.words[i+1].start != d.words[i].end+1 {
		return false
	}
	next := []rune(d.words[i+1].text)
	return len(next) == 1 && unicode.Is(unicode.Cyrillic, next[0]) && unicode.IsUpper(next[0])
}

// russianEndings are the case endings of Russian and Ukrainian nouns, the
// longest first, and what the name's own form may end in instead.
var (
	russianEndings = []string{"ами", "ями", "ией", "ием", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ах", "ях", "ию", "ии", "ие", "ью", "а", "я", "у", "ю", "е", "и", "ы", "і"}
	nameEndings    = []string{"", "а", "я", "ь", "й", "ия", "ие", "о"}
)

// russianForms are the forms an inflected name may stand for: itself, then
// its stem with each ending a name may have.
func russianForms(w string) []string {
	out := []string{w}
	rs := []rune(w)
	for _, e := range russianEndings {
		stem := []rune(strings.TrimSuffix(w, e))
		if len(stem) == len(rs) || len(stem) < 3 {
			continue
		}
		for _, n := range nameEndings {
			out = append(out, string(stem)+n)
		}
	}
	return out
}

// arabicClitics are the letters that join a word's front: the
// conjunctions و and ف, then the prepositions ب, ل and ك.
var arabicClitics = []string{"و", "ف", "ب", "ل", "ك"}

// arabicPlace looks word i up without the clitics before it, and as a
// nationality (the adjective in ي of a country's name: الصيني).
func arabicPlace(d *document, c *claims, i int) {
	if !c.free(i, i) {
		return
	}
	w := d.words[i]
	for _, f := range arabicForms(w.text) {
		s, ok := sizeablePlace(f)
		if !ok {
			if cc, nat := arabicNationality(f); nat {
				s, ok = Suggestion{Kind: Nationality, Confidence: 0.8, Country: cc}, true
			}
		}
		if ok {
			skip := len([]rune(w.text)) - len([]rune(f))
			c.taken[i] = true
			s.Start, s.End = w.start+skip, w.end
			s.Text = d.slice(s.Start, s.End)
			c.out = append(c.out, s)
			return
		}
	}
}

// arabicForms are the word and the word without each clitic before it,
// the longest first (the clitics are never all of a name: three letters
// stay at least).
func arabicForms(w string) []string {
	out := []string{w}
	for k := 0; k < 2; k++ {
		for _, cl := range arabicClitics {
			if rest := strings.TrimPrefix(w, cl); rest != w && len([]rune(rest)) >= 3 {
				w = rest
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// arabicNationality reads an adjective of a country's name: الصيني and
// الصينية are of الصين, المصري of مصر, الروسي of روسيا.
func arabicNationality(w string) (string, bool) {
	for _, end := range []string{"يون", "يين", "ية", "ي"} {
		stem, ok := strings.CutSuffix(w, end)
		if !ok || len([]rune(stem)) < 3 {
			continue
		}
		bare := strings.TrimPrefix(stem, "ال")
		for _, name := range []string{stem, bare, "ال" + bare, bare + "يا"} { // الروسي is of روسيا
			if c, ok := codebook.CountryNamed(name); ok {
				return c.Alpha3, true
			}
		}
	}
	return "", false
}

// sizeablePlace is a country, or a place of the gazetteer that is a
// capital or a town of 50,000 or more.
func sizeablePlace(name string) (Suggestion, bool) {
	s, ok := placeNamed(name)
	if !ok {
		return s, false
	}
	if s.PlaceID != "" {
		p := codebook.PlacesNamed(name)[0]
		if p.Feature != "PPLC" && p.Population < 50000 {
			return Suggestion{}, false
		}
	}
	return s, true
}
