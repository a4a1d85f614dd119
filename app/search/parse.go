package search

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// term is one part of a query as the analyst typed it.
type term struct {
	text    string
	field   string // "", "title", "text" or "kind"
	phrase  bool   // "in quotes"
	prefix  bool   // ends with *
	exclude bool   // -word
}

// parseQuery splits a query into words, "phrases", prefix* and
// field:value terms, each optionally preceded by + (the default: required)
// or - (must not match).
func parseQuery(q string) []term {
	var out []term
	rs := []rune(q)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		var t term
		switch rs[i] {
		case '-':
			t.exclude = true
			i++
		case '+':
			i++
		}
		start := i
		for i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '"' {
			i++
		}
		word := string(rs[start:i])
		if f, v, ok := strings.Cut(word, ":"); ok && (f == "title" || f == "text" || f == "kind") {
			t.field, word = f, v
		}
		if i < len(rs) && rs[i] == '"' && word == "" {
			end := i + 1
			for end < len(rs) && rs[end] != '"' {
				end++
			}
			t.text, t.phrase = string(rs[i+1:min(end, len(rs))]), true
			i = end + 1
		} else {
			t.text = word
			t.prefix = strings.HasSuffix(word, "*") && len(word) > 1
			t.text = strings.TrimSuffix(t.text, "*")
		}
		if strings.TrimSpace(t.text) != "" {
			out = append(out, t)
		}
	}
	return out
}

// buildQuery makes a bleve query of the terms: every term must match
// (excluded ones must not), each in the title or the text, analysed as
// every language its script may be.
func buildQuery(terms []term, langs *analyzerSet) query.Query {
	b := bleve.NewBooleanQuery()
	must := 0
	for _, t := range terms {
		q := t.query(langs)
		if t.exclude {
			b.AddMustNot(q)
			continue
		}
		b.AddMust(q)
		must++
	}
	if must == 0 {
		b.AddMust(bleve.NewMatchAllQuery())
	}
	return b
}

func (t term) query(langs *analyzerSet) query.Query {
	if t.field == "kind" {
		q := bleve.NewTermQuery(t.text)
		q.SetField("kind")
		return q
	}
	fields := []string{"title", "text"}
	if t.field != "" {
		fields = []string{t.field}
	}
	var any []query.Query
	for _, f := range fields {
		if t.prefix {
			q := bleve.NewPrefixQuery(strings.ToLower(t.text))
			q.SetField(f)
			any = append(any, q)
			continue
		}
		for _, a := range langs.forWord(t.text) {
			any = append(any, t.match(f, a))
		}
	}
	return bleve.NewDisjunctionQuery(any...)
}

// match looks for the term in one field as one analyzer reads it.
func (t term) match(field, analyzer string) query.Query {
	if t.phrase {
		q := bleve.NewMatchPhraseQuery(t.text)
		q.SetField(field)
		q.Analyzer = analyzer
		return q
	}
	q := bleve.NewMatchQuery(t.text)
	q.SetField(field)
	q.Analyzer = analyzer
	q.SetOperator(query.MatchQueryOperatorAnd)
	return q
}
