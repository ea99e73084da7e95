// Package testtool is what the tests of several packages share. It lets
// tests that need an outside tool (a browser, a JVM, a spell checker) skip
// on a developer's machine that lacks it, and fail in CI, where the tool
// must be there.
package testtool

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// EnvRequire is the environment variable that turns a missing tool from a
// skip into a failure. .ci/run sets it to 1.
const EnvRequire = "PERSONVERN_REQUIRE_TOOLS"

// Required reports whether missing tools must fail the tests rather than
// skip them.
func Required() bool { return os.Getenv(EnvRequire) == "1" }

// Require does nothing when ok. Otherwise it skips the test, saying which
// tool is missing and how to install it, or, when PERSONVERN_REQUIRE_TOOLS=1,
// fails it, so CI cannot pass by skipping.
func Require(t testing.TB, name string, ok bool, howToInstall string) {
	t.Helper()
	if ok {
		return
	}
	msg := name + " is not available"
	if howToInstall != "" {
		msg += "; install it with: " + howToInstall
	}
	if Required() {
		t.Fatalf("%s (%s=1, so tools are required)", msg, EnvRequire)
	}
	t.Skipf("%s (skipping; %s=1 makes this a failure)", msg, EnvRequire)
}

// Git returns a function that runs git in dir, as a fixed author and
// without the user's configuration, failing the test on error.
func Git(t testing.TB, dir string) func(args ...string) {
	return func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// EnvNotices names a folder of notices that the property tests check in
// place of notices/. TestAddedNotice sets it to a copy of notices/ with one
// more notice, to prove the tests hold for whatever an organisation keeps
// there.
const EnvNotices = "PERSONVERN_TEST_NOTICES"

// Root is the repository's root folder, found from this file's place so
// that it is right from every package's tests.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testtool: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Notices is the folder of notices that build publishes: notices/, or the
// folder in PERSONVERN_TEST_NOTICES. Tests over it check properties that
// hold for any valid notice (valid, renders, links resolve, spelling of the
// wording personvern writes), never counts, names or bytes: those belong to
// Corpus.
func Notices() string {
	if d := os.Getenv(EnvNotices); d != "" {
		return d
	}
	return filepath.Join(Root(), "notices")
}

// Corpus is testdata/notices: a fixed copy of the five example notices that
// the golden files, the plain-language measures and every test that needs
// a particular notice read. Editing notices/ never changes it.
func Corpus() string { return filepath.Join(Root(), "testdata", "notices") }

// LoadNotices loads every notice in dir as build would: with the defaults
// of the personvern.yaml that applies (notice.FindConfig) filled in. A
// notice that does not load fails the test, and so does a folder without
// notices.
func LoadNotices(t testing.TB, dir string) []*notice.Document {
	t.Helper()
	files, err := notice.Find([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no notices in %s", dir)
	}
	// The commands' loader, with the configuration's defaults.
	var l notice.Loader
	if cfg := notice.FindConfig(files[0]); cfg != "" {
		src, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if l.Defaults, err = notice.ConfigDefaults(cfg, src); err != nil {
			t.Fatal(err)
		}
	}
	var docs []*notice.Document
	for _, f := range files {
		d, err := l.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// NoticeCopies writes copies of the fixed corpus's notice id into dir,
// each with an id of its own (id-00000, id-00001, …), for benchmarks over
// many notices: n of them, or PERSONVERN_BENCH_NOTICES when it is set.
// It returns how many it wrote.
func NoticeCopies(tb testing.TB, dir, id string, n int) int {
	tb.Helper()
	if s := os.Getenv("PERSONVERN_BENCH_NOTICES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			tb.Fatalf("PERSONVERN_BENCH_NOTICES=%q: give a number of notices", s)
		}
		n = v
	}
	src, err := os.ReadFile(filepath.Join(Corpus(), id+".yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < n; i++ {
		cid := fmt.Sprintf("%s-%05d", id, i)
		out := bytes.Replace(src, []byte("id: "+id+"\n"), []byte("id: "+cid+"\n"), 1)
		if err := os.WriteFile(filepath.Join(dir, cid+".yaml"), out, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return n
}
