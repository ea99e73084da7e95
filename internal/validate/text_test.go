package validate

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/templates"
)

// consentNoWithdraw is a notice whose purpose rests on consent without a
// withdraw_consent right: the finding the README shows.
const consentNoWithdraw = `id: t
updated: 2025-01-01
languages: [nb, nn]
purposes:
  - id: nyhetsbrev
    legal_basis:
      - article: 6(1)(a)
rights: {}
`

func findingsOf(t *testing.T, src string) []Finding {
	t.Helper()
	doc, err := notice.Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return v.Validate(doc)
}

func messages(t *testing.T, lang string) *i18n.Messages {
	t.Helper()
	m, err := i18n.LoadMessages(templates.FS, lang)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTextInNorwegian: the text format says a finding in the chosen
// language, with the article cited the Norwegian way, while JSON keeps
// the English message and the article code.
func TestTextInNorwegian(t *testing.T) {
	fs := findingsOf(t, consentNoWithdraw)
	want := map[string]string{
		"en": "error: purposes[0].legal_basis[0]: consent needs a withdraw_consent right; add rights.withdraw_consent saying how to withdraw (GDPR art. 13(2)(c))",
		"nb": "feil: purposes[0].legal_basis[0]: samtykke krever at folk kan trekke samtykket tilbake; legg til rights.withdraw_consent og skriv hvordan man trekker det tilbake (personvernforordningen artikkel 13 nr. 2 bokstav c)",
		"nn": "feil: purposes[0].legal_basis[0]: samtykke krev at folk kan trekkje samtykket tilbake; legg til rights.withdraw_consent og skriv korleis ein trekkjer det tilbake (personvernforordninga artikkel 13 nr. 2 bokstav c)",
	}
	for lang, w := range want {
		var buf bytes.Buffer
		if err := Write(&buf, fs, WriteOptions{Format: "text", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), w) {
			t.Errorf("%s: want a line with\n%s\ngot\n%s", lang, w, buf.String())
		}
		var js bytes.Buffer
		if err := Write(&js, fs, WriteOptions{Format: "json", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(js.String(), `"message": "consent needs a withdraw_consent right; add rights.withdraw_consent saying how to withdraw"`) || !strings.Contains(js.String(), `"article": "13(2)(c)"`) {
			t.Errorf("%s: JSON changed with the language:\n%s", lang, js.String())
		}
	}
}

// TestNorwegianFindingsAreTranslated: every finding of the test notice,
// schema findings with the field's description included, said in nb and
// nn, is the catalogues' text: no English is left.
func TestNorwegianFindingsAreTranslated(t *testing.T) {
	english := []string{" the ", " is not ", " add ", "missing", " must ", "(GDPR art."}
	for _, lang := range []string{"nb", "nn"} {
		m := messages(t, lang)
		for _, f := range findingsOf(t, consentNoWithdraw) {
			if f.text == nil || m.Phrase(f.text.Format) == f.text.Format {
				t.Errorf("%s: %q has no translation", lang, f.Message)
			}
			s := f.StringIn(m)
			for _, e := range english {
				if strings.Contains(s, e) {
					t.Errorf("%s: %q still reads English (%q)", lang, s, e)
				}
			}
		}
	}
}

// TestAllowedCodesWithMeaning: where a finding lists the codes a field
// allows, Norwegian gives each code's meaning beside it, and English the
// codes as before.
func TestAllowedCodesWithMeaning(t *testing.T) {
	src := strings.Replace(consentNoWithdraw, "article: 6(1)(a)", "article: hello world", 1)
	var got Finding
	for _, f := range findingsOf(t, src) {
		if f.Path == "purposes[0].legal_basis[0].article" {
			got = f
		}
	}
	if !strings.Contains(got.Message, "use one of: 6(1)(a), 6(1)(b), 6(1)(c)") {
		t.Fatalf("English: %q", got.Message)
	}
	for lang, want := range map[string]string{
		"nb": "skriv en av disse kodene: 6(1)(a) (samtykke); 6(1)(b) (nødvendig for å oppfylle en avtale med deg); 6(1)(c) (nødvendig for å oppfylle en rettslig plikt)",
		"nn": "skriv ein av desse kodane: 6(1)(a) (samtykke); 6(1)(b) (nødvendig for å oppfylle ein avtale med deg); 6(1)(c) (nødvendig for å oppfylle ei rettsleg plikt)",
	} {
		if s := got.In(messages(t, lang)); !strings.Contains(s, want) {
			t.Errorf("%s: %q lacks %q", lang, s, want)
		}
	}
}

// TestRightsByName: a Norwegian finding names a missing right by its name
// ("retten til innsyn"), not by its code, and the code where it says what
// to add; English keeps the code.
func TestRightsByName(t *testing.T) {
	fs := findingsOf(t, consentNoWithdraw)
	for lang, want := range map[string]string{
		"en": "the right access is missing; add rights.access. Under art. 15, the right always applies",
		"nb": "retten til innsyn mangler; legg til rights.access. Etter artikkel 15 gjelder retten alltid",
		"nn": "retten til innsyn manglar; legg til rights.access. Etter artikkel 15 gjeld retten alltid",
	} {
		var buf bytes.Buffer
		if err := Write(&buf, fs, WriteOptions{Format: "text", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s: no %q in\n%s", lang, want, buf.String())
		}
	}
}

// TestMissingRightActionFirst: a missing right says what to add first,
// then in one sentence when the right applies, not four clauses chained by
// a colon and semicolons (language review nb5 12).
func TestMissingRightActionFirst(t *testing.T) {
	src := strings.Replace(consentNoWithdraw, "purposes:\n", "purposes:\n", 1)
	src = strings.Replace(src, "    legal_basis:", "    automated: true\n    legal_basis:", 1)
	fs := findingsOf(t, src)
	for lang, want := range map[string]string{
		"nb": "rights: retten til dataportabilitet mangler; legg til rights.portability. Etter artikkel 20 nr. 1 gjelder retten når behandlingen bygger på samtykke eller avtale og skjer i datasystemer, slik automated: true på formålet sier (personvernforordningen artikkel 13 nr. 2 bokstav b)",
		"nn": "rights: retten til dataportabilitet manglar; legg til rights.portability. Etter artikkel 20 nr. 1 gjeld retten når behandlinga byggjer på samtykke eller avtale og skjer i datasystem, slik automated: true på formålet seier (personvernforordninga artikkel 13 nr. 2 bokstav b)",
	} {
		var buf bytes.Buffer
		if err := Write(&buf, fs, WriteOptions{Format: "text", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s: no %q in\n%s", lang, want, buf.String())
		}
		if strings.Contains(buf.String(), "mangler:") || strings.Contains(buf.String(), "manglar:") {
			t.Errorf("%s: a chained 'mangler:' is left in\n%s", lang, buf.String())
		}
	}
}

// TestMissingLanguageInWords: a text missing a language names it in words
// in Norwegian ("mangler på nynorsk"), by code in English and JSON.
func TestMissingLanguageInWords(t *testing.T) {
	fs := findingsOf(t, "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ntitle: {nb: Tjenesten}\n")
	for lang, w := range map[string]string{
		"en": "title: text is missing nn;",
		"nb": "title: teksten mangler på nynorsk;",
		"nn": "title: teksten manglar på nynorsk;",
	} {
		var buf bytes.Buffer
		if err := Write(&buf, fs, WriteOptions{Format: "text", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), w) {
			t.Errorf("%s: want %q in\n%s", lang, w, buf.String())
		}
	}
}

// TestCountryByName: a Norwegian finding names the country as the page
// does ("til USA"), not by its code ("til US"), and an international
// organisation in Norwegian; English keeps the code.
func TestCountryByName(t *testing.T) {
	for _, tc := range []struct{ transfer, en, nb, nn string }{
		{"country: US", "a transfer to US,", "en overføring til USA,", "ei overføring til USA,"},
		{"organisation: WHO", "a transfer to an international organisation,", "en overføring til en internasjonal organisasjon,", "ei overføring til ein internasjonal organisasjon,"},
	} {
		src := consentNoWithdraw + "transfers:\n  - id: x\n    " + tc.transfer + "\n"
		var got *Finding
		fs := findingsOf(t, src)
		for i := range fs {
			if strings.Contains(fs[i].Message, "needs a safeguard") {
				got = &fs[i]
			}
		}
		if got == nil {
			t.Fatalf("%s: no finding of the missing safeguard in %v", tc.transfer, fs)
		}
		if !strings.Contains(got.Message, tc.en) {
			t.Errorf("en: %q lacks %q", got.Message, tc.en)
		}
		for lang, want := range map[string]string{"nb": tc.nb, "nn": tc.nn} {
			if s := got.In(messages(t, lang)); !strings.Contains(s, want) {
				t.Errorf("%s: %q lacks %q", lang, s, want)
			}
		}
	}
}

// TestRightNotApplicableByName: a right that does not apply is named as a
// right ("retten til å protestere gjeld ikkje her … fjern han"), and the
// right to human review is told what makes it apply: a decision, not a
// basis (nynorsk review).
func TestRightNotApplicableByName(t *testing.T) {
	src := strings.Replace(consentNoWithdraw, "rights: {}", "rights:\n  withdraw_consent: {}\n  human_review: {}\n  objection: {}", 1)
	want := map[string][]string{
		"nb": {"retten til at et menneske vurderer saken gjelder ikke her", "beskriv avgjørelsen under automated_decisions", "retten til å protestere gjelder ikke her"},
		"nn": {"retten til at eit menneske vurderer saka gjeld ikkje her", "skildre avgjerda under automated_decisions", "retten til å protestere gjeld ikkje her"},
	}
	fs := findingsOf(t, src)
	for lang, ws := range want {
		var all []string
		for _, f := range fs {
			all = append(all, f.In(messages(t, lang)))
		}
		text := strings.Join(all, "\n")
		for _, w := range ws {
			if !strings.Contains(text, w) {
				t.Errorf("%s: lacks %q:\n%s", lang, w, text)
			}
		}
	}
}

// TestRightsNotApplicableWording: a right that does not apply is named by
// its name, the legal bases in words with the code in brackets, and the
// remedy names the key to remove (language reviews: "objection gjeld ikkje
// her … byggjer på 6(1)(e) …; fjern han", "skriv automated: true under
// formålet viss ho gjer det; fjern han, eller legg til
// behandlingsgrunnlaget", and for human_review a basis as the remedy).
func TestRightsNotApplicableWording(t *testing.T) {
	src := `id: t
updated: 2025-01-01
languages: [nb, nn]
purposes:
  - id: p
    legal_basis:
      - article: 6(1)(c)
rights: {objection: {}, portability: {}, human_review: {}}
`
	want := map[string][]string{
		"nb": {
			"retten til å protestere gjelder ikke her: man kan bare protestere mot behandling som bygger på en oppgave i allmennhetens interesse (6(1)(e)) eller på berettigede interesser (6(1)(f)),",
			". Fjern rights.objection, eller legg til det som gjør at retten gjelder",
			"retten til dataportabilitet gjelder ikke her: retten gjelder bare behandling som bygger på samtykke eller avtale og skjer automatisk, med datasystemer. Gjør behandlingen det, skriv automated: true under formålet; ellers fjern rights.portability",
			"retten til at et menneske vurderer saken gjelder ikke her: erklæringen har ingen automatiserte avgjørelser. Fjern rights.human_review, eller beskriv avgjørelsen under automated_decisions",
		},
		"nn": {
			"retten til å protestere gjeld ikkje her: ein kan berre protestere mot behandling som byggjer på ei oppgåve i offentleg interesse (6(1)(e)) eller på berettiga interesser (6(1)(f)),",
			"retten til dataportabilitet gjeld ikkje her: retten gjeld berre behandling som byggjer på samtykke eller avtale og skjer automatisk, med datasystem. Gjer behandlinga det, skriv automated: true under formålet; elles fjern rights.portability",
			"Fjern rights.human_review, eller skildre avgjerda under automated_decisions",
		},
	}
	fs := findingsOf(t, src)
	for lang, ws := range want {
		var buf bytes.Buffer
		if err := Write(&buf, fs, WriteOptions{Format: "text", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		for _, w := range ws {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s: lacks %q:\n%s", lang, w, buf.String())
			}
		}
		for _, bad := range []string{"fjern han", "fjern den", "viss ho", "hvis den gjør", "på 6(1)", "objection gjeld", "portability gjeld"} {
			if strings.Contains(buf.String(), bad) {
				t.Errorf("%s: still says %q:\n%s", lang, bad, buf.String())
			}
		}
	}
}

// TestBasisInWords: a legal basis that is the subject of a finding is
// said as its article, with the code in brackets, not as the bare code
// ("9(2)(g) gjelder bare …").
func TestBasisInWords(t *testing.T) {
	src := `id: t
updated: 2025-01-01
languages: [nb, nn]
categories: [{id: contact}]
purposes:
  - id: p
    categories: [contact]
    legal_basis:
      - article: 6(1)(c)
      - article: 9(2)(g)
`
	want := map[string]string{
		"nb": "grunnlaget i artikkel 9 nr. 2 bokstav g (9(2)(g)) gjelder bare når en lov gir det",
		"nn": "grunnlaget i artikkel 9 nr. 2 bokstav g (9(2)(g)) gjeld berre når ei lov gjev det",
	}
	fs := findingsOf(t, src)
	for lang, w := range want {
		var buf bytes.Buffer
		if err := Write(&buf, fs, WriteOptions{Format: "text", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), w) {
			t.Errorf("%s: lacks %q:\n%s", lang, w, buf.String())
		}
	}
}

// TestEveryEnumCodeHasMeaning walks every enum of the schema: where a
// finding lists the codes a field allows, each code has its meaning beside
// it in bokmål and nynorsk (language review nn5 7: provision.requirement
// and retention.then listed bare codes). languages are named in words
// (langChoices); an enum under "if" is a condition, not a choice.
func TestEveryEnumCodeHasMeaning(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(x any, key string, inIf bool)
	walk = func(x any, key string, inIf bool) {
		switch x := x.(type) {
		case map[string]any:
			if vals, ok := x["enum"].([]any); ok && !inIf && key != "languages" && key != "items" {
				n++
				var codes []string
				for _, c := range vals {
					codes = append(codes, fmt.Sprint(c))
				}
				for _, lang := range []string{"nb", "nn"} {
					s := codeList{key, codes}.Localize(messages(t, lang))
					for _, c := range codes {
						if !strings.Contains(s+"; ", c+" (") {
							t.Errorf("%s: %s: code %q has no meaning in %q", lang, key, c, s)
						}
					}
				}
			}
			for k, y := range x {
				if k == "properties" {
					for pk, py := range y.(map[string]any) {
						walk(py, pk, inIf)
					}
					continue
				}
				walk(y, key, inIf || k == "if")
			}
		case []any:
			for _, y := range x {
				walk(y, key, inIf)
			}
		}
	}
	walk(v.raw, "", false)
	if n < 15 {
		t.Fatalf("found only %d enums; the walk is broken", n)
	}
	// The findings themselves, as the reviewer met them.
	src := consentNoWithdraw + "provision:\n  requirement: frivillig\nretention:\n  - then: slett\n"
	for lang, want := range map[string][]string{
		"nb": {"statutory (loven krever det); contractual (avtalen krever det); contract_prerequisite (nødvendig for å inngå en avtale); voluntary (frivillig)",
			"delete (slette); anonymise (anonymisere); delete_or_anonymise (slette eller anonymisere); archive (arkivere)"},
		"nn": {"statutory (lova krev det); contractual (avtalen krev det); contract_prerequisite (nødvendig for å inngå ein avtale); voluntary (frivillig)",
			"delete (slette); anonymise (anonymisere); delete_or_anonymise (slette eller anonymisere); archive (arkivere)"},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, findingsOf(t, src), WriteOptions{Format: "text", Messages: messages(t, lang)}); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s: no %q in\n%s", lang, w, buf.String())
			}
		}
	}
}

// TestCodeGuesses: a code that exists nowhere is said not to exist, not
// "not allowed here"; "did you mean" only for one close guess, never a
// letter picked among many (6(1)(g): a to f are all one letter off), and
// never consent for a public authority (language review nb5 11).
func TestCodeGuesses(t *testing.T) {
	head := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\ncontrollers:\n  - id: k\n    kind: public_authority\npurposes:\n  - id: p\n    legal_basis:\n      - article: "
	for _, tc := range []struct{ src, path, nb, nn string }{
		{head + "6(1)(g)\n", "purposes[0].legal_basis[0].article",
			`"6(1)(g)" finnes ikke; bruk et behandlingsgrunnlag fra 6(1)(a)–(f), og for særlige kategorier også ett fra 9(2)(a)–(j); personvern codes bases viser hva de betyr`,
			`"6(1)(g)" finst ikkje; bruk eit behandlingsgrunnlag frå 6(1)(a)–(f), og for særlege kategoriar òg eitt frå 9(2)(a)–(j); personvern codes bases viser kva dei tyder`},
		{head + "6(1)(aa)\n", "purposes[0].legal_basis[0].article", `"6(1)(aa)" finnes ikke;`, `"6(1)(aa)" finst ikkje;`},
		{head + "6.1.e\n", "purposes[0].legal_basis[0].article",
			`"6.1.e" er ikke tillatt her; mente du "6(1)(e)" (nødvendig for å utføre en oppgave i allmennhetens interesse eller utøve offentlig myndighet)?`,
			`"6.1.e" er ikkje tillate her; meinte du "6(1)(e)"`},
		{head + "6(1)(e)\nretention:\n  - then: anonymize\n", "retention[0].then",
			`"anonymize" er ikke tillatt her; mente du "anonymise" (anonymisere)?`,
			`"anonymize" er ikkje tillate her; meinte du "anonymise" (anonymisere)?`},
		{head + "6(1)(e)\ntransfers:\n  - id: x\n    country: US\n    safeguard: derogation\n    derogation: h\n", "transfers[0].derogation",
			`"h" er ikke tillatt her; skriv en av disse kodene: a (uttrykkelig samtykke til overføringen);`,
			`"h" er ikkje tillate her; skriv ein av desse kodane: a (uttrykkeleg samtykke til overføringa);`},
	} {
		var got *Finding
		fs := findingsOf(t, tc.src)
		for i := range fs {
			if fs[i].Path == tc.path {
				got = &fs[i]
			}
		}
		if got == nil {
			t.Fatalf("no finding at %s in %v", tc.path, fs)
		}
		for lang, want := range map[string]string{"nb": tc.nb, "nn": tc.nn} {
			s := got.In(messages(t, lang))
			if !strings.Contains(s, want) {
				t.Errorf("%s: %q lacks %q", lang, s, want)
			}
			if strings.Contains(tc.src, "kind: public_authority") && strings.Contains(s, `"6(1)(a)"`) {
				t.Errorf("%s: consent guessed for a public authority: %q", lang, s)
			}
		}
	}
}
