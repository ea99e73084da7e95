package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestMountPointOutput: an output folder that is a mount point (a Docker
// volume, a tmpfs) cannot be swapped by rename. The build refuses it once,
// naming a sub-folder, before it writes anything, and leaves nothing that
// blocks the next build; the sub-folder then builds. A read-only mount
// fails cleanly too.
func TestMountPointOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mount("tmpfs", out, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); needs root", err)
	}
	defer unix.Unmount(out, unix.MNT_DETACH)
	files := map[string][]byte{"index.html": []byte("x"), Marker: []byte("index.html\n")}
	opt := Options{Layout: func(p string) bool { return p == "index.html" }}
	for i := 0; i < 2; i++ { // the second time proves nothing was left in the way
		err := Write(out, files, opt)
		if err == nil || !strings.Contains(err.Error(), "is a mount point") || !strings.Contains(err.Error(), "-o "+filepath.Join(out, "site")) {
			t.Fatalf("build %d into a mount point: %v", i, err)
		}
		if left, _ := Leftovers(filepath.Join(dir, "site")); len(left) > 0 {
			t.Fatalf("left %v", left)
		}
	}
	sub := filepath.Join(out, "site")
	if err := Write(sub, files, opt); err != nil {
		t.Fatalf("the sub-folder the message names: %v", err)
	}
	if err := Write(sub, files, opt); err != nil {
		t.Fatalf("building again: %v", err)
	}
	// Read-only: the build fails and the next one is not stuck.
	if err := unix.Mount("", out, "", unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	for i := 0; i < 2; i++ {
		if err := Write(sub, files, opt); err == nil || strings.Contains(err.Error(), "another personvern build") {
			t.Fatalf("read-only build %d: %v", i, err)
		}
	}
	if err := unix.Mount("", out, "", unix.MS_REMOUNT, ""); err != nil {
		t.Fatal(err)
	}
	if err := Write(sub, files, opt); err != nil {
		t.Fatalf("after the mount is writable again: %v", err)
	}
}
