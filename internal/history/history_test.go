package history

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

// TestVersions: the earlier versions are told apart by their version
// field, the newest commit of a version wins, the working copy wins over
// every commit (so committing it changes nothing), and a version updated
// later than the working copy (a revert) is not history.
func TestVersions(t *testing.T) {
	dir, git, src := repo(t)
	file := filepath.Join(dir, "joblearn.yaml")
	write := func(b []byte) {
		t.Helper()
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	version := func(b []byte, v, updated string) []byte {
		b = bytes.Replace(b, []byte(`version: "1.0"`), []byte(`version: "`+v+`"`), 1)
		return bytes.Replace(b, []byte("updated: 2023-09-01"), []byte("updated: "+updated), 1)
	}
	versions := func(current []byte) []*notice.Notice {
		t.Helper()
		d, err := notice.Loader{}.Parse(file, current)
		if err != nil {
			t.Fatal(err)
		}
		h := New(notice.Loader{})
		defer h.Close()
		if len(h.Commits(file)) == 0 {
			t.Fatal("no commits of the file")
		}
		return h.Versions(file, d)
	}
	write(src)
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	typo := bytes.Replace(src, []byte("JobLearn sikrer"), []byte("JobLearn beskytter"), 1)
	write(typo)
	git("commit", "-q", "-am", "v1 typo")
	v2 := version(src, "2.0", "2024-03-01")
	write(v2)

	got := versions(v2)
	if len(got) != 1 || got[0].Version != "1.0" {
		t.Fatalf("versions before committing 2.0: %v", got)
	}
	if !strings.Contains(got[0].Security["nb"], "JobLearn beskytter") {
		t.Error("of two commits of version 1.0 the older one was taken")
	}
	git("commit", "-q", "-am", "v2")
	if after := versions(v2); len(after) != 1 || after[0].Version != "1.0" {
		t.Errorf("versions after committing 2.0: %v", after)
	}
	// The working copy goes back to 1.0 with a change: 2.0, updated
	// later, is not history, and the copy's 1.0 wins over the commits'.
	if back := versions(typo); len(back) != 0 {
		t.Errorf("versions of a working copy reverted to 1.0: %v", back)
	}
}

// repo makes an empty git repository (branch main) and returns its
// folder, git run in it, and the source of the example joblearn.yaml.
func repo(t *testing.T) (dir string, git func(args ...string), src []byte) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		testtool.Require(t, "git", false, "apt-get install git")
	}
	dir = t.TempDir()
	git = testtool.Git(t, dir)
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	git("init", "-q", "-b", "main")
	return dir, git, src
}

// TestVersionsWithoutGit: outside a repository there is no history, and
// no gap to report.
func TestVersionsWithoutGit(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "joblearn.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	d, err := notice.Loader{}.Parse(file, src)
	if err != nil {
		t.Fatal(err)
	}
	h := New(notice.Loader{})
	defer h.Close()
	if v := h.Versions(file, d); v != nil {
		t.Errorf("versions outside a repository: %v", v)
	}
	if c := h.Commits(file); c != nil {
		t.Errorf("commits outside a repository: %v", c)
	}
	if g := FindGap([]string{file}); g != nil {
		t.Errorf("a gap outside a repository: %+v", g)
	}
}

// TestVersionMadeInAMerge: a version that exists only in a merge commit
// (two branches changed the notice and the merge resolved them into a
// version of its own) was published on the main line; the history must
// list it, as it lists a version made in an ordinary commit.
func TestVersionMadeInAMerge(t *testing.T) {
	dir, git, src := repo(t)
	file := filepath.Join(dir, "joblearn.yaml")
	write := func(b []byte) {
		t.Helper()
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	version := func(v string) []byte {
		return bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "`+v+`"`), 1)
	}
	write(src)
	git("add", ".")
	git("commit", "-q", "-m", "1.0")
	git("checkout", "-q", "-b", "side")
	write(version("1.1-side"))
	git("commit", "-q", "-am", "side")
	git("checkout", "-q", "main")
	write(version("1.1-main"))
	git("commit", "-q", "-am", "main")
	// The merge is resolved into a version neither side had.
	git("merge", "-q", "--no-commit", "-s", "ours", "side")
	write(version("1.2"))
	git("commit", "-q", "-am", "merge: 1.2")
	write(version("1.3"))

	d, err := notice.Loader{}.Parse(file, version("1.3"))
	if err != nil {
		t.Fatal(err)
	}
	h := New(notice.Loader{})
	defer h.Close()
	var got []string
	for _, n := range h.Versions(file, d) {
		got = append(got, n.Version)
	}
	if strings.Join(got, " ") != "1.2 1.1-main 1.1-side 1.0" && strings.Join(got, " ") != "1.2 1.1-side 1.1-main 1.0" {
		t.Errorf("versions = %v, want 1.2 (made in the merge), both sides' 1.1 and 1.0", got)
	}
	// Each commit once, though git reports a merge once per parent.
	seen := map[string]bool{}
	for _, c := range h.Commits(file) {
		if seen[c] {
			t.Errorf("commit %s listed twice", c)
		}
		seen[c] = true
	}
}
