package e2e

// The real binary, started as an analyst starts it.

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Where no graphical display is available (over SSH, in a container), the
// window is not tried: one sentence says why, with no trace.
func TestNoDisplayIsExplained(t *testing.T) {
	c := exec.Command(buildBinary(t), "--db", t.TempDir())
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			c.Env = append(c.Env, kv)
		}
	}
	out, err := c.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "No graphical display is available here") {
		t.Fatalf("without a display: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "goroutine") || strings.Contains(string(out), "panic") {
		t.Fatalf("a trace was printed:\n%s", out)
	}
}

// A mistyped command exits 2 with a sentence, and no window opens.
func TestMistypedCommand(t *testing.T) {
	out, err := exec.Command(buildBinary(t), "--db", t.TempDir(), "frobnicate").CombinedOutput()
	if e, ok := err.(*exec.ExitError); !ok || e.ExitCode() != 2 || !strings.Contains(string(out), `unknown command "frobnicate"`) {
		t.Fatalf("frobnicate: %v\n%s", err, out)
	}
}
