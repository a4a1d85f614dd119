package e2e

// The packages and the Windows build, as people who do not build Dossier
// get them: the Linux archive installed into a home folder, and the .exe
// run under Wine (commands, and the window under Xvfb). They use what
// 'make dist' and 'make windows' left in bin/ (CI makes both first), and
// skip with a sentence when it is not there.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dossier/app"
)

// The Linux archive unpacks, its install script puts Dossier in a home
// folder's menu, and the installed program runs.
func TestLinuxPackageInstalls(t *testing.T) {
	archives, _ := filepath.Glob("../bin/dist/dossier-*-linux-amd64.tar.xz")
	if len(archives) == 0 {
		t.Skip("skipped: no Linux package in bin/dist (make dist makes one)")
	}
	sums, err := os.ReadFile("../bin/dist/SHA256SUMS")
	if err != nil || !strings.Contains(string(sums), filepath.Base(archives[0])) {
		t.Fatalf("SHA256SUMS does not list %s", archives[0])
	}
	c := exec.Command("sha256sum", "--check", "SHA256SUMS")
	c.Dir = "../bin/dist"
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("the sums do not match: %v\n%s", err, out)
	}
	unpacked, home := t.TempDir(), t.TempDir()
	if out, err := exec.Command("tar", "-xJf", archives[0], "-C", unpacked).CombinedOutput(); err != nil {
		t.Fatalf("untar: %v\n%s", err, out)
	}
	folders, _ := filepath.Glob(filepath.Join(unpacked, "dossier-*"))
	if len(folders) != 1 {
		t.Fatalf("the archive holds %v", folders)
	}
	install := exec.Command("sh", filepath.Join(folders[0], "install.sh"))
	install.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME=")
	if out, err := install.CombinedOutput(); err != nil || !strings.Contains(string(out), "Dossier is installed") {
		t.Fatalf("install.sh: %v\n%s", err, out)
	}
	entry := filepath.Join(home, ".local", "share", "applications", "dossier.desktop")
	if _, err := exec.LookPath("desktop-file-validate"); err == nil {
		if out, err := exec.Command("desktop-file-validate", entry).CombinedOutput(); err != nil {
			t.Fatalf("desktop-file-validate: %v\n%s", err, out)
		}
	}
	for _, f := range []string{entry, filepath.Join(home, ".local", "share", "icons", "hicolor", "256x256", "apps", "dossier.png")} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("not installed: %s", f)
		}
	}
	out, err := exec.Command(filepath.Join(home, ".local", "bin", "dossier"), "--help").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Usage:") {
		t.Fatalf("the installed program: %v\n%s", err, out)
	}
}

// wine is the Wine command and its environment (the prefix .ci/wine.sh
// prepares, with the stand-in bcryptprimitives.dll), or a skip.
func wine(t *testing.T) (string, []string) {
	t.Helper()
	if _, err := os.Stat("../bin/dossier.exe"); err != nil {
		t.Skip("skipped: no bin/dossier.exe (make windows makes it)")
	}
	prefix, _ := filepath.Abs("../bin/wine-prefix")
	if _, err := os.Stat(filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")); err != nil {
		t.Skip("skipped: no Wine prefix in bin/wine-prefix (bash .ci/wine.sh makes one)")
	}
	for _, w := range []string{"wine64", "wine", "/usr/lib/wine/wine64"} {
		if p, err := exec.LookPath(w); err == nil {
			return p, append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
		}
	}
	t.Skip("skipped: Wine is not installed (apt-get install wine64)")
	return "", nil
}

// The .exe's commands under Wine give what the Linux build gives, paths
// aside, and its workbook is read by openpyxl.
func TestWindowsCommandsUnderWine(t *testing.T) {
	wineCmd, env := wine(t)
	exe, _ := filepath.Abs("../bin/dossier.exe")
	linux := buildBinary(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "Réunion à Pékin.txt") // a non-ASCII file name
	os.WriteFile(article, []byte(strings.ReplaceAll(app.SampleText(), "\n", "\r\n")), 0o644)
	type tool struct {
		name string
		run  func(args ...string) (string, error)
		db   string
		path func(string) string // a Linux path as this tool writes it
	}
	winPath := func(p string) string { return "Z:" + strings.ReplaceAll(p, "/", `\`) }
	tools := []tool{
		{"linux", func(args ...string) (string, error) {
			out, err := exec.Command(linux, args...).Output()
			return string(out), err
		}, filepath.Join(dir, "linux-db"), func(p string) string { return p }},
		{"windows", func(args ...string) (string, error) {
			c := exec.Command(wineCmd, append([]string{exe}, args...)...)
			c.Env = env
			out, err := c.Output()
			return strings.ReplaceAll(string(out), "\r\n", "\n"), err
		}, filepath.Join(dir, "windows-db"), winPath},
	}
	outputs := map[string][]string{}
	for _, tl := range tools {
		db, p := tl.path(tl.db), tl.path
		steps := [][]string{
			{"--help"},
			{"--db", db, "import", p(article)},
			{"--db", db, "list", "articles", "--json"},
			{"--db", db, "search", "Beijing"},
			{"--db", db, "export", p(filepath.Join(dir, tl.name+".xlsx"))},
			{"--db", db, "backup", p(filepath.Join(dir, tl.name+".backup"))},
			{"--db", db + "-restored", "restore", p(filepath.Join(dir, tl.name+".backup"))},
		}
		for _, args := range steps {
			out, err := tl.run(args...)
			if err != nil {
				t.Fatalf("%s: dossier %s: %v\n%s", tl.name, strings.Join(args, " "), err, out)
			}
			outputs[tl.name] = append(outputs[tl.name], comparable(out, p(dir), tl.name))
		}
	}
	for i := range outputs["linux"] {
		if outputs["linux"][i] != outputs["windows"][i] {
			t.Errorf("step %d differs:\nlinux:   %q\nwindows: %q", i, outputs["linux"][i], outputs["windows"][i])
		}
	}
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() == nil {
		out, err := exec.Command("/usr/bin/python3", "-c", `import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(",".join(wb.sheetnames))`,
			filepath.Join(dir, "windows.xlsx")).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "Events") {
			t.Fatalf("openpyxl and the Windows workbook: %v\n%s", err, out)
		}
	}
}

// comparable is a command's output with what differs by nature between the
// two runs taken out: the folder, the tool's name, times, the analyst.
func comparable(out, dir, name string) string {
	out = strings.ReplaceAll(out, strings.ReplaceAll(dir, `\`, `\\`), "DIR") // as JSON writes it
	out = strings.ReplaceAll(out, dir, "DIR")
	out = strings.ReplaceAll(out, name, "TOOL")
	out = strings.ReplaceAll(strings.ReplaceAll(out, `\\`, "/"), `\`, "/")
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`"(imported_at|updated)": "[^"]*"`), regexp.MustCompile(`"updated_by": "[^"]*"`),
		regexp.MustCompile(`(?m)^  -version.*\n.*\n`),
	} {
		out = re.ReplaceAllString(out, "")
	}
	var v any // JSON: compared as data, not layout
	if json.Unmarshal([]byte(out), &v) == nil {
		b, _ := json.Marshal(v)
		out = string(b)
	}
	return out
}

// The window of the .exe opens under Wine and Xvfb on a new database with
// an article given on its command line, and closes cleanly.
func TestWindowsWindowUnderWine(t *testing.T) {
	wineCmd, env := wine(t)
	need(t, "Xvfb", "xdotool", "import")
	display := startX(t)
	env = append(env, "DISPLAY="+display)
	dir := t.TempDir()
	article := filepath.Join(dir, "sample.txt")
	os.WriteFile(article, []byte(app.SampleText()), 0o644)
	exe, _ := filepath.Abs("../bin/dossier.exe")
	c := exec.Command(wineCmd, exe, "--db", "Z:"+strings.ReplaceAll(filepath.Join(dir, "db"), "/", `\`), "Z:"+strings.ReplaceAll(article, "/", `\`))
	c.Env = env
	logFile, _ := os.Create(filepath.Join(dir, "log"))
	c.Stdout, c.Stderr = logFile, logFile
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	id := waitForTitle(t, env, "1 articles", 120*time.Second)
	time.Sleep(2 * time.Second)
	shot := filepath.Join(screenshotDir(t), "wine-window.png")
	if out, err := cmd(env, "import", "-window", "root", shot).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v %s", err, out)
	}
	t.Logf("screenshot: %s", shot)
	_ = id
	if out, err := cmd(env, wineCmd, "taskkill", "/im", "dossier.exe").CombinedOutput(); err != nil { // WM_CLOSE, as the close button sends
		t.Logf("taskkill: %v %s", err, out)
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		c.Process.Kill()
		t.Fatal("the window did not close")
	}
	log, _ := os.ReadFile(filepath.Join(dir, "log"))
	if strings.Contains(string(log), "panic") || strings.Contains(string(log), "goroutine ") {
		t.Fatalf("the Windows build panicked:\n%s", log)
	}
}
