// Package codebook gives Dossier's reference data: the CAMEO event codes with
// Goldstein score and QuadClass, the PLOVER event types with their modes and
// contexts, the CAMEO→PLOVER crosswalk, countries and the GeoNames gazetteer.
// The data is embedded (assets/codebooks) and parsed once, on first use.
package codebook

import (
	"bufio"
	"io"
	"strings"

	"dossier/assets"
)

// forEachRow calls fn with the tab-separated fields of every line of r.
func forEachRow(r io.Reader, fn func(f []string)) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			fn(strings.Split(line, "\t"))
		}
	}
}

// readAsset opens one embedded codebook file; they are part of the binary, so
// a missing one is a build defect.
func readAsset(name string) io.ReadCloser {
	f, err := assets.Files.Open("codebooks/" + name)
	if err != nil {
		panic("codebook: embedded file missing: " + name)
	}
	return f
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// field returns f[i], or "" when the row is short.
func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}
