package render

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
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

// TestHumanReviewByLaw (nn8 4, nb9 1, nn9 1): a decision a law allows
// (art. 22(2)(b)) has the safeguards that law lays down, not those of art.
// 22(3), so the page does not promise "si din mening og bestride
// avgjørelsen" for it; without a how of the notice's own, the heading
// does not promise that a person looks at it either. A notice with
// decisions of both kinds says both.
func TestHumanReviewByLaw(t *testing.T) {
	r := renderer(t)
	var inn notice.Notice
	for _, d := range loadDir(t, filepath.Join("testdata", "examples")) {
		if d.Notice.ID == "inn-trondheim" {
			inn = d.Notice
		}
	}
	render := func(n *notice.Notice, lang string) string {
		var buf bytes.Buffer
		if err := r.Render(&buf, n, Options{Lang: lang, Format: "txt"}); err != nil {
			t.Fatal(err)
		}
		return flat(buf.String())
	}
	noHow := inn
	noHow.Rights = notice.Rights{}
	for k, v := range inn.Rights {
		noHow.Rights[k] = v
	}
	noHow.Rights["human_review"] = notice.Right{}
	mixed := inn
	mixed.AutomatedDecisions = append(append([]notice.AutomatedDecision(nil), inn.AutomatedDecisions...), inn.AutomatedDecisions[0])
	mixed.AutomatedDecisions[1].ID, mixed.AutomatedDecisions[1].Basis = "other", "a"
	for _, tc := range []struct {
		name      string
		n         *notice.Notice
		lang      string
		want, not []string
	}{
		{"by law, with how", &inn, "nb", []string{"Rett til at et menneske vurderer saken", "Blir en avgjørelse om deg tatt helt automatisk fordi integreringsloven §§ 41–44 tillater det, skal den loven også verne rettighetene og interessene dine."}, []string{"si din mening", "en maskin"}},
		{"by law, with how", &inn, "nn", []string{"Blir ei avgjerd om deg teken heilt automatisk fordi integreringslova §§ 41–44 tillèt det, skal den lova òg verne rettane og interessene dine."}, []string{"seie meininga di", "ein maskin"}},
		{"by law, no how", &noHow, "nb", []string{"Vern ved helautomatiske avgjørelser", "Loven som tillater dem, skal verne rettighetene dine."}, []string{"Rett til at et menneske vurderer saken", "Du kan be om at et menneske ser på dem."}},
		{"by law, no how", &noHow, "nn", []string{"Vern ved heilautomatiske avgjerder", "Lova som tillèt dei, skal verne rettane dine."}, []string{"Du kan be om at eit menneske ser på dei."}},
		{"mixed", &mixed, "nb", []string{"få si din mening og bestride avgjørelsen. Er avgjørelsen tillatt etter en lov, er det i stedet den loven som skal verne"}, nil},
	} {
		got := render(tc.n, tc.lang)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s %s: want %q", tc.name, tc.lang, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("%s %s: %q should not be said", tc.name, tc.lang, w)
			}
		}
	}
}
