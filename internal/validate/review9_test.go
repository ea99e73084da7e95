package validate

import (
	"os"
	"strings"
	"testing"
)

// TestCriminalDataNamedAsTheRegulation: the finding and the schema text
// call art. 10 data what the regulation calls them, "straffedommer og
// lovovertredelser", not "lovbrudd" (nb8x 10). The nynorsk keeps
// "straffedommar og lovbrot", the page's label.
func TestCriminalDataNamedAsTheRegulation(t *testing.T) {
	src := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ncategories:\n  - id: criminal\npurposes:\n  - id: p\n    categories: [criminal]\n    legal_basis:\n      - article: 6(1)(e)\n"
	want := map[string]string{
		"nb": `formålet "p" bruker opplysninger om straffedommer og lovovertredelser ("criminal")`,
		"nn": `formålet "p" brukar opplysningar om straffedommar og lovbrot ("criminal")`,
	}
	fs := findingsOf(t, src)
	for lang, w := range want {
		m := messages(t, lang)
		found := false
		for _, f := range fs {
			found = found || strings.HasPrefix(f.In(m), w)
		}
		if !found {
			t.Errorf("%s: no finding starting %q in %v", lang, w, fs)
		}
	}
	for _, cat := range []string{"findings", "schema"} {
		b, err := os.ReadFile("../../templates/lang/" + cat + ".nb.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "lovbrudd") {
			t.Errorf("%s.nb.yaml says lovbrudd; the regulation says lovovertredelser", cat)
		}
	}
}
