package render

import (
	"strings"
	"testing"
)

// The third language reviews (review/nb3.md, review/nn3.md): each test
// holds a reviewer's example on the corpus, in both languages.

// nb3 6, 20, nn3 7: a category label in object position named the thing
// given ("Skatteetaten får inntekt", "Vi bruker bostedskommune, alder …");
// a label that names data stays as it is, with no "opplysninger om
// skatteopplysninger".
func TestCategoriesAsObject(t *testing.T) {
	for _, c := range []struct {
		id, lang  string
		want, bad []string
	}{
		{"kvalifiseringsprogrammet", "nb", []string{
			"Arbeidsgivere gir oss opplysninger om arbeidserfaring og arbeidsforhold.",
			"Skatteetaten gir oss skatteopplysninger og opplysninger om inntekt.",
			"Skatteetaten får skatteopplysninger og opplysninger om inntekt.",
		}, []string{"gir oss arbeidserfaring", "får inntekt", "gir oss inntekt", "om skatteopplysninger"}},
		{"kvalifiseringsprogrammet", "nn", []string{
			"Arbeidsgjevarar gjev oss opplysningar om arbeidserfaring og arbeidsforhold.",
			"Skatteetaten får skatteopplysningar og opplysningar om inntekt.",
		}, []string{"gjev oss arbeidserfaring", "får inntekt", "gjev oss inntekt", "om skatteopplysningar"}},
		{"karrieresenteret-vestfold", "nb", []string{"Vi bruker opplysninger om bostedskommune, alder og situasjonen din i dag."}, []string{"Vi bruker bostedskommune"}},
		{"karrieresenteret-vestfold", "nn", []string{"Vi brukar opplysningar om bustadkommune, alder og situasjonen din i dag."}, []string{"Vi brukar bustadkommune"}},
		{"vinn-hallingdal", "nb", []string{"Arbeidsgivere får identitetsopplysninger.", "Vi bruker opplysninger om tiltaket ditt, identitetsopplysninger og kontaktopplysninger."}, []string{"om identitetsopplysninger", "om opplysninger"}},
	} {
		wantIn(t, c.id+" "+c.lang, page(t, c.id, c.lang, "md"), c.want, c.bad)
	}
}

// summaryText is a notice's summary in lang, its lines joined as one.
func summaryText(t *testing.T, id, lang string) string {
	t.Helper()
	return strings.Join(strings.Fields(page(t, id, lang, "summary")), " ")
}
