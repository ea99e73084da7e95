package history

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestHistoryRefusesHugeBlob: a commit that made a notice huge (a hostile
// pull request, or a slip) is skipped without being read into memory,
// and the versions before it are still found.
func TestHistoryRefusesHugeBlob(t *testing.T) {
	dir, git, src := repo(t)
	file := filepath.Join(dir, "joblearn.yaml")
	write := func(b []byte) {
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(src)
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	write(make([]byte, 32<<20)) // zeros: small in git's store
	git("commit", "-q", "-am", "huge")
	v2 := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "2.0"`), 1)
	v2 = bytes.Replace(v2, []byte("updated: 2023-09-01"), []byte("updated: 2024-03-01"), 1)
	write(v2)
	git("commit", "-q", "-am", "v2")
	d, err := notice.Parse(file, v2)
	if err != nil {
		t.Fatal(err)
	}

	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	h := New(notice.Loader{})
	versions := h.Versions(file, d)
	h.Close()
	runtime.ReadMemStats(&b)
	if n := b.TotalAlloc - a.TotalAlloc; n > 4*notice.MaxFileSize {
		t.Errorf("reading the history allocated %d MiB", n>>20)
	}
	if len(versions) != 1 || versions[0].Version != "1.0" {
		t.Errorf("versions: %v", versions)
	}
}
