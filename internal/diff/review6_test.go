package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// ruleData makes the base notice's data the category own, which NAV gives
// and Skatteetaten gets, and contact data, all kept by the one rule.
func ruleData(own notice.Category) func(n *notice.Notice) {
	return func(n *notice.Notice) {
		n.Categories = []notice.Category{own, {ID: "contact"}}
		for i := range n.Purposes {
			n.Purposes[i].Categories = []string{own.ID, "contact"}
		}
		n.Sources[1].Categories = []string{own.ID}
		n.Recipients[0].Categories = []string{own.ID}
		n.Retention[0].Categories = []string{own.ID, "contact"}
	}
}

// TestRetentionRuleNamedAsObject: a change line names a rule's data as the
// page does in object position: an "opplysninger om …" label after the
// one-word labels, a topic as "opplysninger om inntekt" (review nn6 1,
// the class of nb5 10).
func TestRetentionRuleNamedAsObject(t *testing.T) {
	for _, tt := range []struct {
		lang, want, bad string
	}{
		{"nb", "lagrer kontaktopplysninger og opplysninger om tiltaket ditt", "opplysninger om tiltaket ditt og kontaktopplysninger"},
		{"nn", "lagrar kontaktopplysningar og opplysningar om tiltaket ditt", "opplysningar om tiltaket ditt og kontaktopplysningar"},
	} {
		cats := ruleData(notice.Category{ID: "tiltak", Label: notice.Text{"nb": "opplysninger om tiltaket ditt", "nn": "opplysningar om tiltaket ditt"}})
		got := lines4(t, tt.lang, "retention", func(n *notice.Notice) {
			cats(n)
			n.Retention[0].Criteria = notice.Text{"nb": "Så lenge saken er åpen.", "nn": "Så lenge saka er open."}
		}, func(n *notice.Notice) {
			cats(n)
			n.Retention[0].Criteria = notice.Text{"nb": "Til saken er lukket.", "nn": "Til saka er lukka."}
		})
		if len(got) != 1 || !strings.Contains(got[0].Message, tt.want) || strings.Contains(got[0].Message, tt.bad) {
			t.Errorf("%s: got %+v, want a line with %q", tt.lang, got, tt.want)
		}
	}
}

// TestRetentionThenAsSaid: a changed "then" says what the notice said,
// not what we did ("før sletta vi opplysningane"; review nn6 3).
func TestRetentionThenAsSaid(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"nb", "sier nå at vi sletter dem eller gjør dem anonyme etter lagringstiden. Før sto det at vi slettet dem."},
		{"nn", "seier no at vi slettar dei eller gjer dei anonyme etter lagringstida. Før stod det at vi sletta dei."},
	} {
		got := lines4(t, tt.lang, "retention", func(n *notice.Notice) { n.Retention[0].Then = "delete" },
			func(n *notice.Notice) { n.Retention[0].Then = "delete_or_anonymise" })
		if len(got) != 1 || !strings.HasSuffix(got[0].Message, tt.want) {
			t.Errorf("%s: got %+v, want a line ending %q", tt.lang, got, tt.want)
		}
	}
}

// TestRetentionRuleItemWithAnd: an item with "og" in a rule's data is
// quoted, so the list's own "og" stays readable, and named as the page
// names it, without "opplysninger om" (review nb6 1).
func TestRetentionRuleItemWithAnd(t *testing.T) {
	cats := ruleData(notice.Category{ID: "edu", Label: notice.Text{"nb": "utdanning og kompetanse", "nn": "utdanning og kompetanse"}})
	got := lines4(t, "nb", "retention", func(n *notice.Notice) {
		cats(n)
		n.Retention[0].Then = "delete"
	}, func(n *notice.Notice) {
		cats(n)
		n.Retention[0].Then = "anonymise"
	})
	want := "kontaktopplysninger og «utdanning og kompetanse»"
	if len(got) != 1 || !strings.Contains(got[0].Message, want) {
		t.Errorf("got %+v, want a line with %q", got, want)
	}
}
