// Package locale reads the language the analyst's session asks for before
// the GUI toolkit starts. The POSIX "C" locale (common on servers, CI and
// minimal installs) names no language, and Fyne logs an error for it at
// start-up; Dossier then speaks English, as Fyne would, without the noise.
// Import it for its side effect, first.
package locale

import "os"

func init() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		switch os.Getenv(v) {
		case "":
			continue
		case "C", "POSIX", "C.UTF-8", "C.utf8":
			os.Setenv(v, "en_US.UTF-8")
		}
	}
}
