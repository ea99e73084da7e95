package render

import (
	"strings"
	"testing"
)

// The fifth language review (review/nb5.md, review/nn5.md): each test
// holds a reviewer's example, in both languages.

// flat is text with every run of spaces and line breaks as one space.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// nb5 8: the summary and VINN's provision said "informasjonskapsler som
// ikke er nødvendige", a weaker test than ekomloven § 3-15's "strengt
// nødvendige", which the rest of the page says.
func TestCookiesStrictlyNecessary(t *testing.T) {
	for _, id := range []string{"karrieresenteret-vestfold", "vinn-hallingdal"} {
		wantIn(t, id+" nb summary", flat(page(t, id, "nb", "summary")),
			[]string{"Vi bruker informasjonskapsler som ikke er strengt nødvendige, bare hvis du sier ja."},
			[]string{"som ikke er nødvendige"})
		wantIn(t, id+" nn summary", flat(page(t, id, "nn", "summary")),
			[]string{"Vi brukar informasjonskapslar som ikkje er strengt nødvendige, berre viss du seier ja."},
			[]string{"som ikkje er nødvendige"})
	}
	wantIn(t, "vinn nb", flat(page(t, "vinn-hallingdal", "nb", "md")),
		[]string{"Du kan si nei til informasjonskapsler som ikke er strengt nødvendige."}, []string{"som ikke er nødvendige"})
	wantIn(t, "vinn nn", flat(page(t, "vinn-hallingdal", "nn", "md")),
		[]string{"Du kan seie nei til informasjonskapslar som ikkje er strengt nødvendige."}, []string{"som ikkje er nødvendige"})
}

// nb5 9: the cookie section said the consent rule twice, in its lead
// (ekomloven § 3-15) and again in the consent subsection's lead; the
// subsection says only what is new, that consent can be withdrawn.
func TestCookiesConsentOnce(t *testing.T) {
	for _, tc := range []struct{ lang, heading, lead, again string }{
		{"nb", "### Slik samtykker du og trekker samtykket tilbake", "Du kan trekke samtykket tilbake når som helst, og det skal være like enkelt som å gi det.", "bruker vi bare hvis du samtykker"},
		{"nn", "### Slik samtykkjer du og trekkjer samtykket tilbake", "Du kan trekkje samtykket tilbake når som helst, og det skal vere like enkelt som å gje det.", "brukar vi berre viss du samtykkjer"},
	} {
		for _, id := range []string{"karrieresenteret-vestfold", "vinn-hallingdal"} {
			md := page(t, id, tc.lang, "md")
			i := strings.Index(md, tc.heading)
			if i < 0 {
				t.Errorf("%s %s: no %q", id, tc.lang, tc.heading)
				continue
			}
			wantIn(t, id+" "+tc.lang, md[i:], []string{tc.heading + "\n\n" + tc.lead + "\n"}, []string{tc.again})
			if n := strings.Count(md, "3-15"); n != 1 {
				t.Errorf("%s %s: ekomloven § 3-15 cited %d times", id, tc.lang, n)
			}
		}
	}
}
