package render

// HTML quality of rendered pages: every example notice in both languages
// must pass the Nu Html Checker (markup and the inlined CSS) and axe-core's
// WCAG 2.0/2.1 A and AA rules in headless Chromium, in light and dark
// colour scheme.
//
// The tools come from tools/browser (npm ci) and Debian (chromium, a JRE).
// Without them these tests skip, saying how to install them; with
// PERSONVERN_REQUIRE_TOOLS=1 (as in .ci/run) they fail instead.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

// repoRoot is the module root, seen from this package's directory (go test
// runs a package's tests in its own directory).
const repoRoot = "../.."

var (
	browserTools = filepath.Join(repoRoot, "tools", "browser")
	vnuJar       = filepath.Join(browserTools, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	axeScript    = filepath.Join(browserTools, "axe.mjs")
)

const npmCI = "cd tools/browser && npm ci --ignore-scripts"

var installHints = map[string]string{
	"java":            "apt-get install default-jre-headless",
	"vnu.jar":         npmCI,
	"node":            "apt-get install nodejs npm",
	"axe-core":        npmCI,
	"playwright-core": npmCI,
	"chromium":        "apt-get install chromium (or set CHROMIUM to a Chromium binary)",
	"axe.mjs":         "restore tools/browser/axe.mjs from git",
}

// requireTool skips the test when a tool is missing, or fails it when
// PERSONVERN_REQUIRE_TOOLS=1.
func requireTool(t *testing.T, name string, ok bool) {
	t.Helper()
	testtool.Require(t, name, ok, installHints[name])
}

func onPath(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// renderPages renders every example notice in nb and nn to
// DIR/<id>.<lang>.html and returns DIR.
func renderPages(t *testing.T) string {
	t.Helper()
	// Valid HTML and WCAG are properties of every page, so they are
	// checked for whatever notices/ holds.
	files, err := notice.Find([]string{testtool.Notices()})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no notices in %s", testtool.Notices())
	}
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		doc, err := notice.LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if doc.DecodeErr != nil {
			t.Fatalf("%s: %v", f, doc.DecodeErr)
		}
		id := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		for _, lang := range []string{"nb", "nn"} {
			var buf bytes.Buffer
			if err := r.Render(&buf, &doc.Notice, Options{Lang: lang, Format: "html"}); err != nil {
				t.Fatalf("%s (%s): %v", f, lang, err)
			}
			if err := os.WriteFile(filepath.Join(dir, id+"."+lang+".html"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// htmlFiles lists the pages in dir.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// writeCanary writes a page with known faults to its own directory, so each
// check proves that it still finds problems (a wrong flag or a dark mode
// that was never applied would otherwise pass silently).
func writeCanary(t *testing.T, html string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "canary.html")
	if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// vnuReport is the Nu Html Checker's --format json output.
type vnuReport struct {
	Version  string `json:"version"`
	Messages []struct {
		Type        string `json:"type"`
		SubType     string `json:"subType"`
		URL         string `json:"url"`
		FirstLine   int    `json:"firstLine"`
		LastLine    int    `json:"lastLine"`
		FirstColumn int    `json:"firstColumn"`
		LastColumn  int    `json:"lastColumn"`
		Message     string `json:"message"`
		Extract     string `json:"extract"`
	} `json:"messages"`
}

func TestHTMLValidator(t *testing.T) {
	t.Parallel()
	requireTool(t, "java", onPath("java"))
	requireTool(t, "vnu.jar", exists(vnuJar))

	dir := renderPages(t)
	pages := htmlFiles(t, dir)
	canary := writeCanary(t, `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>canary</title>
<style>p { colr: red }</style></head>
<body><p>x<img src="x.png"></p></body></html>
`)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-jar", vnuJar, "--errors-only", "--stdout", "--format", "json"}, pages...)
	args = append(args, canary)
	cmd := exec.CommandContext(ctx, "java", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	// vnu exits 1 when it reports an error; the canary makes sure it does.
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) {
		t.Fatalf("java -jar vnu.jar: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	var rep vnuReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("vnu.jar output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}

	canaryHits := 0
	var problems []string
	for _, m := range rep.Messages {
		file := strings.TrimPrefix(m.URL, "file:")
		if filepath.Base(file) == "canary.html" && filepath.Dir(file) == filepath.Dir(canary) {
			canaryHits++
			continue
		}
		line := m.FirstLine
		if line == 0 {
			line = m.LastLine
		}
		problems = append(problems, fmt.Sprintf("%s:%d:%d: %s: %s\n    %q",
			filepath.Base(file), line, m.FirstColumn, m.Type, m.Message, m.Extract))
	}
	if canaryHits < 2 {
		t.Errorf("vnu.jar %s found %d problems in the canary page, want the missing alt and the bad CSS property: the check is not working\n%s",
			rep.Version, canaryHits, stdout.String())
	}
	if len(problems) > 0 {
		t.Errorf("Nu Html Checker %s: %d errors in %d pages (see one with: personvern render notices/ID.yaml --lang LANG --format html):\n%s",
			rep.Version, len(problems), len(pages), strings.Join(problems, "\n"))
	}
	t.Logf("Nu Html Checker %s: %d pages, %d errors", rep.Version, len(pages), len(problems))
}

func TestHTMLAccessibility(t *testing.T) {
	t.Parallel()
	requireTool(t, "node", onPath("node"))
	requireTool(t, "axe.mjs", exists(axeScript)) // the Stat also keys go test's cache to the script
	requireTool(t, "axe-core", exists(filepath.Join(browserTools, "node_modules", "axe-core", "axe.min.js")))
	requireTool(t, "playwright-core", exists(filepath.Join(browserTools, "node_modules", "playwright-core", "package.json")))
	requireTool(t, "chromium", exists(chromiumPath()))

	dir := renderPages(t)
	pages := htmlFiles(t, dir)
	// Readable in light mode, unreadable in dark: proves that both colour
	// schemes are really checked.
	canary := writeCanary(t, `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>canary</title>
<style>
p { color: #000; background: #fff }
@media (prefers-color-scheme: dark) { p { color: #333; background: #222 } }
</style></head>
<body><main><p>Kanarifuglen synger.</p></main></body></html>
`)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", axeScript, dir, canary)
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) {
		t.Fatalf("node %s: %v\n%s%s", axeScript, err, stdout.String(), stderr.String())
	}
	var rep testtool.AxeReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("axe.mjs output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	if want := 2 * (len(pages) + 1); rep.Runs != want {
		t.Fatalf("axe.mjs ran %d checks, want %d (%d pages and the canary, light and dark)", rep.Runs, want, len(pages))
	}

	isCanary := func(v testtool.AxeResult) bool { return filepath.Base(v.File) == "canary.html" }
	canary2 := map[string]bool{}
	var problems []string
	for _, v := range rep.Violations {
		if isCanary(v) {
			canary2[v.Scheme+" "+v.ID] = true
			continue
		}
		v.File = filepath.Base(v.File)
		problems = append(problems, v.String())
	}
	if !canary2["dark color-contrast"] || canary2["light color-contrast"] {
		t.Errorf("axe %s in Chromium %s: the canary page should fail color-contrast in dark mode only, got %v: the dark-mode check is not working",
			rep.Axe, rep.Chromium, canary2)
	}
	review := 0
	for _, v := range rep.Incomplete {
		if !isCanary(v) {
			review++
			v.File = filepath.Base(v.File)
			t.Logf("needs review (not a failure): %s", v)
		}
	}
	if len(problems) > 0 {
		t.Errorf("axe %s in Chromium %s: %d violations in %d pages, light and dark (see one with: personvern render notices/ID.yaml --lang LANG --format html):\n%s",
			rep.Axe, rep.Chromium, len(problems), len(pages), strings.Join(problems, "\n"))
	}
	t.Logf("axe %s in Chromium %s: %d pages × light/dark, %d violations, %d need review",
		rep.Axe, rep.Chromium, len(pages), len(problems), review)
}
