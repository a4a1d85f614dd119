package views

import (
	"fyne.io/fyne/v2/widget"

	"dossier/app/language"
)

// The language an article is read in, shown in its header and chosen
// there: detection can be wrong on a short text, and the suggestions
// (each language has its own model) follow the choice.

const unknownLanguage = "Language?"

// newLanguageSelect is the header's language choice.
func newLanguageSelect(chose func(string)) *widget.Select {
	names := make([]string, len(language.Named))
	for i, n := range language.Named {
		names[i] = n.Name
	}
	s := widget.NewSelect(names, chose)
	s.PlaceHolder = unknownLanguage
	return s
}

// languageLabel is how the header names a language ("" when unknown: the
// placeholder shows).
func languageLabel(code string) string {
	if code == "" {
		return ""
	}
	return language.Name(code)
}

func languageCode(label string) string { return language.Code(label) }
