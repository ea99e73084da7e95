package site

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/internal/validate"
)

func options(t testing.TB, cfgPath string) Options {
	fail := func(err error) {
		if t == nil {
			panic(err)
		}
		t.Helper()
		t.Fatal(err)
	}
	r, err := render.Default()
	if err != nil {
		fail(err)
	}
	v, err := validate.New()
	if err != nil {
		fail(err)
	}
	cfg := &Config{}
	if cfgPath != "" {
		if cfg, err = LoadConfig(cfgPath); err != nil {
			fail(err)
		}
	}
	return Options{Config: *cfg, Renderer: r, Validator: v}
}

// buildNotices builds the fixed corpus, testdata/notices, for the tests
// that need particular notices in the site.
// publishTo publishes files into dir as personvern build does: in a
// DirSink with the site's layout, committed when every file is in.
func publishTo(dir string, files map[string][]byte, clean bool) error {
	s, err := publish.NewDirSink(dir, publish.Options{Clean: clean, Layout: Publishes})
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := s.Put(p, files[p]); err != nil {
			s.Abort()
			return err
		}
	}
	return s.Commit()
}

// checkAgainst compares the site in dir with files, as build --check does.
func checkAgainst(dir string, files map[string][]byte) (publish.CheckResult, error) {
	c := publish.NewCheckSink(dir)
	for p, b := range files {
		if err := c.Put(p, b); err != nil {
			return publish.CheckResult{}, err
		}
	}
	return c.Result()
}

func buildNotices(t testing.TB) *Result {
	t.Helper()
	return buildDir(t, testtool.Corpus())
}

// buildDir builds every notice in dir with dir's personvern.yaml, if any;
// a notice with errors fails the test.
func buildDir(t testing.TB, dir string) *Result {
	t.Helper()
	files, err := notice.Find([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "personvern.yaml")
	if _, err := os.Stat(cfg); err != nil {
		cfg = ""
	}
	res, err := Build(files, options(t, cfg))
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Fatalf("notices have errors: %v", res.Findings)
	}
	return res
}

// TestBuildNotices builds notices/ (whatever it holds) into a temporary
// folder and checks the tree, every internal link, and that a second build
// is byte-identical.
func TestBuildNotices(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	files, err := notice.Find([]string{testtool.Notices()})
	if err != nil || len(files) == 0 {
		t.Fatalf("no notices in %s: %v", testtool.Notices(), err)
	}
	res := buildDir(t, testtool.Notices())
	if err := publishTo(dir, res.Files, false); err != nil {
		t.Fatal(err)
	}
	want := []string{"index.html", "style.css", "sitemap.xml", publish.Marker}
	langs := map[string]bool{}
	for _, f := range files {
		d, err := notice.LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range d.Notice.Languages {
			langs[lang] = true
			for _, page := range []string{"index.html", "index.md", "summary.txt", "notice.json"} {
				want = append(want, lang+"/"+d.Notice.ID+"/"+page)
			}
		}
	}
	for lang := range langs {
		want = append(want, lang+"/index.html")
	}
	for _, w := range want {
		if _, err := os.Stat(filepath.Join(dir, w)); err != nil {
			t.Errorf("missing %s", w)
		}
	}
	if res.Notices != len(files) {
		t.Errorf("built %d notices of %d", res.Notices, len(files))
	}
	checkLinks(t, dir, 10*len(files))

	again := buildDir(t, testtool.Notices())
	if len(again.Files) != len(res.Files) {
		t.Fatalf("second build has %d files, first %d", len(again.Files), len(res.Files))
	}
	for p, b := range res.Files {
		if !bytes.Equal(again.Files[p], b) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	// Writing again over our own site is allowed and changes nothing.
	if err := publishTo(dir, again.Files, false); err != nil {
		t.Fatal(err)
	}
	if r, err := checkAgainst(dir, again.Files); err != nil || r.Len() > 0 {
		t.Errorf("check after rebuild: %+v err %v", r, err)
	}
	if left, _ := publish.Leftovers(dir); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// anchorRE finds the links a reader clicks. Opened from disk (file://), a
// link to a folder shows a directory listing, so each names its file.
var anchorRE = regexp.MustCompile(`<a [^>]*href="([^"#][^"]*)"`)
var idRE = regexp.MustCompile(`id="([^"]*)"`)

// checkLinks follows every link in every HTML page of dir that stays in
// the site, and checks that its file and #fragment exist.
// At least min links must be followed, so a site whose pages lost their
// links cannot pass.
func checkLinks(t *testing.T, dir string, min int) {
	t.Helper()
	ids := map[string]map[string]bool{}
	pageIDs := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		b, _ := os.ReadFile(file)
		m := map[string]bool{}
		for _, x := range idRE.FindAllStringSubmatch(string(b), -1) {
			m[x[1]] = true
		}
		ids[file] = m
		return m
	}
	links := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range anchorRE.FindAllStringSubmatch(string(b), -1) {
			target, _, _ := strings.Cut(m[1], "#")
			if !strings.Contains(target, ":") && (target == "" || strings.HasSuffix(target, "/") || target == "." || target == "..") {
				t.Errorf("%s: link %q names a folder, which opened from disk shows a directory listing; link to its index.html", p, m[1])
			}
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(b), -1) {
			href := m[1]
			if strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "tel:") {
				continue
			}
			links++
			target, frag, _ := strings.Cut(href, "#")
			file := p
			if target != "" {
				file = filepath.Join(filepath.Dir(p), filepath.FromSlash(target))
				if strings.HasSuffix(target, "/") || target == "." || target == ".." {
					file = filepath.Join(file, "index.html")
				}
			}
			rel, _ := filepath.Rel(dir, file)
			if strings.HasPrefix(rel, "..") {
				t.Errorf("%s: link %q leaves the site", p, href)
				continue
			}
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s: link %q: no %s", p, href, rel)
				continue
			}
			if frag != "" && !pageIDs(file)[frag] {
				t.Errorf("%s: link %q: no id %q in %s", p, href, frag, rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if links < min {
		t.Errorf("only %d internal links followed, want at least %d", links, min)
	}
}

func TestWriteRefusesForeignFiles(t *testing.T) {
	res := buildNotices(t)
	dir := filepath.Join(t.TempDir(), "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "CNAME"), []byte("personvern.example.no\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := publishTo(dir, res.Files, false)
	if !errors.Is(err, publish.ErrForeign) || !strings.Contains(err.Error(), "CNAME") {
		t.Fatalf("want refusal naming CNAME, got %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "CNAME")); string(b) != "personvern.example.no\n" {
		t.Error("the foreign file was touched")
	}
	// A site we made, with one file added by hand, is refused too.
	if err := publishTo(dir, res.Files, true); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "nb", "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := publishTo(dir, res.Files, false); !errors.Is(err, publish.ErrForeign) || !strings.Contains(err.Error(), "nb/notes.txt") {
		t.Fatalf("want refusal naming nb/notes.txt, got %v", err)
	}
	// An empty folder is fine.
	empty := filepath.Join(t.TempDir(), "empty")
	_ = os.Mkdir(empty, 0o755)
	if err := publishTo(empty, res.Files, false); err != nil {
		t.Fatal(err)
	}
}

// TestFailedWriteKeepsOldSite: a build that fails while writing leaves
// the previous site exactly as it was, and no temporary folder behind.
func TestFailedWriteKeepsOldSite(t *testing.T) {
	res := buildNotices(t)
	dir := filepath.Join(t.TempDir(), "site")
	if err := publishTo(dir, res.Files, false); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "nb", "index.html"))
	broken := map[string][]byte{"nb/index.html": []byte("new"), "../escape.txt": []byte("x")}
	if err := publishTo(dir, broken, false); err == nil {
		t.Fatal("write outside the folder was not refused")
	}
	after, _ := os.ReadFile(filepath.Join(dir, "nb", "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("the previous site changed")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.txt")); err == nil {
		t.Error("a file was written outside the output folder")
	}
	if left, _ := publish.Leftovers(dir); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func TestCheckFindsStaleFiles(t *testing.T) {
	res := buildNotices(t)
	dir := filepath.Join(t.TempDir(), "site")
	if err := publishTo(dir, res.Files, false); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(filepath.Join(dir, "nb", "joblearn", "index.html"), []byte("edited by hand"), 0o644)
	_ = os.Remove(filepath.Join(dir, "nn", "index.html"))
	_ = os.WriteFile(filepath.Join(dir, "old.html"), []byte("x"), 0o644)
	r, err := checkAgainst(dir, res.Files)
	if err != nil {
		t.Fatal(err)
	}
	// A removed file is missing, not stale (nb7x 5).
	if strings.Join(r.Stale, " ") != "nb/joblearn/index.html" || strings.Join(r.Missing, " ") != "nn/index.html" || strings.Join(r.Extra, " ") != "old.html" {
		t.Errorf("%+v", r)
	}
}

func TestBuildRefusesErrors(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile("../../testdata/notices/joblearn.yaml")
	bad := bytes.Replace(src, []byte("complaint: datatilsynet"), []byte("complaint: nav"), 1)
	_ = os.WriteFile(filepath.Join(dir, "joblearn.yaml"), bad, 0o644)
	res, err := Build([]string{filepath.Join(dir, "joblearn.yaml")}, options(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors == 0 || len(res.Files) != 0 {
		t.Errorf("errors %d, files %d: a notice with errors must stop the build", res.Errors, len(res.Files))
	}
}

func TestDefaultsFromConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := "title: {nb: Eksempel, nn: Døme}\ndefaults:\n  controller: {name: Eksempel kommune, kind: public_authority, email: post@eksempel.kommune.no}\n  dpo: {email: ombud@eksempel.kommune.no}\n"
	_ = os.WriteFile(filepath.Join(dir, "personvern.yaml"), []byte(cfg), 0o644)
	src, _ := os.ReadFile("../../testdata/notices/kvalifiseringsprogrammet.yaml")
	// drop the notice's own controller and dpo: they come from the defaults
	text := regexp.MustCompile(`(?ms)^(controller|dpo):.*?\n(?:[ #].*?\n|\n)*`).ReplaceAllString(string(src), "")
	_ = os.WriteFile(filepath.Join(dir, "kvalifiseringsprogrammet.yaml"), []byte(text), 0o644)
	res, err := Build([]string{filepath.Join(dir, "kvalifiseringsprogrammet.yaml")}, options(t, filepath.Join(dir, "personvern.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Fatalf("%v", res.Findings)
	}
	page := string(res.Files["nb/kvalifiseringsprogrammet/index.html"])
	if !strings.Contains(page, "Eksempel kommune er behandlingsansvarlig") || !strings.Contains(page, "ombud@eksempel.kommune.no") {
		t.Error("defaults not used")
	}
	// A finding inside a default points at the config file.
	bad := strings.Replace(cfg, "post@eksempel.kommune.no", "post(at)eksempel", 1)
	_ = os.WriteFile(filepath.Join(dir, "personvern.yaml"), []byte(bad), 0o644)
	res, _ = Build([]string{filepath.Join(dir, "kvalifiseringsprogrammet.yaml")}, options(t, filepath.Join(dir, "personvern.yaml")))
	if len(res.Findings) == 0 || res.Findings[0].File != filepath.Join(dir, "personvern.yaml") || res.Findings[0].Line != 3 {
		t.Errorf("finding in a default: %v", res.Findings)
	}
}

func TestConfigTypo(t *testing.T) {
	p := filepath.Join(t.TempDir(), "personvern.yaml")
	_ = os.WriteFile(p, []byte("title: {nb: X}\nbase-url: https://x.no/\n"), 0o644)
	_, err := LoadConfig(p)
	// The position and what is wrong, never the text: the file may be
	// something else a pull request linked in.
	if err == nil || !strings.Contains(err.Error(), "personvern.yaml:2:1: unknown setting") || strings.Contains(err.Error(), "base-url") {
		t.Errorf("got %v", err)
	}
}

// TestServe: the preview serves the site, shows a broken notice's
// findings in its place, and recovers when the notice is fixed.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile("../../testdata/notices/joblearn.yaml")
	file := filepath.Join(dir, "joblearn.yaml")
	_ = os.WriteFile(file, src, 0o644)
	opt := options(t, "")
	opt.Lenient = true
	s := NewServer([]string{dir}, opt)
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	get := func(p string) (int, string) {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := get("/"); code != 200 || !strings.Contains(body, `href="nb/"`) {
		t.Errorf("/: %d", code)
	}
	if code, body := get("/nb/joblearn/"); code != 200 || !strings.Contains(body, "JobLearn AS er behandlingsansvarlig") {
		t.Errorf("/nb/joblearn/: %d", code)
	}
	if code, _ := get("/nb/joblearn"); code != http.StatusMovedPermanently {
		t.Errorf("folder without slash: %d", code)
	}
	if code, _ := get("/" + publish.Marker); code != 404 {
		t.Errorf("marker served: %d", code)
	}
	if code, _ := get("/../../etc/passwd"); code != 404 {
		t.Errorf("path escape: %d", code)
	}
	_ = os.WriteFile(file, bytes.Replace(src, []byte("complaint: datatilsynet"), []byte("complaint: nav"), 1), 0o644)
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	code, body := get("/nb/joblearn/")
	if code != 200 || !strings.Contains(body, "Erklæringen har feil") || !strings.Contains(body, "complaint") {
		t.Errorf("broken notice page: %d\n%s", code, body)
	}
	_ = os.WriteFile(file, src, 0o644)
	_ = s.Rebuild()
	if _, body := get("/nb/joblearn/"); !strings.Contains(body, "JobLearn AS er behandlingsansvarlig") {
		t.Error("fixed notice not shown again")
	}

	// A save in a site of many notices makes only that notice again, and
	// the others are served as before.
	kvp, _ := os.ReadFile("../../testdata/notices/kvalifiseringsprogrammet.yaml")
	_ = os.WriteFile(filepath.Join(dir, "kvalifiseringsprogrammet.yaml"), kvp, 0o644)
	_ = s.Rebuild()
	_, kvpPage := get("/nb/kvalifiseringsprogrammet/")
	_ = os.WriteFile(file, bytes.Replace(src, []byte("JobLearn sikrer"), []byte("JobLearn beskytter"), 1), 0o644)
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if s.res.Reused != 1 {
		t.Errorf("after one edit, %d notices reused, want 1", s.res.Reused)
	}
	if _, body := get("/nb/joblearn/"); !strings.Contains(body, "JobLearn beskytter") {
		t.Error("edit not shown")
	}
	if _, body := get("/nb/kvalifiseringsprogrammet/"); body != kvpPage {
		t.Error("unchanged notice served differently")
	}
	if _, body := get("/nb/"); !strings.Contains(body, "kvalifiseringsprogrammet/") || !strings.Contains(body, "joblearn/") {
		t.Error("index lost a notice")
	}
}
