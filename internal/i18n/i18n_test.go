package i18n

import (
	"strings"
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
		{"one week", func(c *Catalog) string { return c.Duration("P1W") }, "én uke", "éi veke"},
		{"one year", func(c *Catalog) string { return c.Duration("P1Y") }, "ett år", "eitt år"},
		{"one month", func(c *Catalog) string { return c.Duration("P1M") }, "én måned", "éin månad"},
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

// TestRightsWording: the texts that tell people their rights say what the
// law says, in both languages; each row names the provision it follows.
func TestRightsWording(t *testing.T) {
	tests := []struct {
		key, law string
		nb, nn   []string
		never    []string
	}{
		{"rights.contact", "art. 12(3): one month, extendable by two", []string{"én måned", "to måneder til"}, []string{"éin månad", "to månader til"}, nil},
		{"rights.free", "art. 12(5): free unless manifestly unfounded or excessive: the words of the Norwegian text, \"åpenbart grunnløse eller overdrevne\"", []string{"gratis", "åpenbart grunnløs eller overdreven"}, []string{"gratis", "openbert er grunnlaus eller overdriven"}, nil},
		{"right.objection.desc", "art. 21(1): compelling legitimate grounds, legal claims", []string{"tvingende berettigede grunner som går foran", "rettskrav"}, []string{"tvingande berettiga grunnar som går føre", "rettskrav"}, []string{"tungtveiende", "tungtvegande"}},
		{"right.portability.desc", "art. 20(2): direct transfer where technically feasible", []string{"der det er teknisk mulig"}, []string{"der det er teknisk mogleg"}, nil},
		{"automated.none", "no claim about profiling unless the notice declares it", nil, nil, []string{"profilering"}},
		{"summary.rights.portability", "'få med deg' means to notice, not to take along", []string{"ta med deg"}, []string{"ta med deg"}, []string{"få med deg"}},
	}
	for _, lang := range []string{"nb", "nn"} {
		c := load(t, lang)
		for _, tt := range tests {
			got := c.T(tt.key)
			want := tt.nb
			if lang == "nn" {
				want = tt.nn
			}
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("%s %s (%s): %q lacks %q", lang, tt.key, tt.law, got, w)
				}
			}
			for _, w := range tt.never {
				if strings.Contains(got, w) {
					t.Errorf("%s %s (%s): %q has %q", lang, tt.key, tt.law, got, w)
				}
			}
		}
	}
}

// TestListing: one decision for every joined list. Short simple items
// are joined in the sentence; an item holding "og" or a comma, or more
// than three long items, make bullets.
func TestListing(t *testing.T) {
	nb, nn := load(t, "nb"), load(t, "nn")
	for _, tt := range []struct {
		name    string
		items   []string
		bullets bool
		inline  string
	}{
		{"none", nil, false, ""},
		{"one", []string{"kontaktopplysninger"}, false, "kontaktopplysninger"},
		{"one holding og", []string{"familieforhold og sivilstatus"}, false, "familieforhold og sivilstatus"},
		{"short simple", []string{"identitetsopplysninger", "kontaktopplysninger", "helseopplysninger"}, false, "identitetsopplysninger, kontaktopplysninger og helseopplysninger"},
		{"many short", []string{"navn", "adresse", "telefon", "e-post", "kjønn", "alder"}, false, "navn, adresse, telefon, e-post, kjønn og alder"},
		{"item holds og", []string{"identitetsopplysninger", "familieforhold og sivilstatus", "oppholdsgrunnlag"}, true, "identitetsopplysninger, «familieforhold og sivilstatus» og oppholdsgrunnlag"},
		{"item holds comma", []string{"kjønn", "ønsker, muligheter og hindringer"}, true, "kjønn og «ønsker, muligheter og hindringer»"},
		{"quoted name", []string{"«Mat og drikke»", "«Kurs»"}, false, "«Mat og drikke» og «Kurs»"},
		{"three long", []string{"situasjonen din i dag", "ønskede fokusområder i karriereveiledningen", "hvem du bor med"}, false, "situasjonen din i dag, ønskede fokusområder i karriereveiledningen og hvem du bor med"},
		{"a clause among three", []string{"opplysninger som trengs for å utføre oppdraget for NAV", "identitetsopplysninger", "kontaktopplysninger"}, true, "opplysninger som trengs for å utføre oppdraget for NAV, identitetsopplysninger og kontaktopplysninger"},
		{"a clause and one more", []string{"opplysninger som trengs for å utføre oppdraget for NAV", "kontaktopplysninger"}, false, "opplysninger som trengs for å utføre oppdraget for NAV og kontaktopplysninger"},
		{"four long", []string{"situasjonen din i dag", "ønskede fokusområder i karriereveiledningen", "hvem du bor med", "hva du har søkt om"}, true, "situasjonen din i dag, ønskede fokusområder i karriereveiledningen, hvem du bor med og hva du har søkt om"},
	} {
		for _, c := range []*Catalog{nb, nn} {
			got := c.Listing(tt.items)
			if got.Bullets != tt.bullets || got.Inline != tt.inline {
				t.Errorf("%s (%s): Listing = bullets %v, %q; want bullets %v, %q", tt.name, c.Lang, got.Bullets, got.Inline, tt.bullets, tt.inline)
			}
			if got.Inline != c.List(tt.items) {
				t.Errorf("%s (%s): Inline %q is not List %q", tt.name, c.Lang, got.Inline, c.List(tt.items))
			}
		}
	}
}

// nb3 6, 20, nn3 7: labels as the object of a sentence.
func TestDataObject(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		items []string
		want  string
	}{
		{"nb", []string{"inntekt"}, "opplysninger om inntekt"},
		{"nb", []string{"bostedskommune", "alder", "situasjonen din i dag"}, "opplysninger om bostedskommune, alder og situasjonen din i dag"},
		{"nb", []string{"identitetsopplysninger"}, "identitetsopplysninger"},
		// nb5 10: a phrase that starts "opplysninger om" goes last, or it
		// reads as "opplysninger om (… og identitetsopplysninger)".
		{"nb", []string{"opplysninger om tiltaket ditt", "identitetsopplysninger"}, "identitetsopplysninger og opplysninger om tiltaket ditt"},
		{"nb", []string{"opplysninger om tiltaket ditt", "identitetsopplysninger", "kontaktopplysninger"}, "identitetsopplysninger, kontaktopplysninger og opplysninger om tiltaket ditt"},
		{"nn", []string{"opplysningar om tiltaket ditt", "identitetsopplysningar", "kontaktopplysningar"}, "identitetsopplysningar, kontaktopplysningar og opplysningar om tiltaket ditt"},
		{"nb", []string{"inntekt", "skatteopplysninger"}, "skatteopplysninger og opplysninger om inntekt"},
		{"nb", []string{"alder", "helseopplysninger", "kjønn", "kontaktopplysninger"}, "helseopplysninger, kontaktopplysninger og opplysninger om alder og kjønn"},
		{"nn", []string{"inntekt", "skatteopplysningar"}, "skatteopplysningar og opplysningar om inntekt"},
		{"nn", []string{"arbeidserfaring og arbeidsforhold"}, "opplysningar om arbeidserfaring og arbeidsforhold"},
	} {
		if got := load(t, tt.lang).DataObject(tt.items); got != tt.want {
			t.Errorf("%s DataObject(%q) = %q, want %q", tt.lang, tt.items, got, tt.want)
		}
	}
}

// nb4 9, nn4 8: a start phrase after data that already name its place
// or the data themselves.
func TestFromAfter(t *testing.T) {
	for _, tt := range []struct{ lang, from, object, want string }{
		{"nb", "besøket ditt på nettstedet", "opplysninger om bruk av nettstedet", "besøket ditt"},
		{"nb", "besøket ditt på nettstedet", "opplysninger om hvordan du bruker nettstedet vårt", "besøket ditt"},
		{"nb", "at opplysningene ble samlet inn", "opplysninger om bruk av nettstedet", "at de ble samlet inn"},
		{"nb", "at sluttrapporten er sendt til NAV", "alle opplysningene", "at sluttrapporten er sendt til NAV"},
		{"nb", "besøket ditt på nettstedet", "identitetsopplysninger", "besøket ditt på nettstedet"},
		{"nn", "besøket ditt på nettstaden", "opplysningar om bruk av nettstaden", "besøket ditt"},
		{"nn", "at opplysningane vart samla inn", "opplysningar om korleis du brukar nettstaden vår", "at dei vart samla inn"},
	} {
		if got := load(t, tt.lang).FromAfter(tt.from, tt.object); got != tt.want {
			t.Errorf("%s FromAfter(%q, %q) = %q, want %q", tt.lang, tt.from, tt.object, got, tt.want)
		}
	}
}

// TestDateRange: a span within one month says the month and year once
// ("fra 2. til 3. desember 2026", nb9 8); the same day stays one date.
func TestDateRange(t *testing.T) {
	for _, tt := range []struct{ lang, from, to, a, b string }{
		{"nb", "2026-12-02", "2026-12-03", "2.", "3. desember 2026"},
		{"nn", "2026-11-30", "2026-12-03", "30. november 2026", "3. desember 2026"},
		{"nb", "2026-12-02", "2026-12-02", "2. desember 2026", "2. desember 2026"},
		{"nb", "2025-12-02", "2026-12-03", "2. desember 2025", "3. desember 2026"},
	} {
		a, b := load(t, tt.lang).DateRange(tt.from, tt.to)
		if a != tt.a || b != tt.b {
			t.Errorf("%s %s–%s: %q, %q; want %q, %q", tt.lang, tt.from, tt.to, a, b, tt.a, tt.b)
		}
	}
}
