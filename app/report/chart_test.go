package report_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data"
	"dossier/data/storetest"
)

// TestLinkChartExport: the worked example's events as an SVG that rsvg
// renders, naming each actor once with one link per pair, and as a PNG
// that ImageMagick reads.
func TestLinkChartExport(t *testing.T) {
	st, _ := codedSample(t)
	dir := storetest.TempDir(t)
	svg := filepath.Join(dir, "chart.svg")
	res, err := report.Export(context.Background(), st, svg, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(svg)
	text := string(b)
	actors, _ := st.Actors()
	for _, a := range actors {
		if n := strings.Count(text, ">"+a.Name+" ("); n != 1 && strings.Count(text, ">"+a.Name+"<") != 1 {
			t.Errorf("%s is named %d times", a.Name, n)
		}
	}
	lines := regexp.MustCompile(`<polygon points`).FindAllString(text, -1)
	events, _ := st.Events(data.EventQuery{})
	pairs := map[[2]string]bool{}
	for _, e := range events {
		for _, a := range e.Actors {
			for _, r := range e.Recipients {
				pairs[[2]string{a, r}] = true
			}
		}
	}
	if len(lines) != len(pairs) || len(pairs) == 0 {
		t.Errorf("%d arrowheads for %d pairs", len(lines), len(pairs))
	}
	if !strings.Contains(text, "Who did what to whom: 4 events") || res.Events != 4 {
		t.Errorf("title or result: %+v", res)
	}
	if rsvg, err := exec.LookPath("rsvg-convert"); err == nil {
		out := filepath.Join(dir, "from-svg.png")
		if b, err := exec.Command(rsvg, "-o", out, svg).CombinedOutput(); err != nil {
			t.Fatalf("rsvg-convert: %v %s", err, b)
		}
	} else {
		t.Log("rsvg-convert not installed: the SVG was not rendered independently (apt-get install librsvg2-bin)")
	}
	png := filepath.Join(dir, "chart.png")
	if _, err := report.Export(context.Background(), st, png, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if identify, err := exec.LookPath("identify"); err == nil {
		out, err := exec.Command(identify, png).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "PNG 1600x1000") {
			t.Fatalf("identify: %v %s", err, out)
		}
	}
	if dst := os.Getenv("DOSSIER_SCREENSHOTS"); dst != "" {
		os.WriteFile(filepath.Join(dst, "chart.svg"), b, 0o644)
		c, _ := os.ReadFile(png)
		os.WriteFile(filepath.Join(dst, "chart.png"), c, 0o644)
	}
}
