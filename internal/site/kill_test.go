package site

import (
	"bytes"
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

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/testtool"
)

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

// When the test binary runs with this variable set, it is the child
// build that the parent kills.
const killChildEnv = "PERSONVERN_TEST_KILL_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(killChildEnv); spec != "" {
		notices, out, _ := strings.Cut(spec, "|")
		opt := options(nil, "")
		opt.NoHistory = true
		// Edit the notices in work back and forth between the two
		// versions, building incrementally after each edit as personvern
		// build does, until killed.
		work := os.Getenv(killChildEnv + "_WORK")
		versions := []string{os.Getenv(killChildEnv + "_UPDATE"), notices}
		for i := 0; ; i++ {
			if i == 1 {
				fmt.Println("writing") // the parent kills only from here on
			}
			if err := copyNotices(versions[i%2], work); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
			if _, err := incrementalBuild(work, out, opt); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
		}
	}
	os.Exit(m.Run())
}

// killChild starts this test binary as a child build with env, waits until
// it writes, and SIGKILLs it after wait.
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

// incrementalBuild builds the notices in folder into out as personvern
// build does: with the cache of the last build into out when it matches,
// keeping the files of unchanged notices, else in full.
func incrementalBuild(folder, out string, opt Options) (reused int, err error) {
	files, err := notice.Find([]string{folder})
	if err != nil {
		return 0, err
	}
	if c := LoadCache(out); c.Matches(opt) {
		opt.Cache = c
	}
	sink, err := publish.NewDirSink(out, publish.Options{Inputs: []string{folder}, Layout: Publishes, Record: true})
	if err != nil {
		return 0, err
	}
	opt.Sink = sink
	res, err := Build(files, opt)
	if err == nil && res.Errors > 0 {
		err = fmt.Errorf("%d errors", res.Errors)
	}
	if err != nil {
		sink.Abort()
		return 0, err
	}
	if err := sink.Commit(); err != nil {
		return 0, err
	}
	return res.Reused, SaveCache(out, res.Cache)
}

// copyNotices makes the folder to hold the notices of the folder from,
// writing only the files that differ, as an edit would.
func copyNotices(from, to string) error {
	want := map[string][]byte{}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		want[e.Name()] = b
	}
	have, _ := os.ReadDir(to)
	for _, e := range have {
		if _, ok := want[e.Name()]; !ok {
			if err := os.Remove(filepath.Join(to, e.Name())); err != nil {
				return err
			}
		}
	}
	for name, b := range want {
		if old, err := os.ReadFile(filepath.Join(to, name)); err == nil && bytes.Equal(old, b) {
			continue
		}
		if err := os.WriteFile(filepath.Join(to, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TestKilledIncrementalBuildKeepsSite kills a child that builds a site of
// 500 notices incrementally, back and forth between two versions in which
// a third of the notices differ, one is gone and one is new, at random
// moments. After every kill the site is exactly one complete build, never
// a mixture of the two, and the next build cleans up what was left.
func TestKilledIncrementalBuildKeepsSite(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	n, rounds := 500, 20
	if testtool.Race {
		n, rounds = 100, 8 // the race detector makes every build ten times slower
	}
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(folder string, ids []int, edit func(i int) bool) {
		_ = os.Mkdir(folder, 0o755)
		for _, i := range ids {
			id := fmt.Sprintf("notice-%03d", i)
			b := bytes.Replace(src, []byte("id: joblearn"), []byte("id: "+id), 1)
			if edit(i) {
				b = bytes.Replace(b, []byte("JobLearn sikrer"), []byte("JobLearn beskytter"), 1)
			}
			if err := os.WriteFile(filepath.Join(folder, id+".yaml"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var idsA, idsB []int
	for i := 0; i < n; i++ {
		idsA = append(idsA, i)
		idsB = append(idsB, i+1)
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	write(a, idsA, func(int) bool { return false })
	write(b, idsB, func(i int) bool { return i%3 == 0 })
	opt := options(t, "")
	opt.NoHistory = true
	out := filepath.Join(dir, "site")
	work := filepath.Join(dir, "notices")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	reused := 0
	// build makes the site of version f from the work folder, as after an
	// edit: incrementally.
	build := func(f string) {
		t.Helper()
		if err := copyNotices(f, work); err != nil {
			t.Fatal(err)
		}
		n, err := incrementalBuild(work, out, opt)
		if err != nil {
			t.Fatal(err)
		}
		reused += n
	}
	sums := map[string]string{}
	for _, f := range []string{b, a} {
		build(f)
		sums[treeSum(t, out)] = filepath.Base(f)
	}
	if len(sums) != 2 {
		t.Fatal("the two versions build the same site")
	}
	rng := rand.New(rand.NewSource(2))
	interrupted := 0
	for round := 0; round < rounds; round++ {
		killChild(t, time.Duration(rng.Intn(1500))*time.Millisecond, killChildEnv+"="+a+"|"+out, killChildEnv+"_UPDATE="+b, killChildEnv+"_WORK="+work)
		got := treeSum(t, out)
		if _, ok := sums[got]; !ok {
			t.Fatalf("round %d: after SIGKILL the site is %s, which is neither build", round, got)
		}
		if left, _ := publish.Leftovers(filepath.Join(dir, "site")); len(left) > 0 {
			interrupted++
		}
		// The next build removes what the killed one left, and is whole.
		build(a)
		if sums[treeSum(t, out)] != "a" {
			t.Fatalf("round %d: the build after a kill is not a full build's site", round)
		}
		left, _ := publish.Leftovers(filepath.Join(dir, "site"))
		for _, p := range left {
			// A kill between creating a folder and recording it leaves
			// one no build can prove it made; it is kept, not deleted.
			if !publish.Unrecorded(p) {
				t.Fatalf("round %d: the next build left %v", round, left)
			}
		}
	}
	if reused == 0 {
		t.Error("no build reused a notice: the test builds nothing incrementally")
	}
	t.Logf("%d of %d kills landed while a build was writing", interrupted, rounds)
	if interrupted == 0 {
		t.Error("no kill interrupted a build; the test proves nothing")
	}
}

// TestInputsNeverModified: validating, building and rendering leave every
// input byte as it was.
func TestInputsNeverModified(t *testing.T) {
	before := treeSum(t, testtool.Notices())
	res := buildDir(t, testtool.Notices())
	dir := filepath.Join(t.TempDir(), "site")
	if err := publishTo(dir, res.Files, false); err != nil {
		t.Fatal(err)
	}
	if after := treeSum(t, testtool.Notices()); after != before {
		t.Errorf("notices/ changed: %s → %s", before, after)
	}
}
