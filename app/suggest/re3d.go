package suggest

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// The re3d corpus as ../shared holds it (documents.csv, a .txt a
// document, entities.jsonl): the English model learns from one half of
// its documents, and the other half measures it (make eval). Its other
// sources are kept for measuring Dossier from outside and are not read.

// re3dDoc is one re3d document with its gold entities.
type re3dDoc struct {
	file, id, source, text string
	gold                   []goldEntity
}

type goldEntity struct {
	Doc   string `json:"documentId"`
	Begin int    `json:"begin"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// kinds maps re3d's types to ours.
var kinds = map[string]string{"Person": Person, "Organisation": Organisation, "Location": Location, "Nationality": Nationality, "Temporal": Date}

// readRe3d reads the corpus in documents.csv order.
func readRe3d(dir string) ([]re3dDoc, error) {
	gold := map[string][]goldEntity{}
	err := eachJSONLine(filepath.Join(dir, "entities.jsonl"), func(line []byte) error {
		var g goldEntity
		if err := json.Unmarshal(line, &g); err != nil {
			return err
		}
		if kinds[g.Type] != "" {
			gold[g.Doc] = append(gold[g.Doc], g)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "documents.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	var docs []re3dDoc
	for _, r := range rows[min(1, len(rows)):] {
		b, err := os.ReadFile(filepath.Join(dir, r[0]))
		if err != nil {
			continue
		}
		docs = append(docs, re3dDoc{file: r[0], id: r[1], source: r[2], text: string(b), gold: gold[r[1]]})
	}
	return docs, nil
}

// splitHalves deals the documents alternately into the half that rules and
// learning may use and the half kept for measuring, so both hold every
// source.
func splitHalves(docs []re3dDoc) (learnFrom, untouched []re3dDoc) {
	for i, d := range docs {
		if i%2 == 0 {
			learnFrom = append(learnFrom, d)
		} else {
			untouched = append(untouched, d)
		}
	}
	return
}

// asExample is a re3d document as a complete example.
func asExample(d re3dDoc) Example {
	ex := Example{Text: d.text, Complete: true}
	for _, g := range d.gold {
		if k := kinds[g.Type]; kindIndex(k) >= 0 {
			ex.Entities = append(ex.Entities, Annotation{Kind: k, Start: g.Begin, End: g.End})
		}
	}
	return ex
}

// Re3dLearningHalf is the half of the re3d corpus in dir that models learn
// from, as complete examples.
func Re3dLearningHalf(dir string) ([]Example, error) {
	docs, err := readRe3d(dir)
	if err != nil {
		return nil, err
	}
	learnFrom, _ := splitHalves(docs)
	out := make([]Example, len(learnFrom))
	for i, d := range learnFrom {
		out[i] = asExample(d)
	}
	return out, nil
}

func eachJSONLine(path string, each func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := each(sc.Bytes()); err != nil {
			return fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
	return sc.Err()
}
