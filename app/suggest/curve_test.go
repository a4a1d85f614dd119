package suggest

import (
	"fmt"
	"testing"
	"time"
)

// loadRe3d reads the corpus in documents.csv order.
func loadRe3d(t *testing.T, dir string) []re3dDoc {
	docs, err := readRe3d(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// learningCurve prints, on the measured documents, the rules alone and
// the rules with a model learned from the first n of learnFrom for each
// n of sizes (0: rules alone), per kind: overlap precision, recall and F1,
// exact F1, exact F1 against the outermost entities.
func learningCurve(learnFrom, measured []re3dDoc, sizes []int) map[int]map[string]*score {
	fmt.Printf("%-22s %-13s %9s %9s %9s %9s %9s\n", "learned from", "type", "precision", "recall", "F1", "F1 exact", "outermost")
	curve := map[int]map[string]*score{}
	for _, n := range sizes {
		var m *Model
		took := time.Duration(0)
		if n > 0 {
			var exs []Example
			for _, d := range learnFrom[:n] {
				exs = append(exs, asExample(d))
			}
			start := time.Now()
			m = NewModel().Learn(exs, LearningPasses)
			took = time.Since(start)
		}
		scores, outer := newScores(), newScores()
		for _, d := range measured {
			ss := ArticleLearned(d.text, "", nil, m)
			compare(ss, d.gold, scores)
			compare(ss, outermost(d.gold), outer)
		}
		curve[n] = scores
		label := "rules alone"
		if n > 0 {
			label = fmt.Sprintf("%d documents (%.1fs)", n, took.Seconds())
		}
		for _, k := range curveKinds {
			s := scores[kinds[k]]
			o := outer[kinds[k]]
			fmt.Printf("%-22s %-13s %9.2f %9.2f %9.2f %9.2f %9.2f\n", label, k, precision(s), recall(s), overlapF1(s), exactF1(s), exactF1(o))
			label = ""
		}
	}
	last := sizes[len(sizes)-1]
	fmt.Printf("%-36s", fmt.Sprintf("F1 after %d documents, change:", last))
	for _, k := range curveKinds {
		fmt.Printf(" %s %+.3f", k, overlapF1(curve[last][kinds[k]])-overlapF1(curve[0][kinds[k]]))
	}
	fmt.Println()
	return curve
}

var curveKinds = []string{"Person", "Organisation", "Location", "Nationality"}

func precision(s *score) float64 { return ratio(s.tp, s.tp+s.fp) }
func recall(s *score) float64    { return ratio(s.tp, s.tp+s.fn) }
func overlapF1(s *score) float64 { return f1(precision(s), recall(s)) }

// exactF1 is the F1 of suggestions with the gold entity's boundaries.
func exactF1(s *score) float64 {
	return f1(ratio(s.tpExact, s.tp+s.fp), ratio(s.tpExact, s.tp+s.fn))
}

// outermost leaves out the gold entities inside another of their kind:
// re3d annotates "Foreign Secretary Boris Johnson" and "Boris Johnson"
// both, so that one suggestion is exact whichever it is, and boundaries
// do not show in exact F1. Against the outermost entities they do.
func outermost(gold []goldEntity) []goldEntity {
	var out []goldEntity
	for i, g := range gold {
		inside := false
		for j, o := range gold {
			if i != j && o.Type == g.Type && o.Begin <= g.Begin && g.End <= o.End && o.End-o.Begin > g.End-g.Begin {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, g)
		}
	}
	return out
}
