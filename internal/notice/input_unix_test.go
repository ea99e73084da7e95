//go:build unix

package notice

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs f, failing the test if it does not return in time: the
// attacks here used to block for ever or read without end.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("did not return within 5 s")
		return nil
	}
}

func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "notices")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "sub"), 0o755))
	must(os.WriteFile(filepath.Join(root, "ok.yaml"), []byte("title: x\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("root:$6$SECRET\n"), 0o600))
	must(os.WriteFile(filepath.Join(root, "big.yaml"), make([]byte, MaxFileSize+1), 0o644))
	must(os.Symlink("ok.yaml", filepath.Join(root, "inside.yaml")))
	must(os.Symlink("../secret.txt", filepath.Join(root, "outside.yaml")))
	must(os.Symlink("/dev/zero", filepath.Join(root, "zero.yaml")))
	must(os.Symlink("nothing.yaml", filepath.Join(root, "dangling.yaml")))
	must(syscall.Mkfifo(filepath.Join(root, "fifo.yaml"), 0o644))
	must(os.Symlink("fifo.yaml", filepath.Join(root, "tofifo.yaml")))
	for _, tc := range []struct {
		name, path, root, want string
	}{
		{"regular file", "ok.yaml", "", ""},
		{"link inside", "inside.yaml", "", ""},
		{"link out of the folder", "outside.yaml", "", "outside"},
		{"link to /dev/zero", "zero.yaml", "", "a link to /dev/zero, outside"},
		{"dangling link", "dangling.yaml", "", "cannot read"},
		{"FIFO", "fifo.yaml", "", "not a regular file"},
		{"link to a FIFO", "tofifo.yaml", "", "not a regular file"},
		{"folder", "sub", "", "not a regular file"},
		{"too large", "big.yaml", "", "larger than"},
		{"missing", "missing.yaml", "", "no such file"},
		{"file in a sub-folder, root above", "sub/../ok.yaml", root, ""},
		{"/dev/zero named", "/dev/zero", "", "not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.path
			if !filepath.IsAbs(p) {
				p = filepath.Join(root, p)
			}
			var src []byte
			err := within(t, func() (err error) { src, err = ReadInput(p, tc.root); return err })
			if tc.want == "" {
				if err != nil || string(src) != "title: x\n" {
					t.Fatalf("got %q, %v", src, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error with %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "SECRET") {
				t.Errorf("the error quotes the file: %v", err)
			}
		})
	}
	if _, err := ReadInput(filepath.Join(root, "missing.yaml"), ""); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file should match os.ErrNotExist: %v", err)
	}
	// Notices get the same check: a FIFO named as a notice does not block.
	if err := within(t, func() error { _, err := (Loader{}).Read(filepath.Join(root, "fifo.yaml")); return err }); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("notice FIFO: %v", err)
	}
}
