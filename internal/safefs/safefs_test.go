package safefs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNoLinkFollowed: every way a link can sit on the path to a file, in
// the last part or in a folder on the way, to a file inside or outside,
// is refused by name, and nothing outside is read or linked.
func TestNoLinkFollowed(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "site")
	secret := filepath.Join(root, "secret.txt")
	must(t, os.WriteFile(secret, []byte("TOP SECRET"), 0o600))
	must(t, os.MkdirAll(filepath.Join(out, "nb", "a"), 0o755))
	must(t, os.WriteFile(filepath.Join(out, "nb", "a", "index.html"), []byte("ok"), 0o644))
	must(t, os.Symlink(secret, filepath.Join(out, "nb", "a", "leak.html")))
	must(t, os.Symlink(root, filepath.Join(out, "nn")))
	must(t, os.Symlink("a", filepath.Join(out, "nb", "b")))
	must(t, syscall.Mkfifo(filepath.Join(out, "nb", "a", "fifo.html"), 0o644))
	d, err := OpenDir(out)
	must(t, err)
	defer d.Close()

	if b, err := d.ReadFile("nb/a/index.html", 100); err != nil || string(b) != "ok" {
		t.Fatalf("plain file: %q, %v", b, err)
	}
	cases := map[string]string{
		"nb/a/leak.html":  "nb/a/leak.html is a symbolic link",
		"nn/secret.txt":   "nn is a symbolic link",
		"nb/b/index.html": "nb/b is a symbolic link",
		"nb/a/fifo.html":  "fifo.html is a named pipe",
		"nb/a":            "is a folder",
		"../secret.txt":   "not inside the folder",
		"/etc/passwd":     "not inside the folder",
	}
	for rel, want := range cases {
		_, err := d.ReadFile(rel, 100)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadFile(%s): %v, want an error with %q", rel, err, want)
		}
		dst := filepath.Join(t.TempDir(), "x")
		if err := d.Link(rel, dst); err == nil {
			t.Errorf("Link(%s) linked", rel)
		}
		if b, _ := os.ReadFile(dst); len(b) > 0 {
			t.Errorf("Link(%s) made %q", rel, b)
		}
	}
	if _, err := d.ReadFile("nb/a/leak.html", 100); !errors.Is(err, ErrLink) {
		t.Errorf("want ErrLink, got %v", err)
	}
	if _, err := d.ReadFile("nb/a/index.html", 1); err == nil {
		t.Error("a file over the limit was read")
	}
	dst := filepath.Join(t.TempDir(), "copy")
	must(t, d.Link("nb/a/index.html", dst))
	if b, _ := os.ReadFile(dst); string(b) != "ok" {
		t.Errorf("linked file holds %q", b)
	}
	if _, err := OpenDir(filepath.Join(out, "nn")); err == nil {
		t.Error("OpenDir followed a link")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
