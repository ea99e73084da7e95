package validate

import (
	"testing"

	"github.com/personvern/personvern/internal/i18n/msgcheck"
	"github.com/personvern/personvern/internal/vocab"
	"github.com/personvern/personvern/templates"
)

// TestFindingCatalogues: every English format a finding can be built from
// (add, addKey and addAt's format, tr's, and the phrases of vocab.Rights a
// finding quotes, the citations of a law by name) has a translation in findings.nb.yaml and
// findings.nn.yaml with the same verbs, and the catalogues hold nothing
// else.
func TestFindingCatalogues(t *testing.T) {
	formats, problems, err := msgcheck.Formats(".", map[string]int{"add": 4, "addKey": 4, "addAt": 6, "tr": 0})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range vocab.Rights {
		for _, s := range []string{x.When, x.WhenNot} {
			if s != "" {
				formats[s] = "vocab.Rights " + x.Code
			}
		}
	}
	for _, c := range lawCitations {
		formats[c] = "lawCitations"
	}
	for k, g := range codeGlosses {
		formats[g] = "codeGlosses " + k
	}
	if len(formats) < 50 {
		t.Fatalf("found only %d formats; the extraction is broken", len(formats))
	}
	problems = append(problems, msgcheck.Check(templates.FS, "findings", formats)...)
	for _, p := range problems {
		t.Error(p)
	}
}

// TestSchemaCatalogues: every description in the schema, which findings
// quote as what to write, has a translation in schema.nb.yaml and
// schema.nn.yaml, and the catalogues hold nothing else.
func TestSchemaCatalogues(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]string{}
	var walk func(x any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			// A plain field is named by its label in Norwegian findings
			// (TestPlainFieldsShown requires one in every catalogue).
			_, plain := x["x-label"]
			if d, ok := x["description"].(string); ok && trimArticle(d) != "" && !plain {
				formats[trimArticle(d)] = "schema/notice.schema.json"
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v.raw)
	if len(formats) < 100 {
		t.Fatalf("found only %d descriptions", len(formats))
	}
	for _, p := range msgcheck.Check(templates.FS, "schema", formats) {
		t.Error(p)
	}
}
