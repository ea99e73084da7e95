package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestRewordingHedge: a reworded retention criterion carries the same
// hedge as every other rewording, in both languages (review nn5 10).
func TestRewordingHedge(t *testing.T) {
	for _, tt := range []struct {
		lang, want string
	}{
		{"nb", "Les den nye teksten: meningen kan være endret."},
		{"nn", "Les den nye teksten: meininga kan vere endra."},
	} {
		got := lines4(t, tt.lang, "retention", func(n *notice.Notice) {
			n.Retention[0].Criteria = notice.Text{"nb": "Så lenge saken er åpen.", "nn": "Så lenge saka er open."}
		}, func(n *notice.Notice) {
			n.Retention[0].Criteria = notice.Text{"nb": "Til saken er lukket.", "nn": "Til saka er lukka."}
		})
		if len(got) != 1 || !strings.HasSuffix(got[0].Message, tt.want) {
			t.Errorf("%s: got %+v, want a line ending %q", tt.lang, got, tt.want)
		}
	}
	for _, l := range []string{"nb", "nn"} {
		c := catalog(t, l)
		for _, k := range []string{"diff.cookie-consent-text", "diff.cookie-purpose-text", "diff.retention-criteria-text"} {
			if s := c.T(k, "X", ""); !strings.Contains(s, ": me") {
				t.Errorf("%s %s: no hedge: %q", l, k, s)
			}
		}
	}
}

// TestReasonInReportLanguage: the phrase saying what a reworded text now
// names is the report's, whichever language the text is in (review nb5 3,
// nn5 4).
func TestReasonInReportLanguage(t *testing.T) {
	to := func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din og gjeld du har.", "nn": "Vi handsamar søknaden din og gjelda di."}
	}
	for _, tt := range []struct {
		report, text, want, bad string
	}{
		{"nb", "nn", "nevner en kategori av opplysninger", "opplysningar"},
		{"nn", "nb", "nemner ein kategori av opplysningar", "opplysninger"},
	} {
		old, new := base(), base()
		to(&new)
		found := false
		// One entry for both texts, in the report's language, with the
		// other text beside it; the reason is said with --rules (review
		// nb8x 12).
		for _, ch := range Compare(&old, &new, "a", "b", catalog(t, tt.report)).Changes {
			if !strings.HasPrefix(ch.Key, "purposes/case") || len(ch.Also) != 1 || ch.Also[0].Lang != tt.text {
				continue
			}
			found = true
			if !strings.Contains(ch.Reason, tt.want) || strings.Contains(ch.Reason, tt.bad) || strings.Contains(ch.Message, tt.want) {
				t.Errorf("report %s, text %s: reason %q, message %q, want the reason %q only", tt.report, tt.text, ch.Reason, ch.Message, tt.want)
			}
		}
		if !found {
			t.Errorf("report %s: no line for the %s text", tt.report, tt.text)
		}
	}
}

// TestRetentionUpTo: a period the page gives as "opptil" keeps it in the
// change line, written out without a "(før …)" note; a rule for all the
// data that gains a category is named as the other data (review nb5 4),
// or, as the only rule, as the data we have about you (nn7x 7).
func TestRetentionUpTo(t *testing.T) {
	upTo := func(p string) func(n *notice.Notice) {
		return func(n *notice.Notice) { n.Retention[0].Period, n.Retention[0].AtMost = p, true }
	}
	for _, tt := range []struct {
		lang, want string
	}{
		{"nb", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i opptil 6 måneder. Før sto det at vi lagret dem i opptil 12 uker."},
		{"nn", "Vi lagrar no kontaktopplysningar og opplysningar om inntekt i opptil 6 månader. Før stod det at vi lagra dei i opptil 12 veker."},
	} {
		got := lines4(t, tt.lang, "retention", upTo("P12W"), upTo("P6M"))
		if len(got) != 1 || got[0].Message != tt.want {
			t.Errorf("%s: got %+v, want %q", tt.lang, got, tt.want)
		}
	}
	all := func(n *notice.Notice) {
		n.Categories = append(n.Categories, notice.Category{ID: "health"})
		n.Retention[0].Categories = append(n.Retention[0].Categories, "health")
	}
	for _, tt := range []struct {
		lang, want string
	}{
		{"nb", "Regelen for hvor lenge vi lagrer opplysningene vi har om deg, gjelder nå også helseopplysninger."},
		{"nn", "Regelen for kor lenge vi lagrar opplysningane vi har om deg, gjeld no òg helseopplysningar."},
	} {
		old, new := base(), base()
		for _, n := range []*notice.Notice{&old, &new} {
			n.Categories = []notice.Category{{ID: "contact"}, {ID: "income"}, {ID: "age"}, {ID: "gender"}, {ID: "tax"}, {ID: "family"}, {ID: "financial"}, {ID: "employment"}, {ID: "education"}, {ID: "identity"}}
			n.Retention[0].Categories = []string{"contact", "income", "age", "gender", "tax", "family", "financial", "employment", "education", "identity"}
		}
		all(&new)
		var got []string
		for _, ch := range Compare(&old, &new, "a", "b", catalog(t, tt.lang)).Changes {
			if strings.HasPrefix(ch.Key, "retention/") {
				got = append(got, ch.Message)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
}

// TestCategoryQuotedAsHeaded: a change line that quotes a category names
// it as «Hvilke opplysninger vi behandler» heads it, with a capital, as a
// source given by kind is quoted («Deg selv», nb4 12) (review nb5 14).
func TestCategoryQuotedAsHeaded(t *testing.T) {
	label := func(s string) notice.Text { return notice.Text{"nb": s, "nn": s} }
	old, new := base(), base()
	old.Categories = append(old.Categories,
		notice.Category{ID: "wishes", Label: label("ønsker og hindringer"), Description: label("Det du ønsker.")},
		notice.Category{ID: "attendance", Label: label("oppmøte")},
		notice.Category{ID: "task", Label: label("opplysninger som kreves")})
	new.Categories = append(new.Categories,
		notice.Category{ID: "wishes", Label: label("ønsker og hindringer"), Description: label("Det du ønsker deg.")},
		notice.Category{ID: "task", Label: label("opplysninger om tiltaket ditt")},
		notice.Category{ID: "health", Label: label("helseopplysninger")})
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"nb", []string{
			"Beskrivelsen av kategorien «Ønsker og hindringer» har fått ny ordlyd",
			"Kategorien «Oppmøte» er fjernet.",
			"Kategorien «Opplysninger som kreves» heter nå «Opplysninger om tiltaket ditt»",
			"Ny særlig kategori av personopplysninger: «Helseopplysninger».",
		}},
		{"nn", []string{
			"Skildringa av kategorien «Ønsker og hindringer»",
			"Kategorien «Oppmøte» er fjerna.",
			"Kategorien «Opplysninger som kreves» heiter no «Opplysninger om tiltaket ditt»",
			"«Helseopplysninger».",
		}},
	} {
		var all []string
		for _, ch := range Compare(&old, &new, "a", "b", catalog(t, tt.lang)).Changes {
			if strings.HasPrefix(ch.Key, "categories/") {
				all = append(all, ch.Message)
			}
		}
		text := strings.Join(all, "\n")
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q in\n%s", tt.lang, w, text)
			}
		}
		for _, bad := range []string{"«ønsker", "«oppmøte", "«opplysninger", "«helse"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q in\n%s", tt.lang, bad, text)
			}
		}
	}
}
