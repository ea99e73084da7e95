package validate

import (
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
)

// TestTypoFindingSentences: the finding at a reference to a ready-made
// category whose definition is mistyped says what the two ids have in
// common with an object ("som ligner:" had none) and says the fix as a
// sentence of its own (nn7x 8).
func TestTypoFindingSentences(t *testing.T) {
	src := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ncategories:\n  - id: incomee\npurposes:\n  - id: p\n    categories: [income]\n    legal_basis:\n      - article: 6(1)(e)\n"
	want := map[string]string{
		"en": `category "income" is not listed under categories, but categories[0] has "incomee", which is nearly the same id. Correct the typo there, or add "income" under categories`,
		"nb": `kategorien "income" står ikke under categories, men categories[0] har "incomee", som er nesten samme ID. Rett opp skrivefeilen der, eller legg til "income" under categories`,
		"nn": `kategorien "income" står ikkje under categories, men categories[0] har "incomee", som er nesten same ID. Rett opp skrivefeilen der, eller legg til "income" under categories`,
	}
	fs := findingsOf(t, src)
	for lang, w := range want {
		var m *i18n.Messages
		if lang != "en" {
			m = messages(t, lang)
		}
		found := false
		for _, f := range fs {
			if f.Path == "purposes[0].categories[0]" && f.In(m) == w {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %q in %v", lang, w, fs)
		}
	}
	// No finding in any language ends a clause on "ligner"/"liknar" with
	// nothing it is like.
	bare := regexp.MustCompile(`\b(ligner|liknar|likner)\s*([:;,.]|$)`)
	for _, lang := range []string{"nb", "nn"} {
		for k, v := range messages(t, lang).Keys() {
			if bare.MatchString(v) {
				t.Errorf("%s: %q: %q ends a clause on the verb", lang, k, v)
			}
		}
	}
}

// TestWrongTypeEndsWithFix: a field of the wrong type, an empty one, one
// with no entries or one that does not fit ends with what to write, not
// with the field's description pasted on as a bare noun phrase ("ikkje
// tom; kontaktinformasjon til personvernombodet, …") (nn7x 5).
func TestWrongTypeEndsWithFix(t *testing.T) {
	head := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ncontroller:\n  kind: public_authority\n"
	cases := []struct {
		src, path string
		want      map[string]string
	}{
		{head + "dpo:\n", "dpo", map[string]string{
			"en": "must be a mapping, not empty; write what the field holds: contact details of the data protection officer (personvernombud); required for public authorities",
			"nb": "skal være en gruppe felt (nøkkel: verdi), ikke tom; fyll ut feltet: kontaktinformasjon til personvernombudet, som offentlige myndigheter må ha",
			"nn": "skal vere ei gruppe felt (nøkkel: verdi), ikkje tom; fyll ut feltet: kontaktinformasjon til personvernombodet, som offentlege myndigheiter må ha",
		}},
		{head + "dpo: \"\"\n", "dpo", map[string]string{
			"nb": "skal være en gruppe felt (nøkkel: verdi), ikke en tekst; feltet skal inneholde kontaktinformasjon til personvernombudet, som offentlige myndigheter må ha",
			"nn": "skal vere ei gruppe felt (nøkkel: verdi), ikkje ein tekst; feltet skal innehalde kontaktinformasjon til personvernombodet, som offentlege myndigheiter må ha",
		}},
		{head + "dpo:\n  email: a@b.no\n  address: \"\"\n", "dpo.address", map[string]string{
			"nb": "kan ikke stå tomt; fyll ut feltet: postadressen til personvernombudet",
			"nn": "kan ikkje stå tomt; fyll ut feltet: postadressa til personvernombodet",
		}},
		// An empty e-mail or phone passed the schema: the DPO had no
		// contact at all and nothing said so.
		{head + "dpo:\n  email: \"\"\n", "dpo.email", map[string]string{
			"nb": "kan ikke stå tomt; fyll ut feltet: e-postadressen til personvernombudet",
			"nn": "kan ikkje stå tomt; fyll ut feltet: e-postadressa til personvernombodet",
		}},
		{head + "dpo:\n  phone: \"\"\n", "dpo.phone", map[string]string{
			"en": "must not be empty; write what the field holds: telephone number of the DPO",
		}},
	}
	for _, c := range cases {
		fs := findingsOf(t, c.src)
		for lang, w := range c.want {
			var m *i18n.Messages
			if lang != "en" {
				m = messages(t, lang)
			}
			found := false
			for _, f := range fs {
				found = found || f.Path == c.path && f.In(m) == w
			}
			if !found {
				var got []string
				for _, f := range fs {
					got = append(got, f.Path+": "+f.In(m))
				}
				t.Errorf("%s: %s: no %q in\n%s", lang, c.path, w, strings.Join(got, "\n"))
			}
		}
	}
}

// TestRenderedFindingsNoStackedParentheses renders every finding of the
// catalogues, with a list of codes and their meanings for a %s it ends
// with (what stands before the citation), in
// English, bokmål and nynorsk, and checks that the citation never stands
// right after a closing parenthesis ("archive (arkivere)
// (personvernforordningen …)", older review; rv6nb 7 a as a class).
func TestRenderedFindingsNoStackedParentheses(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*([a-zA-Z])`)
	// A code with its meaning, "6(1)(c) (rettslig plikt)" or "7(3) (…)",
	// is the one ") (" a finding may have.
	code := regexp.MustCompile(`\d\)(\([a-z]\))? \($`)
	sample := func(format string) []any {
		var args []any
		ms := verb.FindAllStringSubmatch(format, -1)
		for i, m := range ms {
			if m[1] != "" {
				continue // an indexed verb reuses an argument
			}
			last := i == len(ms)-1 && strings.HasSuffix(format, m[0])
			switch m[2] {
			case "d":
				args = append(args, 2)
			case "c", "U":
				args = append(args, 'x')
			case "q":
				args = append(args, "x")
			case "s", "v":
				if last {
					args = append(args, codeList{"then", []string{"delete", "archive"}})
				} else {
					args = append(args, "x")
				}
			default:
				args = append(args, "x")
			}
		}
		return args
	}
	keys := messages(t, "nb").Keys()
	for format := range keys {
		if !strings.Contains(format, "%") {
			continue
		}
		f := Finding{File: "t.yaml", Line: 1, Col: 1, Path: "x", Article: "13(2)(a)", Severity: Error}
		f.text = &Text{format, sample(format)}
		f.Message = f.text.String()
		out := map[string]string{"en": f.String()}
		for _, lang := range []string{"nb", "nn"} {
			out[lang] = f.StringIn(messages(t, lang))
		}
		for lang, s := range out {
			// Every Norwegian finding ends as a sentence: "(…)." or
			// "Se … ." (nb9x 10), with or without an article, and
			// never ". (" nor "..".
			if lang != "en" {
				g := f
				g.Article = ""
				for _, s := range []string{s, g.StringIn(messages(t, lang))} {
					if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") {
						t.Errorf("%s: %q: no full stop: %s", lang, format, s)
					}
					if strings.Contains(s, ". (") || strings.HasSuffix(s, "..") {
						t.Errorf("%s: %q: full stop before the citation: %s", lang, format, s)
					}
				}
			}
			for _, loc := range regexp.MustCompile(`\)[?]? \(`).FindAllStringIndex(s, -1) {
				if !code.MatchString(s[:loc[0]+3]) {
					t.Errorf("%s: %q: stacked parentheses: %s", lang, format, s)
				}
			}
		}
	}
	// The citation after an aside is a sentence of its own.
	src := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\nretention:\n  - id: r\n    period: P1Y\n    then: zzzz\n"
	want := map[string]string{
		"en": `"zzzz" is not allowed here; use one of: delete, anonymise, delete_or_anonymise, archive (GDPR art. 13(2)(a))`,
		"nb": `skriv en av disse kodene: delete (slette); anonymise (anonymisere); delete_or_anonymise (slette eller anonymisere); archive (arkivere). Se personvernforordningen artikkel 13 nr. 2 bokstav a.`,
		"nn": `skriv ein av desse kodane: delete (slette); anonymise (anonymisere); delete_or_anonymise (slette eller anonymisere); archive (arkivere). Sjå personvernforordninga artikkel 13 nr. 2 bokstav a.`,
	}
	for lang, w := range want {
		found := false
		for _, f := range findingsOf(t, src) {
			s := f.String()
			if lang != "en" {
				s = f.StringIn(messages(t, lang))
			}
			found = found || strings.HasSuffix(s, w)
		}
		if !found {
			t.Errorf("%s: no finding ending %q", lang, w)
		}
	}
}
