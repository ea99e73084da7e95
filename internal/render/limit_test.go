package render

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/templates"
)

// TestTemplateLimits: a --templates template that loops or repeats
// itself is stopped, with a message that names it and says what to look
// for, instead of running for ever or filling the disk.
func TestTemplateLimits(t *testing.T) {
	n := &loadNotices(t)[0].Notice
	defer func(d time.Duration, m int) { RunTimeout, MaxOutput = d, m }(RunTimeout, MaxOutput)
	MaxOutput = 1 << 20
	for _, tc := range []struct {
		name, file, src, format, want string
	}{
		{"endless range, no output", "notice.html.tmpl", `{{range 100000000000}}{{end}}`, "html", "template notice.html.tmpl ran longer than 300ms"},
		{"nested ranges", "notice.md.tmpl", `{{range 100000}}{{range 100000}}{{end}}{{end}}`, "md", "template notice.md.tmpl ran longer than"},
		{"endless range with output", "notice.txt.tmpl", `{{range 100000000000}}page {{end}}`, "txt", "template notice.txt.tmpl wrote more than 1 MiB"},
		{"recursion", "notice.html.tmpl", `{{define "a"}}{{range 1000}}abcdefgh{{end}}{{template "a" .}}{{end}}{{template "a" .}}`, "html", "template notice.html.tmpl wrote more than 1 MiB"},
		{"summary", "summary.txt.tmpl", `{{range 100000000000}}{{"summary line of sixty-four bytes, repeated without any end ....."}}{{end}}`, "summary", "template summary.txt.tmpl wrote more than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Short for the loops that write nothing; long enough for
			// the others to reach the size limit on a busy machine.
			RunTimeout = 300 * time.Millisecond
			if strings.Contains(tc.want, "wrote more") {
				RunTimeout = 4 * time.Second
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			r, err := New(Overlay(dir, templates.FS))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			start := time.Now()
			err = r.Render(&out, n, Options{Lang: "nb", Format: tc.format})
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "look in --templates") {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if out.Len() > MaxOutput {
				t.Errorf("wrote %d bytes", out.Len())
			}
			// An abandoned run never writes to out after Render returned.
			n := out.Len()
			time.Sleep(50 * time.Millisecond)
			if out.Len() != n {
				t.Error("the run kept writing after Render returned")
			}
		})
	}
	// The index page may be as large as its entries plus the limit.
	r := renderer(t)
	entry := strings.Repeat("x", MaxOutput)
	var out bytes.Buffer
	if err := r.RenderIndex(&out, IndexPage{Lang: "nb", Languages: []string{"nb"}, Entries: []template.HTML{template.HTML(entry), template.HTML(entry)}}); err != nil {
		t.Errorf("a large index refused: %v", err)
	}
}

// TestTemplateErrorQuotesNothing: a template's parse or execution error
// gives file and line, not what the template says.
func TestTemplateErrorQuotesNothing(t *testing.T) {
	n := &loadNotices(t)[0].Notice
	for _, src := range []string{
		`{{"SECRET" | nosuchfunc}}`,
		"{{`SECRET`}}{{end}}",
		`{{.SECRET}}`,
		`{{template "SECRET"}}`,
		`{{if "SECRET"}}`,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notice.html.tmpl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := New(Overlay(dir, templates.FS))
		if err == nil {
			err = r.Render(&bytes.Buffer{}, n, Options{Lang: "nb", Format: "html"})
		}
		if err == nil || strings.Contains(err.Error(), "SECRET") || !strings.Contains(err.Error(), "notice.html.tmpl:1") {
			t.Errorf("%s: got %v", src, err)
		}
	}
}
