package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestNotesOutsideClasses: advice to the editor (a version left as it
// was, a text changed in one language only) is a note, not a change: it
// is in no class and counts in none (review nb8x 13, nn8x 7).
func TestNotesOutsideClasses(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		old, new := base(), base()
		new.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din raskt.", "nn": "Vi handsamar søknaden din."}
		rep := Compare(&old, &new, "a", "b", catalog(t, lang))
		rules := map[string]bool{}
		for _, n := range rep.Notes {
			rules[n.Rule] = true
		}
		// In the nynorsk report the entry itself says only the bokmål
		// text changed; the note would say it twice (nb9x 7).
		if !rules["version-not-raised"] || rules["translation-drift"] != (lang == "nb") {
			t.Errorf("%s: notes %+v, want version-not-raised, and translation-drift in nb only", lang, rep.Notes)
		}
		for _, ch := range rep.Changes {
			if IsUpkeep(ch.Rule) {
				t.Errorf("%s: note among the changes: %q", lang, ch.Message)
			}
		}
		if n := rep.Count(Notable); n != 1 {
			t.Errorf("%s: %d notable changes, want 1 (the reworded text)", lang, n)
		}
	}
}

// TestOneEntryPerTextChange: a text changed in both languages is one
// entry with the report language's redline, said without the rule's
// reason; a text changed only in the other language is one entry that
// names that language (review nb8x 12, nn8x 2).
func TestOneEntryPerTextChange(t *testing.T) {
	for _, tt := range []struct{ lang, both, other, bad string }{
		{"nb", "Beskrivelsen av formålet «Saksbehandling» har fått ny ordlyd. Les den nye teksten: meningen kan være endret.",
			"Beskrivelsen av formålet «Saksbehandling» er endret på nynorsk, ikke på bokmål.", "nevner"},
		{"nn", "Skildringa av formålet «Sakshandsaming» har fått ny ordlyd. Les den nye teksten: meininga kan vere endra.",
			"Skildringa av formålet «Sakshandsaming» er endra på bokmål, ikkje på nynorsk.", "nemner"},
	} {
		old, new := base(), base()
		new.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din og gjeld du har.", "nn": "Vi handsamar søknaden din og gjelda di."}
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		if len(rep.Changes) != 1 {
			t.Fatalf("%s: %d entries, want 1: %+v", tt.lang, len(rep.Changes), rep.Changes)
		}
		ch := rep.Changes[0]
		if ch.Message != tt.both || ch.Lang != tt.lang || ch.Class != Material || len(ch.Also) != 1 || ch.Reason == "" {
			t.Errorf("%s: got %+v, want %q, material, in %s", tt.lang, ch, tt.both, tt.lang)
		}
		if strings.Contains(ch.Message, tt.bad) {
			t.Errorf("%s: the rule's reason in the line: %q", tt.lang, ch.Message)
		}
		other := map[string]string{"nb": "nn", "nn": "nb"}[tt.lang]
		new = base()
		new.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din raskt.", "nn": "Vi handsamar søknaden din raskt."}
		new.Purposes[0].Description[tt.lang] = old.Purposes[0].Description[tt.lang]
		rep = Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		if len(rep.Changes) != 1 || rep.Changes[0].Message != tt.other || rep.Changes[0].Lang != other {
			t.Errorf("%s: other language only: got %+v, want one entry %q", tt.lang, rep.Changes, tt.other)
		}
	}
}

// TestMergedPartyOnce: two recipients under one heading made one are
// reported once; the merged text is compared with both old texts, so the
// sentence that moved is no new text, and what is really new raises the
// line's class (review nb8 4, nb8x 5, nn8x 12).
func TestMergedPartyOnce(t *testing.T) {
	from := func(n *notice.Notice) {
		n.Recipients = []notice.Recipient{
			{ID: "others", Kind: "other", Categories: []string{"contact"}, Description: notice.Text{"nb": "Andre offentlige virksomheter.", "nn": "Andre offentlege verksemder."}},
			{ID: "family", Kind: "other", Categories: []string{"contact"}, Description: notice.Text{"nb": "Andre, for eksempel familiemedlemmer, med fullmakt.", "nn": "Andre, til dømes familiemedlemer, med fullmakt."}},
		}
	}
	for _, tt := range []struct {
		name  string
		desc  notice.Text
		class Class
	}{
		{"moved", notice.Text{"nb": "Andre offentlige virksomheter.\n\nFamiliemedlemmer og andre med fullmakt.", "nn": "Andre offentlege verksemder.\n\nFamiliemedlemer og andre med fullmakt."}, Notable},
		{"moved as it was", notice.Text{"nb": "Andre offentlige virksomheter.\n\nAndre, for eksempel familiemedlemmer, med fullmakt.", "nn": "Andre offentlege verksemder.\n\nAndre, til dømes familiemedlemer, med fullmakt."}, Notable},
		{"shares with more", notice.Text{"nb": "Andre offentlige virksomheter og samarbeidspartnere.\n\nFamiliemedlemmer og andre med fullmakt.", "nn": "Andre offentlege verksemder og samarbeidspartnarar.\n\nFamiliemedlemer og andre med fullmakt."}, Material},
	} {
		for _, lang := range []string{"nb", "nn"} {
			old, new := base(), base()
			from(&old)
			from(&new)
			new.Recipients = new.Recipients[:1]
			new.Recipients[0].Description = tt.desc
			rep := Compare(&old, &new, "a", "b", catalog(t, lang))
			var got []Change
			for _, ch := range rep.Changes {
				if strings.HasPrefix(ch.Key, "recipients/") {
					got = append(got, ch)
				}
			}
			if len(got) != 1 {
				t.Errorf("%s, %s: %d lines, want 1: %+v", tt.name, lang, len(got), got)
				continue
			}
			if !strings.Contains(got[0].Message, map[string]string{"nb": "er slått sammen til én", "nn": "er slått saman til éin"}[lang]) || got[0].Class != tt.class {
				t.Errorf("%s, %s: %s %q, want the merge, %s", tt.name, lang, got[0].Class, got[0].Message, tt.class)
			}
		}
	}
}

// TestTitleQuoted: a new title is said in full, old and new, not "har
// fått ny ordlyd … meningen kan være endret" (review nb8 12).
func TestTitleQuoted(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"nb", "Tittelen er endret fra «Tjenesten» til «Slik tar vi vare på opplysningene dine»."},
		{"nn", "Tittelen er endra frå «Tenesta» til «Slik tek vi vare på opplysningane dine»."},
	} {
		old, new := base(), base()
		new.Title = notice.Text{"nb": "Slik tar vi vare på opplysningene dine", "nn": "Slik tek vi vare på opplysningane dine"}
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		if len(rep.Changes) != 1 || rep.Changes[0].Message != tt.want || rep.Changes[0].ForReader() != tt.want || rep.Changes[0].Redline != nil {
			t.Errorf("%s: got %+v, want %q", tt.lang, rep.Changes, tt.want)
		}
	}
}
