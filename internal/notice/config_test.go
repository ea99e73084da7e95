package notice

import (
	"os"
	"path/filepath"
	"testing"
)

// FindConfig walks up from a notice to the nearest personvern.yaml, no
// higher than the repository's top or, outside a repository, the folder
// the command runs in; a file outside both takes its own folder's only.
func TestFindConfig(t *testing.T) {
	dir := t.TempDir()
	mkdir := func(p string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	touch := func(p string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, p), []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mkdir("work/notices/sub/deeper")
	mkdir("work/repo/.git")
	mkdir("work/repo/notices/sub")
	mkdir("outside/notices")
	touch("personvern.yaml") // above the working directory: never found
	touch("work/notices/personvern.yaml")
	touch("work/repo/personvern.yaml")
	touch("outside/personvern.yaml")
	t.Chdir(filepath.Join(dir, "work"))
	for _, tt := range []struct{ file, want string }{
		{"notices/a.yaml", "notices/personvern.yaml"},
		{"notices/sub/deeper/x.yaml", "notices/sub/deeper/../../personvern.yaml"},
		{"repo/notices/sub/x.yaml", "repo/notices/sub/../../personvern.yaml"},
		{"b.yaml", ""},
		{filepath.Join(dir, "outside/notices/c.yaml"), ""},
		{filepath.Join(dir, "outside/d.yaml"), filepath.Join(dir, "outside/personvern.yaml")},
	} {
		got := FindConfig(tt.file)
		if filepath.Clean(got) != filepath.Clean(tt.want) || (got == "") != (tt.want == "") {
			t.Errorf("FindConfig(%s) = %q, want %q", tt.file, got, tt.want)
		}
	}
}
