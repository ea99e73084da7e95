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
		{"vinn-hallingdal", "nb", []string{"Vi bruker identitetsopplysninger, kontaktopplysninger og opplysninger om tiltaket ditt."}, []string{"om identitetsopplysninger", "om opplysninger"}},
	} {
		wantIn(t, c.id+" "+c.lang, page(t, c.id, c.lang, "md"), c.want, c.bad)
	}
}

// summaryText is a notice's summary in lang, its lines joined as one.
func summaryText(t *testing.T, id, lang string) string {
	t.Helper()
	return strings.Join(strings.Fields(page(t, id, lang, "summary")), " ")
}

// nb3 5, 7, 13, nn3 4, 5, 13, 16: the summary's counts, retention and
// pointer. On the page the item's link is the pointer; summary.txt says it.
// Since nb7x 4 INN's rights item ends in the contact for the rights
// without a how of their own.
func TestSummaryThird(t *testing.T) {
	nb := page(t, "inn-trondheim", "nb", "md")
	wantIn(t, "inn nb md", nb, []string{"For de andre rettighetene sender du en e-post til postmottak@trondheim.kommune.no. [Les mer](#rettigheter)", "Når vi ikke lenger trenger opplysningene, arkiverer vi dem."},
		[]string{"Les mer under «Dine rettigheter». [Les mer]", "kommer an på hva de brukes til", "Noe må vi"})
	wantIn(t, "inn nn summary", summaryText(t, "inn-trondheim", "nn"), []string{"For dei andre rettane sender du ein e-post til postmottak@trondheim.kommune.no. Les meir under «Rettane dine».", "Når vi ikkje lenger treng opplysningane, arkiverer vi dei."},
		[]string{"kjem an på kva dei blir brukte til", "Noko må vi"})
	wantIn(t, "vinn nb summary", summaryText(t, "vinn-hallingdal", "nb"), []string{
		"For formålet «Tiltak på oppdrag fra NAV» har NAV ansvaret for opplysningene, og vi behandler dem på vegne av NAV.",
		"Opplysninger om hvordan du bruker nettstedet vårt, lagrer vi i 14",
	}, []string{"For noen av formålene", "nettsidene våre lagrer"})
	wantIn(t, "vinn nn summary", summaryText(t, "vinn-hallingdal", "nn"), []string{
		"For formålet «Tiltak på oppdrag frå NAV» har NAV ansvaret for opplysningane, og vi behandlar dei på vegner av NAV.",
		"Opplysningar om korleis du brukar nettstaden vår, lagrar vi i 14",
	}, []string{"For nokre av formåla", "nettsidene våre lagrar"})
	wantIn(t, "karriere nb summary", summaryText(t, "karrieresenteret-vestfold", "nb"), []string{"Under «Rett til å trekke tilbake samtykket» står det hvordan du går frem."}, []string{"For noen av rettighetene"})
}

// nb3 12, nn3 2: the portability sentence names the purpose's basis and
// only the data the person gave. nb3 19: the processor role once. nb3 21:
// no "Formål: X." under each recipient of a one-purpose notice. nn3 17: an
// infinitive after a label's colon in lower case. nb3 25: no "bare fordi".
func TestPurposeSentencesThird(t *testing.T) {
	nb := page(t, "vinn-hallingdal", "nb", "md")
	// VINN has two purposes that give portability, so the right's item
	// names them once (rv6nb 9); TestAutomatedOnlyWhereItGivesPortability
	// holds the sentence per basis for a single purpose.
	wantIn(t, "vinn nb", nb, []string{
		"Retten gjelder formålene «Lærekandidater» og «Statistikk for nettstedet».",
	}, []string{"samtykket ditt eller en avtale med deg"})
	nn := page(t, "vinn-hallingdal", "nn", "md")
	wantIn(t, "vinn nn", nn, []string{"Dei berettiga interessene våre: å kunne tilby", "Retten gjeld formåla «Lærekandidatar» og «Statistikk for nettstaden»."},
		[]string{"interessene våre: Å ", "samtykket ditt eller ein avtale med deg"})
	for _, lang := range []string{"nb", "nn"} {
		jl := page(t, "joblearn", lang, "md")
		wantIn(t, "joblearn "+lang, jl, []string{map[string]string{"nb": "JobLearn AS er databehandler for NAV. NAV er behandlingsansvarlig for opplysningene om deg.", "nn": "JobLearn AS er databehandlar for NAV. NAV er behandlingsansvarleg for opplysningane om deg."}[lang]},
			[]string{"Formål: ", "AS er databehandler.", "AS er databehandlar."})
	}
	r := renderer(t)
	for _, lang := range []string{"nb", "nn"} {
		c, err := r.Catalog(lang)
		if err != nil {
			t.Fatal(err)
		}
		if s := c.T("automated.basis.c", "x"); strings.Contains(s, "bare fordi") || strings.Contains(s, "berre fordi") {
			t.Errorf("%s automated.basis.c: %q", lang, s)
		}
	}
}
