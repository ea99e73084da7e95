package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
	"gopkg.in/yaml.v3"
)

// payloads are what an attacker with write access to a notice, or a
// careless copy-paste, might put in any free-text field or name.
var payloads = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`[klikk](javascript:alert(1))`,
	`[klikk](JAVASCRIPT:alert(1))`,
	`[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`<a href="javascript:alert(1)">lenke</a>`,
	`&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;`,
	`![sporing](https://tracker.example/pixel.gif)`,
	`<iframe src="https://evil.example"></iframe>`,
	"```\n<script>alert(1)</script>\n```",
	`<javascript:alert(1)>`,
	`" onmouseover="alert(1)`,
	`<svg onload=alert(1)>`,
	`</style><script>alert(1)</script>`,
	"# Overskrift\n\n<details open ontoggle=alert(1)>",
}

// poison replaces every free-text value and name in a notice with the
// payloads in turn, leaving codes and ids as they are.
func poison(n *yaml.Node, i *int, key string) {
	switch n.Kind {
	case yaml.MappingNode:
		for j := 0; j+1 < len(n.Content); j += 2 {
			poison(n.Content[j+1], i, n.Content[j].Value)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			poison(c, i, key)
		}
	case yaml.ScalarNode:
		switch key {
		case "nb", "nn", "name", "address", "contact_person":
			n.Value = payloads[*i%len(payloads)]
			n.Style = yaml.DoubleQuotedStyle
			*i++
		}
	}
}

var (
	scriptRE  = regexp.MustCompile(`(?i)<\s*(script|iframe|img|svg|object|embed|form|input)\b`)
	handlerRE = regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)
	hrefRE    = regexp.MustCompile(`(?i)(href|src|action)\s*=\s*"?\s*(javascript|vbscript|data):`)
)

func assertSafeHTML(t *testing.T, what, html string) {
	t.Helper()
	// Our own markup is never one of these; escaped text (&lt;script&gt;)
	// is harmless and does not match.
	if m := scriptRE.FindString(html); m != "" {
		t.Errorf("%s: live %s", what, m)
	}
	if m := handlerRE.FindString(html); m != "" {
		t.Errorf("%s: event handler in %q", what, m)
	}
	if m := hrefRE.FindString(html); m != "" {
		t.Errorf("%s: dangerous URL %q", what, m)
	}
}

func TestInjection(t *testing.T) {
	src, err := os.ReadFile("../validate/testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	i := 0
	poison(doc.Content[0], &i, "")
	if i < 25 {
		t.Fatalf("only %d fields poisoned", i)
	}
	bad, _ := yaml.Marshal(doc.Content[0])
	dir := t.TempDir()
	file := filepath.Join(dir, "valid.yaml")
	if err := os.WriteFile(file, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := notice.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	opt := options(t, "")
	// Every page of the site, built leniently so even a notice that does
	// not validate is rendered (and then again as serve's error page).
	res, err := Build([]string{file}, Options{Config: opt.Config, Renderer: opt.Renderer, Validator: opt.Validator})
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Logf("poisoned notice has %d errors (names that are not e-mail addresses etc.); rendering it anyway", res.Errors)
	}
	r := opt.Renderer
	for _, lang := range []string{"nb", "nn"} {
		for _, format := range render.Formats {
			var buf bytes.Buffer
			if err := r.Render(&buf, &d.Notice, render.Options{Lang: lang, Format: format, ShowHistory: true, History: []*notice.Notice{&d.Notice}}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			switch format {
			case "html":
				assertSafeHTML(t, lang+" html", out)
				if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
					t.Errorf("%s html: the payload is not shown as text", lang)
				}
			case "md":
				// What matters is what a Markdown viewer makes of it.
				assertSafeHTML(t, lang+" md rendered", string(render.RichHTML(render.Rich(strings.ReplaceAll(out, `<a id=`, `<x id=`)))))
				if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
					t.Errorf("%s md: raw HTML not escaped", lang)
				}
			default:
				if strings.Contains(out, "<script") && format == "summary" {
					t.Logf("%s %s is plain text; markup there is inert", lang, format)
				}
			}
		}
		var idx bytes.Buffer
		c, _ := r.Catalog(lang)
		_ = c
		_ = r.RenderIndex(&idx, render.IndexPage{Lang: lang, Languages: []string{"nb", "nn"}, Notices: []render.IndexEntry{{ID: "x", Title: payloads[0], URL: "x/", Controller: payloads[1]}}})
		assertSafeHTML(t, lang+" index", idx.String())
		var errPage bytes.Buffer
		_ = r.RenderError(&errPage, lang, payloads[0], nil)
		assertSafeHTML(t, lang+" error page", errPage.String())
		// The diff of a clean notice against the poisoned one.
		clean, _ := notice.Parse("clean.yaml", src)
		rep := diff.Compare(&clean.Notice, &d.Notice, "a", "b", c)
		for _, f := range []string{"html", "md"} {
			var buf bytes.Buffer
			if err := r.RenderDiff(&buf, rep, f); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if f == "md" {
				out = string(render.RichHTML(render.Rich(strings.NewReplacer("<ins>", "", "</ins>", "", "<del>", "", "</del>", "").Replace(out))))
			}
			assertSafeHTML(t, lang+" diff "+f, out)
		}
	}
	// serve's error page for the poisoned notice, and the pages of a lenient build
	opt.Lenient = true
	res, err = Build([]string{file}, opt)
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range res.Files {
		if strings.HasSuffix(p, ".html") {
			assertSafeHTML(t, p, string(b))
		}
	}
}
