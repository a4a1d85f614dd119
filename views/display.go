package views

import (
	"os"
	"runtime"

	"dossier/data"
)

// noDisplay says, as a sentence, why no window can open here: on Linux and
// the BSDs a graphical session sets DISPLAY or WAYLAND_DISPLAY; without
// one (over SSH, in a container) the toolkit would stop with a trace.
func noDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return nil
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return data.Errorf(data.EInvalid, "No graphical display is available here (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open. The commands work without one: 'dossier help' lists them.")
}
