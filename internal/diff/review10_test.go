package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestIDChangeIsANote: an id is inside the file, never on the page; an
// item whose only change is its id is told the editor as a note, counted
// in no class, so the report says nothing changed (review nb9x 1). The
// same for an id given with replaces:.
func TestIDChangeIsANote(t *testing.T) {
	for _, tt := range []struct {
		lang, want string
		change     func(n *notice.Notice)
	}{
		{"nb", "Kategorien «Interesser» har fått ny id (før interests, nå fritid). Det er ingen endring for leserne.",
			func(n *notice.Notice) { n.Categories[2].ID, n.Purposes[0].Categories[2] = "fritid", "fritid" }},
		{"nn", "Kategorien «Interesser» har fått ny id (før interests, no fritid). Det er inga endring for lesarane.",
			func(n *notice.Notice) { n.Categories[2].ID, n.Purposes[0].Categories[2] = "fritid", "fritid" }},
		{"nb", "Formålet «Nyhetsbrev» har fått ny id (før news, nå newsletter). Det er ingen endring for leserne.",
			func(n *notice.Notice) { n.Purposes[1].ID, n.Purposes[1].Replaces = "newsletter", "news" }},
		{"nn", "Formålet «Nyheitsbrev» har fått ny id (før news, no newsletter). Det er inga endring for lesarane.",
			func(n *notice.Notice) { n.Purposes[1].ID, n.Purposes[1].Replaces = "newsletter", "news" }},
	} {
		old := base()
		old.Categories = append(old.Categories, notice.Category{ID: "interests", Label: notice.Text{"nb": "interesser", "nn": "interesser"}})
		old.Purposes[0].Categories = append(old.Purposes[0].Categories, "interests")
		new := old
		new.Categories = append([]notice.Category(nil), old.Categories...)
		new.Purposes = append([]notice.Purpose(nil), old.Purposes...)
		new.Purposes[0].Categories = append([]string(nil), old.Purposes[0].Categories...)
		tt.change(&new)
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		if _, changed := rep.Most(); changed {
			t.Errorf("%s: an id change counted: %+v", tt.lang, rep.Changes)
		}
		if len(rep.Notes) != 1 || rep.Notes[0].Message != tt.want || rep.Notes[0].Rule != "renamed-id" {
			t.Errorf("%s: notes %+v, want one %q", tt.lang, rep.Notes, tt.want)
		}
	}
}

// TestContactSaysWhose: a contact detail's line under «Hvem som er
// ansvarlig» says whose it is, the controller's, another controller's or
// the data protection officer's (review nb8x 6, nb9x 6).
func TestContactSaysWhose(t *testing.T) {
	joint := func(n *notice.Notice) {
		n.JointControllers = []notice.JointController{{Name: "Nabo kommune", Phone: "11 11 11 11"}}
	}
	for _, tt := range []struct {
		lang, want string
		change     func(n *notice.Notice)
	}{
		{"nb", "E-postadressen til Eksempel kommune er endret fra post@eksempel.no til personvern@eksempel.no.", func(n *notice.Notice) { n.Controller.Email = "personvern@eksempel.no" }},
		{"nn", "E-postadressa til Eksempel kommune er endra frå post@eksempel.no til personvern@eksempel.no.", func(n *notice.Notice) { n.Controller.Email = "personvern@eksempel.no" }},
		{"nb", "Telefonnummeret til Eksempel kommune er endret fra 22\u00a000\u00a000\u00a000 til 33\u00a000\u00a000\u00a000.", func(n *notice.Notice) { n.Controller.Phone = "33\u00a000\u00a000\u00a000" }},
		// Added or removed, not "endret fra ikke oppgitt til …".
		{"nb", "Telefonnummeret til Eksempel kommune er fjernet. Før var det 22\u00a000\u00a000\u00a000.", func(n *notice.Notice) { n.Controller.Phone = "" }},
		{"nn", "Telefonnummeret til Eksempel kommune er fjerna. Før var det 22\u00a000\u00a000\u00a000.", func(n *notice.Notice) { n.Controller.Phone = "" }},
		{"nb", "E-postadressen til Karrieresenteret er endret fra post@eksempel.no til k@eksempel.no.", func(n *notice.Notice) {
			n.Controller.Unit = notice.Text{"nb": "Karrieresenteret", "nn": "Karrieresenteret"}
			n.Controller.Email = "k@eksempel.no"
		}},
		{"nn", "Nettstaden til Eksempel kommune er lagd til: https://eksempel.no.", func(n *notice.Notice) { n.Controller.URL = "https://eksempel.no" }},
		{"nb", "E-postadressen til personvernombudet er endret fra ombud@eksempel.no til pvo@eksempel.no.", func(n *notice.Notice) { n.DPO = &notice.DPO{Email: "pvo@eksempel.no"} }},
		{"nn", "E-postadressa til personvernombodet er endra frå ombud@eksempel.no til pvo@eksempel.no.", func(n *notice.Notice) { n.DPO = &notice.DPO{Email: "pvo@eksempel.no"} }},
		{"nb", "Nettstedet til NAV er lagt til: https://nav.no.", func(n *notice.Notice) { n.Controllers[0].URL = "https://nav.no" }},
		{"nb", "Telefonnummeret til Nabo kommune er endret fra 11\u00a011\u00a011\u00a011 til 22\u00a022\u00a022\u00a022.", func(n *notice.Notice) { joint(n); n.JointControllers[0].Phone = "22 22 22 22" }},
		{"nn", "Telefonnummeret til Nabo kommune er endra frå 11\u00a011\u00a011\u00a011 til 22\u00a022\u00a022\u00a022.", func(n *notice.Notice) { joint(n); n.JointControllers[0].Phone = "22 22 22 22" }},
	} {
		old, new := base(), base()
		if strings.Contains(tt.want, "Nabo") {
			joint(&old)
		}
		if strings.Contains(tt.want, "NAV") {
			old.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority"}}
			new.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority"}}
		}
		tt.change(&new)
		if new.Controller.Unit != nil {
			old.Controller.Unit = new.Controller.Unit
		}
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		if len(rep.Changes) != 1 || rep.Changes[0].Message != tt.want || rep.Changes[0].Class != Notable {
			t.Errorf("%s: got %+v, want one notable %q", tt.lang, rep.Changes, tt.want)
		}
	}
}

// TestOtherLanguageOnlyInReport: a text changed only in the other
// language is said so in the report's language, without sending its
// reader to a text that did not change, and not again as a note; the
// class stays (review nb9x 7).
func TestOtherLanguageOnlyInReport(t *testing.T) {
	for _, tt := range []struct{ lang, changed, want, note string }{
		{"nb", "nn", "Teksten om sikkerhet er endret på nynorsk, ikke på bokmål.", ""},
		{"nn", "nb", "Teksten om tryggleik er endra på bokmål, ikkje på nynorsk.", ""},
		// The text of the report's language changed: the note stays.
		{"nb", "nb", "Teksten om sikkerhet har fått ny ordlyd. Les den nye teksten: meningen kan være endret.", "translation-drift"},
	} {
		old, new := base(), base()
		old.Security = notice.Text{"nb": "Vi krypterer dataene.", "nn": "Vi krypterer dataa."}
		new.Security = notice.Text{"nb": "Vi krypterer dataene.", "nn": "Vi krypterer dataa."}
		new.Security[tt.changed] += " Berre tilsette har tilgang."
		new.Version = "1.1"
		new.Updated = "2024-02-01"
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		if len(rep.Changes) != 1 || rep.Changes[0].Message != tt.want || rep.Changes[0].Class != Notable || rep.Changes[0].Lang != tt.changed {
			t.Errorf("%s, %s changed: got %+v, want one notable %q", tt.lang, tt.changed, rep.Changes, tt.want)
		}
		var notes []string
		for _, n := range rep.Notes {
			notes = append(notes, n.Rule)
		}
		if strings.Join(notes, ",") != tt.note {
			t.Errorf("%s, %s changed: notes %v, want %q", tt.lang, tt.changed, notes, tt.note)
		}
	}
}
