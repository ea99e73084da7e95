// Package msgcheck is for tests: it finds the English formats a package
// passes to its message functions and checks the catalogues that
// translate them (templates/lang/<name>.<lang>.yaml).
package msgcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Formats returns every string literal given as argument calls[f] to a
// function or method f in the non-test Go files of dir, with where it
// is. A format that is not a literal is a problem: no catalogue can hold
// it.
func Formats(dir string, calls map[string]int) (map[string]string, []string, error) {
	out := map[string]string{}
	var problems []string
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, nil, err
	}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			return nil, nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			i, ok := calls[name]
			if !ok || i >= len(call.Args) {
				return true
			}
			if id, ok := call.Args[i].(*ast.Ident); ok && id.Name == "format" {
				return true // a message function passing its own format on
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				problems = append(problems, fmt.Sprintf("%s: the format of %s is not a string literal, so no catalogue can hold it", fset.Position(call.Pos()), name))
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			out[s] = fset.Position(lit.Pos()).String()
			return true
		})
	}
	return out, problems, nil
}

// Check returns what is wrong with the catalogues lang/<name>.nb.yaml and
// .nn.yaml in fsys for formats: a format without a translation, a
// translation whose verbs differ from the English, a key no code uses.
func Check(fsys fs.FS, name string, formats map[string]string) []string {
	var problems []string
	for _, lang := range []string{"nb", "nn"} {
		file := "lang/" + name + "." + lang + ".yaml"
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			return append(problems, err.Error())
		}
		var cat map[string]string
		if err := yaml.Unmarshal(b, &cat); err != nil {
			return append(problems, file+": "+err.Error())
		}
		var missing []string
		for f, where := range formats {
			tr, ok := cat[f]
			if !ok {
				missing = append(missing, where+": "+strconv.Quote(f))
				continue
			}
			if err := SameVerbs(f, tr); err != nil {
				problems = append(problems, fmt.Sprintf("%s: %q: %v", file, f, err))
			}
		}
		sort.Strings(missing)
		for _, m := range missing {
			problems = append(problems, file+" lacks "+m)
		}
		var stale []string
		for k := range cat {
			if _, ok := formats[k]; !ok {
				stale = append(stale, fmt.Sprintf("%s: %q is used nowhere; remove it", file, k))
			}
		}
		sort.Strings(stale)
		problems = append(problems, stale...)
	}
	return problems
}

// verb is one formatting verb: the argument it formats (from 1) and its
// letter.
type verb struct {
	arg    int
	letter rune
}

// verbs parses a format as fmt does: %% is no verb, flags and widths are
// skipped, %[n]v sets the argument.
func verbs(format string) ([]verb, bool, error) {
	var out []verb
	arg, indexed := 1, false
	rs := []rune(format)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' {
			continue
		}
		i++
		for i < len(rs) && strings.ContainsRune("+-# 0123456789.", rs[i]) {
			i++
		}
		if i < len(rs) && rs[i] == '[' {
			j := i + 1
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			n, err := strconv.Atoi(string(rs[i+1 : j]))
			if err != nil || j >= len(rs) {
				return nil, false, fmt.Errorf("bad argument index in %q", format)
			}
			arg, indexed = n, true
			i = j + 1
		}
		if i >= len(rs) {
			return nil, false, fmt.Errorf("%q ends in the middle of a verb", format)
		}
		if rs[i] == '%' {
			continue
		}
		out = append(out, verb{arg, rs[i]})
		arg++
	}
	return out, indexed, nil
}

// SameVerbs reports whether a translation formats the English format's
// arguments with the same verbs: every argument once or more, each with
// its verb. The translation may reorder them with %[n]s.
func SameVerbs(english, translated string) error {
	ev, _, err := verbs(english)
	if err != nil {
		return err
	}
	tv, _, err := verbs(translated)
	if err != nil {
		return err
	}
	want := map[int]rune{}
	for _, v := range ev {
		want[v.arg] = v.letter
	}
	used := map[int]bool{}
	for _, v := range tv {
		l, ok := want[v.arg]
		if !ok {
			return fmt.Errorf("the translation formats argument %d, which the English has not", v.arg)
		}
		if l != v.letter {
			return fmt.Errorf("argument %d is %%%c in English but %%%c in the translation", v.arg, l, v.letter)
		}
		used[v.arg] = true
	}
	for _, v := range ev {
		if !used[v.arg] {
			return fmt.Errorf("the translation leaves out argument %d (%%%c)", v.arg, v.letter)
		}
	}
	return nil
}
