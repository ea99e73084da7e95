package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
)

// TestDiffNotesForTheEditor: the report prints its notes to the editor
// under «Til redaktøren», after the classes and outside their counts, in
// every format but json (which has them as notes); the site's change page
// has none (review nb8x 13, nn8x 7).
func TestDiffNotesForTheEditor(t *testing.T) {
	r := renderer(t)
	old, err := notice.LoadFile("testdata/diff/old.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ lang, advice string }{
		{"nb", "versjonsnummeret og datoen er de samme"},
		{"nn", "versjonsnummeret og datoen er dei same"},
	} {
		c, err := r.Catalog(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		new := old.Notice
		new.Title = notice.Text{"nb": "Ny tittel", "nn": "Ny tittel"}
		new.Recipients = nil
		rep := diff.Compare(&old.Notice, &new, "a", "b", c)
		for _, format := range []string{"text", "md", "html"} {
			var buf bytes.Buffer
			if err := r.RenderDiff(&buf, rep, format); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			at := strings.Index(out, "Til redaktøren")
			if format == "text" {
				at = strings.Index(out, "TIL REDAKTØREN")
			}
			if at < 0 || !strings.Contains(out[at:], tt.advice) || strings.Index(out, tt.advice) < at {
				t.Errorf("%s %s: the advice is not under «Til redaktøren» at the end:\n%s", tt.lang, format, out)
			}
		}
		var page bytes.Buffer
		if err := r.RenderDiffPage(&page, rep, DiffPage{}); err != nil {
			t.Fatal(err)
		}
		if s := page.String(); strings.Contains(s, "redaktøren") || strings.Contains(s, tt.advice) {
			t.Errorf("%s: the site's change page has the notes:\n%s", tt.lang, s)
		}
	}
}
