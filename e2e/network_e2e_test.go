package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// windowOn opens the real window on a new database that fill wrote, and
// returns the environment that reaches its X display; the window closes
// when the test ends.
func windowOn(t *testing.T, fill func(data.Store) error) []string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "db")
	st, err := badgerstore.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := fill(st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	bin := buildBinary(t)
	env := append(os.Environ(), "DISPLAY="+startX(t), "LANG=en_US.UTF-8", "XDG_CACHE_HOME="+t.TempDir())
	app := cmd(env, bin, "--db", db)
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Process.Signal(syscall.SIGTERM); app.Wait() })
	waitForTitle(t, env, "0 articles", 60*time.Second)
	time.Sleep(time.Second)
	return env
}

// TestNetworkTabInTheRealWindow opens the Network tab of the real window on
// demonstration data (50 made-up actors, 250 events), hovers an actor and
// keeps screenshots of both ($DOSSIER_SCREENSHOTS); the chart must have
// drawn in colour.
func TestNetworkTabInTheRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the real window")
	}
	need(t, "Xvfb", "xdotool", "import")
	env := windowOn(t, func(st data.Store) error { return storetest.GenerateNetwork(st, 50, 250) })
	cmd(env, "xdotool", "mousemove", "308", "50", "click", "1").Run() // the Network tab
	time.Sleep(2 * time.Second)
	shot := filepath.Join(screenshotDir(t), "network.png")
	if out, err := cmd(env, "import", "-window", "root", shot).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v %s", err, out)
	}
	out, _ := cmd(env, "convert", shot, "-crop", "1300x600+100+200", "+repage", "-colors", "64", "-unique-colors", "-format", "%w", "info:").Output()
	if colours, _ := strconv.Atoi(strings.TrimSpace(string(out))); colours < 8 {
		t.Errorf("the chart area holds %d colours: nothing drawn?", colours)
	}
	cmd(env, "xdotool", "mousemove", "672", "425").Run() // over the busiest actors, near the middle
	time.Sleep(time.Second)
	cmd(env, "import", "-window", "root", filepath.Join(screenshotDir(t), "network-hover.png")).Run()
	t.Logf("screenshot: %s", shot)
}
