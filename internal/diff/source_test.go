package diff

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

// allocated returns how many bytes f allocates.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestReadSourceGit: a REV that git would take for an option never
// reaches git, and a blob larger than a notice is refused before it is
// read.
func TestReadSourceGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		testtool.Require(t, "git", false, "apt-get install git")
	}
	dir := t.TempDir()
	git := testtool.Git(t, dir)
	git("init", "-q", "-b", "main")
	if err := os.WriteFile(filepath.Join(dir, "ok.yaml"), []byte("id: ok\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Zeros: 32 MiB in git's store is some 32 KiB on disk.
	if err := os.WriteFile(filepath.Join(dir, "huge.yaml"), make([]byte, 32<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	t.Chdir(dir)

	var err error
	n := allocated(func() { _, _, err = ReadSource("HEAD:huge.yaml") })
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge blob: %v", err)
	}
	if n > 4*notice.MaxFileSize {
		t.Errorf("reading a refused blob allocated %d MiB", n>>20)
	}
	if _, src, err := ReadSource("HEAD:ok.yaml"); err != nil || string(src) != "id: ok\n" {
		t.Errorf("HEAD:ok.yaml: %q, %v", src, err)
	}
	if _, _, err := ReadSource("HEAD:."); err == nil || !strings.Contains(err.Error(), "a tree, not a file") {
		t.Errorf("a folder: %v", err)
	}
	if _, _, err := ReadSource("HEAD:missing.yaml"); err == nil || !strings.Contains(err.Error(), "no such file at that revision") {
		t.Errorf("missing: %v", err)
	}
	out := filepath.Join(dir, "written")
	for _, arg := range []string{
		"--output=" + out + ":ok.yaml",
		"--output=" + out,
		"-p:ok.yaml",
		"--no-index:ok.yaml",
	} {
		if _, _, err := ReadSource(arg); err == nil || (strings.Contains(arg, ":") && !strings.Contains(err.Error(), "starts with '-'")) {
			t.Errorf("%s: %v", arg, err)
		}
	}
	if m, _ := filepath.Glob(out + "*"); len(m) > 0 {
		t.Errorf("git wrote %v", m)
	}
	if _, _, err := ReadSource("HEAD\n:ok.yaml"); err == nil {
		t.Error("a line break in REV:PATH was accepted")
	}
}

// TestLoadTakesDefaults: each side of a diff takes the defaults of the
// personvern.yaml beside it, for REV:PATH that of the same revision, so
// that diff compares the notices build publishes.
func TestLoadTakesDefaults(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		testtool.Require(t, "git", false, "apt-get install git")
	}
	dir := t.TempDir()
	git := testtool.Git(t, dir)
	git("init", "-q", "-b", "main")
	write := func(name, s string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sub/n.yaml", "id: n\n")
	write("sub/personvern.yaml", "defaults:\n  controller: {name: Gamle AS}\n")
	write("bare/n.yaml", "id: n\n")
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	write("sub/personvern.yaml", "defaults:\n  controller: {name: Nye AS}\n")
	git("commit", "-q", "-am", "v2")
	write("sub/personvern.yaml", "defaults:\n  controler: {name: Skrivefeil AS}\n")
	t.Chdir(dir)

	tests := []struct {
		arg, controller, origin, err string
	}{
		{"HEAD~1:sub/n.yaml", "Gamle AS", "HEAD~1:sub/personvern.yaml", ""},
		{"HEAD:sub/n.yaml", "Nye AS", "HEAD:sub/personvern.yaml", ""},
		{"HEAD:./sub/n.yaml", "Nye AS", "HEAD:sub/personvern.yaml", ""},
		{"HEAD:bare/n.yaml", "", "", ""},
		{"bare/n.yaml", "", "", ""},
		// The working copy's configuration, with its typo, for the file.
		{"sub/n.yaml", "", "", "sub/personvern.yaml:2:3: not a notice field"},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			d, err := Load(tt.arg)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Notice.Controller.Name.In("nb") != tt.controller || d.Origin["controller"] != tt.origin {
				t.Errorf("controller %q from %q, want %q from %q", d.Notice.Controller.Name, d.Origin["controller"], tt.controller, tt.origin)
			}
		})
	}
}
