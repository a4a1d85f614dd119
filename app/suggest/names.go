package suggest

import (
	"iter"
	"strings"
)

// Learned names: every entity an example names is remembered by its words,
// with how many examples named it as each kind. They feed the model (a
// word inside a learned name has a feature saying so) and, for names the
// analyst accepted, are suggested wherever they appear again.

// maxNameWords is the longest name looked for, in words.
const maxNameWords = 6

// nameKey is a name's words, lower case, one space apart.
func nameKey(d *document, first, last int) string {
	parts := make([]string, 0, last-first+1)
	for i := first; i <= last; i++ {
		parts = append(parts, strings.ToLower(d.words[i].text))
	}
	return strings.Join(parts, " ")
}

// keysFrom yields, for each run of words from word i to word j (j up to
// last, and no more than maxNameWords words), j and the run's nameKey.
func keysFrom(d *document, i, last int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		key := ""
		for j := i; j <= min(last, i+maxNameWords-1); j++ {
			if j > i {
				key += " "
			}
			key += strings.ToLower(d.words[j].text)
			if !yield(j, key) {
				return
			}
		}
	}
}

// nameCounts is a set of names with counts per kind.
type nameCounts map[string]*[4]uint16

func (n nameCounts) add(key string, kind int) {
	c := n[key]
	if c == nil {
		c = &[4]uint16{}
		n[key] = c
	}
	if c[kind] < 65535 {
		c[kind]++
	}
}

// count adds the counts of other.
func (n nameCounts) count(other nameCounts) {
	for key, c := range other {
		for k, times := range c {
			for range times {
				n.add(key, k)
			}
		}
	}
}

// exampleNames are the names an example's entities give, once each.
func exampleNames(d *document, ex Example) nameCounts {
	out := nameCounts{}
	for _, a := range ex.Entities {
		kind := kindIndex(a.Kind)
		first, last := d.wordsIn(span{a.Start, a.End})
		if kind < 0 || first < 0 || last-first >= maxNameWords {
			continue
		}
		if key := nameKey(d, first, last); out[key] == nil || out[key][kind] == 0 {
			out.add(key, kind)
		}
	}
	return out
}

// nameTags marks the words of a sentence that form a learned name (longest
// first), with the kind most examples gave it. own, when set, is left out
// of the counts: while learning, an example must not find its own names;
// firsts, when set, are the words names start with (firstWords).
func nameTags(d *document, first, last int, names, own nameCounts, firsts map[string]bool) []tag {
	tags := make([]tag, last-first+1)
	if len(names) == 0 {
		return tags
	}
	for i := first; i <= last; i++ {
		if firsts != nil && !firsts[strings.ToLower(d.words[i].text)] {
			continue // no name starts with this word
		}
		end, kind := -1, -1
		for j, key := range keysFrom(d, i, last) {
			if k := bestKind(names, own, key); k >= 0 {
				end, kind = j, k
			}
		}
		if kind < 0 {
			continue
		}
		for k := i; k <= end; k++ {
			tags[k-first] = insideTag(kind)
		}
		tags[i-first] = beginTag(kind)
		i = end
	}
	return tags
}

// firstWords are the words names start with: nameTags need look no
// further at a word no name starts with (nil: look at every word).
func firstWords(names nameCounts) map[string]bool {
	out := make(map[string]bool, len(names))
	for key := range names {
		first, _, _ := strings.Cut(key, " ")
		out[first] = true
	}
	return out
}

// bestKind is the kind a name was learned as most often (-1: not learned).
func bestKind(names, own nameCounts, key string) int {
	c := names[key]
	if c == nil {
		return -1
	}
	best, most := -1, 0
	for k, n := range c {
		if o := own[key]; o != nil {
			n -= o[k]
		}
		if int(n) > most {
			best, most = k, int(n)
		}
	}
	return best
}

// exampleHeads are the words in lower case that end an example's
// entities ("civilians", "the regime", "local councils"), once each per
// kind: how annotated text codes groups of people.
func exampleHeads(d *document, ex Example) nameCounts {
	out := nameCounts{}
	for _, a := range ex.Entities {
		kind := kindIndex(a.Kind)
		_, last := d.wordsIn(span{a.Start, a.End})
		if kind < 0 || last < 0 || !groupLike(d.words[last].text) {
			continue
		}
		if key := strings.ToLower(d.words[last].text); !functionWords[key] && (out[key] == nil || out[key][kind] == 0) {
			out.add(key, kind)
		}
	}
	return out
}

// unmarkedIn lists the learned names and heads written in lower case
// ("the coalition", "civilians") that a complete example leaves unmarked
// somewhere: words the analyst marks now and then are no name to offer
// wherever they stand.
func unmarkedIn(d *document, ex Example, names, heads nameCounts) []string {
	var out []string
	seen := map[string]bool{}
	for i, w := range d.words {
		if isCapitalised(w.text) {
			continue
		}
		for j, key := range keysFrom(d, i, len(d.words)-1) {
			known := names[key] != nil || (j == i && heads[key] != nil)
			if known && !seen[key] && !marked(ex, w.start, d.words[j].end) {
				seen[key] = true
				out = append(out, key)
			}
		}
	}
	return out
}

// marked: an entity of the example overlaps code points start…end.
func marked(ex Example, start, end int) bool {
	for _, a := range ex.Entities {
		if a.Start < end && start < a.End {
			return true
		}
	}
	return false
}
