package diff

import (
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestContactPersonDetailsSayWhatFor: where the notice names a contact
// person, the e-mail and phone beside the name may be that person's own,
// so a changed address is not called the unit's: Karrieresenteret 1.1
// gave Line Hogstad's address, and 1.2 the centre's (review nn10 2). A
// contact person dropped is said of the notice («nevner ikke lenger noen
// kontaktperson»), not «er fjernet» of the person (nn11 3).
func TestContactPersonDetailsSayWhatFor(t *testing.T) {
	for _, tt := range []struct {
		lang, want string
		change     func(n *notice.Notice)
	}{
		{"nb", "E-postadressen du kan kontakte oss på, er endret fra post@eksempel.no til k@eksempel.no.", func(n *notice.Notice) { n.Controller.Email = "k@eksempel.no" }},
		{"nn", "E-postadressa du kan kontakte oss på, er endra frå post@eksempel.no til k@eksempel.no.", func(n *notice.Notice) { n.Controller.Email = "k@eksempel.no" }},
		{"nn", "Telefonnummeret du kan ringje oss på, er endra frå 22\u00a000\u00a000\u00a000 til 33\u00a000\u00a000\u00a000.", func(n *notice.Notice) { n.Controller.Phone = "33\u00a000\u00a000\u00a000" }},
		{"nn", "Erklæringa nemner ikkje lenger nokon kontaktperson hos Eksempel kommune. Før var det Line Hogstad.", func(n *notice.Notice) { n.Controller.ContactPerson = "" }},
		{"nb", "Erklæringen nevner ikke lenger noen kontaktperson hos Eksempel kommune. Før var det Line Hogstad.", func(n *notice.Notice) { n.Controller.ContactPerson = "" }},
		{"nb", "Kontaktpersonen hos Eksempel kommune er endret fra Line Hogstad til Kari Nordmann.", func(n *notice.Notice) { n.Controller.ContactPerson = "Kari Nordmann" }},
		{"nb", "Telefonnummeret du kan ringe oss på, er endret fra 22\u00a000\u00a000\u00a000 til 33\u00a000\u00a000\u00a000.", func(n *notice.Notice) { n.Controller.Phone = "33\u00a000\u00a000\u00a000" }},
		{"nb", "Telefonnummeret du kan ringe oss på, er fjernet. Før var det 22\u00a000\u00a000\u00a000.", func(n *notice.Notice) { n.Controller.Phone = "" }},
	} {
		old, new := base(), base()
		old.Controller.ContactPerson, new.Controller.ContactPerson = "Line Hogstad", "Line Hogstad"
		tt.change(&new)
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		if len(rep.Changes) != 1 || rep.Changes[0].Message != tt.want {
			t.Errorf("%s: got %+v, want %q", tt.lang, rep.Changes, tt.want)
		}
	}
}

// TestRetentionKeepsStartingPoint: a period that runs from an event is
// said with it, once where both versions have the same («i opptil 12
// uker etter at sluttrapporten er sendt til NAV»), not as though it ran
// from when the data were collected (review nn8 9, nn10 9).
func TestRetentionKeepsStartingPoint(t *testing.T) {
	from := notice.Text{"nb": "at saken er avsluttet", "nn": "at saka er avslutta"}
	for _, tt := range []struct {
		lang, want string
		change     func(o, n *notice.Retention)
	}{
		{"nb", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i opptil ett år etter at saken er avsluttet. Før sto det at vi lagret dem i ett år.", func(o, n *notice.Retention) { n.AtMost = true }},
		{"nn", "Vi lagrar no kontaktopplysningar og opplysningar om inntekt i opptil eitt år etter at saka er avslutta. Før stod det at vi lagra dei i eitt år.", func(o, n *notice.Retention) { n.AtMost = true }},
		{"nb", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 2 år etter at saken er avsluttet. Før sto det at vi lagret dem i ett år.", func(o, n *notice.Retention) { n.Period = "P2Y" }},
		// A new starting point is said on both sides.
		{"nb", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 2 år etter at saken er avsluttet. Før sto det at vi lagret dem i ett år.", func(o, n *notice.Retention) { n.Period = "P2Y"; o.From = nil }},
	} {
		old, new := base(), base()
		old.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact", "income"}, Period: "P1Y", From: from, Then: "delete"}}
		new.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact", "income"}, Period: "P1Y", From: from, Then: "delete"}}
		tt.change(&old.Retention[0], &new.Retention[0])
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		found := false
		for _, ch := range rep.Changes {
			found = found || ch.Message == tt.want
		}
		if !found {
			t.Errorf("%s: no change %q in %+v", tt.lang, tt.want, rep.Changes)
		}
	}
}

// TestRetentionOneLinePerChange: a longer period that is also no longer
// "at most" is one line, in the higher class, not the same sentence twice;
// a period replaced by criteria quotes the old one with its starting
// point (review nb11 1, 2).
func TestRetentionOneLinePerChange(t *testing.T) {
	from := notice.Text{"nb": "at saken er avsluttet", "nn": "at saka er avslutta"}
	for _, tt := range []struct {
		want   string
		class  Class
		change func(n *notice.Retention)
	}{
		{"Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 2 år etter at saken er avsluttet. Før sto det at vi lagret dem i opptil ett år.", Material,
			func(n *notice.Retention) { n.Period, n.AtMost = "P2Y", false }},
		{"Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 6 måneder etter at saken er avsluttet. Før sto det at vi lagret dem i opptil ett år.", Material,
			func(n *notice.Retention) { n.Period, n.AtMost = "P6M", false }},
		{"Vi oppgir ikke lenger en fast lagringstid for kontaktopplysninger og opplysninger om inntekt; nå står det bare hva som avgjør hvor lenge vi lagrer dem. Før sto det at vi lagret dem i opptil ett år etter at saken er avsluttet.", Material,
			func(n *notice.Retention) {
				n.Period, n.Criteria = "", notice.Text{"nb": "Til saken er ferdig.", "nn": "Til saka er ferdig."}
			}},
	} {
		old, new := base(), base()
		old.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact", "income"}, Period: "P1Y", AtMost: true, From: from}}
		new.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact", "income"}, Period: "P1Y", AtMost: true, From: from}}
		tt.change(&new.Retention[0])
		rep := Compare(&old, &new, "a", "b", catalog(t, "nb"))
		n := 0
		for _, ch := range rep.Changes {
			if ch.Message == tt.want {
				n++
				if ch.Class != tt.class {
					t.Errorf("%q: class %v, want %v", tt.want, ch.Class, tt.class)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d lines %q in %+v", n, tt.want, rep.Changes)
		}
	}
}
