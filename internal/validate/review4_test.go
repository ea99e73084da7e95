package validate

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/templates"
)

// messageFiles are the catalogues and starter files whose Norwegian the
// person running the tool reads: findings, schema descriptions (which
// findings quote as what to add), CLI, loader and help messages, and the
// files new and init write.
func messageFiles(t *testing.T, lang string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range []string{"findings", "schema", "cli", "loader", "help"} {
		p := "lang/" + name + "." + lang + ".yaml"
		b, err := fs.ReadFile(templates.FS, p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = string(b)
	}
	for _, p := range []string{"new." + lang + ".yaml", "init/personvern." + lang + ".yaml"} {
		if b, err := fs.ReadFile(templates.FS, p); err == nil {
			out[p] = string(b)
		}
	}
	return out
}

// TestNoFragmentAfterSemicolon (nb4 5): a semicolon joins two clauses,
// so what follows it has a subject and a verb. "legg til kontaktinformasjon
// til personvernombudet; påkrevd for offentlige myndigheter" ends in a
// fragment, and in a finding ("mangler; legg til …") it is the second
// semicolon of the line.
func TestNoFragmentAfterSemicolon(t *testing.T) {
	fragment := regexp.MustCompile(`(?i);\s+(påkrevd|påkravd|påkravde|krever|krev|kreves|erstatter|erstattar|obligatorisk|valgfri|valfri|ferdige id-er|den registrerte selv|den registrerte sjølv|små bokstaver|små bokstavar|vises|blir vist|høyst|høgst)\b`)
	for _, lang := range []string{"nb", "nn"} {
		for p, text := range messageFiles(t, lang) {
			for i, line := range strings.Split(text, "\n") {
				if m := fragment.FindString(line); m != "" {
					t.Errorf("%s:%d: fragment after a semicolon %q: %s", p, i+1, m, line)
				}
			}
		}
	}
}

// TestNynorskFormsAsOnThePages (nn4 9): the messages use the forms the
// pages use, "nødvendig" and "uttrykkeleg", not "naudsynt" and
// "uttrykkjeleg" beside them.
func TestNynorskFormsAsOnThePages(t *testing.T) {
	other := regexp.MustCompile(`(?i)\b(naudsynt\w*|uttrykkjeleg\w*)`)
	for p, text := range messageFiles(t, "nn") {
		for i, line := range strings.Split(text, "\n") {
			if m := other.FindString(line); m != "" {
				t.Errorf("%s:%d: %q, where the pages write nødvendig/uttrykkeleg: %s", p, i+1, m, line)
			}
		}
	}
}

// TestNynorskDetSom (nn4 11): in nynorsk an object clause after "det"
// has "som": "det som informasjonskapselen samlar inn", not "behandlar
// det informasjonskapselen samlar inn, i USA".
func TestNynorskDetSom(t *testing.T) {
	bare := regexp.MustCompile(`\bdet (informasjonskapselen|han|ho)( %(\[\d\])?q)? samlar inn`)
	for p, text := range messageFiles(t, "nn") {
		for i, line := range strings.Split(text, "\n") {
			if m := bare.FindString(line); m != "" {
				t.Errorf("%s:%d: %q without som: %s", p, i+1, m, line)
			}
		}
	}
}
