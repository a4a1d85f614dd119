package e2e

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/data"
	"dossier/data/storetest"
)

// TestMapTabInTheRealWindow opens the Map tab of the real window on
// demonstration data (3,000 made-up events at real towns) and keeps three
// screenshots ($DOSSIER_SCREENSHOTS): the whole world, zoomed on the
// eastern Mediterranean, and the time window in mid-play. Each must show
// the land and coloured marks.
func TestMapTabInTheRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the real window")
	}
	need(t, "Xvfb", "xdotool", "import", "convert")
	env := windowOn(t, func(st data.Store) error { return storetest.GenerateMap(st, 3000) })
	cmd(env, "xdotool", "key", "ctrl+shift+6").Run() // View ▸ Map
	time.Sleep(2 * time.Second)
	shoot := func(name string) {
		t.Helper()
		shot := filepath.Join(screenshotDir(t), name)
		if out, err := cmd(env, "import", "-window", "root", shot).CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v %s", err, out)
		}
		out, _ := cmd(env, "convert", shot, "-crop", "1300x600+100+250", "+repage", "-colors", "64", "-unique-colors", "-format", "%w", "info:").Output()
		if colours, _ := strconv.Atoi(strings.TrimSpace(string(out))); colours < 8 {
			t.Errorf("%s: the map area holds %d colours: nothing drawn?", name, colours)
		}
		t.Logf("screenshot: %s", shot)
	}
	shoot("map-world.png")
	cmd(env, "xdotool", "mousemove", "1000", "560").Run() // a region near the middle of the world
	for range 30 {
		cmd(env, "xdotool", "click", "4").Run()
	}
	time.Sleep(1500 * time.Millisecond)
	shoot("map-region.png")
	cmd(env, "xdotool", "mousemove", "93", "89", "click", "1").Run()   // Whole world
	cmd(env, "xdotool", "mousemove", "146", "129", "click", "1").Run() // Play
	time.Sleep(5 * time.Second)
	shoot("map-play.png")
}
