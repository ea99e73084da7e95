package site

// The built site in a real browser: tools/browser/browse.mjs clicks through
// it in headless Chromium the way a reader would (front page, bokmål index,
// a notice, the same notice in nynorsk, back to the nynorsk index), fails on
// any request that leaves the site, and takes screenshots; then
// tools/browser/axe.mjs checks one page of every kind with axe-core.
//
// The tools come from tools/browser (npm ci) and Debian (node, chromium).
// Without them these tests skip, saying how to install them; with
// PERSONVERN_REQUIRE_TOOLS=1 (as in .ci/run) they fail instead.
//
// Screenshots go to a temporary folder that is removed after the test; set
// PERSONVERN_SCREENSHOTS=DIR to keep them in DIR.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

// browserRoot is the module root, seen from this package's directory (go
// test runs a package's tests in its own directory).
const browserRoot = "../.."

var (
	browserTools  = filepath.Join(browserRoot, "tools", "browser")
	browseScript  = filepath.Join(browserTools, "browse.mjs")
	siteAxeScript = filepath.Join(browserTools, "axe.mjs")
)

const browserNpmCI = "cd tools/browser && npm ci --ignore-scripts"

// requireBrowser skips the test when node, Chromium or the npm packages
// are missing, or fails it when PERSONVERN_REQUIRE_TOOLS=1.
func requireBrowser(t *testing.T, script string) {
	t.Helper()
	fileExists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	_, err := exec.LookPath("node")
	testtool.Require(t, "node", err == nil, "apt-get install nodejs npm")
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	testtool.Require(t, "chromium", fileExists(chromium), "apt-get install chromium (or set CHROMIUM to a Chromium binary)")
	modules := filepath.Join(browserTools, "node_modules")
	testtool.Require(t, "tools/browser/node_modules",
		fileExists(filepath.Join(modules, "playwright-core", "package.json")) &&
			fileExists(filepath.Join(modules, "axe-core", "axe.min.js")),
		browserNpmCI)
	// The Stat also keys go test's cache to the script.
	testtool.Require(t, filepath.Base(script), fileExists(script), "restore tools/browser/"+filepath.Base(script)+" from git")
}

// writeSite builds the corpus, testdata/notices, as TestBuildNotices does, or without the
// configured base URL when relative, and writes it to a temporary folder.
func writeSite(t *testing.T, relative bool) (dir string, opt Options) {
	t.Helper()
	files, err := notice.Find([]string{testtool.Corpus()})
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(testtool.Corpus(), "personvern.yaml")
	if _, err := os.Stat(cfg); err != nil {
		cfg = ""
	}
	opt = options(t, cfg)
	if relative {
		opt.Config.BaseURL = ""
	}
	res, err := Build(files, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Fatalf("notices have errors: %v", res.Findings)
	}
	dir = filepath.Join(t.TempDir(), "site")
	if err := publishTo(dir, res.Files, false); err != nil {
		t.Fatal(err)
	}
	return dir, opt
}

// indexGroupsNB and indexGroupsNN are the index groups groupedSite gives
// the corpus's notices, by language ("" none: listed under Andre).
var (
	indexGroupsNB = []string{"Arbeid og integrering", "Oppvekst og utdanning", "Helse og omsorg", "Ørsta og Ålesund", ""}
	indexGroupsNN = []string{"Arbeid og integrering", "Oppvekst og utdanning", "Helse og omsorg", "Ørsta og Ålesund", ""}
)

// groupedSite builds the corpus three times over (ids with -2 and -3
// after them), each notice with an index_group, or none, and writes the
// site to a temporary folder: with limit 0 one grouped index page per
// language, with a small limit the index split into a page per group (3
// notices each: with limit 2, two pages).
func groupedSite(t *testing.T, limit int) string {
	t.Helper()
	files, err := notice.Find([]string{testtool.Corpus()})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir() // NoHistory: git is not asked
	var out []string
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := notice.Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		id := doc.Notice.ID
		for copyN, suffix := range []string{"", "-2", "-3"} {
			// The notice's own id comes first in the file.
			b := bytes.Replace(src, []byte("id: "+id+"\n"), []byte("id: "+id+suffix+"\n"), 1)
			if !bytes.HasSuffix(b, []byte("\n")) {
				b = append(b, '\n')
			}
			k := (i + copyN) % len(indexGroupsNB)
			if g := indexGroupsNB[k]; g != "" {
				b = append(b, fmt.Sprintf("index_group: {nb: %q, nn: %q}\n", g, indexGroupsNN[k])...)
			}
			p := filepath.Join(dir, id+suffix+".yaml")
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
	}
	opt := options(t, "")
	opt.NoHistory = true
	opt.IndexLimit = limit
	res, err := Build(out, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Fatalf("notices have errors: %v", res.Findings)
	}
	site := filepath.Join(t.TempDir(), "site")
	if err := publishTo(site, res.Files, false); err != nil {
		t.Fatal(err)
	}
	return site
}

// indexPages are the index pages of a built site: every HTML file in the
// languages' folders themselves.
func indexPages(t *testing.T, site string) []string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(site, "*", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no index pages in %s: %v", site, err)
	}
	return pages
}

// runNode runs node with args and returns its stdout. Exit status 0 and 1
// (the check found something) are for the caller to judge; anything else
// fails the test.
func runNode(t *testing.T, args ...string) (stdout []byte, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.WaitDelay = 10 * time.Second
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) {
		t.Fatalf("node %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, out.String(), errOut.String())
	}
	if err != nil {
		code = 1
	}
	if errOut.Len() > 0 {
		t.Logf("node %s: stderr:\n%s", filepath.Base(args[0]), errOut.String())
	}
	return out.Bytes(), code
}

// browseReport is browse.mjs's output.
type browseReport struct {
	OK       bool   `json:"ok"`
	Chromium string `json:"chromium"`
	Server   string `json:"server"`
	BaseURL  string `json:"baseURL"`
	Steps    []struct {
		Name string   `json:"name"`
		URL  string   `json:"url"`
		Path string   `json:"path"`
		Lang string   `json:"lang"`
		H1   []string `json:"h1"`
	} `json:"steps"`
	Screenshots []string `json:"screenshots"`
	ViaBaseURL  []string `json:"viaBaseURL"`
	Failures    []string `json:"failures"`
}

// TestBrowseSite clicks through the site in Chromium: as published (the
// configured base URL, so the language switch links the public address,
// which browse.mjs answers from the built folder) and as built without a
// base URL (every link relative); and checks that a page with a tracking
// pixel fails.
func TestBrowseSite(t *testing.T) {
	t.Parallel()
	requireBrowser(t, browseScript)
	for _, tc := range []struct {
		name     string
		relative bool
	}{{"published", false}, {"relative", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			site, opt := writeSite(t, tc.relative)
			shots := t.TempDir()
			if keep := os.Getenv("PERSONVERN_SCREENSHOTS"); keep != "" {
				shots = filepath.Join(keep, tc.name)
			}
			args := []string{browseScript}
			if opt.Config.BaseURL != "" {
				args = append(args, "--base-url", opt.Config.BaseURL)
			}
			args = append(args, site, shots)
			out, code := runNode(t, args...)
			var rep browseReport
			if err := json.Unmarshal(out, &rep); err != nil {
				t.Fatalf("browse.mjs output is not JSON: %v\n%s", err, out)
			}
			if code != 0 || !rep.OK || len(rep.Failures) > 0 {
				t.Fatalf("browse.mjs in Chromium %s: %d failures:\n  %s\nreport:\n%s",
					rep.Chromium, len(rep.Failures), strings.Join(rep.Failures, "\n  "), out)
			}
			if len(rep.Steps) != 5 || len(rep.Screenshots) != 6 {
				t.Fatalf("browse.mjs went through %d pages and took %d screenshots, want 5 and 6:\n%s", len(rep.Steps), len(rep.Screenshots), out)
			}
			var walk []string
			for _, s := range rep.Steps {
				walk = append(walk, fmt.Sprintf("/%s (%s)", s.Path, s.Lang))
			}
			t.Logf("Chromium %s: %s", rep.Chromium, strings.Join(walk, " → "))
			if len(rep.ViaBaseURL) > 0 {
				t.Logf("left the local copy for the public address %s (answered from the build): %s",
					rep.BaseURL, strings.Join(rep.ViaBaseURL, " "))
			}
			t.Logf("screenshots in %s", shots)
		})
	}
	// A tracking pixel on the bokmål index must fail the walk: proves that
	// outside requests are really caught, not just never made.
	t.Run("canary", func(t *testing.T) {
		t.Parallel()
		site, _ := writeSite(t, true)
		index := filepath.Join(site, "nb", "index.html")
		b, err := os.ReadFile(index)
		if err != nil {
			t.Fatal(err)
		}
		const tracker = "https://tracker.invalid/pixel.gif"
		poisoned := strings.Replace(string(b), `<main id="innhold">`, `<main id="innhold"><img alt="" src="`+tracker+`">`, 1)
		if poisoned == string(b) {
			t.Fatal(`no <main id="innhold"> in nb/index.html to put the canary in`)
		}
		if err := os.WriteFile(index, []byte(poisoned), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := runNode(t, browseScript, site, t.TempDir())
		var rep browseReport
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Fatalf("browse.mjs output is not JSON: %v\n%s", err, out)
		}
		if code != 1 || rep.OK || len(rep.Failures) != 1 || !strings.Contains(rep.Failures[0], "outside request: GET "+tracker) {
			t.Fatalf("browse.mjs should fail on the tracking pixel %s and nothing else, got exit %d and failures:\n  %s\nthe check for outside requests is not working",
				tracker, code, strings.Join(rep.Failures, "\n  "))
		}
	})
}

// historySite writes the site of historyBuild (a notice with an earlier
// version) to a temporary folder.
func historySite(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		testtool.Require(t, "git", false, "apt-get install git")
	}
	res, _ := historyBuild(t, "https://personvern.example.no/")
	dir := filepath.Join(t.TempDir(), "site")
	if err := publishTo(dir, res.Files, false); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSiteHTMLValidator runs the Nu Html Checker on every page of the
// site, the earlier version's page and its changes included, and reads
// every feed as Atom.
func TestSiteHTMLValidator(t *testing.T) {
	t.Parallel()
	_, err := exec.LookPath("java")
	testtool.Require(t, "java", err == nil, "apt-get install default-jre-headless")
	vnu := filepath.Join(browserTools, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	_, err = os.Stat(vnu)
	testtool.Require(t, "vnu.jar", err == nil, browserNpmCI)
	site, _ := writeSite(t, false)
	grouped, split := groupedSite(t, 0), groupedSite(t, 2)
	pages := append(indexPages(t, grouped), indexPages(t, split)...)
	if n := len(indexPages(t, split)); n < 8 {
		t.Fatalf("the split site has %d index pages, want a front page and a page per group in each language", n)
	}
	for _, root := range []string{site, historySite(t)} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case strings.HasSuffix(p, ".html"):
				pages = append(pages, p)
			case strings.HasSuffix(p, ".xml") && filepath.Base(p) == feedFile:
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				parseAtom(t, p, b)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "java", append([]string{"-jar", vnu, "--errors-only", "--format", "gnu"}, pages...)...)
	out, err := cmd.CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("Nu Html Checker on %d pages: %v\n%s", len(pages), err, out)
	}
	t.Logf("Nu Html Checker: %d pages", len(pages))
}

// TestSiteAccessibility runs axe-core (WCAG 2.0/2.1 A and AA, light and
// dark) on one page of every kind the site has: the front page, a language
// index, a notice, and the error page personvern serve shows for a notice
// that does not validate.
func TestSiteAccessibility(t *testing.T) {
	t.Parallel()
	requireBrowser(t, siteAxeScript)
	site, opt := writeSite(t, false)

	// The error page, with the findings of a notice that is mostly missing.
	doc, err := notice.Parse("notices/broken.yaml", []byte("id: broken\nlanguages: [nb, nn]\ntitle:\n  nb: Ødelagt\n"))
	if err != nil {
		t.Fatal(err)
	}
	findings := opt.Validator.Validate(doc)
	if len(findings) == 0 {
		t.Fatal("the broken notice has no findings")
	}
	var errPage bytes.Buffer
	if err := opt.Renderer.RenderError(&errPage, "nb", "notices/broken.yaml", findingLines(findings)); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(site, "nb", "broken", "index.html")
	if err := os.MkdirAll(filepath.Dir(broken), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(broken, errPage.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// An earlier version's page and the page of its changes, from a
	// notice with a history in git.
	hist := historySite(t)
	// The index grouped by index_group on one page, and split into a page
	// per group with a front page that links them.
	grouped, split := groupedSite(t, 0), groupedSite(t, 2)
	pages := []string{
		filepath.Join(grouped, "nb", "index.html"),
		filepath.Join(grouped, "nn", "index.html"),
		filepath.Join(split, "nb", "index.html"),
		filepath.Join(split, "nb", "gruppe-arbeid-og-integrering.html"),
		filepath.Join(split, "nb", "gruppe-arbeid-og-integrering.2.html"),
		filepath.Join(split, "nn", "gruppe-orsta-og-alesund.html"),
		filepath.Join(site, "index.html"),
		filepath.Join(site, "nb", "index.html"),
		filepath.Join(site, "nb", "joblearn", "index.html"),
		broken,
		filepath.Join(hist, "nb", "joblearn", "index.html"),
		filepath.Join(hist, "nn", "joblearn", "versjon", "1.0", "index.html"),
		filepath.Join(hist, "nb", "joblearn", "versjon", "1.0", "endringer", "index.html"),
	}
	for _, p := range pages {
		if _, err := os.Stat(p); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := runNode(t, append([]string{siteAxeScript}, pages...)...)
	var rep testtool.AxeReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("axe.mjs output is not JSON: %v\n%s", err, out)
	}
	if want := 2 * len(pages); rep.Runs != want {
		t.Fatalf("axe.mjs ran %d checks, want %d (%d pages, light and dark):\n%s", rep.Runs, want, len(pages), out)
	}
	rel := func(v *testtool.AxeResult) {
		for _, root := range []string{site, hist, grouped, split} {
			if r, err := filepath.Rel(root, v.File); err == nil && !strings.HasPrefix(r, "..") {
				v.File = filepath.ToSlash(r)
			}
		}
	}
	for i := range rep.Incomplete {
		rel(&rep.Incomplete[i])
		t.Logf("needs review (not a failure): %s", rep.Incomplete[i])
	}
	var problems []string
	for i := range rep.Violations {
		rel(&rep.Violations[i])
		problems = append(problems, rep.Violations[i].String())
	}
	if len(problems) > 0 {
		t.Errorf("axe %s in Chromium %s: %d violations (templates/site-*.html.tmpl, templates/notice.html.tmpl, templates/style.css):\n%s",
			rep.Axe, rep.Chromium, len(problems), strings.Join(problems, "\n"))
	}
	t.Logf("axe %s in Chromium %s: %d pages × light/dark, %d violations, %d need review",
		rep.Axe, rep.Chromium, len(pages), len(problems), len(rep.Incomplete))
}

// TestReflowCanary: axe.mjs's check at 320 px finds a page that needs
// scrolling sideways and a link of the contents hidden at that width, so
// that its silence on the real pages means something.
func TestReflowCanary(t *testing.T) {
	t.Parallel()
	requireBrowser(t, siteAxeScript)
	split := groupedSite(t, 2)
	front, err := os.ReadFile(filepath.Join(split, "nb", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for name, css := range map[string]string{
		"wide":   `main { min-width: 40rem; }`,
		"hidden": `@media (max-width: 30rem) { .index-toc li:first-child a { display: none; } }`,
	} {
		page := strings.Replace(string(front), "</head>", "<style>"+css+"</style>\n</head>", 1)
		p := filepath.Join(split, "nb", "canary-"+name+".html")
		if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := runNode(t, siteAxeScript, p)
		var rep testtool.AxeReport
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Fatalf("axe.mjs output is not JSON: %v\n%s", err, out)
		}
		found := false
		for _, v := range rep.Violations {
			found = found || v.ID == "reflow-320"
		}
		if code != 1 || !found {
			t.Errorf("%s: axe.mjs does not report reflow-320 for %s (exit %d):\n%s", name, css, code, out)
		}
	}
}
