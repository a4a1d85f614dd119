package search

import (
	"encoding/json"
	"slices"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/ckb"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fa"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hi"
	"github.com/blevesearch/bleve/v2/analysis/lang/hr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hu"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/lang/ro"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"
	"github.com/blevesearch/bleve/v2/mapping"
)

// analyzers are bleve's analyzers by ISO 639-1 language code: each stems
// and drops the stop words of its language; Chinese, Japanese and Korean
// are cut into overlapping pairs of characters. Languages without one are
// read with the standard analyzer (words and lower case).
var analyzers = map[string]string{
	"ar": ar.AnalyzerName, "zh": cjk.AnalyzerName, "ja": cjk.AnalyzerName, "ko": cjk.AnalyzerName,
	"ckb": ckb.AnalyzerName, "da": da.AnalyzerName, "de": de.AnalyzerName, "en": en.AnalyzerName,
	"es": es.AnalyzerName, "fa": fa.AnalyzerName, "fi": fi.AnalyzerName, "fr": fr.AnalyzerName,
	"hi": hi.AnalyzerName, "hr": hr.AnalyzerName, "hu": hu.AnalyzerName, "it": it.AnalyzerName,
	"nl": nl.AnalyzerName, "no": no.AnalyzerName, "nb": no.AnalyzerName, "pt": pt.AnalyzerName,
	"ro": ro.AnalyzerName, "ru": ru.AnalyzerName, "sv": sv.AnalyzerName, "tr": tr.AnalyzerName,
}

// analyzerFor is the analyzer of a language code ("" or unknown: standard;
// records without a language are read as English).
func analyzerFor(lang string) string {
	if lang == "" {
		return en.AnalyzerName
	}
	if a, ok := analyzers[lang]; ok {
		return a
	}
	return standard.Name
}

// languageMapping indexes each document's title and text with the
// analyzer of its language (the document's lang field picks the mapping);
// kind is kept as it is, and text stored for passages (without doc
// values: nothing sorts or facets by text, and merging them held hundreds
// of megabytes for a long article).
func languageMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.DefaultMapping = documentMapping(en.AnalyzerName)
	m.DefaultAnalyzer = en.AnalyzerName
	for _, a := range allAnalyzers() {
		m.AddDocumentMapping(a, documentMapping(a))
	}
	return m
}

func documentMapping(analyzer string) *mapping.DocumentMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzer
	text.IncludeTermVectors = true
	text.DocValues = false // nothing sorts by a text; merging them took most of an index's memory
	kind := bleve.NewKeywordFieldMapping()
	d := bleve.NewDocumentStaticMapping()
	d.AddFieldMappingsAt("title", text)
	d.AddFieldMappingsAt("text", text)
	d.AddFieldMappingsAt("kind", kind)
	return d
}

// allAnalyzers lists each analyzer once, the standard one included.
func allAnalyzers() []string {
	seen := map[string]bool{standard.Name: true}
	out := []string{standard.Name}
	for _, a := range analyzers {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// forWord are the analyzers a query word may need: those of the languages
// its script is written in (a Cyrillic word is looked for as Russian, a
// Latin one as any Latin-script language) that the index holds articles
// in, and English, which records are read as.
func (s *analyzerSet) forWord(word string) []string {
	out := []string{en.AnalyzerName}
	for _, r := range word {
		if langs := scriptLanguages(r); langs != nil {
			for _, l := range langs {
				out = append(out, analyzers[l])
			}
			break
		}
	}
	out = append(out, standard.Name)
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.DeleteFunc(uniq(out), func(a string) bool { return a != en.AnalyzerName && !s.set[a] })
}

// analyzerSet is the set of analyzers an index's articles were read with,
// kept in the index itself; indexing adds to it while searches read it.
type analyzerSet struct {
	mu  sync.Mutex
	set map[string]bool
}

// load reads the set an index holds (none: an empty one).
func (s *analyzerSet) load(idx bleve.Index) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.set = map[string]bool{}
	if b, err := idx.GetInternal([]byte("languages")); err == nil && b != nil {
		json.Unmarshal(b, &s.set)
	}
}

// add notes an analyzer, saving the set in idx when it is new.
func (s *analyzerSet) add(idx bleve.Index, analyzer string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.set[analyzer] {
		return
	}
	s.set[analyzer] = true
	if b, err := json.Marshal(s.set); err == nil {
		idx.SetInternal([]byte("languages"), b)
	}
}

func scriptLanguages(r rune) []string {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return []string{"zh"}
	case unicode.Is(unicode.Cyrillic, r):
		return []string{"ru"}
	case unicode.Is(unicode.Arabic, r):
		return []string{"ar", "fa", "ckb"}
	case unicode.Is(unicode.Devanagari, r):
		return []string{"hi"}
	case unicode.Is(unicode.Latin, r):
		return []string{"en", "fr", "de", "es", "it", "pt", "nl", "sv", "no", "da", "fi", "hu", "ro", "tr", "hr"}
	}
	return nil
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
