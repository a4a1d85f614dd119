package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// TestCommandsBesideTheOpenWindow: with the real window open on a
// database, the command line works on it — import, list, put and a
// pipeline of two commands — the window shows what they did, and its
// Ctrl+Z and Edit ▸ Undo undo what was typed in the terminal.
func TestCommandsBesideTheOpenWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the real window")
	}
	need(t, "Xvfb", "xdotool", "import")
	bin := buildBinary(t)
	display := startX(t)
	env := append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8")
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	first := filepath.Join(dir, "talks.txt")
	os.WriteFile(first, []byte("Talks in Beijing\n\ndate 2025-03-02\n\nSergei Shoigu met Wang Yi in Beijing on Sunday.\n"), 0o644)
	dossier := func(stdin string, args ...string) (string, string) {
		t.Helper()
		c := cmd(env, bin, append([]string{"--db", db}, args...)...)
		c.Dir = dir // relative paths are read from the command's folder, not the window's
		c.Stdin = strings.NewReader(stdin)
		var out, errOut strings.Builder
		c.Stdout, c.Stderr = &out, &errOut
		if err := c.Run(); err != nil {
			t.Fatalf("dossier %v beside the window: %v\n%s", args, err, errOut.String())
		}
		return out.String(), errOut.String()
	}
	dossier("", "import", first)

	window := cmd(env, bin, "--db", db)
	if err := window.Start(); err != nil {
		t.Fatal(err)
	}
	defer window.Process.Kill()
	waitForTitle(t, env, "1 articles", 60*time.Second)
	time.Sleep(time.Second)

	os.WriteFile(filepath.Join(dir, "port.txt"), []byte("Port strike ends\n\nDockers in Piraeus ended their strike on Monday.\n"), 0o644)
	dossier("", "import", "port.txt")
	waitForTitle(t, env, "2 articles", 20*time.Second)

	out, _ := dossier("", "list", "articles", "--json")
	var arts []struct{ ID, Title string }
	if json.Unmarshal([]byte(out), &arts) != nil || len(arts) != 2 {
		t.Fatalf("list beside the window: %s", out)
	}
	talks := arts[0].ID
	if arts[1].Title == "Talks in Beijing" {
		talks = arts[1].ID
	}
	quote := "Sergei Shoigu met Wang Yi in Beijing on Sunday."
	out, _ = dossier("", "show", talks, "--json")
	var art struct{ Text string }
	json.Unmarshal([]byte(out), &art)
	at := strings.Index(art.Text, quote)
	if at < 0 {
		t.Fatalf("the article's text holds no %q: %q", quote, art.Text)
	}
	start := utf8.RuneCountInString(art.Text[:at])
	event := fmt.Sprintf(`{"type": "CONSULT", "cameo": "040", "evidence": [{"article": %q, "start": %d, "end": %d, "quote": %q}]}`,
		talks, start, start+utf8.RuneCountInString(quote), quote)
	out, _ = dossier(event, "put", "event")
	evID := strings.TrimSpace(out)
	piped := cmd(env, "sh", "-c", fmt.Sprintf(`%s --db %s show %s --json | sed 's/"040"/"042"/' | %s --db %s put event`, bin, db, evID, bin, db))
	if out, err := piped.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != evID {
		t.Fatalf("show | put beside the window: %v %s", err, out)
	}
	out, _ = dossier("", "show", evID, "--json")
	if !strings.Contains(out, `"042"`) {
		t.Fatalf("after the pipeline the event is %s", out)
	}
	time.Sleep(time.Second)
	shot := filepath.Join(screenshotDir(t), "e2e-beside-the-window.png")
	cmd(env, "import", "-window", "root", shot).Run()
	t.Logf("screenshot: %s", shot)

	cmd(env, "xdotool", "key", "ctrl+z").Run() // the pipeline's change, from the keyboard
	time.Sleep(700 * time.Millisecond)
	if out, _ := dossier("", "show", evID, "--json"); !strings.Contains(out, `"040"`) {
		t.Fatalf("Ctrl+Z in the window did not undo the pipeline's change: %s", out)
	}
	cmd(env, "xdotool", "mousemove", "69", "14", "click", "1").Run() // then the put, from Edit ▸ Undo
	time.Sleep(500 * time.Millisecond)
	cmd(env, "xdotool", "mousemove", "75", "44", "click", "1").Run()
	time.Sleep(700 * time.Millisecond)
	cmd(env, "import", "-window", "root", filepath.Join(screenshotDir(t), "e2e-beside-after-undo.png")).Run()
	if out, _ := dossier("", "list", "events", "--json"); strings.Contains(out, evID) {
		t.Errorf("Undo in the window did not undo the put typed beside it: %s", out)
	}

	window.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- window.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the window did not close on SIGTERM")
	}
	if _, err := os.Stat(filepath.Join(db, "dossier.sock")); !os.IsNotExist(err) {
		t.Errorf("the window left its socket behind: %v", err)
	}
}
