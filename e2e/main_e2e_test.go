package e2e

// The end-to-end test: the real binary in a real X server (Xvfb), files
// dropped on its window through the XDND protocol exactly as a file manager
// drops them (../shared/tools/xdnd-drop), a screenshot, and the records
// checked with the command line afterwards.

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier/data/sharedtest"
)

// need skips the test unless every tool is installed.
func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipped: %s is not installed (.ci/deps.sh --test installs what the tests use)", tool)
		}
	}
}

// startX starts Xvfb on a display it picks itself (-displayfd) and returns
// the DISPLAY value; it is stopped gently (SIGTERM) so that it removes its
// socket and lock.
func startX(t *testing.T) string {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { x.Process.Signal(syscall.SIGTERM); x.Wait() })
	number := make(chan string, 1)
	go func() {
		b, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(b)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		return ":" + n
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb did not say which display it took")
	}
	return ""
}

func buildBinary(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "dossier")
	out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "dossier").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// waitForTitle waits until a window's title contains want and returns its id.
func waitForTitle(t *testing.T, env []string, want string, timeout time.Duration) string {
	deadline := time.Now().Add(timeout)
	last := ""
	for time.Now().Before(deadline) {
		out, _ := cmd(env, "xdotool", "search", "--name", "Dossier").Output()
		for _, id := range strings.Fields(string(out)) {
			name, _ := cmd(env, "xdotool", "getwindowname", id).Output()
			last = strings.TrimSpace(string(name))
			if strings.Contains(last, want) {
				return id
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no window titled %q after %v (last title %q)", want, timeout, last)
	return ""
}

func cmd(env []string, name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = env
	return c
}

func writeFixtures(t *testing.T) (file, folder string) {
	dir := t.TempDir()
	file = filepath.Join(dir, "border-talks.txt")
	os.WriteFile(file, []byte("date 2025-04-10\n\nEnvoys from two neighbouring states met at the border crossing on Thursday.\n\nThey agreed to reopen the crossing to trade next month."), 0o644)
	folder = filepath.Join(dir, "batch")
	os.MkdirAll(folder, 0o755)
	for i, body := range []string{
		"Port strike ends\n\nDock workers in the port city returned to work on Monday after a week-long strike over pay.",
		"<html><head><title>Ministers meet on water</title></head><body><article><p>Ministers from three river states met in the capital on Tuesday to discuss sharing water during the dry season.</p><p>They set up a joint commission that will report within six months.</p></article></body></html>",
		"# Election observers arrive\n\nA team of forty observers arrived ahead of Sunday's vote, the electoral commission said.",
	} {
		name := []string{"port.txt", "water.html", "observers.md"}[i]
		os.WriteFile(filepath.Join(folder, name), []byte(body), 0o644)
	}
	return file, folder
}

func TestDropFilesOnTheRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the real window")
	}
	need(t, "Xvfb", "xdotool", "import", "/usr/bin/python3")
	dropTool := sharedtest.Need(t, "..", "tools", "xdnd-drop")
	bin := buildBinary(t)
	display := startX(t)
	env := append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8")
	db := filepath.Join(t.TempDir(), "db")
	logPath := filepath.Join(t.TempDir(), "dossier.log")
	logFile, _ := os.Create(logPath)
	app := cmd(env, bin, "--db", db)
	app.Stdout, app.Stderr = logFile, logFile
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer app.Process.Kill()
	waitForTitle(t, env, "0 articles", 60*time.Second)
	time.Sleep(time.Second)

	file, folder := writeFixtures(t)
	for _, p := range []string{file, folder} {
		if out, err := cmd(env, dropTool, "--window", "Dossier", p).CombinedOutput(); err != nil {
			t.Fatalf("xdnd-drop %s: %v\n%s", p, err, out)
		}
		time.Sleep(500 * time.Millisecond)
	}
	waitForTitle(t, env, "4 articles", 30*time.Second)
	secondWindowExplainsItself(t, env, bin, db)
	time.Sleep(time.Second)
	shot := filepath.Join(screenshotDir(t), "e2e-after-drop.png")
	if out, err := cmd(env, "import", "-window", "root", shot).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v %s", err, out)
	}
	t.Logf("screenshot: %s", shot)

	app.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- app.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the window did not close on SIGTERM")
	}
	logFile.Close()
	logText, _ := os.ReadFile(logPath)
	if strings.Contains(string(logText), "Error in Fyne call thread") {
		t.Fatalf("the log has threading errors:\n%s", logText)
	}

	out, err := exec.Command(bin, "--db", db, "list", "articles", "--json").Output()
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	var arts []struct{ Title, File, Published string }
	json.Unmarshal(out, &arts)
	titles := map[string]bool{}
	for _, a := range arts {
		titles[a.Title] = true
	}
	for _, want := range []string{"Envoys from two neighbouring states met at the border crossing on Thursday.", "Port strike ends", "Ministers meet on water", "Election observers arrive"} {
		if !titles[want] {
			t.Errorf("article %q not stored; stored: %v", want, titles)
		}
	}
}

// screenshotDir is where screenshots go: $DOSSIER_SCREENSHOTS, or a temp folder.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("DOSSIER_SCREENSHOTS"); d != "" {
		os.MkdirAll(d, 0o755)
		return d
	}
	return t.TempDir()
}

// secondWindowExplainsItself starts a second Dossier on the same database:
// it must say why it cannot open it, in a window, and exit when closed.
func secondWindowExplainsItself(t *testing.T, env []string, bin, db string) {
	var stderr strings.Builder
	second := cmd(env, bin, "--db", db)
	second.Stderr = &stderr
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	defer second.Process.Kill()
	waitForTitle(t, env, "cannot open this database", 30*time.Second)
	second.Process.Signal(syscall.SIGTERM)
	err := second.Wait()
	if err == nil || !strings.Contains(stderr.String(), "already open in another Dossier window") {
		t.Fatalf("second window: exit %v, stderr %q", err, stderr.String())
	}
}

// TestEncryptedDatabaseAsksForItsPassphrase: the window of an encrypted
// database asks for the passphrase, refuses a wrong one, and opens with the
// right one.
func TestEncryptedDatabaseAsksForItsPassphrase(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the real window")
	}
	need(t, "Xvfb", "xdotool")
	bin := buildBinary(t)
	dir := t.TempDir()
	db, passFile, article := filepath.Join(dir, "db"), filepath.Join(dir, "pass"), filepath.Join(dir, "a.txt")
	os.WriteFile(passFile, []byte("open sesame"), 0o600)
	os.WriteFile(article, []byte("Border talks\n\nEnvoys met at the crossing on Thursday."), 0o600)
	if out, err := exec.Command(bin, "--db", db, "--passphrase-file", passFile, "import", article).CombinedOutput(); err != nil {
		t.Fatalf("setup: %v %s", err, out)
	}
	env := append(os.Environ(), "DISPLAY="+startX(t), "LANG=en_US.UTF-8")
	app := cmd(env, bin, "--db", db)
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer app.Process.Kill()
	id := waitForTitle(t, env, "encrypted database", 60*time.Second)
	typeInto := func(text string) {
		cmd(env, "xdotool", "windowfocus", "--sync", id).Run()
		cmd(env, "xdotool", "type", "--delay", "20", text).Run()
		cmd(env, "xdotool", "key", "Return").Run()
		time.Sleep(3 * time.Second) // argon2id takes a moment
	}
	typeInto("wrong guess")
	waitForTitle(t, env, "encrypted database", 5*time.Second) // still asking
	typeInto("open sesame")
	waitForTitle(t, env, "1 articles", 30*time.Second)
	app.Process.Signal(syscall.SIGTERM)
	app.Wait()
}
