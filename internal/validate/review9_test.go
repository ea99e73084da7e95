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

// TestCookieCitationInLanguage: the cookie rules cite ekomloven and the
// regulation in the reader's language, not "GDPR art. 4(11) and 7" in a
// Norwegian finding (nn8x 6).
func TestCookieCitationInLanguage(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := validateBytes(t, "valid.yaml", applyEdits(t, base, []edit{{"cookies.1.consent", ""}}))
	want := map[string]string{
		"nb": "(ekomloven §\u00a03-15; personvernforordningen artikkel 4 nr. 11 og artikkel 7).",
		"nn": "(ekomlova §\u00a03-15; personvernforordninga artikkel 4 nr. 11 og artikkel 7).",
	}
	for lang, w := range want {
		m := messages(t, lang)
		found := false
		for _, f := range fs {
			if f.Rule == "cookie-consent" {
				found = true
				if s := f.StringIn(m); !strings.HasSuffix(s, w) {
					t.Errorf("%s: %q does not end %q", lang, s, w)
				}
			}
		}
		if !found {
			t.Fatalf("no cookie-consent finding: %v", fs)
		}
	}
	for _, f := range fs {
		if f.Rule == "cookie-consent" && !strings.HasSuffix(f.String(), "(ekomloven §\u00a03-15; GDPR art. 4(11) and 7)") {
			t.Errorf("en: %q", f.String())
		}
	}
}

// TestNorwegianFindingsCiteInNorwegian: no finding of any rule, said in
// bokmål or nynorsk, cites "GDPR art." or joins with the English " and "
// (nn8x 6).
func TestNorwegianFindingsCiteInNorwegian(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	nb, nn := messages(t, "nb"), messages(t, "nn")
	seen := 0
	for _, tt := range ruleCases {
		for _, f := range validateBytes(t, "valid.yaml", applyEdits(t, base, tt.fail)) {
			for lang, s := range map[string]string{"nb": f.StringIn(nb), "nn": f.StringIn(nn)} {
				seen++
				if strings.Contains(s, "GDPR art") || strings.Contains(s, " and ") {
					t.Errorf("%s: %s: %s", lang, tt.rule, s)
				}
			}
		}
	}
	if seen < 100 {
		t.Fatalf("only %d findings", seen)
	}
}

// TestListWhereOneCodeIsWanted: a list given to a field that takes one
// code says so, with the code written the right way (nn8x 15).
func TestListWhereOneCodeIsWanted(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := validateBytes(t, "valid.yaml", applyEdits(t, base, []edit{{"provision.requirement", "[voluntary]"}}))
	want := map[string]string{
		"en": "must be one code, not a list: write, e.g., requirement: voluntary",
		"nb": "skal være én kode, ikke en liste: skriv for eksempel requirement: voluntary",
		"nn": "skal vere éin kode, ikkje ei liste: skriv til dømes requirement: voluntary",
	}
	for lang, w := range want {
		m := messages(t, lang)
		if lang == "en" {
			m = nil
		}
		found := false
		for _, f := range fs {
			if f.Path == "provision.requirement" {
				found = true
				if s := f.In(m); !strings.HasPrefix(s, w) {
					t.Errorf("%s: %q does not start %q", lang, s, w)
				}
			}
		}
		if !found {
			t.Fatalf("no finding at provision.requirement: %v", fs)
		}
	}
}
