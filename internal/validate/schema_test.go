package validate

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/vocab"
	"github.com/personvern/personvern/schema"
)

func rawSchema(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(schema.JSON, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSchemaDescribesEveryProperty: authors see descriptions in their
// editor, and findings take the article from x-article.
func TestSchemaDescribesEveryProperty(t *testing.T) {
	var walk func(at string, s map[string]any)
	walk = func(at string, s map[string]any) {
		if s["type"] == "object" && s["patternProperties"] == nil {
			if s["additionalProperties"] != false {
				t.Errorf("%s: object without additionalProperties: false", at)
			}
		}
		if props, ok := s["properties"].(map[string]any); ok {
			for name, p := range props {
				ps := p.(map[string]any)
				d, _ := ps["description"].(string)
				a, _ := ps["x-article"].(string)
				// A field the law does not ask for says whose requirement
				// it is instead, so that no finding cites an article for it.
				own, _ := ps["x-personvern"].(bool)
				if d == "" || (a == "") == !own {
					t.Errorf("%s.%s: needs a description and either x-article or x-personvern: true", at, name)
				}
				if own && !strings.Contains(d, "personvern's own requirement") {
					t.Errorf("%s.%s: x-personvern, but the description does not say it is personvern's own requirement", at, name)
				}
				if a != "" && !strings.Contains(d, "GDPR art. "+a) {
					t.Errorf("%s.%s: description does not name its article %s", at, name, a)
				}
				walk(at+"."+name, ps)
			}
		}
	}
	m := rawSchema(t)
	walk("", m)
	for name, d := range m["$defs"].(map[string]any) {
		walk("$defs."+name, d.(map[string]any))
	}
}

func enumOf(t *testing.T, s map[string]any) []string {
	t.Helper()
	var out []string
	for _, v := range s["enum"].([]any) {
		out = append(out, fmt.Sprint(v))
	}
	sort.Strings(out)
	return out
}

func def(t *testing.T, name string) map[string]any {
	return rawSchema(t)["$defs"].(map[string]any)[name].(map[string]any)
}

func prop(s map[string]any, name string) map[string]any {
	return s["properties"].(map[string]any)[name].(map[string]any)
}

// TestSchemaMatchesVocabulary keeps the schema's enums and the vocabulary
// the renderer labels in step.
func TestSchemaMatchesVocabulary(t *testing.T) {
	var bases []string
	for _, b := range vocab.Bases {
		bases = append(bases, b.Code)
	}
	sort.Strings(bases)
	if got := enumOf(t, prop(def(t, "basis"), "article")); !slices.Equal(got, bases) {
		t.Errorf("basis enum %v, vocab %v", got, bases)
	}
	kinds := vocab.Codes(vocab.PartyKinds)
	if got := enumOf(t, prop(def(t, "source"), "kind")); !slices.Equal(got, kinds) {
		t.Errorf("source kinds %v, vocab %v", got, kinds)
	}
	recipientKinds := slices.DeleteFunc(slices.Clone(kinds), func(k string) bool { return k == "data_subject" })
	if got := enumOf(t, prop(def(t, "recipient"), "kind")); !slices.Equal(got, recipientKinds) {
		t.Errorf("recipient kinds %v, vocab %v", got, recipientKinds)
	}
	if got, want := enumOf(t, prop(def(t, "transfer"), "safeguard")), vocab.Codes(vocab.Safeguards); !slices.Equal(got, want) {
		t.Errorf("safeguards %v, vocab %v", got, want)
	}
	var rights []string
	for name := range def(t, "rights")["properties"].(map[string]any) {
		rights = append(rights, name)
	}
	sort.Strings(rights)
	var vr []string
	for _, r := range vocab.Rights {
		vr = append(vr, r.Code)
	}
	sort.Strings(vr)
	if !slices.Equal(rights, vr) {
		t.Errorf("rights %v, vocab %v", rights, vr)
	}
	var cats []string
	for _, c := range vocab.Categories {
		cats = append(cats, c.Code)
	}
	sort.Strings(cats)
	cond := def(t, "category")["if"].(map[string]any)
	if got := enumOf(t, prop(cond, "id")); !slices.Equal(got, cats) {
		t.Errorf("category enum %v, vocab %v", got, cats)
	}
}

func TestValidators(t *testing.T) {
	for _, tt := range []struct {
		fn   func(string) bool
		good []string
		bad  []string
	}{
		{ValidOrgNumber, []string{"974760673", "974 760 673", "889640782", "971032081"}, []string{"974760674", "12345678", "97476067a", ""}},
		{ValidEmail, []string{"post@vinn-hallingdal.no", "a.b@c.kommune.no"}, []string{"post", "Ola <ola@x.no>", "a@b", "a b@c.no"}},
		{ValidPhone, []string{"32 07 56 00", "+47 477 09 498", "22000000", "+46 8 123 456 78"}, []string{"123", "07 56 00", "tlf 22000000"}},
		{ValidURL, []string{"https://www.datatilsynet.no", "http://example.no/a"}, []string{"www.example.no", "javascript:alert(1)", "https://", "https://nav.no@evil.example", "https://user:pw@nav.no/"}},
		{ValidDuration, []string{"P12W", "P6M", "P5Y", "P1Y6M", "P30D"}, []string{"P", "12W", "PT1H", "P1.5Y", "p5y"}},
	} {
		for _, s := range tt.good {
			if !tt.fn(s) {
				t.Errorf("%q rejected", s)
			}
		}
		for _, s := range tt.bad {
			if tt.fn(s) {
				t.Errorf("%q accepted", s)
			}
		}
	}
}
