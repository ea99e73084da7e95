package validate

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestTypoNotSuggested: a custom id one letter from a ready-made code is
// the typo; the correct references to the code are never told to use it
// (language review rv6nb 1).
func TestTypoNotSuggested(t *testing.T) {
	src := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ncategories:\n  - id: incomee\npurposes:\n  - id: p\n    categories: [income]\n    legal_basis:\n      - article: 6(1)(e)\n"
	fs := findingsOf(t, src)
	want := map[string]map[string]string{
		"categories[0].id": {
			"nb": `"incomee" er ikke en ferdig kategori; mente du "income" (inntekt)? Ellers legg til label for en egen kategori`,
			"nn": `"incomee" er ikkje ein ferdig kategori; meinte du "income" (inntekt)? Elles legg til label for ein eigen kategori`,
		},
		"purposes[0].categories[0]": {
			"nb": `kategorien "income" står ikke under categories, men categories[0] har "incomee", som er nesten samme ID`,
			"nn": `kategorien "income" står ikkje under categories, men categories[0] har "incomee", som er nesten same ID`,
		},
	}
	for path, by := range want {
		found := false
		for _, f := range fs {
			if f.Path != path {
				continue
			}
			for lang, w := range by {
				if s := f.In(messages(t, lang)); strings.Contains(s, w) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no finding like %v in %v", path, by, fs)
		}
	}
	for _, f := range fs {
		if strings.Contains(f.Message, `did you mean "incomee"`) {
			t.Errorf("typo suggested: %s", f)
		}
		if f.Path == "categories[0].label" {
			t.Errorf("label asked for a typo: %s", f)
		}
	}
}

// TestConsentFindingSentences: the public-authority consent finding is
// sentences, not semicolons and a dash (rv6nb 6).
func TestConsentFindingSentences(t *testing.T) {
	src := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ncontroller:\n  kind: public_authority\npurposes:\n  - id: samtykke-deling\n    legal_basis:\n      - article: 6(1)(a)\n"
	for lang, want := range map[string]string{
		"nb": `(fortalepunkt 43). Er formålet "samtykke-deling" en del av virksomhetens lovpålagte oppgaver, bruk 6(1)(c) (rettslig plikt) eller 6(1)(e) (oppgave i allmennhetens interesse), og skriv loven i national_law, for eksempel "sosialtjenesteloven § 29". Ellers skriv i feltet note under grunnlaget hvorfor folk fritt kan si nei, for eksempel at de får den samme tjenesten uten å samtykke. Spør personvernombudet hvis du er usikker (personvernforordningen artikkel 7 nr. 4)`,
		"nn": `(fortalepunkt 43). Er formålet "samtykke-deling" ein del av dei lovpålagde oppgåvene til verksemda, bruk 6(1)(c) (rettsleg plikt) eller 6(1)(e) (oppgåve i offentleg interesse), og skriv lova i national_law, til dømes "sosialtenestelova § 29". Elles skriv i feltet note under grunnlaget kvifor folk fritt kan seie nei, til dømes at dei får den same tenesta utan å samtykkje. Spør personvernombodet dersom du er usikker (personvernforordninga artikkel 7 nr. 4)`,
	} {
		found := false
		for _, f := range findingsOf(t, src) {
			if strings.Contains(f.StringIn(messages(t, lang)), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no finding with %q", lang, want)
		}
	}
}

// TestNoStackedParentheses: a finding that ends with an aside takes the
// citation into it, never "(…) (personvernforordningen …)" (rv6nb 7 a).
func TestNoStackedParentheses(t *testing.T) {
	stacked := regexp.MustCompile(`\) \((GDPR art|personvernforordning)`)
	head := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ncontrollers:\n  - id: k\n    kind: public_authority\npurposes:\n  - id: p\n    legal_basis:\n      - article: "
	for _, src := range []string{head + "6(1)(g)\n"} {
		for _, f := range findingsOf(t, src) {
			if f.Path != "purposes[0].legal_basis[0].article" {
				continue
			}
			for _, lang := range []string{"nb", "nn"} {
				if s := f.StringIn(messages(t, lang)); stacked.MatchString(s) {
					t.Errorf("%s: stacked parentheses: %s", lang, s)
				}
			}
			if stacked.MatchString(f.String()) {
				t.Errorf("en: stacked parentheses: %s", f)
			}
		}
	}
	nb := findingsOf(t, head+"6(1)(g)\n")
	want := `9(2)(a)–(j); personvern codes bases viser hva de betyr (personvernforordningen artikkel 13 nr. 1 bokstav c)`
	ok := false
	for _, f := range nb {
		ok = ok || strings.Contains(f.StringIn(messages(t, "nb")), want)
	}
	if !ok {
		t.Errorf("no %q in %v", want, nb)
	}
}

// TestCataloguesEndWithoutAside: no finding or field description in the
// Norwegian catalogues ends with an aside in parentheses, since the
// article citation follows it and two parentheses in a row read as one
// aside too many (rv6nb 7 a). Names of characters and pieces set inside
// a sentence are exempt.
func TestCataloguesEndWithoutAside(t *testing.T) {
	codeEnd := regexp.MustCompile(`\d\(\d\)\([a-z]\)$`)
	inside := map[string]bool{
		"%U": true, " (": true, "a mapping": true, "character %c (%U)": true, "see the schema": true,
	}
	for _, lang := range []string{"nb", "nn"} {
		for _, cat := range []string{"findings", "schema"} {
			b, err := os.ReadFile("../../templates/lang/" + cat + "." + lang + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]string
			if err := yaml.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
		next:
			for k, v := range m {
				for p := range inside {
					if strings.HasPrefix(k, p) {
						continue next
					}
				}
				// "… – spør personvernombudet" chained a dash to a
				// semicolon chain; the advice is a sentence of its own
				// (rv6nb 6, as a class).
				if strings.Contains(v, " – spør personvernomb") || strings.Contains(v, " med loven,") || strings.Contains(v, " med lova,") {
					t.Errorf("%s.%s: dash chain or 'med loven': %q", cat, lang, v)
				}
				// A code such as 6(1)(f) at the end is no aside.
				if strings.HasSuffix(v, ")") && !codeEnd.MatchString(v) {
					t.Errorf("%s.%s: ends with an aside: %q", cat, lang, v)
				}
			}
		}
	}
}

// TestCountWithNoun: one more character is said in the singular, not
// "1 andre slike tegn" (rv6nb 7 b, the same shape in findings).
func TestCountWithNoun(t *testing.T) {
	src := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ntitle: {nb: \"a\u200bb\u200bc\", nn: abc}\n"
	want := map[string]string{"nb": "(og ett annet slikt tegn)", "nn": "(og eitt anna slikt teikn)"}
	for lang, w := range want {
		found := false
		for _, f := range findingsOf(t, src) {
			s := f.In(messages(t, lang))
			if strings.Contains(s, " 1 andre") {
				t.Errorf("%s: %s", lang, s)
			}
			found = found || strings.Contains(s, w)
		}
		if !found {
			t.Errorf("%s: no %q", lang, w)
		}
	}
}
