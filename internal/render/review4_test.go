package render

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/testtool"
)

// The fourth language review (review/nb4.md, review/nn4.md): each test
// holds a reviewer's example on the corpus, in both languages.

// nb4 9, nn4 8: the start phrase of a period does not name again what
// the data already name ("… bruk av nettstedet … på nettstedet",
// "Opplysninger … opplysningene").
func TestRetentionFromNoEcho(t *testing.T) {
	wantIn(t, "nb", page(t, "karrieresenteret-vestfold", "nb", "md"),
		[]string{"Vi lagrer opplysninger om bruk av nettstedet i 26\u00a0måneder etter besøket ditt."},
		[]string{"besøket ditt på nettstedet"})
	wantIn(t, "nn", page(t, "karrieresenteret-vestfold", "nn", "md"),
		[]string{"Vi lagrar opplysningar om bruk av nettstaden i 26\u00a0månader etter besøket ditt."},
		[]string{"besøket ditt på nettstaden"})
	wantIn(t, "nb", page(t, "vinn-hallingdal", "nb", "md"),
		[]string{"etter at de ble samlet inn."}, []string{"etter at opplysningene ble samlet inn"})
	wantIn(t, "nn", page(t, "vinn-hallingdal", "nn", "md"),
		[]string{"etter at dei vart samla inn."}, []string{"etter at opplysningane vart samla inn"})
}

// nb4 10, nn4 7: "Vi bruker opplysninger om bruk av nettstedet" echoed.
func TestPurposeCategoriesUsed(t *testing.T) {
	for _, id := range []string{"karrieresenteret-vestfold", "vinn-hallingdal"} {
		wantIn(t, id+" nb", page(t, id, "nb", "md"),
			[]string{"Vi bruker opplysninger om hvordan du bruker nettstedet."},
			[]string{"Vi bruker opplysninger om bruk av nettstedet"})
		wantIn(t, id+" nn", page(t, id, "nn", "md"),
			[]string{"Vi brukar opplysningar om korleis du brukar nettstaden."},
			[]string{"Vi brukar opplysningar om bruk av nettstaden"})
	}
}

// nb4 14: Kort fortalt names kinds as the page heads them («Offentlige
// myndigheter», «Private virksomheter»), not "etater og firmaer".
func TestSummaryKindWords(t *testing.T) {
	nb := strings.Join(strings.Fields(page(t, "inn-trondheim", "nb", "summary")), " ")
	wantIn(t, "nb", nb, []string{"Vi får også opplysninger fra offentlige myndigheter og private virksomheter."}, []string{"etater", "firmaer"})
	nn := strings.Join(strings.Fields(page(t, "inn-trondheim", "nn", "summary")), " ")
	wantIn(t, "nn", nn, []string{"Vi får òg opplysningar frå offentlege myndigheiter og private verksemder."}, []string{"etatar", "firma"})
}

// nb4 6, nn4 5: "Slik lagrer vi disse opplysningene:" made a list of
// categories the answer to "how"; and VINN listed three categories inline
// in one rule and as bullets in the next. (A rule over every category
// says "alle opplysningene", rv6nb 10: TestRetentionAllCategories.)
func TestRetentionLead(t *testing.T) {
	for _, id := range []string{"inn-trondheim", "kvalifiseringsprogrammet", "karrieresenteret-vestfold", "vinn-hallingdal"} {
		wantIn(t, id+" nb", page(t, id, "nb", "md"), []string{"gjelder "}, []string{"Slik lagrer vi disse opplysningene:"})
		wantIn(t, id+" nn", page(t, id, "nn", "md"), []string{"gjeld "}, []string{"Slik lagrar vi desse opplysningane:"})
	}
	wantIn(t, "vinn nb", page(t, "vinn-hallingdal", "nb", "md"), nil, []string{"Slik lagrer vi opplysninger om tiltaket ditt, identitetsopplysninger og kontaktopplysninger:"})
	wantIn(t, "vinn nn", page(t, "vinn-hallingdal", "nn", "md"), nil, []string{"Slik lagrar vi opplysningar om tiltaket ditt, identitetsopplysningar og kontaktopplysningar:"})
}

// nb4 11, nn4 15: the purpose block does not say again who is controller
// («Hvem som er ansvarlig» has said it), and the processor role is two
// short statements, never "som databehandler" after a group.
func TestProcessorRoleOnce(t *testing.T) {
	nb := page(t, "vinn-hallingdal", "nb", "md")
	wantIn(t, "vinn nb", nb, []string{"For formålet «Tiltak på oppdrag fra NAV» er VINN AS Hallingdal databehandler for NAV, og NAV er behandlingsansvarlig.", "Her behandler vi opplysningene på vegne av NAV.\n"},
		[]string{"på vegne av NAV, som er behandlingsansvarlig", "opplysningene som databehandler"})
	nn := page(t, "vinn-hallingdal", "nn", "md")
	wantIn(t, "vinn nn", nn, []string{"For formålet «Tiltak på oppdrag frå NAV» er VINN AS Hallingdal databehandlar for NAV, og NAV er behandlingsansvarleg.", "Her behandlar vi opplysningane på vegner av NAV.\n"},
		[]string{"på vegner av NAV, som er behandlingsansvarleg", "opplysningane som databehandlar"})
	wantIn(t, "joblearn nn", page(t, "joblearn", "nn", "md"), []string{"JobLearn AS er databehandlar for NAV. NAV er behandlingsansvarleg for opplysningane om deg"}, []string{"Som databehandlar for"})
}

// nb4 8: an author's description that names the recipient's data is not
// followed by the tool's sentence naming them again.
func TestRecipientDescribedData(t *testing.T) {
	nb := page(t, "vinn-hallingdal", "nb", "md")
	wantIn(t, "vinn nb", nb, []string{"Vi har en databehandleravtale med dem.", "Vi har en databehandleravtale med Google."},
		[]string{"Arbeidsgivere får identitetsopplysninger.", "Databehandlerne våre behandler identitetsopplysninger og kontaktopplysninger"})
	nn := page(t, "vinn-hallingdal", "nn", "md")
	wantIn(t, "vinn nn", nn, []string{"Vi har ein databehandlaravtale med dei."},
		[]string{"Arbeidsgjevarar får identitetsopplysningar."})
	// A description that does not name the data keeps the tool's line.
	wantIn(t, "kvp nb", page(t, "kvalifiseringsprogrammet", "nb", "md"), []string{"Skatteetaten får skatteopplysninger"}, nil)
}

// A description that already names the agreement ("Vi har
// databehandleravtaler med dem, og avtalene sikrer …") is not followed
// by the tool's "Vi har en databehandleravtale med dem." (lint
// duplicate-sentence on Karrieresenteret).
func TestProcessorAgreementNamedOnce(t *testing.T) {
	corpus := filepath.Join(testtool.Root(), "testdata", "notices")
	nb := pageIn(t, corpus, "karrieresenteret-vestfold", "nb", "md")
	wantIn(t, "karrieresenteret nb", nb, []string{"Vi har databehandleravtaler med dem"}, []string{"Vi har en databehandleravtale med dem."})
	nn := pageIn(t, corpus, "karrieresenteret-vestfold", "nn", "md")
	wantIn(t, "karrieresenteret nn", nn, []string{"Vi har databehandlaravtalar med dei"}, []string{"Vi har ein databehandlaravtale med dei."})
	// A description that does not name it keeps the line.
	wantIn(t, "vinn nb", page(t, "vinn-hallingdal", "nb", "md"), []string{"Vi har en databehandleravtale med dem."}, nil)
}
