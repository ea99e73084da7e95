package render

import (
	"os"
	"path/filepath"
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
// subsection says only what is new, that consent can be withdrawn, and
// where the cookie's own text says that already, only that withdrawing
// must be as easy as consenting.
func TestCookiesConsentOnce(t *testing.T) {
	for _, tc := range []struct{ lang, heading, lead, again string }{
		{"nb", "### Slik samtykker du og trekker samtykket tilbake", "Det skal være like enkelt å trekke samtykket tilbake som å gi det.", "bruker vi bare hvis du samtykker"},
		{"nn", "### Slik samtykkjer du og trekkjer samtykket tilbake", "Det skal vere like enkelt å trekkje samtykket tilbake som å gje det.", "brukar vi berre viss du samtykkjer"},
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

// A cookie whose consent text does not say it can be withdrawn gets the
// whole lead: consent can be withdrawn at any time, as easily as given.
func TestCookiesConsentLeadWithdrawal(t *testing.T) {
	for _, tc := range []struct{ lang, text, lead string }{
		{"nb", "Du samtykker i banneret.", "Du kan trekke samtykket tilbake når som helst, og det skal være like enkelt som å gi det."},
		{"nn", "Du samtykkjer i banneret.", "Du kan trekkje samtykket tilbake når som helst, og det skal vere like enkelt som å gje det."},
	} {
		dir := t.TempDir()
		src, err := os.ReadFile(filepath.Join("testdata", "examples", "vinn-hallingdal.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		yaml := string(src)
		i := strings.Index(yaml, "\n    consent:")
		if i < 0 {
			t.Fatal("no cookie consent in vinn-hallingdal.yaml")
		}
		// The consent is the file's last field: it is replaced to the end.
		yaml = yaml[:i] + "\n    consent: {nb: \"Du samtykker i banneret.\", nn: \"Du samtykkjer i banneret.\"}\n"
		if err := os.WriteFile(filepath.Join(dir, "vinn-hallingdal.yaml"), []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		md := pageIn(t, dir, "vinn-hallingdal", tc.lang, "md")
		wantIn(t, tc.lang, md, []string{tc.lead + "\n\n- **\\_ga**\n\n  " + tc.text}, nil)
	}
}

// nn5 11: KVP's introduction said the notice covered relatives and NAV
// staff, and nothing on the page is about them: it says whom it covers.
func TestKVPIntroScope(t *testing.T) {
	wantIn(t, "nb", page(t, "kvalifiseringsprogrammet", "nb", "md"),
		[]string{"\nErklæringen gjelder opplysninger om deg som søker om eller er med i kvalifiseringsprogrammet.\n"}, []string{"pårørende", "ansatte ved NAV"})
	wantIn(t, "nn", page(t, "kvalifiseringsprogrammet", "nn", "md"),
		[]string{"\nErklæringa gjeld opplysningar om deg som søkjer om eller er med i kvalifiseringsprogrammet.\n"}, []string{"pårørande", "tilsette ved NAV"})
}
