package validate

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestFlatSchemaSameFindings: the schema with its $refs flattened (as New
// compiles it) finds exactly what the schema as the library compiles it
// finds, on notices made wrong at every value in turn: the value replaced
// by a number, an empty text, a mapping or a list, an unknown field added
// to a mapping, a field taken out of it, an entry taken out of a list.
func TestFlatSchemaSameFindings(t *testing.T) {
	flat, err := newValidator(true)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := newValidator(false)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"testdata/valid.yaml"}
	if !testing.Short() {
		// The largest example: cookies, transfers, restrictions.
		files = append(files, "../../testdata/notices/inn-trondheim.yaml")
	}
	cases, wrong := 0, 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := notice.Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range mutations(d.Value, "") {
			doc := *d
			doc.Value = m.value
			a, b := schemaFindings(flat, &doc), schemaFindings(lib, &doc)
			cases++
			if len(b) > 0 {
				wrong++
			}
			if a != b {
				t.Errorf("%s, %s: flat schema found\n%s\nthe library's\n%s", file, m.name, a, b)
			}
		}
	}
	// The mutations are findings for the schema, or the test proves little.
	if wrong < cases/2 {
		t.Errorf("only %d of %d mutated notices have schema findings", wrong, cases)
	}
	t.Logf("%d mutated notices, %d with schema findings", cases, wrong)
}

func schemaFindings(v *Validator, d *notice.Document) string {
	r := &report{doc: d}
	v.checkSchema(r)
	lines := make([]string, len(r.findings))
	for i, f := range r.findings {
		lines[i] = f.String()
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

type mutation struct {
	name  string
	value any
}

// mutations returns copies of v, each wrong in one place under it.
func mutations(v any, at string) []mutation {
	var out []mutation
	for _, r := range []any{float64(42), "", map[string]any{"x": float64(1)}, []any{float64(1)}} {
		out = append(out, mutation{fmt.Sprintf("%s replaced by %v", at, r), r})
	}
	switch v := v.(type) {
	case map[string]any:
		keys := slices.Sorted(maps.Keys(v))
		with := maps.Clone(v)
		with["zz_unknown"] = true
		out = append(out, mutation{at + " with an unknown field", with})
		for _, k := range keys {
			without := maps.Clone(v)
			delete(without, k)
			out = append(out, mutation{at + " without " + k, without})
			for _, m := range mutations(v[k], at+"/"+k) {
				c := maps.Clone(v)
				c[k] = m.value
				out = append(out, mutation{m.name, c})
			}
		}
	case []any:
		for i := range v {
			without := append(append([]any{}, v[:i]...), v[i+1:]...)
			out = append(out, mutation{at + " without entry " + strconv.Itoa(i), without})
			for _, m := range mutations(v[i], at+"/"+strconv.Itoa(i)) {
				c := append([]any{}, v...)
				c[i] = m.value
				out = append(out, mutation{m.name, c})
			}
		}
	}
	return out
}

// TestFlatSchemaKeepsRefWithKeywords: a $ref beside a keyword of its own
// is not replaced by what it refers to, or the keyword would be lost.
func TestFlatSchemaKeepsRefWithKeywords(t *testing.T) {
	src := []byte(`{"$schema": "https://json-schema.org/draft/2020-12/schema",
		"properties": {"a": {"$ref": "#/$defs/s", "maxLength": 3}, "b": {"$ref": "#/$defs/s", "description": "only a $ref"}},
		"$defs": {"s": {"type": "string"}}}`)
	s, err := compileSchema("personvern:test", src, true)
	if err != nil {
		t.Fatal(err)
	}
	if s.Properties["a"].Ref == nil || s.Properties["a"].MaxLength != 3 {
		t.Error("a $ref with maxLength beside it was replaced")
	}
	if s.Properties["b"].Ref != nil || len(s.Properties["b"].Types) != 1 {
		t.Error("a $ref with only a description beside it was kept")
	}
	if err := s.Validate(map[string]any{"a": "abcd"}); err == nil {
		t.Error("maxLength beside a $ref no longer checked")
	}
	if err := s.Validate(map[string]any{"b": float64(1)}); err == nil {
		t.Error("the type a $ref refers to no longer checked")
	}
}
