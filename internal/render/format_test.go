package render

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/templates"
)

// TestOutputFormats: names and site files are unique, every template
// exists, and every format writes the complete notice in every language.
func TestOutputFormats(t *testing.T) {
	r := renderer(t)
	n := &testtool.LoadNotices(t, "testdata/complete")[0].Notice
	names, files := map[string]bool{}, map[string]bool{}
	for _, f := range OutputFormats {
		if names[f.Name] || (f.File != "" && files[f.File]) {
			t.Errorf("%s: name or file %q twice", f.Name, f.File)
		}
		names[f.Name], files[f.File] = true, true
		if (f.Template == "") == (f.write == nil) {
			t.Errorf("%s: needs a template or a writer, not both", f.Name)
		}
		if f.Template != "" {
			if _, err := fs.Stat(templates.FS, f.Template); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
		if f.MediaType == "" {
			t.Errorf("%s: no media type", f.Name)
		}
		for _, lang := range n.Languages {
			var buf bytes.Buffer
			if err := r.Render(&buf, n, Options{Lang: lang, Format: f.Name}); err != nil || buf.Len() == 0 {
				t.Errorf("%s %s: %d bytes, %v", f.Name, lang, buf.Len(), err)
			}
		}
	}
	if err := r.Render(&bytes.Buffer{}, n, Options{Lang: "nb", Format: "pdf"}); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// TestEveryBlockKind: each kind, at the top and under a list item, shows
// its text in Markdown and text; an unknown kind is an error, not a gap.
func TestEveryBlockKind(t *testing.T) {
	for _, k := range BlockKinds {
		b := Block{Kind: k, Text: plain("ORD"), Rich: "ORD", Items: []Item{item(plain("ORD"))}, Fields: []Field{{"ORD", plain("ORD")}},
			Table: &Table{Caption: "ORD", Head: []string{"ORD"}, Rows: [][]Line{{plain("ORD")}}}}
		for _, blocks := range [][]Block{{b}, {list(item(plain("head"), b))}} {
			for name, write := range map[string]func([]Block) (string, error){"md": mdBlocks, "txt": txtBlocks} {
				out, err := write(blocks)
				if err != nil || !bytes.Contains([]byte(out), []byte("ORD")) {
					t.Errorf("%s %s: %q, %v", name, k, out, err)
				}
			}
		}
	}
	if _, err := mdBlocks([]Block{{Kind: "bogus"}}); err == nil {
		t.Error("an unknown block kind was dropped without an error")
	}
}

// TestTakesPlainData: render lays out data and never decides what is
// valid, so it imports neither validate nor the site (an error page gets
// its findings as lines).
func TestTakesPlainData(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			if p := strings.Trim(imp.Path.Value, `"`); strings.HasSuffix(p, "/internal/validate") || strings.HasSuffix(p, "/internal/site") {
				t.Errorf("%s imports %s", f, p)
			}
		}
	}
}
