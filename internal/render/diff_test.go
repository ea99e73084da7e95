package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
)

// TestDiffGolden renders the comparison of testdata/diff/old.yaml and
// new.yaml in every format; go test -update rewrites the goldens.
func TestDiffGolden(t *testing.T) {
	r := renderer(t)
	old, err := notice.LoadFile("testdata/diff/old.yaml")
	if err != nil {
		t.Fatal(err)
	}
	new, err := notice.LoadFile("testdata/diff/new.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, format string }{
		{"nb", "text"}, {"nb", "md"}, {"nb", "html"}, {"nb", "json"}, {"nn", "text"}, {"nn", "html"},
	} {
		t.Run(tc.lang+"."+tc.format, func(t *testing.T) {
			c, err := r.Catalog(tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			rep := diff.Compare(&old.Notice, &new.Notice, "old.yaml", "new.yaml", c)
			var buf bytes.Buffer
			if err := r.RenderDiff(&buf, rep, tc.format); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "diff", "report."+tc.lang+"."+tc.format)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("differs from %s; run go test ./internal/render -update and review", golden)
			}
			if tc.format == "html" {
				out := buf.String()
				// Insertions and deletions are said to screen readers too.
				added, removed := map[string]string{"nb": "Lagt til:", "nn": "Lagt til:"}[tc.lang], map[string]string{"nb": "Fjernet:", "nn": "Fjerna:"}[tc.lang]
				for _, want := range []string{`<ins><span class="vh" lang="` + tc.lang + `">` + added + ` </span>arbeid, utdanning<span`, `<del><span class="vh" lang="` + tc.lang + `">` + removed + ` </span>arbeid<span`, `<html lang="` + tc.lang + `">`, `.vh {`} {
					if !strings.Contains(out, want) {
						t.Errorf("html lacks %s", want)
					}
				}
				if m, n := strings.Index(out, `id="material"`), strings.Index(out, `id="notable"`); m < 0 || n < 0 || m > n {
					t.Error("material changes must come first")
				}
			}
		})
	}
}

// TestDiffEscapes: text in a notice is data, in the diff as on the page.
func TestDiffEscapes(t *testing.T) {
	r := renderer(t)
	c, _ := r.Catalog("nb")
	old := &notice.Notice{Title: notice.Text{"nb": "T"}, Purposes: []notice.Purpose{{ID: "p", Description: notice.Text{"nb": "før"}}}}
	new := &notice.Notice{Title: notice.Text{"nb": "T"}, Purposes: []notice.Purpose{{ID: "p", Description: notice.Text{"nb": `<script>alert(1)</script> [x](javascript:alert(1))`}}}}
	rep := diff.Compare(old, new, "a", "b", c)
	for _, f := range []string{"html", "md"} {
		var buf bytes.Buffer
		if err := r.RenderDiff(&buf, rep, f); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if f == "md" {
			// What matters is what the Markdown becomes when rendered; ours
			// keeps <ins> and <del>, so render it as a Markdown viewer would.
			out = string(RichHTML(Rich(strings.NewReplacer("<ins>", "", "</ins>", "", "<del>", "", "</del>", "").Replace(out))))
		}
		if strings.Contains(out, "<script>") || strings.Contains(out, `href="javascript`) {
			t.Errorf("%s diff has live markup:\n%s", f, out)
		}
	}
}
