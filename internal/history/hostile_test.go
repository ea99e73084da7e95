package history

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestHistoryHostile: history reads git objects only. A commit that made
// the notice a symbolic link to a notice outside the repository is no
// version (the link is never followed, nor its blob read), and one that
// made personvern.yaml a folder is a commit without a configuration,
// after which the versions before it are still read right (git's answer
// of a tree is not left in the pipe to be read as the next blob).
func TestHistoryHostile(t *testing.T) {
	dir, git, src := repo(t)
	version := func(v, updated string) []byte {
		b := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "`+v+`"`), 1)
		return bytes.Replace(b, []byte("updated: 2023-09-01"), []byte("updated: "+updated), 1)
	}
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(outside, version("0.9", "2020-01-01"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "joblearn.yaml")
	cfg := filepath.Join(dir, "personvern.yaml")
	config := []byte("defaults:\n  complaint: datatilsynet\n")
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.RemoveAll(name); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, file); err != nil {
		t.Fatal(err)
	}
	write(cfg, config)
	git("add", ".")
	git("commit", "-q", "-m", "a link out")
	write(file, version("1.0", "2023-09-01"))
	git("add", "-A")
	git("commit", "-q", "-m", "1.0")
	if err := os.Remove(cfg); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(cfg, "x"), []byte("not a configuration\n"))
	write(file, version("1.1", "2023-10-01"))
	git("add", "-A")
	git("commit", "-q", "-m", "1.1, personvern.yaml a folder")
	write(cfg, config)
	write(file, version("2.0", "2024-03-01"))
	git("add", "-A")
	git("commit", "-q", "-m", "2.0")

	def, err := notice.ConfigDefaults(cfg, config)
	if err != nil {
		t.Fatal(err)
	}
	l := notice.Loader{Defaults: def}
	d, err := l.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	h := New(l)
	defer h.Close()
	var got []string
	for _, v := range h.Versions(file, d) {
		got = append(got, v.Version)
	}
	if len(got) != 2 || got[0] != "1.1" || got[1] != "1.0" {
		t.Errorf("versions %q, want 1.1 and 1.0 (not the notice the link pointed at)", got)
	}
	if n := h.count.byID.Load(); n != 2 {
		t.Errorf("%d blobs read by id, want 2: the link's blob is not read", n)
	}
}
