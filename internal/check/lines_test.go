package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
)

// TestLinesOfFindings: a run of many notices shows the source line of
// each finding, checked now or taken from the cache, and keeps no parsed
// notice for it (only its path, until a line is asked for).
func TestLinesOfFindings(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	var files []string
	for _, id := range []string{"a", "b", "c"} {
		f := filepath.Join(dir, id+".yaml")
		src := "id: " + id + "\n" + body
		if id != "c" { // no controller: a finding
			writeAged(t, f, []byte(src))
		} else {
			writeAged(t, f, []byte(src+"controller: {name: Eksempel AS, kind: private, email: post@example.no}\n"))
		}
		files = append(files, f)
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []string{"checked", "from the cache"} {
		res := Files(files, Options{Loader: notice.Loader{}, Validator: v, Cache: true})
		if run == "from the cache" && res.Reused != 3 {
			t.Fatalf("%s: reused %d of 3", run, res.Reused)
		}
		if len(res.Findings) == 0 {
			t.Fatalf("%s: no findings", run)
		}
		for _, d := range res.Docs {
			if d.Root != nil || d.Src != nil {
				t.Errorf("%s: %s kept parsed or read before a line was asked for", run, d.Path)
			}
		}
		for _, f := range res.Findings {
			src, err := os.ReadFile(f.File)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Split(string(src), "\n")[f.Line-1]
			if got := res.Line(f.File, f.Line); got != want {
				t.Errorf("%s: line %d of %s: %q, want %q", run, f.Line, f.File, got, want)
			}
		}
		if got := res.Line(files[2], 1); got != "" {
			t.Errorf("%s: a line of a notice without findings: %q", run, got)
		}
	}
}
