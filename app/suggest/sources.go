package suggest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier/assets"
)

// CorpusFile is one file the shipped models learn from or are measured
// on, as assets/models/SOURCES.tsv lists it: pinned to a commit of its
// repository and to its SHA-256, so that `make models` makes the same
// models wherever it runs.
type CorpusFile struct {
	Lang, Role, File, Repo, Commit, Path, SHA256, Licence string
}

// Roles of a corpus file: learned from, measured on, or dealt between the
// two (every tenth example measured on).
const (
	RoleTrain = "train"
	RoleDev   = "dev"
	RoleSplit = "split"
)

// Part is what of the file's examples serves a role: a split file gives
// every tenth example to dev and the rest to train.
func (c CorpusFile) Part(exs []Example, role string) []Example {
	if c.Role != RoleSplit {
		if c.Role == role {
			return exs
		}
		return nil
	}
	var out []Example
	for i, ex := range exs {
		if (i%10 == 9) == (role == RoleDev) {
			out = append(out, ex)
		}
	}
	return out
}

// fromShared marks the re3d corpus of the team's reference folder.
const fromShared = "shared"

// Sources lists the corpus files of the shipped models.
func Sources() ([]CorpusFile, error) {
	b, err := assets.Files.ReadFile("models/SOURCES.tsv")
	if err != nil {
		return nil, err
	}
	var out []CorpusFile
	for n, l := range strings.Split(string(b), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 8 {
			return nil, fmt.Errorf("assets/models/SOURCES.tsv line %d: %d columns, not 8", n+1, len(f))
		}
		out = append(out, CorpusFile{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]})
	}
	return out, nil
}

// Read reads the file's examples from the corpora folder (or, for re3d,
// the half of the shared corpus that models learn from), refusing a file
// that is not the pinned one.
func (c CorpusFile) Read(corpora, shared string) ([]Example, error) {
	if c.Repo == fromShared {
		if shared == "" {
			return nil, fmt.Errorf("%s: the team's reference folder (../shared/data) is not there", c.File)
		}
		return Re3dLearningHalf(filepath.Join(shared, "corpus", "re3d"))
	}
	path := filepath.Join(corpora, filepath.FromSlash(c.File))
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s is not there: get it with\n  git clone https://github.com/%s && git -C %s show %s:%s > %s",
			path, c.Repo, filepath.Base(c.Repo), c.Commit, c.Path, path)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != c.SHA256 {
		return nil, fmt.Errorf("%s is not the pinned file (%s at %s): its SHA-256 is %s, not %s", path, c.Repo, c.Commit[:12], got, c.SHA256)
	}
	return ReadTagged(bytes.NewReader(b), path)
}
