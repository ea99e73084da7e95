package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestValidateCacheByteFlips damages each byte of the validate cache in
// turn: every run with it finds what a run without a cache finds.
func TestValidateCacheByteFlips(t *testing.T) {
	dir := t.TempDir()
	ar, err := txtar.ParseFile("../../cmd/personvern/testdata/script/validate_errors.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "notices/") {
			writeAged(t, filepath.Join(dir, f.Name), f.Data)
		}
	}
	clean, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeAged(t, filepath.Join(dir, "notices/joblearn.yaml"), clean)
	files, err := notice.Find([]string{filepath.Join(dir, "notices")})
	if err != nil {
		t.Fatal(err)
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}

	result := func() string {
		t.Helper()
		res := Files(files, Options{Validator: v, Cache: true})
		var b strings.Builder
		for _, f := range res.Findings {
			b.WriteString(f.String() + "\n")
		}
		if res.LoadFailed {
			b.WriteString("load failed\n")
		}
		return b.String()
	}
	t.Setenv("PERSONVERN_CACHE", "off")
	want := result()
	if strings.Count(want, "\n") != 5 {
		t.Fatalf("want 5 findings:\n%s", want)
	}
	cacheDir := t.TempDir()
	t.Setenv("PERSONVERN_CACHE", cacheDir)
	result() // writes the cache
	name := filepath.Join(cacheDir, cacheName(files, notice.Loader{}))
	good, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if got := result(); got != want {
		t.Fatalf("with the cache:\n%s\nwant:\n%s", got, want)
	}
	step := 1
	if testing.Short() {
		step = 11 // a sample; every byte without -short
	}
	failed := 0
	for i := 0; i < len(good) && failed < 10; i += step {
		bad := bytes.Clone(good)
		bad[i] ^= 0xff
		if err := os.WriteFile(name, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := result(); got != want {
			t.Errorf("byte %d of %d flipped:\n%s\nwant:\n%s", i, len(good), got, want)
			failed++
		}
	}
}

// writeAged writes a file with a time stamp an hour old, which the cache
// trusts without reading the file.
func writeAged(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(name, old, old); err != nil {
		t.Fatal(err)
	}
}
