package views

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"dossier/app/safefile"
	"dossier/assets"
)

// useBundledFonts lets Fyne's font fallback find the fonts Dossier ships
// (Arabic, Hebrew, Devanagari, Chinese, Japanese and Korean), so that
// articles in those scripts read without missing letters on a Linux laptop
// that has no fonts for them; Windows and macOS come with their own. The
// fonts are copied (once) to Dossier's cache folder, which joins the
// folders searched for fonts (XDG_DATA_DIRS, after the system's). It must
// run before the window draws its first text.
func useBundledFonts() {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" && runtime.GOOS != "openbsd" {
		return
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return
	}
	share := filepath.Join(cache, "dossier", "share")
	if copyFonts(filepath.Join(share, "fonts")) != nil {
		return
	}
	dirs := os.Getenv("XDG_DATA_DIRS")
	if dirs == "" {
		dirs = "/usr/local/share:/usr/share" // the specification's default
	}
	if !strings.Contains(dirs, share) {
		os.Setenv("XDG_DATA_DIRS", dirs+string(os.PathListSeparator)+share)
	}
}

// copyFonts writes the embedded fonts into dir, leaving those already
// there untouched.
func copyFonts(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names, err := fs.Glob(assets.Files, "fonts/*.ttf")
	if err != nil {
		return err
	}
	for _, name := range names {
		b, _ := assets.Files.ReadFile(name)
		dst := filepath.Join(dir, path.Base(name))
		if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, b) {
			continue
		}
		if err := safefile.Write(dst, false, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return err
		}
	}
	return nil
}
