package codebook

import (
	"strings"

	"dossier/data"
)

// words splits a phrase into normalised words.
func words(s string) []string { return strings.Fields(data.NormaliseName(s)) }

// matchesWords reports whether every query word starts some word of the
// candidate (so "vis" and "visit" both find "Make a visit").
func matchesWords(query, candidate []string) bool {
	if len(query) == 0 {
		return false
	}
	for _, q := range query {
		found := false
		for _, c := range candidate {
			if strings.HasPrefix(c, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
