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
		files, err := notice.Find([]string{notices})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		opt := options(nil, "")
		opt.NoHistory = true
		res, err := Build(files, opt)
		if err != nil || res.Errors > 0 {
			fmt.Fprintln(os.Stderr, err, res.Findings)
			os.Exit(3)
		}
		if alt := os.Getenv(killChildEnv + "_UPDATE"); alt != "" {
			// Update the site in place, back and forth between the two
			// builds, as incremental builds do.
			files2, _ := notice.Find([]string{alt})
			res2, err := Build(files2, opt)
			if err != nil || res2.Errors > 0 {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
			fmt.Println("writing")
			sites := []map[string][]byte{res.Files, res2.Files}
			for i := 1; ; i++ {
				if err := update(out, sites[i%2], sites[(i+1)%2]); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(3)
				}
			}
		}
		fmt.Println("writing") // the parent kills only from here on
		for {
			// Write the same site again and again until killed, so that
			// the kill lands while files are written or swapped.
			if err := Write(out, res.Files, false); err != nil {
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

// TestKilledBuildKeepsSite sends SIGKILL to a child build at random
// moments and checks that the site folder always holds one complete build,
// never a mixture or nothing.
func TestKilledBuildKeepsSite(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	_ = os.Mkdir(notices, 0o755)
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Enough notices that a build takes a while and a kill lands mid-write.
	for i := 0; i < 60; i++ {
		id := fmt.Sprintf("notice-%02d", i)
		b := bytes.Replace(src, []byte("id: joblearn"), []byte("id: "+id), 1)
		if err := os.WriteFile(filepath.Join(notices, id+".yaml"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputBefore := treeSum(t, notices)
	out := filepath.Join(dir, "site")
	files, _ := notice.Find([]string{notices})
	opt := options(t, "")
	opt.NoHistory = true
	res, err := Build(files, opt)
	if err != nil || res.Errors > 0 {
		t.Fatal(err, res.Findings)
	}
	if err := Write(out, res.Files, false); err != nil {
		t.Fatal(err)
	}
	want := treeSum(t, out)
	rng := rand.New(rand.NewSource(1))
	interrupted := 0
	for round := 0; round < 8; round++ {
		killChild(t, time.Duration(rng.Intn(150))*time.Millisecond, killChildEnv+"="+notices+"|"+out)
		if got := treeSum(t, out); got != want {
			t.Fatalf("round %d: after SIGKILL the site is %s, want %s", round, got, want)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".site.tmp-*")); len(left) > 0 {
			interrupted++ // the kill landed while a new site was being written
		}
	}
	t.Logf("%d of 8 kills landed in the middle of writing a site", interrupted)
	if interrupted == 0 {
		t.Error("no kill interrupted a write; the test proves nothing")
	}
	// The next build cleans up what the killed ones left beside the site.
	if err := Write(out, res.Files, false); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".site.tmp-*")); len(left) > 0 {
		t.Errorf("temporary folders left after a good build: %v", left)
	}
	if got := treeSum(t, notices); got != inputBefore {
		t.Error("the notices were modified by the build")
	}
}

// update turns the site in out, which holds the files cur, into the files
// next through an update sink: what is the same is kept, the rest put.
func update(out string, next, cur map[string][]byte) error {
	s, err := NewUpdateSink(out)
	if err != nil {
		return err
	}
	for p, b := range next {
		if old, ok := cur[p]; ok && bytes.Equal(old, b) {
			err = s.Keep(p)
		} else {
			err = s.Put(p, b)
		}
		if err != nil {
			s.Abort()
			return err
		}
	}
	return s.Commit()
}

// TestKilledUpdateIsFinished kills a child updating a site in place at
// random moments. Every file is always whole, one build's or the other's,
// and the next build finishes a half-done update, so that the site is
// again exactly one build.
func TestKilledUpdateIsFinished(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Two versions of a folder of notices: in b, a third of them are
	// edited, one is gone and one is new.
	write := func(folder string, ids []int, edit func(i int) bool) {
		_ = os.Mkdir(folder, 0o755)
		for _, i := range ids {
			id := fmt.Sprintf("notice-%02d", i)
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
	for i := 0; i < 60; i++ {
		idsA = append(idsA, i)
		idsB = append(idsB, i+1)
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	write(a, idsA, func(int) bool { return false })
	write(b, idsB, func(i int) bool { return i%3 == 0 })
	opt := options(t, "")
	opt.NoHistory = true
	build := func(folder string) map[string][]byte {
		files, _ := notice.Find([]string{folder})
		res, err := Build(files, opt)
		if err != nil || res.Errors > 0 {
			t.Fatal(err, res.Findings)
		}
		return res.Files
	}
	siteA, siteB := build(a), build(b)
	out := filepath.Join(dir, "site")
	if err := Write(out, siteA, false); err != nil {
		t.Fatal(err)
	}
	sums := map[string]bool{treeSum(t, out): true}
	if err := update(out, siteB, siteA); err != nil {
		t.Fatal(err)
	}
	sums[treeSum(t, out)] = true
	if err := update(out, siteA, siteB); err != nil {
		t.Fatal(err)
	}
	if len(sums) != 2 || !sums[treeSum(t, out)] {
		t.Fatal("an update did not give the same site as a full build")
	}
	rng := rand.New(rand.NewSource(2))
	halfDone := 0
	for round := 0; round < 8; round++ {
		killChild(t, time.Duration(rng.Intn(300))*time.Millisecond, killChildEnv+"="+a+"|"+out, killChildEnv+"_UPDATE="+b)
		var err error
		// Every file is whole: as one build or the other made it.
		err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			got, _ := os.ReadFile(p)
			wa, inA := siteA[filepath.ToSlash(rel)]
			wb, inB := siteB[filepath.ToSlash(rel)]
			if !(inA && bytes.Equal(got, wa)) && !(inB && bytes.Equal(got, wb)) {
				t.Errorf("round %d: %s is neither build's", round, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !sums[treeSum(t, out)] {
			halfDone++
		}
		// What the next build does first: finish or drop what was left.
		if err := recoverStale(dir, "site"); err != nil {
			t.Fatal(err)
		}
		if !sums[treeSum(t, out)] {
			t.Fatalf("round %d: after recovery the site is neither build", round)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".site.tmp-*")); len(left) > 0 {
			t.Fatalf("round %d: recovery left %v", round, left)
		}
	}
	t.Logf("%d of 8 kills landed in the middle of moving files in", halfDone)
}

// TestInputsNeverModified: validating, building and rendering leave every
// input byte as it was.
func TestInputsNeverModified(t *testing.T) {
	before := treeSum(t, testtool.Notices())
	res := buildDir(t, testtool.Notices())
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir, res.Files, false); err != nil {
		t.Fatal(err)
	}
	if after := treeSum(t, testtool.Notices()); after != before {
		t.Errorf("notices/ changed: %s → %s", before, after)
	}
}
