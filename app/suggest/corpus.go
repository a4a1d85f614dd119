package suggest

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Annotated corpora in the column formats they are published in (CoNLL,
// IOB2 as UniversalNER writes it): one token a line with its tag in a
// column, a blank line between sentences, "#" lines for comments and
// "-DOCSTART-" between documents. Each sentence becomes a complete example
// whose text is its tokens joined by spaces.

// corpusKinds maps a corpus's entity types to ours; types not listed
// (MISC, OTH) are none of ours.
var corpusKinds = map[string]string{
	"PER": Person, "PERSON": Person,
	"ORG": Organisation, "ORGANIZATION": Organisation,
	"LOC": Location, "LOCATION": Location, "GPE": Location,
	"NORP": Nationality, "LOCDERIV": Nationality, // GermEval: "deutsche", derived from a place
}

// longestExample is how many tokens an example holds before a sentence end
// closes it even without a blank line.
const longestExample = 200

// ReadTagged reads a corpus: tagColumn is the column of the tag (0 is the
// token's own, counting from the first column after an IOB2 file's
// number, which is skipped when the first column is a number). A sentence
// that holds an entity of a type we do not have (MISC, OTH) is left out:
// marked as none, it would teach the model that nationalities and the
// names of events are not what the rules say they are.
func ReadTagged(r io.Reader, name string) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Example
	var words, tags []string
	line := 0
	flush := func() error {
		defer func() { words, tags = words[:0], tags[:0] }()
		if len(words) == 0 {
			return nil
		}
		ex, ok, err := taggedExample(words, tags)
		if err != nil {
			return fmt.Errorf("%s, the sentence ending at line %d: %w", name, line, err)
		}
		if ok {
			out = append(out, ex)
		}
		return nil
	}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		f := columns(l)
		if len(f) == 0 || f[0] == "-DOCSTART-" || comment(l, f) { // a comment opens a document
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if len(f) >= 3 && isNumber(f[0]) { // IOB2: number, token, tag, …
			f = f[1:]
		}
		f = tidyTag(f)
		words, tags = append(words, f[0]), append(tags, f[1])
		if len(words) >= longestExample && (f[0] == "." || f[0] == "!" || f[0] == "?") {
			if err := flush(); err != nil { // a corpus with no blank lines (Europeana's) is cut at sentence ends
				return nil, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, flush()
}

// wideAt: the word ends (or begins) with a Chinese or Japanese character
// or full-width punctuation, written with no space beside it.
func wideAt(w string, end bool) bool {
	rs := []rune(w)
	r := rs[0]
	if end {
		r = rs[len(rs)-1]
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// tidyTag mends the slips of a hand-made corpus (Europeana's files have a
// few dozen): a token with no tag, or with a word where its tag should be
// ("Bür v"), is outside any name; "I_ORG" is "I-ORG".
func tidyTag(f []string) []string {
	if len(f) < 2 {
		return append(f, "O")
	}
	tag := f[1]
	if len(tag) > 2 && tag[1] == '_' {
		f[1] = tag[:1] + "-" + tag[2:]
	} else if tag != "O" && !strings.Contains(tag, "-") && tag != "_" {
		f = []string{f[0] + " " + tag, "O"}
	}
	return f
}

// columns splits a line at its tabs, or, with none, at its last space (an
// OCR'd token may hold a space: "Die Böhminger O").
func columns(l string) []string {
	if strings.Contains(l, "\t") {
		return strings.FieldsFunc(l, func(r rune) bool { return r == '\t' })
	}
	l = strings.TrimSpace(l)
	if l == "" {
		return nil
	}
	if i := strings.LastIndexByte(l, ' '); i > 0 {
		return []string{strings.TrimSpace(l[:i]), l[i+1:]}
	}
	return []string{l}
}

// comment: a line of the corpus's own notes ("# sent_id = …"), not the
// token "#" with its tag.
func comment(l string, f []string) bool {
	if !strings.HasPrefix(l, "#") {
		return false
	}
	if len(f) == 2 || len(f) >= 3 && isNumber(f[0]) {
		tag := f[len(f)-1]
		if len(f) >= 3 {
			tag = f[2]
		}
		return !looksLikeTag(tag)
	}
	return true
}

// looksLikeTag: O, or a position and a type (B-PER, I_ORG).
func looksLikeTag(t string) bool {
	if t == "O" {
		return true
	}
	if len(t) < 3 || !strings.ContainsRune("BIESLU", rune(t[0])) || t[1] != '-' && t[1] != '_' {
		return false
	}
	for _, r := range t[2:] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// taggedExample is one sentence as an example; ok is false for a sentence
// with an entity of a type we do not have. Both IOB1 (I- opens a name
// unless it goes on one of the same type) and IOB2 are read.
func taggedExample(words, tags []string) (Example, bool, error) {
	var b strings.Builder
	ex := Example{Complete: true}
	open, openKind, pos := -1, "", 0
	closeAt := func(end int) {
		if open >= 0 && openKind != "" {
			ex.Entities = append(ex.Entities, Annotation{Kind: openKind, Start: open, End: end})
		}
		open, openKind = -1, ""
	}
	last, lastType := 0, ""
	for i, w := range words {
		if i > 0 && !wideAt(words[i-1], true) && !wideAt(w, false) { // Chinese is written without spaces
			b.WriteByte(' ')
			pos++
		}
		start := pos
		b.WriteString(w)
		pos += len([]rune(w))
		t := tags[i]
		if t == "O" || t == "_" || t == "-" {
			closeAt(last)
			lastType = ""
			last = pos
			continue
		}
		bio, typ, ok := strings.Cut(t, "-")
		if !ok || (bio != "B" && bio != "I" && bio != "E" && bio != "S" && bio != "L" && bio != "U") {
			return ex, false, fmt.Errorf("the tag %q is not of the form B-TYPE or I-TYPE", t)
		}
		kind, known := corpusKinds[strings.ToUpper(typ)]
		if !known {
			return ex, false, nil
		}
		if bio == "B" || bio == "S" || bio == "U" || typ != lastType {
			closeAt(last)
			open, openKind = start, kind
		}
		lastType, last = typ, pos
	}
	closeAt(last)
	ex.Text = b.String()
	return ex, true, nil
}
