package schema

// The schema follows the model: every field of every type of
// internal/notice is a property of the type's definition, and no property
// is left without a field. A plain field (`pv:"plain"`, see
// internal/notice/fields.go) is written here from the model, its
// description and article taken from its doc comment, so adding one is a
// change to the model alone: go test ./schema -update writes the property.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

func TestSchemaRoundTrip(t *testing.T) {
	n, err := parseNode(JSON)
	if err != nil {
		t.Fatal(err)
	}
	if got := n.String(); got != string(JSON) {
		t.Fatalf("the schema does not read back as written; the model test could not rewrite it line for line:\n%s", firstDiff(got, string(JSON)))
	}
}

func TestSchemaFollowsModel(t *testing.T) {
	root, err := parseNode(JSON)
	if err != nil {
		t.Fatal(err)
	}
	docs := fieldDocs(t)
	changed := false
	for _, typ := range notice.Types() {
		def := root
		where := "the schema's top level"
		if name := notice.DefName(typ); name != "" {
			def = root.get("$defs").get(name)
			where = "$defs." + name
		}
		if def == nil {
			t.Errorf("%s: no definition in schema/notice.schema.json for the model's %s", where, typ.Name())
			continue
		}
		props := def.get("properties")
		if props == nil {
			props = object()
			def.set("properties", props)
		}
		fields := map[string]bool{}
		for i := range typ.NumField() {
			f := typ.Field(i)
			key := notice.YAMLName(f)
			fields[key] = true
			if !notice.IsPlain(f) {
				if props.get(key) == nil {
					t.Errorf("%s: %s.%s (%s) has no property in the schema; add it there, or tag it `pv:\"plain\"` and run go test ./schema -update", where, typ.Name(), f.Name, key)
				}
				continue
			}
			p, err := plainProperty(root, typ, f, docs[typ.Name()+"."+f.Name])
			if err != nil {
				t.Errorf("%s.%s: %v", typ.Name(), f.Name, err)
				continue
			}
			if old := props.get(key); old == nil || old.String() != p.String() {
				changed = true
				props.set(key, p)
			}
		}
		for _, k := range props.keys {
			if !fields[k] {
				t.Errorf("%s: property %q is in the schema but not in the model's %s; remove it or add the field", where, k, typ.Name())
			}
		}
	}
	if !changed {
		return
	}
	if !*testtool.Update {
		t.Errorf("schema/notice.schema.json does not describe the model's plain fields as the model does; run go test ./schema -update and read the change")
		return
	}
	if err := os.WriteFile("notice.schema.json", []byte(root.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

var articleRE = regexp.MustCompile(`\s*\(art\. ([0-9]+(?:\([0-9a-z]+\))*)\)`)

// plainProperty is the schema of a plain field: its type from the Go
// type, its description and article from its doc comment, which must say
// which article the field serves, "(art. 13(1)(e))".
func plainProperty(root *node, owner reflect.Type, f reflect.StructField, doc string) (*node, error) {
	m := articleRE.FindStringSubmatch(doc)
	if m == nil {
		return nil, fmt.Errorf("a plain field's doc comment says what it is and which article it serves, as \"(art. 13(1)(e))\"; this one says %q", doc)
	}
	desc := strings.TrimSpace(articleRE.ReplaceAllString(doc, ""))
	desc = strings.TrimSuffix(desc, ".")
	// "Note is what …" describes the field in Go; the schema says "What …".
	for _, lead := range []string{f.Name + " is ", f.Name + " are ", f.Name + ": ", f.Name + " "} {
		if rest, ok := strings.CutPrefix(desc, lead); ok && rest != "" {
			desc = strings.ToUpper(rest[:1]) + rest[1:]
			break
		}
	}
	// x-label names the field's catalogue key: findings in Norwegian
	// name the field by it (internal/validate, plainDescription).
	p := object("description", desc+" (GDPR art. "+m[1]+")", "x-article", m[1], "x-label", notice.LabelKey(owner, f))
	ty, err := plainType(root, f.Type)
	if err != nil {
		return nil, err
	}
	for i, k := range ty.keys {
		p.set(k, ty.vals[i])
	}
	return p, nil
}

// plainType is the schema of a Go type a plain field may have.
func plainType(root *node, t reflect.Type) (*node, error) {
	switch {
	case t == reflect.TypeFor[notice.Text]():
		return object("$ref", "#/$defs/text"), nil
	case t == reflect.TypeFor[notice.Name]():
		return object("$ref", "#/$defs/name"), nil
	case t.Kind() == reflect.String:
		return object("type", "string", "minLength", 1), nil
	case t.Kind() == reflect.Bool:
		return object("type", "boolean"), nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return object("type", "array", "items", object("type", "string", "minLength", 1), "uniqueItems", true), nil
	}
	return nil, fmt.Errorf("a plain field is a text, a name, a string, a bool or a list of strings; %s needs its own schema and code (drop pv:\"plain\")", t)
}

// fieldDocs reads the doc comments of the model's struct fields from the
// source of internal/notice, keyed Type.Field.
func fieldDocs(t *testing.T) map[string]string {
	t.Helper()
	dir := filepath.Join(testtool.Root(), "internal", "notice")
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return false
			}
			for _, fl := range st.Fields.List {
				doc := strings.Join(strings.Fields(fl.Doc.Text()), " ")
				for _, id := range fl.Names {
					out[ts.Name.Name+"."+id.Name] = doc
				}
			}
			return false
		})
	}
	return out
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  written: %s\n  file:    %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d and %d lines", len(al), len(bl))
}
