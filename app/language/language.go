// Package language tells which language an article is written in, so that
// search can read it with that language's rules (stems, stop words, word
// segmentation for Chinese and Japanese). Detection is by
// github.com/abadojack/whatlanggo (trigram statistics, 84 languages, pure
// Go); a language the source declares (a web page's lang) comes first.
package language

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"dossier/data"
)

// sample is how much of a text detection reads (in bytes): enough for a
// clear verdict, little enough to keep imports and index rebuilds fast.
const sample = 1200

// shortText is how short a text is (in bytes) for its trigrams alone not
// to be trusted.
const shortText = 400

// Detect is the ISO 639-1 code of the language text is written in, or ""
// when the text is too short or too mixed to tell.
func Detect(text string) string {
	if len(text) > sample {
		cut := sample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if utf8.RuneCountInString(text) < 20 {
		return ""
	}
	info := whatlanggo.Detect(text)
	if info.Lang == -1 {
		return ""
	}
	short := len(text) < shortText || !info.IsReliable()
	if short && info.Script == unicode.Latin {
		if code := bySmallWords(text); code != "" {
			return code
		}
	}
	if !commonLanguages[info.Lang] && short || info.Confidence < 0.1 {
		// trigram statistics are unsure: the languages news is mostly
		// written in are chosen among
		info = whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: commonLanguages})
		if info.Lang == -1 || info.Confidence <= 0 {
			return ""
		}
	}
	return codeOf(info.Lang)
}

func codeOf(l whatlanggo.Lang) string {
	if code := l.Iso6391(); code != "" {
		return code
	}
	return iso6391[l.Iso6393()]
}

// commonLanguages are those most of an analyst's sources are written in:
// the languages Dossier's suggestions are made for, and the other
// languages of wide international news.
var commonLanguages = map[whatlanggo.Lang]bool{
	whatlanggo.Eng: true, whatlanggo.Rus: true, whatlanggo.Ukr: true, whatlanggo.Arb: true, whatlanggo.Pes: true,
	whatlanggo.Cmn: true, whatlanggo.Fra: true, whatlanggo.Spa: true, whatlanggo.Deu: true,
	whatlanggo.Ita: true, whatlanggo.Por: true, whatlanggo.Nld: true, whatlanggo.Pol: true, whatlanggo.Tur: true,
	whatlanggo.Jpn: true, whatlanggo.Kor: true, whatlanggo.Heb: true, whatlanggo.Hin: true, whatlanggo.Urd: true,
	whatlanggo.Ell: true, whatlanggo.Swe: true,
}

// iso6391 names languages whatlanggo knows by their three-letter code only.
var iso6391 = map[string]string{"pes": "fa", "cmn": "zh", "arb": "ar", "uzb": "uz", "ydd": "yi", "nob": "no"}

// Of is an article's language: the one its source declared ("en-GB" is
// "en"), else the one its text is written in.
func Of(a *data.Article) string {
	if code, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(a.Language)), "-"); len(code) == 2 {
		return code
	}
	return Detect(a.Title + "\n" + a.Text)
}

// Named are the languages an analyst can choose for an article, by code,
// with their names as the window shows them: those Dossier has
// suggestions for first, then the other common ones.
var Named = []struct{ Code, Name string }{
	{"en", "English"}, {"ru", "Russian"}, {"uk", "Ukrainian"}, {"ar", "Arabic"}, {"fa", "Persian"},
	{"zh", "Chinese"}, {"fr", "French"}, {"es", "Spanish"}, {"de", "German"},
	{"it", "Italian"}, {"pt", "Portuguese"}, {"nl", "Dutch"}, {"pl", "Polish"}, {"tr", "Turkish"},
	{"ja", "Japanese"}, {"ko", "Korean"}, {"he", "Hebrew"}, {"hi", "Hindi"}, {"ur", "Urdu"},
	{"el", "Greek"}, {"sv", "Swedish"},
}

// Name is a language's name ("" when it is not one of Named; the code
// itself for one Dossier has no name for).
func Name(code string) string {
	for _, n := range Named {
		if n.Code == code {
			return n.Name
		}
	}
	return code
}

// Code is the code of a language named as Named names it ("" for none).
func Code(name string) string {
	for _, n := range Named {
		if n.Name == name {
			return n.Code
		}
	}
	return ""
}
