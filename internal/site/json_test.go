package site

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
)

// TestJSONSameInEveryLanguage: the format a build makes once per notice
// and writes in every language is rendered the same from each language's
// page, for every example notice.
func TestJSONSameInEveryLanguage(t *testing.T) {
	r, err := render.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../testdata/notices/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal("no example notices", err)
	}
	for _, file := range files {
		d, err := notice.Loader{}.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		var first []byte
		for _, l := range d.Notice.Languages {
			o := render.Options{Lang: l, Format: sameInEveryLanguage}
			p, err := r.Page(&d.Notice, o)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := r.RenderPage(&b, p, o); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b.Bytes()
			} else if !bytes.Equal(first, b.Bytes()) {
				t.Errorf("%s: the %s file differs in %s", file, sameInEveryLanguage, l)
			}
		}
		if len(first) < 100 {
			t.Errorf("%s: %q is no notice", file, first)
		}
	}
}
