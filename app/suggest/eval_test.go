package suggest

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"

	"dossier/data/codebook"
	"dossier/data/sharedtest"
)

// TestEvaluate prints precision, recall and F1 per entity type against the
// hand-annotated re3d corpus, and PLOVER type accuracy on the CAMEO
// codebook's example sentences. `make eval` runs it; it asserts nothing.
func TestEvaluate(t *testing.T) {
	if os.Getenv("DOSSIER_EVAL") == "" {
		t.Skip("skipped: run `make eval` (DOSSIER_EVAL=1) to measure the suggestions; DOSSIER_EVAL=misses lists each miss")
	}
	re3d := sharedtest.Need(t, "corpus", "re3d")
	evaluateEntities(t, re3d)
	docs := loadRe3d(t, re3d)
	learnFrom, untouched := splitHalves(docs)
	fmt.Printf("\nLearning curve on the shared corpus: learned from documents of one half (%d), measured on the other (%d).\n", len(learnFrom), len(untouched))
	fmt.Println("The rules were written reading both halves, so the rules-alone row flatters them here.")
	learningCurve(learnFrom, untouched, []int{0, 5, 15, len(learnFrom)})
	evaluateEvents(t, sharedtest.Need(t, "codebooks", "cameo-event-codes.csv"))
	evaluateModels(t)
}

type score struct{ tp, fp, fn, tpExact int }

func evaluateEntities(t *testing.T, dir string) {
	all, bySource := newScores(), map[string]map[string]*score{}
	var sources []string
	for _, d := range loadRe3d(t, dir) {
		if bySource[d.source] == nil {
			bySource[d.source] = newScores()
			sources = append(sources, d.source)
		}
		ss := Article(d.text, "", nil)
		compare(ss, d.gold, all)
		compare(ss, d.gold, bySource[d.source])
		if os.Getenv("DOSSIER_EVAL") == "misses" {
			printMisses(d.file, []rune(d.text), ss, d.gold)
		}
	}
	fmt.Println("re3d entities (a suggestion counts when it overlaps a gold entity of its type; exact = same boundaries):")
	fmt.Printf("%-13s %9s %9s %9s %9s\n", "type", "precision", "recall", "F1", "F1 exact")
	for _, k := range []string{"Person", "Organisation", "Location", "Nationality", "Temporal"} {
		s := all[kinds[k]]
		p, r := ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
		fmt.Printf("%-13s %9.2f %9.2f %9.2f %9.2f\n", k, p, r, f1(p, r), exactF1(s))
	}
	fmt.Printf("\nF1 by source:%-10s %8s %8s %8s %8s\n", "", "Person", "Org", "Location", "Nation")
	for _, src := range sources {
		fmt.Printf("  %-21s", src)
		for _, k := range []string{Person, Organisation, Location, Nationality} {
			s := bySource[src][k]
			fmt.Printf(" %8.2f", f1(ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)))
		}
		fmt.Println()
	}
}

func newScores() map[string]*score {
	m := map[string]*score{}
	for _, k := range kinds {
		m[k] = &score{}
	}
	return m
}

// printMisses lists, for `DOSSIER_EVAL=misses`, the suggestions no gold
// entity backs (FP) and the gold entities no suggestion found (FN).
func printMisses(file string, text []rune, ss []Suggestion, gold []goldEntity) {
	used := make([]bool, len(gold))
	for _, s := range ss {
		if _, scored := newScores()[s.Kind]; !scored {
			continue
		}
		hit := false
		for i, g := range gold {
			if !used[i] && kinds[g.Type] == s.Kind && s.Start < g.End && g.Begin < s.End {
				used[i], hit = true, true
				break
			}
		}
		if !hit {
			fmt.Printf("FP %s %-12s %q\n", file, s.Kind, s.Text)
		}
	}
	for i, g := range gold {
		if !used[i] {
			lo, hi := max(0, g.Begin-30), min(len(text), g.End+30)
			fmt.Printf("FN %s %-12s %q in %q\n", file, kinds[g.Type], string(text[g.Begin:g.End]), string(text[lo:hi]))
		}
	}
}

// compare scores suggestions against gold spans, one gold entity per
// suggestion: the one with the same boundaries, else the one it overlaps
// most. re3d offsets count characters as the files are read, which for
// these files are code points.
func compare(ss []Suggestion, gold []goldEntity, scores map[string]*score) {
	used := make([]bool, len(gold))
	for _, s := range ss {
		sc, ok := scores[s.Kind]
		if !ok {
			continue
		}
		best, bestOverlap := -1, 0
		for i, g := range gold {
			if used[i] || kinds[g.Type] != s.Kind {
				continue
			}
			overlap := min(s.End, g.End) - max(s.Start, g.Begin)
			if s.Start == g.Begin && s.End == g.End {
				overlap = 1 << 30
			}
			if overlap > bestOverlap {
				best, bestOverlap = i, overlap
			}
		}
		if best < 0 {
			sc.fp++
			continue
		}
		used[best] = true
		sc.tp++
		if g := gold[best]; s.Start == g.Begin && s.End == g.End {
			sc.tpExact++
		}
	}
	for i, g := range gold {
		if !used[i] {
			scores[kinds[g.Type]].fn++
		}
	}
}

// evaluateEvents runs the event rules on each CAMEO example sentence and
// compares the PLOVER type with the crosswalk's type for the code.
func evaluateEvents(t *testing.T, path string) {
	rows := readCSV(t, path)
	right, total := 0, 0
	confused := map[string]int{}
	for _, r := range rows[1:] {
		code, example := r[0], strings.TrimSpace(r[7])
		c, ok := codebook.CAMEO(code)
		if example == "" || !ok || c.Type == "" {
			continue
		}
		total++
		got := ""
		for _, s := range Article(example, "", nil) {
			if s.Kind == Event {
				got = s.Type
				break
			}
		}
		if got == c.Type {
			right++
		} else {
			confused[c.Type+"→"+orNone(got)]++
		}
	}
	fmt.Printf("\nCAMEO example sentences: PLOVER type top-1 accuracy %.2f (%d of %d)\n", ratio(right, total), right, total)
	for _, r := range topConfusions(confused, 8) {
		fmt.Printf("  %s: %d\n", r.k, r.n)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

type kn struct {
	k string
	n int
}

func topConfusions(m map[string]int, n int) []kn {
	var out []kn
	for k, v := range m {
		out = append(out, kn{k, v})
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].n > out[i].n {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out[:min(n, len(out))]
}

func readCSV(t *testing.T, path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
