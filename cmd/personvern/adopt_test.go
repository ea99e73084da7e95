package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/testtool"
)

// copyDir copies the regular files of src (not its sub-folders) into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAddedNotice: an organisation that adds its own valid notice to
// notices/ keeps go test ./... green and its build working. A copy of
// notices/ with testdata/added/barnehageplass.yaml (names in no
// dictionary) stands in for notices/, through PERSONVERN_TEST_NOTICES,
// while every test of the module runs again.
func TestAddedNotice(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test ./... again; not in -short")
	}
	if os.Getenv(testtool.EnvNotices) != "" {
		t.Skip("inside the run this test started")
	}
	if testtool.Race {
		// The run without the race detector proves it; the inner run
		// would not be under the detector anyway.
		t.Skip("runs go test ./... again; once, without -race, is enough")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to run the tests with")
	}
	dir := filepath.Join(t.TempDir(), "notices")
	copyDir(t, testtool.Notices(), dir)
	added, err := os.ReadFile("testdata/added/barnehageplass.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "barnehageplass.yaml"), added, 0o644); err != nil {
		t.Fatal(err)
	}

	// The build publishes it beside the others.
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", dir, "-o", out, "--no-cache"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	for _, p := range []string{"nb/barnehageplass/index.html", "nn/barnehageplass/index.html", "nb/joblearn/index.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("build: %v", err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "nb", "index.html")); !bytes.Contains(b, []byte("barnehageplass/")) {
		t.Error("the front page of nb does not list the added notice")
	}

	// Every test of the module, over the copy.
	cmd := exec.Command(gobin, "test", "-short", "-count=1", "./...")
	cmd.Dir = testtool.Root()
	cmd.Env = append(os.Environ(), testtool.EnvNotices+"="+dir)
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test ./... with a notice added to notices/: %v\n%s", err, res)
	}
	if !strings.Contains(string(res), "ok  \tgithub.com/personvern/personvern/internal/render") {
		t.Errorf("the render tests did not run:\n%s", res)
	}
}
