package search

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"dossier/data"
)

// Hit is one record that matches, with the passage around the first match.
type Hit struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"` // article, event or actor
	Title   string  `json:"title"`
	Passage string  `json:"passage"`
	Start   int     `json:"start"` // first match in the text, code points (-1: in the title)
	End     int     `json:"end"`
	Score   float64 `json:"score"`
}

// Search answers a query: words (all required), "a phrase", prefix*,
// -word (must not match), title:word, kind:article. Each word is looked
// for as every language of its script reads it, so "переговоры" finds a
// Russian article that says "переговорах".
func (ix *Index) Search(q string, limit int) ([]Hit, error) {
	if ix.idx == nil {
		return nil, data.Errorf(data.EInternal, "The search index is closed.")
	}
	terms := parseQuery(q)
	if len(terms) == 0 {
		return nil, nil
	}
	// passages of one article may match: ask for more, keep each article's best
	req := bleve.NewSearchRequestOptions(buildQuery(terms, ix.langs), 4*limit, 0, false)
	req.Fields = []string{"kind", "title", "text"}
	req.IncludeLocations = true
	res, err := ix.idx.Search(req)
	if err != nil {
		return nil, err
	}
	var hits []Hit
	seen := map[string]bool{}
	for _, d := range res.Hits {
		h := toHit(d)
		if !seen[h.ID] && len(hits) < limit {
			seen[h.ID] = true
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// toHit is a match as the analyst reads it: a passage's is its article's,
// placed in the article's whole text.
func toHit(d *search.DocumentMatch) Hit {
	str := func(k string) string { s, _ := d.Fields[k].(string); return s }
	id, at := ofPassage(d.ID)
	h := toHitAt(d, str)
	h.ID = id
	if h.Start >= 0 {
		h.Start, h.End = h.Start+at, h.End+at
	}
	return h
}

func toHitAt(d *search.DocumentMatch, str func(string) string) Hit {
	h := Hit{ID: d.ID, Kind: str("kind"), Title: str("title"), Score: d.Score, Start: -1, End: -1}
	text := str("text")
	var locs []*search.Location
	for _, terms := range d.Locations["text"] {
		locs = append(locs, terms...)
	}
	if len(locs) == 0 {
		h.Passage = firstChars(text, 200)
		return h
	}
	sort.Slice(locs, func(i, j int) bool { return locs[i].Start < locs[j].Start })
	first, last := firstRun(locs)
	h.Start = utf8.RuneCountInString(text[:first.Start])
	h.End = utf8.RuneCountInString(text[:last.End])
	h.Passage = passage(text, int(first.Start), int(last.End))
	return h
}

// firstRun is the first match and the last of the matches that follow it
// closely (the words of a phrase).
func firstRun(locs []*search.Location) (*search.Location, *search.Location) {
	first, last := locs[0], locs[0]
	for _, l := range locs[1:] {
		if l.Start > last.End+2 {
			break
		}
		last = l
	}
	return first, last
}

// passage is the sentence-ish stretch around bytes [start, end).
func passage(text string, start, end int) string {
	from := max(0, start-120)
	to := min(len(text), end+120)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	p := strings.Join(strings.Fields(text[from:to]), " ")
	if from > 0 {
		p = "…" + p
	}
	if to < len(text) {
		p += "…"
	}
	return p
}

func firstChars(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}
