package i18n

import (
	"testing"

	"github.com/personvern/personvern/templates"
)

func load(t *testing.T, lang string) *Catalog {
	t.Helper()
	c, err := Load(templates.FS, lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGrammar(t *testing.T) {
	nb, nn := load(t, "nb"), load(t, "nn")
	tests := []struct {
		name   string
		got    func(c *Catalog) string
		nb, nn string
	}{
		{"list of three", func(c *Catalog) string { return c.List([]string{"A", "B", "C"}) }, "A, B og C", "A, B og C"},
		{"list of two", func(c *Catalog) string { return c.List([]string{"A", "B"}) }, "A og B", "A og B"},
		{"list of one", func(c *Catalog) string { return c.List([]string{"A"}) }, "A", "A"},
		{"list or", func(c *Catalog) string { return c.ListOr([]string{"A", "B"}) }, "A eller B", "A eller B"},
		{"date", func(c *Catalog) string { return c.Date("2018-07-10") }, "10. juli 2018", "10. juli 2018"},
		{"date first", func(c *Catalog) string { return c.Date("2024-05-01") }, "1. mai 2024", "1. mai 2024"},
		{"weeks", func(c *Catalog) string { return c.Duration("P12W") }, "12 uker", "12 veker"},
		{"one week", func(c *Catalog) string { return c.Duration("P1W") }, "1 uke", "1 veke"},
		{"months", func(c *Catalog) string { return c.Duration("P6M") }, "6 måneder", "6 månader"},
		{"year and months", func(c *Catalog) string { return c.Duration("P1Y6M") }, "1 år og 6 måneder", "1 år og 6 månader"},
		{"days", func(c *Catalog) string { return c.Duration("P30D") }, "30 dager", "30 dagar"},
		{"bad duration kept", func(c *Catalog) string { return c.Duration("12W") }, "12W", "12W"},
		{"cite full", func(c *Catalog) string { return c.Cite("6(1)(c)", true) }, "personvernforordningen artikkel 6 nr. 1 bokstav c", "personvernforordninga artikkel 6 nr. 1 bokstav c"},
		{"cite short", func(c *Catalog) string { return c.Cite("9(2)(h)", false) }, "artikkel 9 nr. 2 bokstav h", "artikkel 9 nr. 2 bokstav h"},
		{"cite article", func(c *Catalog) string { return c.Cite("21", false) }, "artikkel 21", "artikkel 21"},
		{"placeholder", func(c *Catalog) string { return c.T("version.number", "2.0") }, "Versjon 2.0.", "Versjon 2.0."},
	}
	for _, tt := range tests {
		if got := tt.got(nb); got != tt.nb {
			t.Errorf("%s (nb) = %q, want %q", tt.name, got, tt.nb)
		}
		if got := tt.got(nn); got != tt.nn {
			t.Errorf("%s (nn) = %q, want %q", tt.name, got, tt.nn)
		}
	}
	if got := nb.T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key = %q", got)
	}
}

// TestCataloguesAgree: every language has every key, so adding a language
// is adding a complete catalogue.
func TestCataloguesAgree(t *testing.T) {
	langs := Available(templates.FS)
	if len(langs) < 2 {
		t.Fatalf("languages %v", langs)
	}
	ref := load(t, langs[0])
	for _, l := range langs[1:] {
		c := load(t, l)
		for _, k := range ref.Keys() {
			if !c.Has(k) {
				t.Errorf("%s lacks %s (in %s)", l, k, ref.Lang)
			}
		}
		for _, k := range c.Keys() {
			if !ref.Has(k) {
				t.Errorf("%s lacks %s (in %s)", ref.Lang, k, l)
			}
		}
	}
}
