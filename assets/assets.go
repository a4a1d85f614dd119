// Package assets holds the files Dossier ships inside its binary: the icon,
// the reference codebooks and gazetteer in compact form, their licence
// notices, and the sample article written for newcomers.
package assets

import "embed"

// Files is the embedded assets tree.
//
//go:embed icon.png LICENSES codebooks sample
var Files embed.FS

// Icon returns the application icon as PNG bytes.
func Icon() []byte {
	b, _ := Files.ReadFile("icon.png")
	return b
}
