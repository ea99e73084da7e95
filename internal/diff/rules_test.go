package diff

import (
	"os"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
)

// TestEveryRuleHasAMessage: every rule's message is in every catalogue,
// so a report never shows a bare [diff.key].
func TestEveryRuleHasAMessage(t *testing.T) {
	langs := i18n.Available(templates.FS)
	if len(langs) < 2 {
		t.Fatalf("catalogues %v: expected nb and nn at least", langs)
	}
	for _, lang := range langs {
		c := catalog(t, lang)
		for _, r := range Rules {
			if !c.Has(r.MessageKey()) {
				t.Errorf("%s.yaml has no %s, the message of rule %s", lang, r.MessageKey(), r.ID)
			} else if strings.TrimSpace(c.T(r.MessageKey())) == "" {
				t.Errorf("%s.yaml: %s is empty", lang, r.MessageKey())
			}
		}
	}
}

// TestEveryRuleHasACase: each rule is exercised, with its class, by at
// least one row of classificationCases; a rule without one fails here.
func TestEveryRuleHasACase(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s registered twice", r.ID)
		}
		seen[r.ID] = true
		found := false
		for _, c := range classificationCases {
			if c.rule == r.ID {
				found = true
				if c.class != r.Class {
					t.Errorf("case %q expects %s of rule %s, which is %s", c.name, c.class, r.ID, r.Class)
				}
			}
		}
		if !found {
			t.Errorf("rule %s has no row in classificationCases", r.ID)
		}
	}
	for _, c := range classificationCases {
		if !seen[c.rule] {
			t.Errorf("case %q names rule %s, which is not registered", c.name, c.rule)
		}
	}
}

// TestREADMERuleTable: the README's --fail-on table is RuleTable's, so the
// documentation lists exactly the rules there are, in their classes.
func TestREADMERuleTable(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := RuleTable()
	if !strings.Contains(string(b), want) {
		t.Errorf("README.md lacks the rule table; replace the table under \"Reviewing a change\" with:\n%s", want)
	}
}
