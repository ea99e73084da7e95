package diff

import (
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// addsAndRemoves finds a pair of lines that add and take away the same
// thing: "nå også X" beside "ikke lenger X", "Ny kategori …: «X»" beside
// "Kategorien «X» er fjernet" (review nb8x 9).
func addsAndRemoves(report *Report) string {
	gained, lost := map[string]bool{}, map[string]bool{}
	tail := regexp.MustCompile(`(?:nå også|no òg|ikke lenger|ikkje lenger) (.+?)\.?$`)
	quoted := regexp.MustCompile(`«[^«»]+»`)
	for _, ch := range report.Changes {
		m := ch.ForReader()
		if t := tail.FindStringSubmatch(m); t != nil {
			if strings.Contains(m, "nå også") || strings.Contains(m, "no òg") {
				gained[t[1]] = true
			} else {
				lost[t[1]] = true
			}
		}
		switch {
		case strings.HasPrefix(ch.Rule, "new-"):
			for _, q := range quoted.FindAllString(m, -1) {
				gained["item "+q] = true
			}
		case strings.HasPrefix(ch.Rule, "removed-"):
			for _, q := range quoted.FindAllString(m, -1) {
				lost["item "+q] = true
			}
		}
	}
	for x := range gained {
		if lost[x] {
			return x
		}
	}
	return ""
}

// TestIDRenamedIsTheSameItem: an item whose id changed, with the same
// label and nothing else, is the same item to the reader: no new and
// removed category, no "nå også X" above "ikke lenger X" in the purposes
// and retention rules that use it; the editor is told the id changed, as
// upkeep (review nb8x 9). The class holds for every id-matched list.
func TestIDRenamedIsTheSameItem(t *testing.T) {
	withInterests := func(n *notice.Notice) {
		n.Categories = append(n.Categories, notice.Category{ID: "interests", Label: notice.Text{"nb": "interesser og fritidsaktiviteter", "nn": "interesser og fritidsaktivitetar"}})
		n.Purposes[0].Categories = append(n.Purposes[0].Categories, "interests")
		n.Retention[0].Categories = append(n.Retention[0].Categories, "interests")
		n.Groups = []notice.Group{{ID: "kunder", Label: notice.Text{"nb": "kunder", "nn": "kundar"}}}
		n.Purposes[0].Groups = []string{"kunder"}
		n.Cookies = []notice.Cookie{{ID: "s", Name: "JSESSIONID", Provider: "controller", Purpose: notice.Text{"nb": "Innlogging.", "nn": "Innlogging."}, Lifetime: "PT30M", Necessary: true}}
	}
	renameAll := func(n *notice.Notice) {
		ren := map[string]string{"interests": "fritid", "income": "inntekt"}
		for i, c := range n.Categories {
			if to, ok := ren[c.ID]; ok {
				n.Categories[i].ID = to
			}
			if c.ID == "income" {
				// A vocabulary code made custom keeps the label it had.
				n.Categories[i].Label = notice.Text{"nb": "inntekt", "nn": "inntekt"}
			}
		}
		for _, list := range []*[]string{&n.Purposes[0].Categories, &n.Purposes[1].Categories, &n.Retention[0].Categories, &n.Sources[1].Categories, &n.Recipients[0].Categories} {
			for i, id := range *list {
				if to, ok := ren[id]; ok {
					(*list)[i] = to
				}
			}
		}
		n.Groups[0].ID, n.Purposes[0].Groups = "customers", []string{"customers"}
		n.Purposes[1].ID = "newsletter"
		n.Recipients[0].ID = "tax"
		n.Sources[1].ID = "nav-kontor"
		n.Retention[0].ID = "regel"
		n.Transfers[0].ID = "uk"
		n.AutomatedDecisions[0].ID = "reminders"
		n.Cookies[0].ID = "session"
	}
	for _, lang := range []string{"nb", "nn"} {
		old, new := base(), base()
		withInterests(&old)
		withInterests(&new)
		renameAll(&new)
		report := Compare(&old, &new, "a", "b", catalog(t, lang))
		var lines []string
		for _, ch := range report.Changes {
			t.Errorf("%s: only id changes, told the editor (nb9x 1), got %s: %s", lang, ch.Rule, ch.Message)
		}
		for _, ch := range report.Notes {
			lines = append(lines, ch.Rule+": "+ch.Message)
			if ch.Rule != ruleRenamedID.ID {
				t.Errorf("%s: only id notes, got %s: %s", lang, ch.Rule, ch.Message)
			}
		}
		if x := addsAndRemoves(report); x != "" {
			t.Errorf("%s: %s both added and removed in\n%s", lang, x, strings.Join(lines, "\n"))
		}
		want := map[string]string{
			"nb": "Kategorien «Interesser og fritidsaktiviteter» har fått ny id (før interests, nå fritid). Det er ingen endring for leserne.",
			"nn": "Kategorien «Interesser og fritidsaktivitetar» har fått ny id (før interests, no fritid). Det er inga endring for lesarane.",
		}[lang]
		if text := strings.Join(lines, "\n"); !strings.Contains(text, want) {
			t.Errorf("%s: want %q in\n%s", lang, want, text)
		}
		if len(lines) != 10 {
			t.Errorf("%s: want one id line for each of the 10 items, got\n%s", lang, strings.Join(lines, "\n"))
		}
		if !IsUpkeep(ruleRenamedID.ID) {
			t.Error("renamed-id: the reader sees no id; it is upkeep")
		}
	}

	// The same label with another nature is still said: a special
	// category (by the vocabulary) renamed to a custom one not marked
	// special is no longer special.
	old, new := base(), base()
	old.Categories = append(old.Categories, notice.Category{ID: "health"})
	new.Categories = append(new.Categories, notice.Category{ID: "helse", Label: notice.Text{"nb": "helseopplysninger", "nn": "helseopplysningar"}})
	report := Compare(&old, &new, "a", "b", catalog(t, "nb"))
	var rules []string
	for _, ch := range report.Changes {
		rules = append(rules, ch.Rule)
	}
	if !strings.Contains(strings.Join(rules, ","), ruleCategoryNotSpecial.ID) {
		t.Errorf("health → custom helse: want %s in %v", ruleCategoryNotSpecial.ID, rules)
	}
	if x := addsAndRemoves(report); x != "" {
		t.Errorf("health → helse: %s both added and removed", x)
	}
	// Another label is another item: new and removed, as before.
	new.Categories[len(new.Categories)-1].Label = notice.Text{"nb": "opplysninger om sykefravær", "nn": "opplysningar om sjukefråvær"}
	rules = nil
	for _, ch := range Compare(&old, &new, "a", "b", catalog(t, "nb")).Changes {
		rules = append(rules, ch.Rule)
	}
	if s := strings.Join(rules, ","); !strings.Contains(s, "new-category") || !strings.Contains(s, "removed-category") {
		t.Errorf("another label: want new and removed category, got %v", rules)
	}
}

// TestCriminalCategoryIsNoSpecialCategory: data on criminal convictions
// and offences are art. 10 data, not a special category (art. 9): the
// line says so, still material (review nb8x 10).
func TestCriminalCategoryIsNoSpecialCategory(t *testing.T) {
	for lang, want := range map[string]string{
		"nb": "Ny kategori: opplysninger om straffedommer og lovovertredelser (personvernforordningen artikkel 10).",
		"nn": "Ny kategori: opplysningar om straffedommar og lovbrot (personvernforordninga artikkel 10).",
	} {
		old, new := base(), base()
		new.Categories = append(new.Categories, notice.Category{ID: "criminal"})
		report := Compare(&old, &new, "a", "b", catalog(t, lang))
		found := false
		for _, ch := range report.Changes {
			if strings.Contains(ch.Message, "særlig kategori") || strings.Contains(ch.Message, "særleg kategori") {
				t.Errorf("%s: criminal data called special: %s", lang, ch.Message)
			}
			if ch.Message == want {
				found = true
				if ch.Class != Material {
					t.Errorf("%s: %s classed %v, want material", lang, ch.Rule, ch.Class)
				}
			}
		}
		if !found {
			t.Errorf("%s: want %q in %+v", lang, want, report.Changes)
		}
	}
}

// TestRetentionLinesNameTheRuleAsItWas: a rule's end changed is said of
// the rule as it was named ("før vi sletter dem"), with "gjør dem anonyme"
// (review nb8x 11); a period stated where there were criteria says the
// period before the end clause, "i 5 år før vi sletter dem", not "…
// opplysningene før vi sletter dem, i 5 år" (review nn8x 4).
func TestRetentionLinesNameTheRuleAsItWas(t *testing.T) {
	two := func(n *notice.Notice) {
		n.Retention = []notice.Retention{
			{ID: "a", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Så lenge saken varer.", "nn": "Så lenge saka varer."}, Then: "delete"},
			{ID: "b", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Arkivverdige.", "nn": "Arkivverdige."}, Then: "archive"},
		}
	}
	for _, tt := range []struct {
		lang, then, period string
	}{
		{"nb", "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt før vi sletter dem, sier nå at vi gjør dem anonyme etter lagringstiden. Før sto det at vi slettet dem.",
			"Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 5 år før vi sletter dem. Før sto det bare hva som avgjorde hvor lenge vi lagret dem."},
		{"nn", "Regelen for kor lenge vi lagrar kontaktopplysningar og opplysningar om inntekt før vi slettar dei, seier no at vi gjer dei anonyme etter lagringstida. Før stod det at vi sletta dei.",
			"Vi lagrar no kontaktopplysningar og opplysningar om inntekt i 5 år før vi slettar dei. Før stod det berre kva som avgjorde kor lenge vi lagra dei."},
	} {
		old, new := base(), base()
		two(&old)
		two(&new)
		new.Retention[0].Then = "anonymise"
		if text := strings.Join(readerLines(t, tt.lang, &old, &new), "\n"); !strings.Contains(text, tt.then) {
			t.Errorf("%s then: want %q in\n%s", tt.lang, tt.then, text)
		}
		new = base()
		two(&new)
		new.Retention[0].Period = "P5Y"
		if text := strings.Join(readerLines(t, tt.lang, &old, &new), "\n"); !strings.Contains(text, tt.period) {
			t.Errorf("%s period: want %q in\n%s", tt.lang, tt.period, text)
		}
	}
}

// TestProvisionWasGivesTheData: "å gi oss opplysningene", not the
// unidiomatic "å gi oss dem" (review nb8x 1, 14), in every diff message.
func TestProvisionWasGivesTheData(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		c := catalog(t, lang)
		for _, k := range c.Keys() {
			if !strings.HasPrefix(k, "diff.") {
				continue
			}
			for _, bad := range []string{"gi oss dem", "gje oss dei", "gi oss dei"} {
				if strings.Contains(c.T(k), bad) {
					t.Errorf("%s: %s says %q: %s", lang, k, bad, c.T(k))
				}
			}
		}
	}
}

// TestVocabularyCategoryGivenALabelIsRenamed: the page named a vocabulary
// category by the vocabulary's label, so a label of its own renames it:
// "Kategorien «Skatteopplysningar» heiter no «Skattetilhøve»", not that its
// name "er lagt til" (review nn8x 3).
func TestVocabularyCategoryGivenALabelIsRenamed(t *testing.T) {
	for lang, want := range map[string]string{
		"nb": "Kategorien «Skatteopplysninger» heter nå «Skatteforhold».",
		"nn": "Kategorien «Skatteopplysningar» heiter no «Skattetilhøve».",
	} {
		old, new := base(), base()
		old.Categories = append(old.Categories, notice.Category{ID: "tax"})
		new.Categories = append(new.Categories, notice.Category{ID: "tax", Label: notice.Text{"nb": "skatteforhold", "nn": "skattetilhøve"}})
		text := strings.Join(readerLines(t, lang, &old, &new), "\n")
		if !strings.Contains(text, want) {
			t.Errorf("%s: want %q in\n%s", lang, want, text)
		}
		if strings.Contains(text, "lagt til") {
			t.Errorf("%s: a rename said as added:\n%s", lang, text)
		}
	}
}

// keyLeak is a catalogue key in brackets, as a missing key is written:
// «[kind.]», «[diff.x]».
var keyLeak = regexp.MustCompile(`\[[a-z_]+\.[a-z_.]*\]`)

// TestNoKeyInBrackets: a recipient of no kind and no name is named by its
// id, never «[kind.]» (review nn8x 5); no line of any classification case
// holds a key in brackets.
func TestNoKeyInBrackets(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		old, new := base(), base()
		new.Recipients = append(new.Recipients, notice.Recipient{ID: "ukjent"})
		old.Recipients = append(old.Recipients, notice.Recipient{ID: "borte", Kind: "processor"})
		new.Recipients = append(new.Recipients, notice.Recipient{ID: "borte"})
		text := strings.Join(readerLines(t, lang, &old, &new), "\n")
		want := map[string]string{"nb": "Ny mottaker: «ukjent».", "nn": "Ny mottakar: «ukjent»."}[lang]
		if !strings.Contains(text, want) {
			t.Errorf("%s: want %q in\n%s", lang, want, text)
		}
		if k := keyLeak.FindString(text); k != "" {
			t.Errorf("%s: key %s in\n%s", lang, k, text)
		}
		for _, tc := range classificationCases {
			old, new := base(), base()
			if tc.old != nil {
				tc.old(&old)
				tc.old(&new)
			}
			tc.change(&new)
			for _, ch := range Compare(&old, &new, "a", "b", catalog(t, lang)).Changes {
				if k := keyLeak.FindString(ch.Message + ch.Reader); k != "" {
					t.Errorf("%s %s: key %s in %q", lang, tc.name, k, ch.Message)
				}
			}
		}
	}
}

// TestNoVerblessRuleLine: a new retention rule, and a new decision named by
// its purpose, are said as sentences, not a headline without a colon among
// full sentences ("Ny regel for hvor lenge vi lagrer …", review nb8x 2, nb8
// 11). The "Ny mottaker: «X»." lines are label and value, as before.
func TestNoVerblessRuleLine(t *testing.T) {
	for lang, want := range map[string]string{
		"nb": "Det er lagt til en regel for hvor lenge vi lagrer opplysninger om inntekt.",
		"nn": "Det er lagt til ein regel for kor lenge vi lagrar opplysningar om inntekt.",
	} {
		old, new := base(), base()
		new.Retention = append(new.Retention, notice.Retention{ID: "x", Categories: []string{"income"}, Period: "P5Y", Then: "archive"})
		text := strings.Join(readerLines(t, lang, &old, &new), "\n")
		if !strings.Contains(text, want) {
			t.Errorf("%s: want %q in\n%s", lang, want, text)
		}
	}
	for _, lang := range []string{"nb", "nn"} {
		c := catalog(t, lang)
		for _, k := range c.Keys() {
			if m := c.T(k); strings.HasPrefix(k, "diff.") && (strings.HasPrefix(m, "Ny ") || strings.HasPrefix(m, "Nytt ")) && !strings.Contains(m, ":") {
				t.Errorf("%s: %s is a headline with no verb and no colon: %s", lang, k, m)
			}
		}
	}
}
