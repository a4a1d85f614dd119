package suggest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/assets"
	"dossier/data/sharedtest"
)

// evaluateModels prints, for each language with a dev split in
// SOURCES.tsv, the rules alone, the shipped model alone and both, per
// kind: overlap and exact precision, recall and F1; then the model's size
// and how fast it tags. For English, the half of the shared re3d corpus
// the model did not learn from is measured too.
func evaluateModels(t *testing.T) {
	corpora := os.Getenv("DOSSIER_CORPORA")
	if corpora == "" {
		corpora = filepath.Join(os.Getenv("HOME"), ".cache", "dossier", "corpora")
	}
	sources, err := Sources()
	if err != nil {
		t.Fatal(err)
	}
	devs, files := map[string][]re3dDoc{}, map[string][]string{}
	var langs []string
	for _, src := range sources {
		if src.Role != RoleDev && src.Role != RoleSplit {
			continue
		}
		all, err := src.Read(corpora, "")
		if err != nil {
			fmt.Printf("\n%s dev split: not measured: %v\n", src.Lang, err)
			continue
		}
		if files[src.Lang] == nil {
			langs = append(langs, src.Lang)
		}
		files[src.Lang] = append(files[src.Lang], src.File)
		for _, ex := range src.Part(all, RoleDev) {
			devs[src.Lang] = append(devs[src.Lang], exampleDoc(ex))
		}
	}
	for _, lang := range langs {
		fmt.Printf("\n%s, on the dev split (%d examples) of %s:\n", lang, len(devs[lang]), strings.Join(files[lang], ", "))
		measureModel(lang, devs[lang])
	}
	if dir := sharedtest.Dir(); dir != "" {
		docs, err := readRe3d(filepath.Join(dir, "corpus", "re3d"))
		if err != nil {
			t.Fatal(err)
		}
		_, untouched := splitHalves(docs)
		fmt.Printf("\nen, on the half of the shared re3d corpus the model did not learn from (%d documents):\n", len(untouched))
		measureModel("en", untouched)
	}
}

// exampleDoc is an annotated example as a document with gold entities.
func exampleDoc(ex Example) re3dDoc {
	d := re3dDoc{text: ex.Text}
	for _, a := range ex.Entities {
		for name, k := range kinds {
			if k == a.Kind {
				d.gold = append(d.gold, goldEntity{Begin: a.Start, End: a.End, Type: name})
			}
		}
	}
	return d
}

func measureModel(lang string, docs []re3dDoc) {
	m := Shipped(lang)
	if m == nil {
		fmt.Printf("  no model is shipped for %s\n", lang)
		return
	}
	fmt.Printf("  %-12s %-13s %6s %6s %6s %6s %6s %6s\n", "", "type", "P", "R", "F1", "P ex", "R ex", "F1 ex")
	tokens, tagging := 0, time.Duration(0)
	for _, way := range []string{"rules alone", "model alone", "both"} {
		scores := newScores()
		for _, d := range docs {
			var ss []Suggestion
			switch way {
			case "rules alone":
				ss = Article(d.text, "", nil)
			case "model alone":
				doc := newDocument(d.text)
				rules := articleSuggestions(doc, "", nil)
				start := time.Now()
				ss, _ = m.modelEntities(doc, rules)
				tagging += time.Since(start)
				tokens += len(doc.words)
			default:
				ss = ArticleLearned(d.text, "", nil, m)
			}
			compare(ss, d.gold, scores)
		}
		label := way
		for _, k := range curveKinds {
			s := scores[kinds[k]]
			if s.tp+s.fn == 0 {
				continue
			}
			fmt.Printf("  %-12s %-13s %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f\n", label, k, precision(s), recall(s), overlapF1(s),
				ratio(s.tpExact, s.tp+s.fp), ratio(s.tpExact, s.tp+s.fn), exactF1(s))
			label = ""
		}
	}
	size := 0
	if b, err := assets.Files.ReadFile("models/" + lang + ".model"); err == nil {
		size = len(b)
	}
	fmt.Printf("  model: %s, %.0f KB, %d features; tags %.0fk words/s\n", strings.SplitN(m.Base, ";", 2)[0], float64(size)/1024, len(m.feats.w), float64(tokens)/tagging.Seconds()/1000)
}
