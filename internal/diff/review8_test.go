package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/lint"
	"github.com/personvern/personvern/internal/notice"
)

// readerLines are the lines of a comparison in lang, in report order, as a
// reader of the page in that language reads them.
func readerLines(t *testing.T, lang string, old, new *notice.Notice) []string {
	t.Helper()
	var out []string
	for _, ch := range Compare(old, new, "a", "b", catalog(t, lang)).Changes {
		if ch.Lang == "" || ch.Lang == lang {
			out = append(out, ch.ForReader())
		}
	}
	return out
}

// TestGroupsIntroduced: a notice that had no groups and now has them says
// so once, and the purposes and rules given groups say the old notice did
// not say whom they were for, not "Før gjaldt det alle" beside "gjelder nå
// også" (review nb7 3, nn7x 6). The purpose narrowed stays material, the
// introduction notable.
func TestGroupsIntroduced(t *testing.T) {
	groups := []notice.Group{
		{ID: "customers", Label: notice.Text{"nb": "kunder", "nn": "kundar"}},
		{ID: "seekers", Label: notice.Text{"nb": "arbeidssøkere", "nn": "arbeidssøkjarar"}},
	}
	for _, tt := range []struct{ lang, intro, purpose, rule string }{
		{"nb", "Erklæringen sier nå hvem den gjelder: kunder og arbeidssøkere.",
			"Formålet «Saksbehandling» gjelder nå bare kunder. Før sto det ikke hvem formålet gjaldt.",
			"gjelder nå bare opplysninger om arbeidssøkere. Før sto det ikke hvem opplysningene gjaldt."},
		{"nn", "Erklæringa seier no kven ho gjeld: kundar og arbeidssøkjarar.",
			"Formålet «Sakshandsaming» gjeld no berre kundar. Før stod det ikkje kven formålet galdt.",
			"gjeld no berre opplysningar om arbeidssøkjarar. Før stod det ikkje kven opplysningane galdt."},
	} {
		old, new := base(), base()
		new.Groups = groups
		new.Purposes[0].Groups = []string{"customers"}
		new.Retention[0].Groups = []string{"seekers"}
		report := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		classes := map[string]Class{}
		var all []string
		for _, ch := range report.Changes {
			classes[ch.Rule] = ch.Class
			all = append(all, ch.Message)
		}
		text := strings.Join(all, "\n")
		for _, want := range []string{tt.intro, tt.purpose, tt.rule} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: want %q in\n%s", tt.lang, want, text)
			}
		}
		for _, bad := range []string{"nå også", "no òg", "gjaldt det alle", "galdt det alle", "gjaldt den alle", "galdt han alle"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q in\n%s", tt.lang, bad, text)
			}
		}
		if strings.Count(text, "sier nå hvem")+strings.Count(text, "seier no kven") != 1 {
			t.Errorf("%s: want the introduction once in\n%s", tt.lang, text)
		}
		for rule, want := range map[string]Class{"new-group": Notable, "purpose-new-group": Material, "retention-groups": Material} {
			if classes[rule] != want {
				t.Errorf("%s: %s classed %v, want %v", tt.lang, rule, classes[rule], want)
			}
		}
	}
	// Where the old notice had groups, a purpose without any was for
	// everyone, as before.
	old, new := base(), base()
	old.Groups, new.Groups = groups, groups
	new.Purposes[0].Groups = []string{"customers"}
	if text := strings.Join(readerLines(t, "nb", &old, &new), "\n"); !strings.Contains(text, "Formålet «Saksbehandling» gjelder nå bare kunder. Før gjaldt det alle.") {
		t.Errorf("old groups: got\n%s", text)
	}
}

// TestGroupsDropped: the reverse of TestGroupsIntroduced. A notice that
// drops all its groups no longer says whom it is for; "Erklæringen gjelder
// ikke lenger kunder" per group would tell customers they are no longer
// covered while every purpose now covers everyone.
func TestGroupsDropped(t *testing.T) {
	groups := []notice.Group{
		{ID: "customers", Label: notice.Text{"nb": "kunder", "nn": "kundar"}},
		{ID: "seekers", Label: notice.Text{"nb": "arbeidssøkere", "nn": "arbeidssøkjarar"}},
	}
	for _, tt := range []struct{ lang, want, bad string }{
		{"nb", "Erklæringen sier ikke lenger hvem den gjelder. Før nevnte den kunder og arbeidssøkere.", "gjelder ikke lenger kunder"},
		{"nn", "Erklæringa seier ikkje lenger kven ho gjeld. Før nemnde ho kundar og arbeidssøkjarar.", "gjeld ikkje lenger kundar"},
	} {
		old, new := base(), base()
		old.Groups = groups
		old.Purposes[0].Groups = []string{"customers"}
		text := strings.Join(readerLines(t, tt.lang, &old, &new), "\n")
		if !strings.Contains(text, tt.want) || strings.Contains(text, tt.bad) {
			t.Errorf("%s: want %q, not %q, in\n%s", tt.lang, tt.want, tt.bad, text)
		}
	}
}

// TestFormerlyAnyForm: a renamed category, group or purpose named by its
// new name in a line above its rename is told its old name there, in the
// form the line gives it: unquoted in a retention rule's data, as the
// topic of "opplysninger om …", quoted as a heading; once, with no two
// brackets in a row (review nb7 2, nb7x 2, nn7 2, nn7x 1; VINN 1.1→1.2).
func TestFormerlyAnyForm(t *testing.T) {
	label := func(nb, nn string) notice.Text { return notice.Text{"nb": nb, "nn": nn} }
	task := func(l notice.Text) func(n *notice.Notice) {
		return func(n *notice.Notice) {
			n.Categories = append(n.Categories, notice.Category{ID: "task", Label: l})
			n.Retention[0].Categories = []string{"contact", "task"}
		}
	}
	oldTask := task(label("opplysninger som kreves for oppdraget", "opplysningar som krevst for oppdraget"))
	newTask := func(n *notice.Notice) {
		n.Categories[len(n.Categories)-1].Label = label("opplysninger om tiltaket ditt", "opplysningar om tiltaket ditt")
	}
	kids := []notice.Group{{ID: "kids", Label: label("barnet", "barnet")}}
	for _, tt := range []struct {
		name, lang string
		old, new   func(n *notice.Notice)
		want       string
	}{
		{"retention data", "nb", oldTask, func(n *notice.Notice) {
			newTask(n)
			n.Groups, n.Retention[0].Groups = kids, []string{"kids"}
		}, "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om tiltaket ditt (tidligere «Opplysninger som kreves for oppdraget»), gjelder nå bare opplysninger om barnet."},
		{"retention data", "nn", oldTask, func(n *notice.Notice) {
			newTask(n)
			n.Groups, n.Retention[0].Groups = kids, []string{"kids"}
		}, "Regelen for kor lenge vi lagrar kontaktopplysningar og opplysningar om tiltaket ditt (tidlegare «Opplysningar som krevst for oppdraget»), gjeld no berre opplysningar om barnet."},
		{"topic of a purpose's data", "nb", func(n *notice.Notice) {
			n.Categories[1].Label = label("inntekt", "inntekt")
		}, func(n *notice.Notice) {
			n.Categories[1].Label = label("lønn", "løn")
			n.Purposes[1].Categories = []string{"contact", "income"}
		}, "Til formålet «Nyhetsbrev» bruker vi nå også opplysninger om lønn (tidligere «Inntekt»)."},
		{"topic of a purpose's data", "nn", func(n *notice.Notice) {
			n.Categories[1].Label = label("inntekt", "inntekt")
		}, func(n *notice.Notice) {
			n.Categories[1].Label = label("lønn", "løn")
			n.Purposes[1].Categories = []string{"contact", "income"}
		}, "Til formålet «Nyheitsbrev» brukar vi no òg opplysningar om løn (tidlegare «Inntekt»)."},
		{"group", "nb", func(n *notice.Notice) {
			n.Groups = []notice.Group{{ID: "kids", Label: label("barnet", "barnet")}, {ID: "p", Label: label("foreldre", "foreldre")}}
			n.Purposes[0].Groups = []string{"p"}
		}, func(n *notice.Notice) {
			n.Groups[0].Label = label("barna", "borna")
			n.Purposes[0].Groups = []string{"p", "kids"}
		}, "Formålet «Saksbehandling» gjelder nå også barna (tidligere «Barnet»)."},
		{"same data, two rules", "nb", func(n *notice.Notice) {
			oldTask(n)
			n.Retention = append(n.Retention, notice.Retention{ID: "r2", Categories: []string{"contact", "task"}, Period: "P2Y", Then: "delete"})
		}, func(n *notice.Notice) {
			newTask(n)
			n.Groups, n.Retention[0].Groups = kids, []string{"kids"}
		}, "opplysninger om tiltaket ditt (tidligere «Opplysninger som kreves for oppdraget»; regel 1), gjelder nå bare"},
	} {
		old, new := base(), base()
		tt.old(&old)
		tt.old(&new)
		tt.new(&new)
		all := strings.Join(readerLines(t, tt.lang, &old, &new), "\n")
		if !strings.Contains(all, tt.want) {
			t.Errorf("%s %s: want %q in\n%s", tt.name, tt.lang, tt.want, all)
		}
		if n := strings.Count(all, "(tidl"); n != 1 {
			t.Errorf("%s %s: %d notes of the old name in\n%s", tt.name, tt.lang, n, all)
		}
		if got := lint.Run("stacked-brackets", all); len(got) != 0 {
			t.Errorf("%s %s: stacked brackets %q", tt.name, tt.lang, got)
		}
	}
}

// TestFormerlyWholeWords: a label found inside a longer word is not the
// item ("helse" in "helseopplysninger").
func TestFormerlyWholeWords(t *testing.T) {
	if at, _ := wordIndex("Vi lagrer helseopplysninger og helse.", "helse"); at != len("Vi lagrer helseopplysninger og ") {
		t.Errorf("got %d", at)
	}
	if at, _ := wordIndex("helseopplysninger", "helse"); at != -1 {
		t.Errorf("got %d, want -1", at)
	}
}

// TestVersionNotRaisedSaysOnce: the advice on a version's date or number
// does not say the same phrase twice ("men ikke datoen den nye versjonen
// gjelder fra. Sett datoen den nye versjonen gjelder fra", review nb7x 3).
func TestVersionNotRaisedSaysOnce(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		for _, tt := range []struct{ number, day bool }{{false, false}, {true, false}, {false, true}} {
			old, new := base(), base()
			new.Purposes[0].Description = notice.Text{"nb": "Vi behandler klagen din.", "nn": "Vi handsamar klaga di."}
			if tt.number {
				new.Version = "1.1"
			}
			if tt.day {
				new.Updated = "2024-02-01"
			}
			got := Compare(&old, &new, "a", "b", catalog(t, lang)).Notes
			if len(got) != 1 {
				t.Fatalf("%s: got %+v", lang, got)
			}
			m := got[0].Message
			for _, phrase := range []string{"den nye versjonen gjelder fra", "den nye versjonen gjeld frå", "versjonsnummer"} {
				if strings.Count(m, phrase) > 1 {
					t.Errorf("%s: %q twice in %q", lang, phrase, m)
				}
			}
			if strings.Contains(m, "ikke datoen") || strings.Contains(m, "ikkje datoen") {
				t.Errorf("%s: %q", lang, m)
			}
		}
	}
}

// TestWeUseForPurpose: a purpose uses nothing; we use data for it
// ("Til formålet «X» bruker vi nå også …", review nb7x 3).
func TestWeUseForPurpose(t *testing.T) {
	for _, tt := range []struct{ lang, add, rem string }{
		{"nb", "Til formålet «Nyhetsbrev» bruker vi nå også opplysninger om inntekt.", "Til formålet «Saksbehandling» bruker vi ikke lenger opplysninger om inntekt."},
		{"nn", "Til formålet «Nyheitsbrev» brukar vi no òg opplysningar om inntekt.", "Til formålet «Sakshandsaming» brukar vi ikkje lenger opplysningar om inntekt."},
	} {
		add := lines4(t, tt.lang, "purposes/news/categories", nil, func(n *notice.Notice) { n.Purposes[1].Categories = []string{"contact", "income"} })
		rem := lines4(t, tt.lang, "purposes/case/categories", nil, func(n *notice.Notice) { n.Purposes[0].Categories = []string{"contact"} })
		if len(add) != 1 || add[0].Message != tt.add || len(rem) != 1 || rem[0].Message != tt.rem {
			t.Errorf("%s: got %+v and %+v, want %q and %q", tt.lang, add, rem, tt.add, tt.rem)
		}
		for _, ch := range append(add, rem...) {
			if got := lint.Run("purpose-agent", ch.Message); len(got) != 0 {
				t.Errorf("%s: lint %q", tt.lang, got)
			}
		}
	}
}

// TestOnlyRuleHasNoOtherData: a rule for all the data that gains a
// category is "the other data" only where another rule stands beside it;
// the only rule keeps "the data we have about you" (review nn7x 7).
func TestOnlyRuleHasNoOtherData(t *testing.T) {
	cats := []string{"contact", "income", "age", "gender", "tax", "family", "financial", "employment", "education", "identity"}
	for _, tt := range []struct {
		lang  string
		rules int
		want  string
	}{
		{"nb", 1, "Regelen for hvor lenge vi lagrer opplysningene vi har om deg, gjelder nå også helseopplysninger."},
		{"nn", 1, "Regelen for kor lenge vi lagrar opplysningane vi har om deg, gjeld no òg helseopplysningar."},
		{"nb", 2, "Regelen for hvor lenge vi lagrer de andre opplysningene, gjelder nå også helseopplysninger."},
		{"nn", 2, "Regelen for kor lenge vi lagrar dei andre opplysningane, gjeld no òg helseopplysningar."},
	} {
		old, new := base(), base()
		for _, n := range []*notice.Notice{&old, &new} {
			n.Categories = nil
			for _, c := range cats {
				n.Categories = append(n.Categories, notice.Category{ID: c})
			}
			n.Retention[0].Categories = cats
			if tt.rules == 2 {
				n.Retention = append(n.Retention, notice.Retention{ID: "tax", Categories: []string{"tax"}, Period: "P10Y", Then: "delete"})
			}
		}
		new.Categories = append(new.Categories, notice.Category{ID: "health"})
		new.Retention[0].Categories = append(append([]string{}, cats...), "health")
		var got []string
		for _, ch := range Compare(&old, &new, "a", "b", catalog(t, tt.lang)).Changes {
			if strings.HasPrefix(ch.Key, "retention/r/") {
				got = append(got, ch.Message)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s, %d rules: got %q, want %q", tt.lang, tt.rules, got, tt.want)
		}
	}
}
