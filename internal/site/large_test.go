package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// indexSink keeps a site's language index pages and counts the rest, so
// that a site of thousands of notices is not held in memory.
type indexSink struct {
	mu    sync.Mutex
	pages map[string][]byte
	files int
}

func (s *indexSink) Put(p string, b []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files++
	if strings.Count(p, "/") == 1 && strings.HasSuffix(p, "/index.html") {
		s.pages[p] = append([]byte(nil), b...)
	}
	return nil
}

// TestLargeIndex: a build of 2,000 notices, the most one index page
// lists, writes each index page under 1 MB: titles under their
// controllers, alphabetically, each linking its notice; the summaries stay
// on the notices' own pages. TestLargeIndexPages measures the split index
// of 10,000.
func TestLargeIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 2,000 notices")
	}
	const n = 2000
	src, err := os.ReadFile("../../testdata/notices/inn-trondheim.yaml") // the largest example
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	var files []string
	for i := range n {
		b := bytes.Replace(src, []byte("id: inn-trondheim"), []byte(fmt.Sprintf("id: tjeneste-%04d", i)), 1)
		b = bytes.Replace(b, []byte("title:\n"), []byte(fmt.Sprintf("title:\n  # tjeneste %d\n", i)), 1)
		f := filepath.Join(dir, fmt.Sprintf("tjeneste-%04d.yaml", i))
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	opt := options(t, "")
	opt.NoHistory = true
	sink := &indexSink{pages: map[string][]byte{}}
	opt.Sink = sink
	res, err := Build(files, opt)
	if err != nil || res.Errors > 0 {
		t.Fatal(err, res.Findings)
	}
	if res.Notices != n {
		t.Fatalf("%d notices published, want %d", res.Notices, n)
	}
	for _, l := range []string{"nb", "nn"} {
		page := sink.pages[l+"/index.html"]
		if len(page) == 0 {
			t.Fatalf("no %s index", l)
		}
		if len(page) >= 1<<20 {
			t.Errorf("%s/index.html is %d bytes at %d notices, want under 1 MB", l, len(page), n)
		}
		if got := strings.Count(string(page), `<li id="n-tjeneste-`); got != n {
			t.Errorf("%s/index.html lists %d notices, want %d", l, got, n)
		}
		if strings.Contains(string(page), "<details") {
			t.Errorf("%s/index.html carries summaries", l)
		}
		t.Logf("%s/index.html: %d bytes", l, len(page))
	}
}
