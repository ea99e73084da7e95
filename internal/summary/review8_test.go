package summary

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

// The eighth language review: each test holds a reviewer's example.

// TestRightsContactFollowsHow (nb7x 4, nn7x 3): the summary's rights
// contact is the one the rights' own "how" gives. INN's summary said
// "Send en e-post til postmottak@…" for all rights where most of them say
// "Kontakt rådgiveren din ved INN.". Rights that share a how (the same
// text, in that language) are named and their how is said as the author
// wrote it, a sentence of its own; the e-mail is for the rest. Where every
// right has its own how, the summary points to them as before.
func TestRightsContactFollowsHow(t *testing.T) {
	adviser := notice.Text{"nb": "Kontakt rådgiveren din.", "nn": "Kontakt rådgjevaren din."}
	office := notice.Text{"nb": "Kontakt NAV-kontoret ditt.", "nn": "Kontakt NAV-kontoret ditt."}
	long := notice.Text{
		"nb": "Kontakt rådgiveren din hvis du vil at en saksbehandler skal gå gjennom fraværsføringen og utregningen av stønaden din, eller hvis du mener at noe er feil.",
		"nn": "Kontakt rådgjevaren din dersom du vil at ein saksbehandlar skal gå gjennom fråværsføringa og utrekninga av stønaden din, eller dersom du meiner at noko er feil.",
	}
	tests := []struct {
		name       string
		change     func(n *notice.Notice)
		nb, nn     []string // sentences that must be there
		notNb, not []string // must not be there: nb only, and both (in either language's words)
	}{
		{"every right the same how", func(n *notice.Notice) {
			n.Rights = notice.Rights{"access": {How: adviser}, "rectification": {How: adviser}, "erasure": {How: adviser}, "restriction": {How: adviser}, "objection": {How: adviser}}
		}, []string{"Vil du bruke rettighetene dine? Kontakt rådgiveren din. Les mer under «Dine rettigheter»."},
			[]string{"Vil du bruke rettane dine? Kontakt rådgjevaren din. Les meir under «Rettane dine»."},
			nil, []string{"e-post", "For hver av", "For kvar av", "andre rettighetene", "andre rettane"}},
		{"some rights share a how", func(n *notice.Notice) {
			n.Rights["access"] = notice.Right{How: adviser}
			n.Rights["rectification"] = notice.Right{How: adviser}
		}, []string{"Gjelder det innsyn eller retting? Kontakt rådgiveren din. For de andre rettighetene sender du en e-post til post@eksempel.no. Les mer under «Dine rettigheter»."},
			[]string{"Gjeld det innsyn eller retting? Kontakt rådgjevaren din. For dei andre rettane sender du ein e-post til post@eksempel.no. Les meir under «Rettane dine»."},
			nil, []string{"Send en e-post", "Send ein e-post", "noen av rettighetene", "nokre av rettane"}},
		// Four rights of seven, as INN: the names are the summary's words.
		{"four rights share a how", func(n *notice.Notice) {
			n.Purposes[0].LegalBasis = []notice.Basis{{Article: "6(1)(e)"}, {Article: "6(1)(a)"}}
			n.Purposes[0].Automated = true
			n.Rights = notice.Rights{"access": {How: adviser}, "rectification": {How: adviser}, "erasure": {}, "restriction": {How: adviser}, "portability": {}, "objection": {}, "withdraw_consent": {How: adviser}}
		}, []string{"Gjelder det innsyn, retting, begrensning av bruken eller tilbaketrekking av samtykke? Kontakt rådgiveren din.", "For de andre rettighetene sender du en e-post til post@eksempel.no."},
			[]string{"Gjeld det innsyn, retting, avgrensing av bruken eller tilbaketrekking av samtykke? Kontakt rådgjevaren din.", "For dei andre rettane sender du ein e-post til post@eksempel.no."},
			nil, []string{"Send en e-post", "Send ein e-post"}},
		// A right with a how of its own is pointed to, before "de andre".
		{"a shared how and one of its own", func(n *notice.Notice) {
			n.Rights["access"] = notice.Right{How: adviser}
			n.Rights["rectification"] = notice.Right{How: adviser}
			n.Rights["erasure"] = notice.Right{How: office}
		}, []string{"Gjelder det innsyn eller retting? Kontakt rådgiveren din. Under «Rett til sletting» står det hvordan du går frem. For de andre rettighetene sender du en e-post til post@eksempel.no."},
			[]string{"Gjeld det innsyn eller retting? Kontakt rådgjevaren din. Under «Rett til sletting» står det korleis du går fram. For dei andre rettane sender du ein e-post til post@eksempel.no."},
			nil, []string{"Send en e-post", "Send ein e-post"}},
		// Two hows, each shared, cover every right: no "de andre".
		{"two shared hows cover all", func(n *notice.Notice) {
			n.Rights = notice.Rights{"access": {How: adviser}, "rectification": {How: adviser}, "erasure": {How: office}, "restriction": {How: office}}
		}, []string{"Gjelder det innsyn eller retting? Kontakt rådgiveren din.", "Gjelder det sletting eller begrensning av bruken? Kontakt NAV-kontoret ditt."},
			[]string{"Gjeld det innsyn eller retting? Kontakt rådgjevaren din.", "Gjeld det sletting eller avgrensing av bruken? Kontakt NAV-kontoret ditt."},
			nil, []string{"e-post", "andre rettighetene", "andre rettane"}},
		// The rights that say how are named, so "de andre" has a referent
		// (nb9 3, nn9 3).
		{"no how shared", func(n *notice.Notice) {
			n.Rights["access"] = notice.Right{How: adviser}
			n.Rights["rectification"] = notice.Right{How: office}
		}, []string{"Under «Dine rettigheter» står det hvordan du bruker rettighetene til innsyn og retting. For de andre rettighetene sender du en e-post til post@eksempel.no."},
			[]string{"Under «Rettane dine» står det korleis du brukar rettane til innsyn og retting. For dei andre rettane sender du ein e-post til post@eksempel.no."},
			nil, []string{"Gjelder det", "Gjeld det", "Send en e-post", "Send ein e-post"}},
		// Grouped per language: the nb texts are the same, the nn ones not.
		{"the same how in one language only", func(n *notice.Notice) {
			n.Rights["access"] = notice.Right{How: notice.Text{"nb": "Kontakt rådgiveren din.", "nn": "Kontakt rådgjevaren din."}}
			n.Rights["rectification"] = notice.Right{How: notice.Text{"nb": "Kontakt rådgiveren din.", "nn": "Ta kontakt med rådgjevaren din."}}
		}, []string{"Gjelder det innsyn eller retting? Kontakt rådgiveren din.", "For de andre rettighetene sender du en e-post til post@eksempel.no."},
			[]string{"Under «Rettane dine» står det korleis du brukar rettane til innsyn og retting. For dei andre rettane sender du ein e-post til post@eksempel.no."},
			[]string{"Send en e-post"}, []string{"Gjeld det"}},
		// A how too long for a summary sentence is left to the page.
		{"a long shared how", func(n *notice.Notice) {
			n.Rights["access"] = notice.Right{How: long}
			n.Rights["rectification"] = notice.Right{How: long}
		}, []string{"Under «Dine rettigheter» står det hvordan du bruker rettighetene til innsyn og retting. For de andre rettighetene sender du en e-post til post@eksempel.no."},
			[]string{"Under «Rettane dine» står det korleis du brukar rettane til innsyn og retting. For dei andre rettane sender du ein e-post til post@eksempel.no."},
			nil, []string{"saksbehandler", "saksbehandlar", "Gjelder det", "Gjeld det"}},
		{"some share a how, phone only", func(n *notice.Notice) {
			n.Controller.Email, n.Controller.Phone = "", "12 34 56 78"
			n.Rights["access"] = notice.Right{How: adviser}
			n.Rights["rectification"] = notice.Right{How: adviser}
		}, []string{"Gjelder det innsyn eller retting? Kontakt rådgiveren din. For de andre rettighetene ringer du oss på 12\u00a034\u00a056\u00a078."},
			[]string{"Gjeld det innsyn eller retting? Kontakt rådgjevaren din. For dei andre rettane ringjer du oss på 12\u00a034\u00a056\u00a078."},
			nil, []string{"Ring oss"}},
		// Where we are only a processor, the controller answers: the
		// summary sends the reader there, as before.
		{"processor, the same how", func(n *notice.Notice) {
			n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority"}}
			for i := range n.Purposes {
				n.Purposes[i].Role = &notice.Role{Kind: notice.RoleProcessor, Controller: "nav"}
			}
			n.Rights["access"] = notice.Right{How: office}
			n.Rights["rectification"] = notice.Right{How: office}
		}, []string{"Vil du bruke rettighetene dine, kontakter du NAV."},
			[]string{"Vil du bruke rettane dine, kontaktar du NAV."},
			nil, []string{"Gjelder det", "Gjeld det", "e-post"}},
		// Some purposes for NAV: NAV still answers for those.
		{"processor for some, a shared how", func(n *notice.Notice) {
			n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority"}}
			n.Purposes = append(n.Purposes, notice.Purpose{ID: "q", Name: notice.Text{"nb": "Tiltak", "nn": "Tiltak"}, Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(e)"}}, Role: &notice.Role{Kind: notice.RoleProcessor, Controller: "nav"}})
			n.Rights["access"] = notice.Right{How: adviser}
			n.Rights["rectification"] = notice.Right{How: adviser}
		}, []string{"Gjelder det innsyn eller retting? Kontakt rådgiveren din. For de andre rettighetene sender du en e-post til post@eksempel.no. Gjelder det noe vi gjør på oppdrag fra NAV, kontakter du NAV."},
			[]string{"Gjeld det innsyn eller retting? Kontakt rådgjevaren din. For dei andre rettane sender du ein e-post til post@eksempel.no. Gjeld det noko vi gjer på oppdrag frå NAV, kontaktar du NAV."},
			nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := base()
			tt.change(&n)
			for lang, want := range map[string][]string{"nb": tt.nb, "nn": tt.nn} {
				text := Build(&n, catalog(t, lang)).Text()
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("%s lacks %q:\n%s", lang, w, text)
					}
				}
				not := tt.not
				if lang == "nb" {
					not = append(append([]string(nil), not...), tt.notNb...)
				}
				for _, w := range not {
					if strings.Contains(text, w) {
						t.Errorf("%s has %q:\n%s", lang, w, text)
					}
				}
				if st := Measure(text); st.Longest > MaxWords || st.LIX > 40 {
					t.Errorf("%s: LIX %.1f, a sentence of %d words: %s", lang, st.LIX, st.Longest, st.LongestSentence)
				}
			}
		})
	}
}

// TestINNRightsContact (nb7x 4, nn7x 3): on the INN example, the rights
// that say "Kontakt rådgiveren din ved INN." are named with that how, and
// postmottak is for the others.
func TestINNRightsContact(t *testing.T) {
	dir := filepath.Join(testtool.Root(), "internal", "render", "testdata", "examples")
	want := map[string]string{
		"nb": "Gjelder det innsyn, retting eller tilbaketrekking av samtykke? Kontakt rådgiveren din ved INN. Hvordan du ber om menneskelig vurdering av en automatisk avgjørelse, står under «Rett til at et menneske vurderer saken». For de andre rettighetene sender du en e-post til postmottak@trondheim.kommune.no.",
		"nn": "Gjeld det innsyn, retting eller tilbaketrekking av samtykke? Kontakt rådgjevaren din ved INN. Korleis du ber om menneskeleg vurdering av ei automatisk avgjerd, står under «Rett til at eit menneske vurderer saka». For dei andre rettane sender du ein e-post til postmottak@trondheim.kommune.no.",
	}
	for _, d := range testtool.LoadNotices(t, dir) {
		if d.Notice.ID != "inn-trondheim" {
			continue
		}
		for lang, w := range want {
			s := Build(&d.Notice, catalog(t, lang))
			text := s.Text()
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", lang, w, text)
			}
			if strings.Contains(text, "Send en e-post") || strings.Contains(text, "Send ein e-post") {
				t.Errorf("%s sends every right to postmottak:\n%s", lang, text)
			}
			if st := Measure(text); st.Longest > MaxWords || st.LIX > 40 {
				t.Errorf("%s: LIX %.1f, a sentence of %d words: %s", lang, st.LIX, st.Longest, st.LongestSentence)
			}
		}
		return
	}
	t.Fatal("no inn-trondheim in the examples")
}
