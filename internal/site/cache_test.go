package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/publish"
	"gopkg.in/yaml.v3"
)

// incremental builds notices into out the way personvern build does: with
// the cache of the last build into out when it matches, else in full.
func incremental(t testing.TB, notices, out string, opt Options) *Result {
	t.Helper()
	files, err := notice.Find([]string{notices})
	if err != nil {
		t.Fatal(err)
	}
	if c := LoadCache(out); c.Matches(opt) {
		opt.Cache = c
	}
	sink, err := publish.NewDirSink(out, publish.Options{Layout: Publishes, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	opt.Sink = sink
	res, err := Build(files, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		sink.Abort()
		return res
	}
	if err := sink.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := SaveCache(out, res.Cache); err != nil {
		t.Fatal(err)
	}
	return res
}

// full builds notices into a new folder without any cache and returns the
// folder's checksum: what every incremental build must equal.
func full(t *testing.T, notices string, opt Options) string {
	t.Helper()
	files, _ := notice.Find([]string{notices})
	res, err := Build(files, opt)
	if err != nil || res.Errors > 0 {
		t.Fatal(err, res.Findings)
	}
	out := filepath.Join(t.TempDir(), "full")
	if err := publishTo(out, res.Files, false); err != nil {
		t.Fatal(err)
	}
	return treeSum(t, out)
}

// corpusNotices copies the named notices of testdata/notices into a new
// folder notices in dir, and returns it.
func corpusNotices(t *testing.T, dir string, names ...string) string {
	t.Helper()
	notices := filepath.Join(dir, "notices")
	if err := os.Mkdir(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range names {
		b, err := os.ReadFile(filepath.Join("../../testdata/notices", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(notices, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return notices
}

// TestIncrementalBuild: after a first build, a build renders only the
// notices that changed, and its output is byte for byte a full build's.
func TestIncrementalBuild(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	notices := corpusNotices(t, dir, "joblearn.yaml", "kvalifiseringsprogrammet.yaml", "vinn-hallingdal.yaml")
	// Files edited less than two seconds before a build are hashed, not
	// trusted by their time stamps; age them so both paths are taken.
	age := func() {
		old := time.Now().Add(-time.Hour)
		files, _ := notice.Find([]string{notices})
		for _, f := range files {
			_ = os.Chtimes(f, old, old)
		}
	}
	age()
	out := filepath.Join(dir, "site")
	opt := options(t, "")
	opt.NoHistory = true
	edit := func(file, from, to string) {
		t.Helper()
		p := filepath.Join(notices, file)
		b, _ := os.ReadFile(p)
		if !bytes.Contains(b, []byte(from)) {
			t.Fatalf("%s has no %q", file, from)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte(from), []byte(to), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name   string
		change func()
		reused int
	}{
		{"first build", func() {}, 0},
		{"nothing changed", func() {}, 3},
		{"one notice edited", func() { edit("joblearn.yaml", "JobLearn sikrer", "JobLearn beskytter") }, 2},
		{"touched, not changed", func() { age(); now := time.Now(); _ = os.Chtimes(filepath.Join(notices, "joblearn.yaml"), now, now) }, 3},
		{"edited in the same second, same size", func() { edit("joblearn.yaml", "JobLearn beskytter", "JobLearn beskyttar") }, 2},
		{"notice removed", func() { _ = os.Remove(filepath.Join(notices, "vinn-hallingdal.yaml")) }, 2},
		{"notice added", func() {
			b, _ := os.ReadFile("../../testdata/notices/karrieresenteret-vestfold.yaml")
			_ = os.WriteFile(filepath.Join(notices, "karrieresenteret-vestfold.yaml"), b, 0o644)
		}, 2},
	}
	for _, s := range steps {
		s.change()
		res := incremental(t, notices, out, opt)
		if res.Reused != s.reused {
			t.Errorf("%s: %d notices reused, want %d", s.name, res.Reused, s.reused)
		}
		if got, want := treeSum(t, out), full(t, notices, opt); got != want {
			t.Errorf("%s: incremental site is %s, a full build %s", s.name, got, want)
		}
	}

	// A notice with an error publishes nothing: the site stays as it was.
	before := treeSum(t, out)
	edit("joblearn.yaml", "id: joblearn", "id: Joblearn!")
	if res := incremental(t, notices, out, opt); res.Errors == 0 {
		t.Fatal("broken notice built")
	}
	if treeSum(t, out) != before {
		t.Error("a failed incremental build changed the site")
	}
	edit("joblearn.yaml", "id: Joblearn!", "id: joblearn")

	// What every page depends on makes the cache unusable.
	c := LoadCache(out)
	if !c.Matches(opt) {
		t.Fatal("cache does not match the build that wrote it")
	}
	other := opt
	other.Config.BaseURL = "https://example.no/"
	if c.Matches(other) {
		t.Error("cache matches a build with another base URL")
	}
	var node yaml.Node
	_ = yaml.Unmarshal([]byte("dpo: {name: X}"), &node)
	other = opt
	other.Config.Defaults = &notice.Defaults{Path: "personvern.yaml", Node: node.Content[0]}
	if c.Matches(other) {
		t.Error("cache matches a build with other defaults")
	}
	// The output changed behind the cache's back: it is not used.
	if err := publishTo(out, map[string][]byte{"index.html": []byte("x")}, true); err != nil {
		t.Fatal(err)
	}
	if LoadCache(out) != nil {
		t.Error("cache used for an output another build replaced")
	}
	if c := LoadCache(filepath.Join(dir, "elsewhere")); c != nil || c.Matches(opt) {
		t.Error("cache for a folder never built")
	}
	if !strings.HasPrefix(cacheName(out), "build-") {
		t.Error(cacheName(out))
	}
}

// TestChangedPageIsMadeAgain: a page of the last site that a commit
// changed (git removes a file and makes it anew) is made again, not kept,
// even though its notice did not change: the cache never publishes what
// the build did not write.
func TestChangedPageIsMadeAgain(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	if err := os.Mkdir(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notices, "joblearn.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "site")
	opt := options(t, "")
	opt.NoHistory = true
	incremental(t, notices, out, opt)
	incremental(t, notices, out, opt)
	page := filepath.Join(out, "nb", "joblearn", "index.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(`<script>alert("pwned")</script>`), 0o644); err != nil {
		t.Fatal(err)
	}
	res := incremental(t, notices, out, opt)
	if got, want := treeSum(t, out), full(t, notices, opt); got != want {
		t.Fatalf("the changed page was kept: site %s, a full build %s", got, want)
	}
	if res.Reused != 0 {
		t.Errorf("%d notices kept; the one whose page changed must be made again", res.Reused)
	}
}
