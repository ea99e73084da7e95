package validate

import (
	"strings"
	"testing"
)

// TestEmptyFieldFindings: an empty text is told what is wrong with it,
// not to become a mapping (nb9x 8); a right written as true is not also
// said to be missing, and is told to be written as a mapping (nb9x 9); an
// empty text in one language names the language and what the field
// holds, not the schema (nb9x 10).
func TestEmptyFieldFindings(t *testing.T) {
	head := "id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\n"
	cases := []struct {
		name, src, path string
		want, not       map[string]string
	}{
		{"empty name", head + "controller:\n  name: \"\"\n  kind: public_authority\n", "controller.name",
			map[string]string{
				"nb": "kan ikke stå tomt; fyll ut feltet: det juridiske navnet til den behandlingsansvarlige (personvernforordningen artikkel 13 nr. 1 bokstav a).",
				"nn": "kan ikkje stå tomt; fyll ut feltet: det juridiske namnet til den behandlingsansvarlege (personvernforordninga artikkel 13 nr. 1 bokstav a).",
			},
			map[string]string{"nb": "gruppe felt", "nn": "gruppe felt"}},
		{"right as boolean", head + "rights:\n  access: true\n", "rights.access",
			map[string]string{
				"nb": "skriv access: {} (eller med how: og limits:), ikke true eller false (personvernforordningen artikkel 15).",
				"nn": "skriv access: {} (eller med how: og limits:), ikkje true eller false (personvernforordninga artikkel 15).",
			},
			map[string]string{"nb": "retten til innsyn mangler", "nn": "retten til innsyn manglar"}},
		{"empty language", head + "title: {nb: \"\", nn: T}\ncategories:\n  - id: c\n    label: {nb: L, nn: L}\n    description: {nb: \"\", nn: D}\n", "categories[0].description.nb",
			map[string]string{
				"nb": "teksten på bokmål er tom; skriv den, eller fjern description. I feltet skal det stå hva kategorien omfatter her, gjerne med eksempler (personvernforordningen artikkel 14 nr. 1 bokstav d).",
				"nn": "teksten på bokmål er tom; skriv han, eller fjern description. I feltet skal det stå kva kategorien omfattar her, gjerne med døme (personvernforordninga artikkel 14 nr. 1 bokstav d).",
			},
			map[string]string{"nb": "skjemaet", "nn": "skjemaet"}},
		{"text as a plain string", head + "title: Tittel\n", "title",
			map[string]string{
				"nb": `skriv teksten på hvert språk, for eksempel title: {nb: "…", nn: "…"} (personvernforordningen artikkel 12 nr. 1).`,
				"nn": `skriv teksten på kvart språk, til dømes title: {nb: "…", nn: "…"} (personvernforordninga artikkel 12 nr. 1).`,
			},
			map[string]string{"nb": "gruppe felt", "nn": "gruppe felt"}},
		{"empty required language", head + "title: {nb: \"\", nn: T}\n", "title.nb",
			map[string]string{
				"nb": "teksten på bokmål er tom; skriv den. I feltet skal det stå tittelen på erklæringen, for eksempel tjenesten den gjelder (personvernforordningen artikkel 12 nr. 1).",
				"nn": "teksten på bokmål er tom; skriv han. I feltet skal det stå tittelen på erklæringa, til dømes tenesta ho gjeld (personvernforordninga artikkel 12 nr. 1).",
			},
			map[string]string{"nb": "fjern title", "nn": "fjern title"}},
	}
	for _, c := range cases {
		fs := findingsOf(t, c.src)
		for lang, w := range c.want {
			m := messages(t, lang)
			found := false
			for _, f := range fs {
				s := f.StringIn(m)
				if f.Path == c.path && strings.HasSuffix(s, ": "+w) {
					found = true
				}
				if strings.Contains(s, c.not[lang]) && (f.Path == c.path || strings.HasPrefix(c.path, f.Path+".")) {
					t.Errorf("%s (%s): %q has %q", c.name, lang, s, c.not[lang])
				}
			}
			if !found {
				var all []string
				for _, f := range fs {
					all = append(all, f.StringIn(m))
				}
				t.Errorf("%s (%s): no %q in\n%s", c.name, lang, w, strings.Join(all, "\n"))
			}
		}
	}
}

// TestNorwegianFieldNames (nn9x 8): a right or field written with its
// Norwegian name gets the code it stands for, which no spelling distance
// finds ("retting" is far from "rectification").
func TestNorwegianFieldNames(t *testing.T) {
	for _, c := range []struct{ src, path, want string }{
		{"id: t\nrights:\n  retting: {}\n", "rights.retting", `unknown field "retting"; did you mean "rectification"?`},
		{"id: t\ntittel: {nb: T, nn: T}\n", "tittel", `unknown field "tittel"; did you mean "title"?`},
	} {
		found := false
		var got []string
		for _, f := range findingsOf(t, c.src) {
			found = found || f.Path == c.path && strings.Contains(f.Message, c.want)
			got = append(got, f.Path+": "+f.Message)
		}
		if !found {
			t.Errorf("%s: no %q in\n%s", c.path, c.want, strings.Join(got, "\n"))
		}
	}
}

// TestEmptyOptionalText (nn10 3): an empty language of an optional text
// is told it may be removed, not "I feltet skal det stå valfri skildring".
func TestEmptyOptionalText(t *testing.T) {
	src := "id: t\nlanguages: [nb, nn]\nsources:\n  - id: s\n    kind: public_authority\n    description: {nb: D, nn: \"\"}\n"
	nn := messages(t, "nn")
	found := false
	var got []string
	for _, f := range findingsOf(t, src) {
		if f.Path == "sources[0].description.nn" {
			found = true
			if m := f.In(nn); strings.Contains(m, "valfri") || strings.Contains(m, "skal innehalde") {
				t.Errorf("got %q", m)
			}
		}
		got = append(got, f.Path)
	}
	if !found {
		t.Errorf("no finding for sources[0].description.nn in %v", got)
	}
}
