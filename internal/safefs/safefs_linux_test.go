package safefs

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWalkWithoutOpenat2: the part-by-part fallback refuses the same links.
func TestWalkWithoutOpenat2(t *testing.T) {
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, "a"), 0o755))
	must(t, os.WriteFile(filepath.Join(root, "a", "f"), []byte("x"), 0o644))
	must(t, os.Symlink("a", filepath.Join(root, "l")))
	must(t, os.Symlink("f", filepath.Join(root, "a", "g")))
	d, err := OpenDir(root)
	must(t, err)
	defer d.Close()
	for rel, ok := range map[string]bool{"a/f": true, "l/f": false, "a/g": false} {
		fd, err := openatWalk(int(d.f.Fd()), rel, os.O_RDONLY)
		if (err == nil) != ok {
			t.Errorf("%s: %v", rel, err)
		}
		if err == nil {
			syscall.Close(fd)
		}
	}
}
