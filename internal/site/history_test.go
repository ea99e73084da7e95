package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/testtool"
)

// TestHistoryFromGit: the notice page lists its versions from git with
// the material and notable changes of each, and the site is the same
// before and after the new version is committed.
func TestHistoryFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := testtool.Git(t, dir)
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "joblearn.yaml")
	write := func(b []byte) {
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q", "-b", "main")
	write(src)
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	// An edit that does not raise the version is the same version.
	write(bytes.Replace(src, []byte("JobLearn sikrer"), []byte("JobLearn beskytter"), 1))
	git("commit", "-q", "-am", "v1 typo")

	v2 := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "2.0"`), 1)
	v2 = bytes.Replace(v2, []byte("updated: 2023-09-01"), []byte("updated: 2024-03-01"), 1)
	v2 = bytes.Replace(v2, []byte("period: P12W"), []byte("period: P26W"), 1)
	write(v2)

	build := func() map[string][]byte {
		t.Helper()
		res, err := Build([]string{file}, options(t, ""))
		if err != nil {
			t.Fatal(err)
		}
		if res.Errors > 0 {
			t.Fatalf("%v", res.Findings)
		}
		return res.Files
	}
	before := build()
	page := string(before["nb/joblearn/index.html"])
	for _, want := range []string{
		"Versjon 2.0, gjeldende fra 1. mars 2024<",
		"26\u00a0uker etter at sluttrapporten er sendt til NAV. Før sto det ",
		"Versjon 1.0, 1. september 2023",
		"Første publiserte versjon.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	// The rule codes are the CLI report's, for authors and lawyers: a
	// reader of the site's change page sees the message only.
	for name, b := range before {
		if strings.Contains(name, "endringer/") || strings.Contains(name, "endringar/") {
			if strings.Contains(string(b), "regel") || strings.Contains(string(b), "longer-retention") {
				t.Errorf("%s shows a rule code", name)
			}
		}
	}
	if strings.Count(page, "Versjon 1.0,") != 1 {
		t.Error("version 1.0 listed more than once")
	}
	if !strings.Contains(string(before["nn/joblearn/index.html"]), "Endringar") {
		t.Error("nynorsk heading missing")
	}
	git("commit", "-q", "-am", "v2")
	after := build()
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s differs before and after committing", p)
		}
	}
}

// TestIncrementalWithHistory: a commit that touches one notice makes its
// pages again (their version history may change), and no other.
func TestIncrementalWithHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	_ = os.Mkdir(notices, 0o755)
	git := testtool.Git(t, dir)
	git("init", "-q", "-b", "main")
	for _, f := range []string{"joblearn.yaml", "kvalifiseringsprogrammet.yaml"} {
		b, _ := os.ReadFile(filepath.Join("../../testdata/notices", f))
		_ = os.WriteFile(filepath.Join(notices, f), b, 0o644)
	}
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	out := filepath.Join(dir, "site")
	opt := options(t, "")
	incremental(t, notices, out, opt)
	if res := incremental(t, notices, out, opt); res.Reused != 2 {
		t.Fatalf("nothing changed: %d reused, want 2", res.Reused)
	}
	file := filepath.Join(notices, "joblearn.yaml")
	src, _ := os.ReadFile(file)
	v2 := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "2.0"`), 1)
	v2 = bytes.Replace(v2, []byte("updated: 2023-09-01"), []byte("updated: 2024-03-01"), 1)
	_ = os.WriteFile(file, v2, 0o644)
	git("commit", "-q", "-am", "v2")
	res := incremental(t, notices, out, opt)
	if res.Reused != 1 {
		t.Errorf("after a commit to one notice: %d reused, want 1", res.Reused)
	}
	if got, want := treeSum(t, out), full(t, notices, opt); got != want {
		t.Errorf("incremental site with history is %s, a full build %s", got, want)
	}
	page, _ := os.ReadFile(filepath.Join(out, "nb", "joblearn", "index.html"))
	if !strings.Contains(string(page), "Versjon 1.0, 1. september 2023") {
		t.Error("the rebuilt page lacks the earlier version")
	}
}

// TestBrokenCache: a cache file that cannot be read is no cache.
func TestBrokenCache(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("PERSONVERN_CACHE", cacheDir)
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	_ = os.Mkdir(notices, 0o755)
	b, _ := os.ReadFile("../../testdata/notices/joblearn.yaml")
	_ = os.WriteFile(filepath.Join(notices, "joblearn.yaml"), b, 0o644)
	out := filepath.Join(dir, "site")
	opt := options(t, "")
	opt.NoHistory = true
	incremental(t, notices, out, opt)
	names, _ := filepath.Glob(filepath.Join(cacheDir, "build-*"))
	if len(names) != 1 {
		t.Fatalf("cache files: %v", names)
	}
	whole, _ := os.ReadFile(names[0])
	for _, broken := range [][]byte{nil, []byte("garbage"), whole[:len(whole)/2]} {
		_ = os.WriteFile(names[0], broken, 0o600)
		if c := LoadCache(out); c != nil {
			t.Errorf("cache of %d bytes loaded", len(broken))
		}
		if res := incremental(t, notices, out, opt); res.Reused != 0 {
			t.Errorf("broken cache reused %d notices", res.Reused)
		}
	}
}

func TestHistoryWithoutGit(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile("../../testdata/notices/joblearn.yaml")
	file := filepath.Join(dir, "joblearn.yaml")
	_ = os.WriteFile(file, src, 0o644)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	res, err := Build([]string{file}, options(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["nb/joblearn/index.html"])
	if !strings.Contains(page, "Versjon 1.0, gjeldende fra 1. september 2023<") || strings.Contains(page, "Første publiserte") {
		t.Error("without git, only the current version is listed")
	}
}

// TestInvalidEarlierVersion: a version a commit added and a later one took
// back never passed the gate, which sees only the working copy; it is not
// published, neither as a page nor in the history (the attack review
// published a link whose text named another address that way).
func TestInvalidEarlierVersion(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := testtool.Git(t, dir)
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "joblearn.yaml")
	write := func(b []byte) {
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q", "-b", "main")
	old := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "0.5"`), 1)
	old = bytes.Replace(old, []byte("updated: 2023-09-01"), []byte("updated: 2020-01-01"), 1)
	old = bytes.Replace(old, []byte("JobLearn sikrer"), []byte("Skriv til [personvern@joblearn.no](mailto:evil@example.com). JobLearn sikrer"), 1)
	if bytes.Equal(old, src) {
		t.Fatal("the hostile edit changed nothing")
	}
	write(old)
	git("add", ".")
	git("commit", "-q", "-m", "0.5")
	write(src)
	git("commit", "-q", "-am", "back to 1.0")
	res, err := Build([]string{file}, options(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Fatalf("%v", res.Findings)
	}
	for name, b := range res.Files {
		if strings.Contains(name, "versjon/0.5") || bytes.Contains(b, []byte("evil@example.com")) {
			t.Errorf("%s publishes the version that did not pass validate", name)
		}
	}
}

// TestVersionsOneFolderApartByCase: versions "1.0-A" and "1.0-a" are
// two folders on Linux but one on a case-insensitive disk (macOS,
// Windows), where the older page would overwrite the newer one's: only
// the newer of the two gets a page, wherever the site is built.
func TestVersionsOneFolderApartByCase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := testtool.Git(t, dir)
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "joblearn.yaml")
	version := func(v, updated string) {
		t.Helper()
		b := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "`+v+`"`), 1)
		b = bytes.Replace(b, []byte("updated: 2023-09-01"), []byte("updated: "+updated), 1)
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q", "-b", "main")
	version("1.0-a", "2023-01-01")
	git("add", ".")
	git("commit", "-q", "-m", "1.0-a")
	version("1.0-A", "2023-02-01")
	git("commit", "-q", "-am", "1.0-A")
	version("2.0", "2023-03-01")
	res, err := Build([]string{file}, options(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Fatalf("%v", res.Findings)
	}
	folders := map[string]string{}
	for name := range res.Files {
		if _, rest, ok := strings.Cut(name, "/versjon/"); ok {
			v, _, _ := strings.Cut(rest, "/")
			if o, ok := folders[strings.ToLower(v)]; ok && o != v {
				t.Errorf("versions %s and %s share a folder on a case-insensitive disk", o, v)
			}
			folders[strings.ToLower(v)] = v
		}
	}
	if folders["1.0-a"] != "1.0-A" {
		t.Errorf("version folders %v, want the newer 1.0-A's page", folders)
	}
	page := string(res.Files["nb/joblearn/index.html"])
	if !strings.Contains(page, "Versjon 1.0-a,") {
		t.Error("the older version is no longer listed in the history")
	}
}
