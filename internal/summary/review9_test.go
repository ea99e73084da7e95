package summary

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

// The ninth language review (review/nb8.md, nn8.md): each test holds a
// reviewer's example.

// example is the summary text of example notice id in lang.
func example(t *testing.T, id, lang string) string {
	t.Helper()
	dir := filepath.Join(testtool.Root(), "internal", "render", "testdata", "examples")
	for _, d := range testtool.LoadNotices(t, dir) {
		if d.Notice.ID == id {
			return Build(&d.Notice, catalog(t, lang)).Text()
		}
	}
	t.Fatalf("no %s in the examples", id)
	return ""
}

// TestRightsPointerBeforeRest (nb8 1, nb8 15): where one right says how
// it is used, the pointer to it comes with the rights and the e-mail is
// for the others; "Send en e-post …" before the pointer read as the way
// to withdraw consent. Two consent purposes are two consents.
func TestRightsPointerBeforeRest(t *testing.T) {
	want := map[string]string{
		"nb": "Du kan trekke tilbake samtykker du har gitt, når du vil. Under «Rett til å trekke tilbake samtykket» står det hvordan du går frem. For de andre rettighetene sender du en e-post til post@karrierevestfold.no.",
		"nn": "Du kan trekkje tilbake samtykke du har gjeve, når du vil. Under «Rett til å trekkje tilbake samtykket» står det korleis du går fram. For dei andre rettane sender du ein e-post til post@karrierevestfold.no.",
	}
	for lang, w := range want {
		text := example(t, "karrieresenteret-vestfold", lang)
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", lang, w, text)
		}
		if strings.Contains(text, "Send en e-post") || strings.Contains(text, "Send ein e-post") {
			t.Errorf("%s: the e-mail reads as the way for every right:\n%s", lang, text)
		}
	}
	// One consent purpose keeps the singular.
	for lang, w := range map[string]string{"nb": "Du kan trekke tilbake samtykket når du vil.", "nn": "Du kan trekkje tilbake samtykket når du vil."} {
		if text := example(t, "vinn-hallingdal", lang); !strings.Contains(text, w) {
			t.Errorf("vinn %s lacks %q:\n%s", lang, w, text)
		}
	}
}

// TestRightNamesParallel (nb8 7): the rights named before a shared how
// are nouns throughout, and a how that differs only by its full stop is
// the same how.
func TestRightNamesParallel(t *testing.T) {
	adviser := notice.Text{"nb": "Kontakt rådgiveren din.", "nn": "Kontakt rådgjevaren din."}
	bare := notice.Text{"nb": "Kontakt rådgiveren din", "nn": "Kontakt rådgjevaren din"}
	n := base()
	n.Purposes[0].LegalBasis = []notice.Basis{{Article: "6(1)(e)"}, {Article: "6(1)(a)"}}
	n.Rights = notice.Rights{"access": {How: adviser}, "rectification": {How: bare}, "erasure": {}, "withdraw_consent": {How: adviser}}
	want := map[string]string{
		"nb": "Gjelder det innsyn, retting eller tilbaketrekking av samtykke? Kontakt rådgiveren din. For de andre rettighetene sender du en e-post til post@eksempel.no.",
		"nn": "Gjeld det innsyn, retting eller tilbaketrekking av samtykke? Kontakt rådgjevaren din. For dei andre rettane sender du ein e-post til post@eksempel.no.",
	}
	for lang, w := range want {
		text := Build(&n, catalog(t, lang)).Text()
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", lang, w, text)
		}
		if strings.Contains(text, "å trekk") && strings.Contains(text, "Gjeld") {
			t.Errorf("%s: an infinitive among the nouns:\n%s", lang, text)
		}
	}
}

// TestGenderPlain (nb8 2): "kjønnet ditt" is not how one speaks of a
// person's gender.
func TestGenderPlain(t *testing.T) {
	for lang, w := range map[string]string{
		"nb": "fødselsnummeret eller D-nummeret ditt og hvilket kjønn du har",
		"nn": "fødselsnummeret eller D-nummeret ditt og kva kjønn du har",
	} {
		text := example(t, "joblearn", lang)
		if !strings.Contains(text, w) || strings.Contains(text, "kjønnet") {
			t.Errorf("%s lacks %q:\n%s", lang, w, text)
		}
	}
}

// TestOnePurposeCounted (nb8 8): one purpose is counted as the many are,
// so that its heading is not the object of "til".
func TestOnePurposeCounted(t *testing.T) {
	for lang, w := range map[string]string{
		"nb": "Vi bruker opplysninger om deg til ett formål: «Gjennomføring av tiltak bestilt av NAV».",
		"nn": "Vi brukar opplysningar om deg til eitt formål: «Gjennomføring av tiltak bestilt av NAV».",
	} {
		if text := example(t, "joblearn", lang); !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", lang, w, text)
		}
	}
}
