package notice

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// noticeImport is this package as other packages import it.
const noticeImport = "github.com/personvern/personvern/internal/notice"

// shortcuts load a notice without the configuration's defaults. Tests may
// use them; a command that did would see another notice than build
// publishes (issue 13: validate failed what build published).
var shortcuts = map[string]bool{"Parse": true, "LoadFile": true}

// bypasses returns the places in the Go file src (named name) that load a
// notice other than through a Loader: a call of notice.Parse or
// notice.LoadFile from another package, or, inside this package, a call
// of the low-level parse from anywhere but loader.go.
func bypasses(fset *token.FileSet, name string, src any) ([]string, error) {
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	local := "" // the name this file imports the package under
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == noticeImport {
			local = "notice"
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
	}
	inside := f.Name.Name == "notice" && local == ""
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && local != "" && x.Name == local && shortcuts[n.Sel.Name] {
				found = append(found, fset.Position(n.Pos()).String()+": "+local+"."+n.Sel.Name)
			}
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && inside && id.Name == "parse" && filepath.Base(name) != "loader.go" {
				found = append(found, fset.Position(n.Pos()).String()+": parse")
			}
		}
		return true
	})
	return found, nil
}

// TestOneLoadPath: no production code outside the loader parses a notice
// without the configuration's defaults; every command goes through a
// notice.Loader (notice.Loader{} where no configuration can apply says so).
func TestOneLoadPath(t *testing.T) {
	fset := token.NewFileSet()
	// The check itself finds each kind of bypass.
	for name, src := range map[string]string{
		"cmd.go":    "package main\nimport \"" + noticeImport + "\"\nfunc f() { notice.Parse(\"x\", nil) }\n",
		"alias.go":  "package main\nimport n \"" + noticeImport + "\"\nfunc f() { n.LoadFile(\"x\") }\n",
		"inside.go": "package notice\nfunc f() { parse(\"x\", nil, nil) }\n",
	} {
		if got, err := bypasses(fset, name, src); err != nil || len(got) != 1 {
			t.Errorf("%s: found %v, %v; want the one bypass", name, got, err)
		}
	}
	if got, _ := bypasses(fset, "ok.go", "package main\nimport \""+noticeImport+"\"\nfunc f() { notice.Loader{}.Parse(\"x\", nil) }\n"); len(got) != 0 {
		t.Errorf("a Loader's Parse taken for a bypass: %v", got)
	}

	root := filepath.Join("..", "..")
	files := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		files++
		found, err := bypasses(fset, p, nil)
		if err != nil {
			return err
		}
		for _, f := range found {
			t.Errorf("%s: loads a notice without the configuration's defaults; use a notice.Loader (see site.Config.Loader)", f)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("only %d Go files looked at; is the walk rooted at the repository?", files)
	}
}
