package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestVersionNotRaisedHasVerb: content changed with version and date both
// kept says so in a full sentence (review nb6 6); one of them kept names
// only that one.
func TestVersionNotRaisedHasVerb(t *testing.T) {
	for _, tt := range []struct {
		lang, want  string
		number, day bool
	}{
		{"nb", "Innholdet er endret, men versjonsnummeret og datoen er de samme som før. Gi den nye versjonen et nytt nummer og datoen den gjelder fra, så leserne kan se at erklæringen er endret.", false, false},
		{"nn", "Innhaldet er endra, men versjonsnummeret og datoen er dei same som før. Gje den nye versjonen eit nytt nummer og datoen han gjeld frå, så lesarane kan sjå at erklæringa er endra.", false, false},
		{"nb", "Innholdet er endret, men versjonsnummeret er det samme som før.", false, true},
		{"nb", "Innholdet er endret, men datoen er den samme som før.", true, false},
		{"nn", "Innhaldet er endra, men versjonsnummeret er det same som før.", false, true},
	} {
		old, new := base(), base()
		new.Purposes[0].Description = notice.Text{"nb": "Vi behandler klagen din.", "nn": "Vi handsamar klaga di."}
		if tt.number {
			new.Version = "1.1"
		}
		if tt.day {
			new.Updated = "2024-02-01"
		}
		// A note to the editor, not a change (review nb8x 13).
		got := Compare(&old, &new, "a", "b", catalog(t, tt.lang)).Notes
		if len(got) != 1 || !strings.HasPrefix(got[0].Message, tt.want) {
			t.Errorf("%s: got %+v, want %q", tt.lang, got, tt.want)
		}
	}
}

// TestRetentionBeforeOneShape: every retention line says the old text as
// "Før sto det at vi lagret dem …", in the past, and a category as the
// other change lines name it (review nb6 7, nb6 2, rv6nb 7(c)).
func TestRetentionBeforeOneShape(t *testing.T) {
	weeks := func(n *notice.Notice) { n.Retention[0].Period, n.Retention[0].AtMost = "P12W", true }
	contactOnly := func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact"} }
	for _, tt := range []struct {
		name, lang, want string
		from, to         func(n *notice.Notice)
	}{
		{"longer, at most", "nb", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i opptil 6 måneder. Før sto det at vi lagret dem i opptil 12 uker.", weeks, func(n *notice.Notice) { n.Retention[0].Period = "P6M" }},
		{"longer, at most", "nn", "Vi lagrar no kontaktopplysningar og opplysningar om inntekt i opptil 6 månader. Før stod det at vi lagra dei i opptil 12 veker.", weeks, func(n *notice.Notice) { n.Retention[0].Period = "P6M" }},
		{"shorter", "nb", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 6 måneder. Før sto det at vi lagret dem i ett år.", nil, func(n *notice.Notice) { n.Retention[0].Period = "P6M" }},
		{"then", "nb", "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, sier nå at vi sletter dem eller gjør dem anonyme etter lagringstiden. Før sto det at vi slettet dem.", nil, func(n *notice.Notice) { n.Retention[0].Then = "delete_or_anonymise" }},
		{"then", "nn", "Regelen for kor lenge vi lagrar kontaktopplysningar og opplysningar om inntekt, seier no at vi slettar dei eller gjer dei anonyme etter lagringstida. Før stod det at vi sletta dei.", nil, func(n *notice.Notice) { n.Retention[0].Then = "delete_or_anonymise" }},
		{"archived", "nb", "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, sier nå at vi arkiverer dem etter lagringstiden. Før sto det at vi slettet dem.", nil, func(n *notice.Notice) { n.Retention[0].Then = "archive" }},
		{"criteria", "nb", "Vi oppgir ikke lenger en fast lagringstid for kontaktopplysninger og opplysninger om inntekt; nå står det bare hva som avgjør hvor lenge vi lagrer dem. Før sto det at vi lagret dem i opptil 12 uker.", weeks, func(n *notice.Notice) {
			n.Retention[0].Period, n.Retention[0].AtMost = "", false
			n.Retention[0].Criteria = notice.Text{"nb": "Så lenge saken er åpen.", "nn": "Så lenge saka er open."}
		}},
		{"category added", "nb", "Regelen for hvor lenge vi lagrer kontaktopplysninger, gjelder nå også opplysninger om inntekt.", contactOnly, func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact", "income"} }},
		{"category added", "nn", "Regelen for kor lenge vi lagrar kontaktopplysningar, gjeld no òg opplysningar om inntekt.", contactOnly, func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact", "income"} }},
		{"category removed", "nb", "Regelen for hvor lenge vi lagrer kontaktopplysninger, gjelder ikke lenger opplysninger om inntekt.", nil, contactOnly},
	} {
		got := lines4(t, tt.lang, "retention", tt.from, tt.to)
		var msgs []string
		for _, ch := range got {
			msgs = append(msgs, ch.Message)
		}
		if !strings.Contains(strings.Join(msgs, "\n"), tt.want) {
			t.Errorf("%s %s: got %q, want %q", tt.name, tt.lang, msgs, tt.want)
		}
	}
}

// TestRetentionCategoryWithAndQuoted: a single item with "og" added to
// or taken from a rule stays quoted, as before (review nb6 1).
func TestRetentionCategoryWithAndQuoted(t *testing.T) {
	org := notice.Category{ID: "org", Label: notice.Text{"nb": "organisasjonsnavn og firmanavn", "nn": "organisasjonsnamn og firmanamn"}}
	got := lines4(t, "nb", "retention", func(n *notice.Notice) {
		n.Categories = append(n.Categories, org)
		n.Retention[0].Categories = []string{"contact", "income", "org"}
	}, func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact", "income"} })
	want := "gjelder ikke lenger «organisasjonsnavn og firmanavn»."
	if len(got) != 1 || !strings.HasSuffix(got[0].Message, want) {
		t.Errorf("got %+v, want a line ending %q", got, want)
	}
}

// TestGainedRightNotable: a right gained gives no one less than before, so
// portability gained with a move to consent is notable like the withdrawal
// right gained with it; the basis change stays material (review rv6nb 5).
func TestGainedRightNotable(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		old, new := base(), base()
		old.Purposes[1].LegalBasis = []notice.Basis{{Article: "6(1)(f)", Interests: notice.Text{"nb": "Å nå kundene.", "nn": "Å nå kundane."}}}
		delete(old.Rights, "withdraw_consent")
		new.Purposes[1].Automated = true
		new.Rights["portability"] = notice.Right{}
		classes := map[string]Class{}
		for _, ch := range Compare(&old, &new, "a", "b", catalog(t, lang)).Changes {
			classes[ch.Rule] = ch.Class
		}
		for rule, want := range map[string]Class{"purpose-portability": Notable, "added-right": Notable, "added-legal-basis": Material} {
			if got, ok := classes[rule]; !ok || got != want {
				t.Errorf("%s: %s classed %v (present %v), want %v; got %v", lang, rule, got, ok, want, classes)
			}
		}
	}
}

// TestRenameBeforeNewName: a reader meets a renamed purpose under its new
// name only after the rename is said: the rename leads the lines of its
// class and section, and a line of a higher class that uses the new name
// first gives the old one (review nb4 7; VINN and Karrieresenteret 1.2).
func TestRenameBeforeNewName(t *testing.T) {
	for _, tt := range []struct{ lang, formerly, rename, desc string }{
		{"nb", "«Nyheter» (tidligere «Nyhetsbrev»)", "Formålet «Nyhetsbrev» heter nå «Nyheter»", "Beskrivelsen av formålet «Nyheter»"},
		{"nn", "«Nyheiter» (tidlegare «Nyheitsbrev»)", "Formålet «Nyheitsbrev» heiter no «Nyheiter»", "Skildringa av formålet «Nyheiter»"},
	} {
		old, new := base(), base()
		new.Purposes[1].Name = notice.Text{"nb": "Nyheter", "nn": "Nyheiter"}
		new.Purposes[1].Categories = []string{"contact", "income"}
		new.Purposes[1].Description = notice.Text{"nb": "Vi sender deg nyheter.", "nn": "Vi sender deg nyheiter."}
		var msgs []string
		for _, ch := range Compare(&old, &new, "a", "b", catalog(t, tt.lang)).Changes {
			if strings.HasPrefix(ch.Key, "purposes/") && (ch.Lang == "" || ch.Lang == tt.lang) {
				msgs = append(msgs, ch.ForReader())
			}
		}
		all := strings.Join(msgs, "\n")
		first := strings.Index(all, tt.formerly)
		if first < 0 || strings.Count(all, "(tidl") != 1 {
			t.Errorf("%s: want one %q in\n%s", tt.lang, tt.formerly, all)
		}
		r, d := strings.Index(all, tt.rename), strings.Index(all, tt.desc)
		if r < 0 || (d >= 0 && d < r) {
			t.Errorf("%s: want %q before %q in\n%s", tt.lang, tt.rename, tt.desc, all)
		}
	}
}

// TestRetentionQuotedItemIsData: an item with "og", quoted in a list of a
// rule's data, is the page's own name for the data, not a topic: the line
// says "kontaktopplysninger og «organisasjonsnavn og firmanavn»", not
// "opplysninger om «organisasjonsnavn og firmanavn»" (names are the data,
// not what the data are about; VINN 1.2, review nb6 1).
func TestRetentionQuotedItemIsData(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"nb", "kontaktopplysninger og «organisasjonsnavn og firmanavn»"},
		{"nn", "kontaktopplysningar og «organisasjonsnamn og firmanamn»"},
	} {
		org := notice.Category{ID: "org", Label: notice.Text{"nb": "organisasjonsnavn og firmanavn", "nn": "organisasjonsnamn og firmanamn"}}
		var msgs []string
		for _, l := range lines4(t, tt.lang, "retention", func(n *notice.Notice) {
			n.Categories = append(n.Categories, org)
		}, func(n *notice.Notice) {
			n.Retention = append(n.Retention, notice.Retention{ID: "org", Categories: []string{"contact", "org"}, Period: "P1Y", Then: "delete"})
		}) {
			msgs = append(msgs, l.Message)
		}
		all := strings.Join(msgs, "\n")
		if !strings.Contains(all, tt.want) || strings.Contains(all, "om «") {
			t.Errorf("%s: got\n%s\nwant %q and no «opplysninger om «…»»", tt.lang, all, tt.want)
		}
	}
}
