package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpare: after a build the old site is kept beside the output as the
// spare, and the next build updates it into the new site instead of
// making every folder again. What is planted in the spare (a stray file, a
// link out) never reaches the site and nothing outside is touched; a spare
// whose record does not match is removed, not used.
func TestSpare(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Mkdir(notices, 0o755))
	for _, f := range []string{"joblearn.yaml", "vinn-hallingdal.yaml"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/notices", f))
		must(err)
		must(os.WriteFile(filepath.Join(notices, f), b, 0o644))
	}
	out := filepath.Join(dir, "site")
	opt := options(t, "")
	opt.NoHistory = true
	incremental(t, notices, out, opt)
	if findSpare(out) != "" {
		t.Fatal("a spare after the first build, which replaced no site")
	}
	incremental(t, notices, out, opt)
	spare := findSpare(out)
	if spare == "" {
		t.Fatal("no spare after the second build")
	}
	secret := filepath.Join(dir, "secret.txt")
	must(os.WriteFile(secret, []byte("secret"), 0o600))
	must(os.WriteFile(filepath.Join(spare, "nb", "planted.html"), []byte("planted"), 0o644))
	must(os.Symlink(secret, filepath.Join(spare, "nb", "joblearn", "leak.html")))
	must(os.Remove(filepath.Join(notices, "vinn-hallingdal.yaml")))

	// A link in the spare (a commit can put one there, if the spare is
	// tracked): the spare is not used, only removed, and said so.
	s, err := NewDirSink(out, false)
	must(err)
	if s.spare || s.tmp == spare {
		t.Errorf("the build took the spare %s, which holds a link", spare)
	}
	if len(s.Warnings) == 0 || !strings.Contains(strings.Join(s.Warnings, "\n"), "not using the spare") {
		t.Errorf("no warning about the spare: %v", s.Warnings)
	}
	if _, err := os.Lstat(spare); err == nil {
		t.Error("the spare with a link in it is still there")
	}
	s.Abort()
	// Abort threw the spare away with the build: the next build is a
	// plain one, and the one after has a spare again.
	for i := 0; i < 3; i++ {
		incremental(t, notices, out, opt)
		if got, want := treeSum(t, out), full(t, notices, opt); got != want {
			t.Fatalf("build %d: site %s, a full build %s", i, got, want)
		}
	}
	if b, _ := os.ReadFile(secret); string(b) != "secret" {
		t.Error("the file a link in the spare pointed to was changed")
	}

	// A stray file in the spare: the spare is used, and the file goes.
	spare = findSpare(out)
	must(os.WriteFile(filepath.Join(spare, "nb", "planted.html"), []byte("planted"), 0o644))
	s, err = NewDirSink(out, false)
	must(err)
	if !s.spare || s.tmp != spare {
		t.Errorf("the build did not take the spare %s (took %s)", spare, s.tmp)
	}
	s.Abort()
	incremental(t, notices, out, opt)
	incremental(t, notices, out, opt)
	spare = findSpare(out)
	must(os.WriteFile(filepath.Join(spare, "nb", "planted.html"), []byte("planted"), 0o644))
	incremental(t, notices, out, opt)
	if got, want := treeSum(t, out), full(t, notices, opt); got != want {
		t.Fatalf("after planting in the spare: site %s, a full build %s", got, want)
	}
	for _, f := range []string{"planted.html", "leak.html"} {
		if _, err := os.Lstat(filepath.Join(out, "nb", f)); err == nil {
			t.Errorf("%s planted in the spare reached the site", f)
		}
	}
	if b, _ := os.ReadFile(secret); string(b) != "secret" {
		t.Error("the file a link in the spare pointed to was changed")
	}

	// A spare replaced by another folder of the same name is not used.
	spare = findSpare(out)
	must(os.RemoveAll(spare))
	must(os.MkdirAll(filepath.Join(spare, "nb"), 0o755))
	must(os.WriteFile(filepath.Join(spare, "nb", "planted.html"), []byte("planted"), 0o644))
	if findSpare(out) != "" {
		t.Error("a look-alike spare passed for the real one")
	}
	s, err = NewDirSink(out, false)
	must(err)
	if s.spare {
		t.Error("the build took a look-alike spare")
	}
	s.Abort()
	if _, err := os.Stat(filepath.Join(spare, "nb", "planted.html")); err != nil {
		t.Error("the look-alike was removed; it should be left alone")
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
