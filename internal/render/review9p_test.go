package render

import (
	"strings"
	"testing"
)

// Round 9 of the language reviews (review/nb8.md, nb8x.md, nn8.md).

// TestObjectionFollowsRole: the right to object, under its own heading,
// says which purposes it covers when it does not cover all, and where we
// process for another controller that controller weighs the objection
// (nb8 5).
func TestObjectionFollowsRole(t *testing.T) {
	for _, tc := range []struct{ id, lang, want, not string }{
		{"vinn-hallingdal", "nb", "Gjelder det formålet «Tiltak på oppdrag fra NAV», er det NAV som vurderer protesten og eventuelt stanser behandlingen.", ""},
		{"vinn-hallingdal", "nn", "Gjeld det formålet «Tiltak på oppdrag frå NAV», er det NAV som vurderer protesten og eventuelt stansar behandlinga.", ""},
		{"vinn-hallingdal", "nb", "Retten gjelder formålene «Tiltak på oppdrag fra NAV» og «Kundeservice og tilbud til kunder».", ""},
		{"inn-trondheim", "nb", "Retten gjelder ikke formålet «Deling og kommunikasjon på dine vegne, med samtykke». Der bygger vi på samtykke fra deg, og det kan du trekke tilbake når du vil.", ""},
		{"inn-trondheim", "nn", "Retten gjeld ikkje formålet «Deling og kommunikasjon på dine vegner, med samtykke». Der byggjer vi på samtykke frå deg, og det kan du trekkje tilbake når du vil.", ""},
		// The whole notice is NAV's: the right's own text names NAV, and
		// no purpose line is needed.
		{"joblearn", "nb", "Da må NAV stanse den", "vurderer protesten"},
		// The author's limits say the scope: no generated scope line
		// beside them.
		{"karrieresenteret-vestfold", "nb", "Retten gjelder bare registreringen uten navn til statistikk.", "Retten gjelder formålet «Kunderegistrering uten navn og statistikk»."},
	} {
		got := flat(page(t, tc.id, tc.lang, "txt"))
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s %s: want %q in the right to object", tc.id, tc.lang, tc.want)
		}
		if tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("%s %s: %q should not be said", tc.id, tc.lang, tc.not)
		}
	}
}

// TestRetentionThenThem (nb8 3): with more than one rule, the closing
// line speaks of the rule's data; "Deretter arkiverer vi opplysningene"
// read as every datum archived, against the rule that deletes. One rule
// covering everything keeps "opplysningene".
func TestRetentionThenThem(t *testing.T) {
	for _, tc := range []struct{ id, lang, want, not string }{
		{"kvalifiseringsprogrammet", "nb", "Deretter arkiverer vi dem.", "Deretter arkiverer vi opplysningene."},
		{"kvalifiseringsprogrammet", "nn", "Deretter arkiverer vi dei.", "Deretter arkiverer vi opplysningane."},
		{"inn-trondheim", "nb", "Deretter arkiverer vi opplysningene.", ""},
	} {
		got := flat(page(t, tc.id, tc.lang, "txt"))
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s %s: want %q", tc.id, tc.lang, tc.want)
		}
		if tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("%s %s: %q should not be said", tc.id, tc.lang, tc.not)
		}
	}
}

// TestHumanReviewByLaw (nn8 4): a decision a law allows (art. 22(2)(b))
// has the safeguards that law lays down, not those of art. 22(3), so the
// page does not promise "si din mening og klage på avgjørelsen" for it.
func TestHumanReviewByLaw(t *testing.T) {
	for _, tc := range []struct{ lang, want, not string }{
		{"nb", "Når en maskin tar en avgjørelse om deg fordi en lov tillater det, skal den loven også verne rettighetene og interessene dine.", "si din mening"},
		{"nn", "Når ein maskin tek ei avgjerd om deg fordi ei lov tillèt det, skal den lova òg verne rettane og interessene dine.", "seie meininga di"},
	} {
		got := flat(page(t, "inn-trondheim", tc.lang, "txt"))
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("%s: want %q and no %q", tc.lang, tc.want, tc.not)
		}
	}
}
