package e2e

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Articles of our own in Arabic and Chinese, with their datelines.
const (
	arabicArticle = "محادثات القاهرة\n\nالقاهرة، 2 مارس 2025\n\n" +
		"التقى وزير الخارجية بالوفد في القاهرة يوم الأحد، وقالت وكالة Reuters News إن الطرفين ناقشا الأمن الإقليمي والتعاون الاقتصادي.\n\n" +
		"واتفق الجانبان على مواصلة المحادثات في الشهر المقبل، وعلى تشكيل لجنة مشتركة تقدم تقريرها خلال 90 يوما.\n"
	chineseArticle = "外交部长会见代表团\n\n北京，2025年3月2日电\n\n" +
		"外交部长周五在北京会见了来访的代表团，双方讨论了地区安全与经济合作问题。\n\n" +
		"双方同意下个月继续举行会谈，并成立联合委员会，在九十天内提交报告。\n"
)

// readerArea is where the reader stands in the 1440×880 window (below the
// article's header, between the article list and the event form).
var readerArea = image.Rect(300, 190, 920, 420)

// TestScriptsInTheRealWindow opens an Arabic and a Chinese article in the
// real window, with a home that has no fonts of its own for them: the
// fonts Dossier ships are put where Fyne finds them, Arabic lines stand at
// the reader's right edge and Chinese ones at its left, and a drag selects
// Arabic words. Screenshots are kept ($DOSSIER_SCREENSHOTS).
func TestScriptsInTheRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the real window")
	}
	need(t, "Xvfb", "xdotool", "import")
	bin := buildBinary(t)
	display := startX(t)
	cache := t.TempDir()
	env := append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "XDG_CACHE_HOME="+cache)
	for _, c := range []struct {
		name, text   string
		rightAligned bool
	}{{"arabic", arabicArticle, true}, {"chinese", chineseArticle, false}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, c.name+".txt")
			os.WriteFile(file, []byte(c.text), 0o644)
			db := filepath.Join(dir, "db")
			if out, err := cmd(env, bin, "--db", db, "import", file).CombinedOutput(); err != nil {
				t.Fatalf("import: %v %s", err, out)
			}
			app := cmd(env, bin, "--db", db)
			if err := app.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { app.Process.Signal(syscall.SIGTERM); app.Wait() }()
			waitForTitle(t, env, "1 article", 60*time.Second)
			time.Sleep(2 * time.Second)
			if _, err := os.Stat(filepath.Join(cache, "dossier", "share", "fonts", "DroidSansFallbackFull.ttf")); err != nil {
				t.Fatalf("the bundled fonts were not put in place: %v", err)
			}
			shot := filepath.Join(screenshotDir(t), "script-"+c.name+".png")
			if out, err := cmd(env, "import", "-window", "root", shot).CombinedOutput(); err != nil {
				t.Fatalf("screenshot: %v %s", err, out)
			}
			checkAlignment(t, shot, c.rightAligned)
			if c.rightAligned { // drag over the first two words of the first paragraph, from the right
				cmd(env, "xdotool", "mousemove", "862", "287", "mousedown", "1", "sleep", "0.2", "mousemove", "830", "287",
					"sleep", "0.2", "mousemove", "790", "287", "sleep", "0.2", "mouseup", "1").Run()
				time.Sleep(time.Second)
				cmd(env, "import", "-window", "root", filepath.Join(screenshotDir(t), "script-arabic-selection.png")).Run()
			}
			t.Logf("screenshot: %s", shot)
		})
	}
}

// checkAlignment finds the lines of text in the reader and checks that the
// short ones (titles, datelines, last lines) stand at the right edge for a
// right-to-left article and at the left edge otherwise.
func checkAlignment(t *testing.T, shot string, right bool) {
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	bg := luminance(img, readerArea.Max.X-5, readerArea.Max.Y-5)
	rows := inkRows(img, bg)
	if len(rows) < 4 {
		t.Fatalf("found %d lines of text in the reader, want at least 4", len(rows))
	}
	mid := (readerArea.Min.X + readerArea.Max.X) / 2
	short := 0
	for _, r := range rows {
		if r[1]-r[0] > readerArea.Dx()*6/10 {
			continue
		}
		short++
		if right && r[0] < mid || !right && r[0] > readerArea.Min.X+readerArea.Dx()/10 {
			t.Errorf("a short line spans x %d-%d: not at the %s edge", r[0], r[1], map[bool]string{true: "right", false: "left"}[right])
		}
	}
	if short == 0 {
		t.Error("no short line to check")
	}
}

// inkRows are the horizontal extents of the lines of text in the reader.
func inkRows(img image.Image, bg float64) [][2]int {
	var rows [][2]int
	inRow := false
	for y := readerArea.Min.Y; y < readerArea.Max.Y; y++ {
		left, right := -1, -1
		for x := readerArea.Min.X; x < readerArea.Max.X; x++ {
			if l := luminance(img, x, y); l-bg > 0.35 || bg-l > 0.35 {
				if left < 0 {
					left = x
				}
				right = x
			}
		}
		switch {
		case left >= 0 && !inRow:
			rows, inRow = append(rows, [2]int{left, right}), true
		case left >= 0:
			r := &rows[len(rows)-1]
			r[0], r[1] = min(r[0], left), max(r[1], right)
		default:
			inRow = false
		}
	}
	return rows
}

func luminance(img image.Image, x, y int) float64 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 65535
}
