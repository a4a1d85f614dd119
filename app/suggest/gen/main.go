// Command gen trains the models Dossier ships for its suggestions, one a
// language, from the pinned corpus files assets/models/SOURCES.tsv lists
// (their "train" rows, and the train part of "split" ones), and writes them as assets/models/<language>.model.
// The same files make the same models, byte for byte.
//
//	go run ./app/suggest/gen -corpora ~/.cache/dossier/corpora -shared ../shared/data -out assets/models
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"time"

	"dossier/app/suggest"
)

func main() {
	corpora := flag.String("corpora", filepath.Join(os.Getenv("HOME"), ".cache", "dossier", "corpora"), "folder holding the corpus files, as SOURCES.tsv names them")
	shared := flag.String("shared", "../shared/data", "the team's reference folder (for re3d)")
	out := flag.String("out", "assets/models", "folder to write the models to")
	flag.Parse()
	log.SetFlags(0)
	sources, err := suggest.Sources()
	if err != nil {
		log.Fatal(err)
	}
	byLang := map[string][]suggest.CorpusFile{}
	var langs []string
	for _, s := range sources {
		if s.Role != suggest.RoleTrain && s.Role != suggest.RoleSplit {
			continue
		}
		if byLang[s.Lang] == nil {
			langs = append(langs, s.Lang)
		}
		byLang[s.Lang] = append(byLang[s.Lang], s)
	}
	slices.Sort(langs)
	for _, lang := range langs {
		if err := train(lang, byLang[lang], *corpora, *shared, *out); err != nil {
			log.Fatalf("%s: %v", lang, err)
		}
	}
}

func train(lang string, files []suggest.CorpusFile, corpora, shared, out string) error {
	var examples []suggest.Example
	name := ""
	for _, f := range files {
		exs, err := f.Read(corpora, shared)
		if err != nil {
			return err
		}
		examples = append(examples, f.Part(exs, suggest.RoleTrain)...)
		name += fmt.Sprintf("%s@%s:%s; ", f.Repo, f.Commit, f.Path)
	}
	start := time.Now()
	m := suggest.NewModel().Learn(examples, suggest.LearningPasses)
	b, err := m.EncodeShipped(name[:len(name)-2])
	if err != nil {
		return err
	}
	path := filepath.Join(out, lang+".model")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d examples, learned in %.0fs, %d bytes, sha256 %x\n", path, len(examples), time.Since(start).Seconds(), len(b), sha256.Sum256(b))
	return nil
}
