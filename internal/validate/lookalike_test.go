package validate

import (
	"os"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// lookalikeRules are the rules about characters and links that make an
// address look like another one.
var lookalikeRules = map[string]bool{"hidden-char": true, "mixed-script": true, "link-text": true}

// intro sets the introduction in both languages to the same Markdown.
func intro(md string) []edit {
	q := strings.ReplaceAll(strings.ReplaceAll(md, `\`, `\\`), `"`, `\"`)
	q = strings.ReplaceAll(q, "\n", `\n`)
	return []edit{{"introduction", `{nb: "` + q + `", nn: "` + q + `"}`}}
}

// TestLookalikes: invisible and bidirectional characters and look-alike
// letters in addresses, numbers and ids are errors named by code point;
// in other text the invisible ones are warnings; a link whose text is an
// address goes to that address. want "" is a case that must pass: no
// finding of these rules and no error at all.
func TestLookalikes(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edits []edit
		rule  string
		sev   Severity
		path  string // where the finding points
		want  string // in its message
	}{
		// Invisible and bidirectional characters in addresses, numbers, ids.
		{"RLO in e-mail", []edit{{"controller.email", `"postmottak@eksempel.kommune.no\u202e"`}}, "hidden-char", Error, "controller.email", "U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"zero-width space in URL", []edit{{"controller.url", `"https://www.eksempel\u200b.kommune.no"`}}, "hidden-char", Error, "controller.url", "U+200B ZERO WIDTH SPACE"},
		{"no-break space in phone", []edit{{"controller.phone", `"22\u00a000 00 00"`}}, "hidden-char", Error, "controller.phone", "U+00A0 NO-BREAK SPACE"},
		{"isolate in org number", []edit{{"controller.org_number", `"974760673\u2066"`}}, "hidden-char", Error, "controller.org_number", "U+2066 LEFT-TO-RIGHT ISOLATE"},
		{"soft hyphen in DPO e-mail", []edit{{"dpo.email", `"personvern\u00adombud@eksempel.kommune.no"`}}, "hidden-char", Error, "dpo.email", "U+00AD SOFT HYPHEN"},
		{"zero-width joiner in id", []edit{{"purposes.1.id", `"news\u200dletter"`}}, "hidden-char", Error, "purposes[1].id", "U+200D ZERO WIDTH JOINER"},
		{"BOM in category reference", []edit{{"purposes.1.categories", `["\ufeffcontact"]`}}, "hidden-char", Error, "purposes[1].categories[0]", "U+FEFF ZERO WIDTH NO-BREAK SPACE"},
		{"RLO in a link target", intro("Les [mer](https://www.eksempel.kommune.no/\u202eexe.txt)."), "hidden-char", Error, "introduction.nb", "U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"joint controller URL", []edit{{"joint_controllers", `[{name: Nabo kommune, responsibilities: {nb: X, nn: X}, url: "https://nabo.no\u2069"}]`}}, "hidden-char", Error, "joint_controllers[0].url", "U+2069 POP DIRECTIONAL ISOLATE"},
		// The same in other text is a warning: it can reorder what readers see.
		{"RLO in a purpose name", []edit{{"purposes.0.name.nb", `"Oppfølging \u202etxt.exe"`}}, "hidden-char", Warning, "purposes[0].name.nb", "U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"zero-width space in controller name", []edit{{"controller.name", `"Eksempel\u200b kommune"`}}, "hidden-char", Warning, "controller.name", "U+200B ZERO WIDTH SPACE"},
		{"escape character in a description", []edit{{"categories.2.description", `{nb: "a\u001b[2Jb", nn: "x"}`}}, "hidden-char", Warning, "categories[2].description.nb", "U+001B ESCAPE"},
		{"no-break space and soft hyphen in text", []edit{{"purposes.0.name.nb", `"Opp\u00adfølging etter §\u00a029"`}}, "", 0, "", ""},
		{"emoji with joiner in text", []edit{{"purposes.0.name.nb", `"Oppfølging 👩\u200d💻"`}}, "", 0, "", ""},
		// Look-alike letters from other scripts.
		{"Cyrillic e in a host", []edit{{"controller.url", "https://www.eksempel.kommunе.no"}}, "mixed-script", Error, "controller.url", "Cyrillic letter е (U+0435) in a Latin address"},
		{"Cyrillic o in an e-mail user", []edit{{"controller.email", "pоstmottak@eksempel.kommune.no"}}, "mixed-script", Error, "controller.email", "write the Latin letter o"},
		{"Greek omicron in a TLD", []edit{{"dpo.email", "personvernombud@eksempel.kommune.nο"}}, "mixed-script", Error, "dpo.email", "Greek letter ο (U+03BF)"},
		{"whole label in Cyrillic look-alikes", []edit{{"controller.url", "https://аре.no"}}, "mixed-script", Error, "controller.url", `look like the Latin "ape"`},
		{"percent-encoded Cyrillic in a host", []edit{{"controller.url", "https://n%D0%B0v.no"}}, "mixed-script", Error, "controller.url", "Cyrillic letter а (U+0430)"},
		{"Cyrillic o in an id", []edit{{"purposes.0.id", "fоllow-up"}}, "mixed-script", Error, "purposes[0].id", "Cyrillic letter о (U+043E)"},
		{"Cyrillic e in a legal basis code", []edit{{"purposes.0.legal_basis.0.article", `"6(1)(е)"`}}, "mixed-script", Error, "purposes[0].legal_basis[0].article", "write the Latin letter e"},
		{"Arabic-Indic digit in a phone", []edit{{"controller.phone", `"22 00 00 0٣"`}}, "mixed-script", Error, "controller.phone", "write 3"},
		{"fullwidth digit in an org number", []edit{{"controller.org_number", `"97476067３"`}}, "mixed-script", Error, "controller.org_number", "U+FF13"},
		{"Cyrillic in a link target", intro(`Se [NAV](https://www.nаv.no).`), "mixed-script", Error, "introduction.nb", "Cyrillic letter а (U+0430)"},
		{"Norwegian IDN", []edit{{"controller.url", "https://www.blåbærsyltetøy.no/personvern"}, {"controller.email", "post@blåbær.no"}}, "", 0, "", ""},
		{"Latin with diacritics and Sámi", []edit{{"controller.url", "https://čáhppes.sámi.no"}, {"dpo.email", "ombud@café.no"}}, "", 0, "", ""},
		{"all-Cyrillic IDN", []edit{{"controller.url", "https://пример.рф"}}, "", 0, "", ""},
		// Link text that is an address must go to that address.
		{"e-mail text, other mailbox", intro(`Skriv til [personvern@nav.no](mailto:evil@example.com).`), "link-text", Error, "introduction.nb", `make the link go to "mailto:personvern@nav.no"`},
		{"URL text, other host", intro(`Les mer på [https://nav.no](https://evil.example).`), "link-text", Error, "introduction.nb", `"https://evil.example"`},
		{"www text, other host", intro(`Se [www.nav.no](https://evil.example/www.nav.no).`), "link-text", Error, "introduction.nb", "www.nav.no"},
		{"bare domain text, longer host", intro(`Se [nav.no](https://nav.no.evil.example).`), "link-text", Error, "introduction.nb", "nav.no"},
		{"reference link", intro("Skriv til [personvern@nav.no][1].\n\n[1]: mailto:evil@example.com"), "link-text", Error, "introduction.nb", "evil@example.com"},
		{"emphasised text", intro(`**[post@nav.no](https://evil.example)**`), "link-text", Error, "introduction.nb", "post@nav.no"},
		{"phone text, other number", intro(`Ring [22 00 00 00](tel:+4799999999).`), "link-text", Error, "introduction.nb", "tel:"},
		{"URL text, other path", intro(`Les [https://nav.no/personvern](https://nav.no/annet).`), "link-text", Error, "introduction.nb", "nav.no/personvern"},
		{"URL text, other query", intro(`Les [https://nav.no/?side=1](https://nav.no/?side=2).`), "link-text", Error, "introduction.nb", "side=2"},
		{"www text, link within the site", intro(`Se [www.nav.no](/nb/).`), "link-text", Error, "introduction.nb", `make the link go to "https://www.nav.no"`},
		{"http text, https link", intro(`Se [http://nav.no](https://nav.no).`), "link-text", Error, "introduction.nb", "http://nav.no"},
		{"e-mail text, web link", intro(`Skriv til [post@nav.no](https://nav.no/kontakt).`), "link-text", Error, "introduction.nb", "mailto:post@nav.no"},
		{"URL text, place on that page", intro(`Se [https://lovdata.no/lov/2018-06-15-38](https://lovdata.no/lov/2018-06-15-38#KAPITTEL_1).`), "", 0, "", ""},
		{"domain and path text, www link", intro(`Se [nav.no/personvern](https://www.nav.no/personvern/).`), "", 0, "", ""},
		{"file name text", intro(`Last ned [skjema.pdf](vedlegg/skjema.pdf).`), "", 0, "", ""},
		{"e-mail text in another case", intro(`Skriv til [Personvern@NAV.no](mailto:personvern@nav.no?subject=Innsyn).`), "", 0, "", ""},
		{"URL text with trailing slash", intro(`Les [https://nav.no/](HTTPS://NAV.NO).`), "", 0, "", ""},
		{"domain text, page on that site", intro(`Se [nav.no](https://www.nav.no/personvern).`), "", 0, "", ""},
		{"plain link text", intro(`[Kontakt oss](mailto:post@eksempel.no) eller les [mer](https://nav.no).`), "", 0, "", ""},
		{"autolink", intro(`<https://nav.no> og <post@nav.no>`), "", 0, "", ""},
		{"phone text, same number", intro(`Ring [22 00 00 00](tel:+4722000000).`), "", 0, "", ""},
		{"escaped e-mail text", intro(`Skriv til [post\@nav.no](mailto:post&#64;nav.no).`), "", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := applyEdits(t, base, tt.edits)
			doc, err := notice.Parse("valid.yaml", src)
			if err != nil {
				t.Fatalf("parse: %v\n%s", err, src)
			}
			fs := testValidator.Validate(doc)
			if tt.want == "" {
				for _, f := range fs {
					if lookalikeRules[f.Rule] || f.Severity == Error {
						t.Errorf("unexpected finding: %s", f)
					}
				}
				return
			}
			var got []Finding
			for _, f := range fs {
				if f.Rule == tt.rule && f.Path == tt.path {
					got = append(got, f)
				}
			}
			if len(got) != 1 {
				t.Fatalf("want one %s finding at %s containing %q, got:\n%s", tt.rule, tt.path, tt.want, join(fs))
			}
			f := got[0]
			if f.Severity != tt.sev || !strings.Contains(f.Message, tt.want) {
				t.Errorf("want %s containing %q, got: %s", tt.sev, tt.want, f)
			}
			line, col, _ := doc.Pos(notice.ParsePointer("/" + strings.NewReplacer("[", "/", "]", "", ".", "/").Replace(tt.path)))
			if f.Line != line || f.Col != col {
				t.Errorf("at %d:%d, want %d:%d", f.Line, f.Col, line, col)
			}
			// The message must not carry the invisible character itself,
			// or it would reorder the CI log that shows it.
			for _, r := range f.String() {
				if r != ' ' && (hiddenInText(r) || isInvisible(r)) {
					t.Errorf("message carries %U: %q", r, f.String())
				}
			}
			// One problem, one finding: the generic format and schema
			// messages do not repeat it.
			for _, o := range fs {
				if o.Path == tt.path && (o.Rule == "schema" || o.Rule == "contact-format" || o.Rule == "org-number") {
					t.Errorf("also reported as: %s", o)
				}
			}
		})
	}
}
