package suggest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// The honest measure of learning: re3d's documents from the sources that
// ../shared leaves out (Australian Department of Foreign Affairs, BBC
// Online, CENTCOM, the EU Delegation to Syria). No rule, lexicon word or
// feature was written from them, and nobody here has read their misses:
// learning from the shared documents is measured on them as they come.
// `make re3d` fetches the corpus; make eval reads it from DOSSIER_RE3D.

// neverSeenCurve prints the learning curve on the never-seen sources, or
// how to get them.
func neverSeenCurve(shared []re3dDoc) {
	dir := os.Getenv("DOSSIER_RE3D")
	other, err := loadNeverSeen(dir, shared)
	if err == nil && len(other) == 0 {
		err = fmt.Errorf("no documents from other sources in %s", dir)
	}
	if err != nil {
		fmt.Printf("\nNever-seen sources: not measured (%v); `make re3d` fetches github.com/dstl/re3d, then `make eval` measures learning on its other sources.\n", err)
		return
	}
	fmt.Printf("\nLearning curve on documents never seen: learned from the shared corpus (%d documents, what the rules were written from),\n", len(shared))
	fmt.Printf("measured on the %d documents of re3d's other sources in %s:\n", len(other), dir)
	learningCurve(shared, other, []int{0, 5, 15, len(shared) / 2, len(shared)})
}

// loadNeverSeen reads a checkout of github.com/dstl/re3d: per source
// folder, documents.json and entities.json, one JSON object a line. The
// sources the shared corpus holds are left out.
func loadNeverSeen(dir string, shared []re3dDoc) ([]re3dDoc, error) {
	if dir == "" {
		return nil, fmt.Errorf("DOSSIER_RE3D is not set")
	}
	seen := map[string]bool{}
	for _, d := range shared {
		seen[d.source] = true
	}
	folders, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []re3dDoc
	for _, f := range folders {
		if _, err := os.Stat(filepath.Join(dir, f.Name(), "documents.json")); err != nil || seen[f.Name()] {
			continue
		}
		docs, err := readSource(filepath.Join(dir, f.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
	}
	return out, nil
}

// readSource reads one re3d source folder.
func readSource(dir string) ([]re3dDoc, error) {
	var docs []re3dDoc
	at := map[string]int{}
	err := eachJSONLine(filepath.Join(dir, "documents.json"), func(line []byte) error {
		var d struct {
			ID     string `json:"_id"`
			Source string `json:"sourceName"`
			Text   string `json:"text"`
		}
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		at[d.ID] = len(docs)
		docs = append(docs, re3dDoc{file: filepath.Base(dir) + "/" + d.ID, id: d.ID, source: d.Source, text: d.Text})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachJSONLine(filepath.Join(dir, "entities.json"), func(line []byte) error {
		var g goldEntity
		if err := json.Unmarshal(line, &g); err != nil {
			return err
		}
		if i, ok := at[g.Doc]; ok && kinds[g.Type] != "" {
			docs[i].gold = append(docs[i].gold, g)
		}
		return nil
	})
	return docs, err
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
