package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Write replaces dir with exactly the files, atomically, as a build does
// (NewDirSink, Put, Commit).
func Write(dir string, files map[string][]byte, opt Options) error {
	s, err := NewDirSink(dir, opt)
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

// layout is the shape of the tests' sites: a front page and the pages of
// each language.
func layout(p string) bool {
	return p == "index.html" || strings.HasPrefix(p, "nb/") || strings.HasPrefix(p, "nn/")
}

// testSite is a site of the notices ids, as a build makes it: an index
// page per language, four files per notice and language of size bytes
// each, and the marker naming them.
func testSite(ids []string, size int) map[string][]byte {
	files := map[string][]byte{"index.html": []byte("<h1>Personvern</h1>\n")}
	for _, l := range []string{"nb", "nn"} {
		var index strings.Builder
		for _, id := range ids {
			fmt.Fprintf(&index, "<li>%s</li>\n", id)
			for _, f := range []string{"index.html", "index.md", "index.txt", "notice.json"} {
				line := fmt.Sprintf("%s %s %s\n", l, id, f)
				files[l+"/"+id+"/"+f] = []byte(strings.Repeat(line, size/len(line)+1))
			}
		}
		files[l+"/index.html"] = []byte(index.String())
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	files[Marker] = []byte("# test site\n" + strings.Join(paths, "\n") + "\n")
	return files
}

// treeSum is a checksum of every file under dir, by path and content.
func treeSum(t testing.TB, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, rel+" "+hex.EncodeToString(sum[:]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return fmt.Sprintf("%d files %x", len(lines), sum[:8])
}

// full writes files into a new folder and returns its checksum: what
// every write over an earlier site must equal.
func full(t *testing.T, files map[string][]byte) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "full")
	if err := Write(out, files, Options{Layout: layout}); err != nil {
		t.Fatal(err)
	}
	return treeSum(t, out)
}

// When the test binary runs with this variable set, it is the child
// build that the parent kills.
const killChildEnv = "PERSONVERN_TEST_KILL_CHILD"

func TestMain(m *testing.M) {
	if out := os.Getenv(killChildEnv); out != "" {
		files := testSite(killIDs(), 20<<10)
		fmt.Println("writing") // the parent kills only from here on
		for {
			// Write the same site again and again until killed, so that
			// the kill lands while files are written or swapped.
			if err := Write(out, files, Options{Layout: layout}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
		}
	}
	os.Exit(m.Run())
}

// killIDs are enough notices that writing the site takes a while and a
// kill lands mid-write.
func killIDs() []string {
	var ids []string
	for i := 0; i < 60; i++ {
		ids = append(ids, fmt.Sprintf("notice-%02d", i))
	}
	return ids
}

// TestKilledBuildKeepsSite sends SIGKILL to a child writing a site at
// random moments and checks that the site folder always holds one
// complete site, never a mixture or nothing.
func TestKilledBuildKeepsSite(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	files := testSite(killIDs(), 20<<10)
	if err := Write(out, files, Options{Layout: layout}); err != nil {
		t.Fatal(err)
	}
	want := treeSum(t, out)
	rng := rand.New(rand.NewSource(1))
	interrupted := 0
	for round := 0; round < 8; round++ {
		killChild(t, time.Duration(rng.Intn(150))*time.Millisecond, killChildEnv+"="+out)
		if got := treeSum(t, out); got != want {
			t.Fatalf("round %d: after SIGKILL the site is %s, want %s", round, got, want)
		}
		if left, _ := Leftovers(out); len(left) > 0 {
			interrupted++ // the kill landed while a new site was being written
		}
	}
	t.Logf("%d of 8 kills landed in the middle of writing a site", interrupted)
	if interrupted == 0 {
		t.Error("no kill interrupted a write; the test proves nothing")
	}
	// The next build cleans up what the killed ones left beside the site.
	if err := Write(out, files, Options{Layout: layout}); err != nil {
		t.Fatal(err)
	}
	// A kill between creating a temporary folder and recording it leaves
	// a folder no build can prove it made; the tool never deletes those
	// (it tells the user to), so only recorded ones must be gone.
	left, _ := Leftovers(out)
	for _, p := range left {
		if !Unrecorded(p) {
			t.Errorf("a recorded temporary folder left after a good build: %s", p)
		} else {
			t.Logf("kept %s: killed before it was recorded, so not provably ours", p)
		}
	}
}

// killChild starts this test binary as a child writer with env, waits
// until it writes, and SIGKILLs it after wait.
func killChild(t *testing.T, wait time.Duration, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make([]byte, len("writing\n"))
	if _, err := io.ReadFull(stdout, ready); err != nil {
		_ = cmd.Process.Kill()
		t.Fatalf("child did not start writing: %v", err)
	}
	time.Sleep(wait)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
}

// TestOneBuildAtATime: a second build into the same folder while one is
// writing is refused, instead of removing the first one's files.
func TestOneBuildAtATime(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	out := filepath.Join(t.TempDir(), "site")
	first, err := NewDirSink(out, Options{Layout: layout})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range map[string]string{"index.html": "a", Marker: "index.html\n"} {
		if err := first.Put(p, []byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := NewDirSink(out, Options{Layout: layout}); err == nil || !strings.Contains(err.Error(), "another personvern build is writing into") {
		t.Fatalf("second build at once: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := NewDirSink(out, Options{Layout: layout})
	if err != nil {
		t.Fatalf("after the first build: %v", err)
	}
	second.Abort()
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "a" {
		t.Errorf("first build's file: %q, %v", b, err)
	}
}

// TestMarkerVouchesOnlyForLayout: a marker in the output (a commit can
// write one) that names a file no build makes does not make that file
// the build's to replace.
func TestMarkerVouchesOnlyForLayout(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	out := filepath.Join(t.TempDir(), "site")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for p, b := range map[string]string{"CNAME": "personvern.example.no\n", "nb/index.html": "x", Marker: "CNAME\nnb/index.html\n"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(out, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, p), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := NewDirSink(out, Options{Layout: layout})
	if err == nil || !strings.Contains(err.Error(), "CNAME") || strings.Contains(err.Error(), "nb/index.html") {
		t.Fatalf("want a refusal naming CNAME only, got %v", err)
	}
	if _, err := NewDirSink(out, Options{}); err == nil || !strings.Contains(err.Error(), "nb/index.html") {
		t.Fatalf("without a layout the marker vouches for nothing: %v", err)
	}
}

// TestSpare: after a build the old site is kept beside the output as the
// spare, and the next build updates it into the new site instead of
// making every folder again. What is planted in the spare (a stray file, a
// link out) never reaches the site and nothing outside is touched; a spare
// whose record does not match is removed, not used.
func TestSpare(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "site")
	opt := Options{Layout: layout}
	files := testSite([]string{"joblearn", "vinn-hallingdal"}, 100)
	must(Write(out, files, opt))
	if findSpare(out) != "" {
		t.Fatal("a spare after the first build, which replaced no site")
	}
	must(Write(out, files, opt))
	spare := findSpare(out)
	if spare == "" {
		t.Fatal("no spare after the second build")
	}
	secret := filepath.Join(dir, "secret.txt")
	must(os.WriteFile(secret, []byte("secret"), 0o600))
	must(os.WriteFile(filepath.Join(spare, "nb", "planted.html"), []byte("planted"), 0o644))
	must(os.Symlink(secret, filepath.Join(spare, "nb", "joblearn", "leak.html")))
	files = testSite([]string{"joblearn"}, 100) // a notice is gone

	// A link in the spare (a commit can put one there, if the spare is
	// tracked): the spare is not used, only removed, and said so.
	s, err := NewDirSink(out, opt)
	must(err)
	if s.spare || s.tmp == spare {
		t.Errorf("the build took the spare %s, which holds a link", spare)
	}
	if len(s.Warnings) == 0 || !strings.Contains(fmt.Sprint(s.Warnings), "not using the spare") {
		t.Errorf("no warning about the spare: %v", s.Warnings)
	}
	if _, err := os.Lstat(spare); err == nil {
		t.Error("the spare with a link in it is still there")
	}
	s.Abort()
	// Abort threw the spare away with the build: the next build is a
	// plain one, and the one after has a spare again.
	for i := 0; i < 3; i++ {
		must(Write(out, files, opt))
		if got, want := treeSum(t, out), full(t, files); got != want {
			t.Fatalf("build %d: site %s, a full build %s", i, got, want)
		}
	}
	if b, _ := os.ReadFile(secret); string(b) != "secret" {
		t.Error("the file a link in the spare pointed to was changed")
	}

	// A stray file in the spare: the spare is used, and the file goes.
	spare = findSpare(out)
	must(os.WriteFile(filepath.Join(spare, "nb", "planted.html"), []byte("planted"), 0o644))
	s, err = NewDirSink(out, opt)
	must(err)
	if !s.spare || s.tmp != spare {
		t.Errorf("the build did not take the spare %s (took %s)", spare, s.tmp)
	}
	s.Abort()
	must(Write(out, files, opt))
	must(Write(out, files, opt))
	spare = findSpare(out)
	must(os.WriteFile(filepath.Join(spare, "nb", "planted.html"), []byte("planted"), 0o644))
	must(Write(out, files, opt))
	if got, want := treeSum(t, out), full(t, files); got != want {
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
	s, err = NewDirSink(out, opt)
	must(err)
	if s.spare {
		t.Error("the build took a look-alike spare")
	}
	s.Abort()
	if _, err := os.Stat(filepath.Join(spare, "nb", "planted.html")); err != nil {
		t.Error("the look-alike was removed; it should be left alone")
	}
}
