// Package assets holds the files Dossier ships inside its binary: the icon,
// the reference codebooks and gazetteer in compact form, their licence
// notices, the sample article written for newcomers, and fonts for the
// scripts a laptop may have no font for.
package assets

import "embed"

// Files is the embedded assets tree.
//
//go:embed icon.png LICENSES codebooks sample fonts models map
var Files embed.FS

// Icon returns the application icon as PNG bytes.
func Icon() []byte {
	b, _ := Files.ReadFile("icon.png")
	return b
}
