package diff

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/testtool"
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
// casedElsewhere are rules a classification row cannot reach, each with
// the test that classifies them.
var casedElsewhere = map[string]string{
	// No field of the model is plain and not a text yet, so no change of
	// a notice fires it; TestPlainCompare fires it on a test type.
	"field-changed": "TestPlainCompare",
}

func TestEveryRuleHasACase(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s registered twice", r.ID)
		}
		seen[r.ID] = true
		_, found := casedElsewhere[r.ID]
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
	if *testtool.Update && !strings.Contains(string(b), want) {
		s := string(b)
		i := strings.Index(s, "| class | rules (`regel`) |")
		j := strings.Index(s[max(i, 0):], "| **editorial**")
		if i < 0 || j < 0 {
			t.Fatal("README.md: no rule table to replace")
		}
		end := i + j + strings.Index(s[i+j:], "\n") + 1
		b = []byte(s[:i] + want + s[end:])
		if err := os.WriteFile("../../README.md", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(string(b), want) {
		t.Errorf("README.md lacks the rule table; run go test ./internal/diff -run README -update, or replace the table under \"Reviewing a change\" with:\n%s", want)
	}
}

// TestNoStrayDiffMessage: every diff.* key of a catalogue is a rule's
// message or a text the report shows (its heading, counts, class names),
// so a rule renamed or dropped cannot leave its old message behind to be
// translated and kept up for nothing.
func TestNoStrayDiffMessage(t *testing.T) {
	// The report's own texts are named in Go or templates, quoted.
	var src strings.Builder
	err := filepath.WalkDir("../..", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == ".git" || e.Name() == "testdata" || e.Name() == "site") {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, "_test.go") || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".tmpl")) {
			return nil
		}
		b, err := os.ReadFile(path)
		src.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	used := src.String()
	rules := map[string]bool{}
	for _, r := range Rules {
		rules[r.MessageKey()] = true
		// message's forms for a value added or removed.
		rules[r.MessageKey()+".added"] = true
		rules[r.MessageKey()+".removed"] = true
	}
	// diff.class.<class> and .note are built from the class's name.
	for _, c := range []Class{Material, Notable, Editorial} {
		rules["diff.class."+c.String()] = true
		rules["diff.class."+c.String()+".note"] = true
	}
	for _, lang := range i18n.Available(templates.FS) {
		for _, k := range catalog(t, lang).Keys() {
			if strings.HasPrefix(k, "diff.") && !rules[k] && !strings.Contains(used, `"`+k+`"`) {
				t.Errorf("%s.yaml: %s is no rule's message and nothing shows it; remove it", lang, k)
			}
		}
	}
}

// TestMessagesReadAsNorwegian: no report message, in either language,
// has an empty slot, a full stop before a closing quote followed by more,
// a raw code or a language code in brackets.
func TestMessagesReadAsNorwegian(t *testing.T) {
	bad := []struct{ what, re string }{
		{"an empty quoted value", `«»`},
		{"an empty slot before an arrow", `:\s+→|→\s*[.]`},
		{"a full stop inside a quote the message goes on after", `\.»`},
		{"a raw code", `\b[a-z]+_[a-z_]+\b`},
		{"a language code in brackets", `\((nb|nn)\)`},
		// A yes/no field is said as a sentence for the way it went.
		{"a yes/no arrow", `\b(ja|nei) → (ja|nei)\b`},
		{"whether …, is changed", `^Om [^.]*, er endr`},
		// An adequacy decision (art. 45) is no art. 46 safeguard.
		{"an adequacy decision called a safeguard", `Garantien[^.]*(tilstrekkel|vernenivå)`},
		{"a clause as a subject with no comma", `^(Når|Hvordan|Korleis|Hvem|Kven|Hva|Kva) [^,.]* (har fått|er endr|er lagt|er lagd|er fjern)`},
		{"a text from or to nothing called reworded", `ikke oppgitt[^.]*ny ordlyd`},
		{"a right without its article as a subject", `^Rett til`},
		{"a comma before a colon or full stop", `,[:.]`},
		// A party's name is no quoted text.
		{"a named party in quotes", `«(NAV|Skatteetaten|Drift AS)»`},
	}
	for _, lang := range []string{"nb", "nn"} {
		c := catalog(t, lang)
		for _, tt := range classificationCases {
			old, new := base(), base()
			if tt.old != nil {
				tt.old(&old)
				tt.old(&new)
			}
			tt.change(&new)
			for _, ch := range Compare(&old, &new, "a", "b", c).Changes {
				for _, b := range bad {
					if regexp.MustCompile(b.re).MatchString(ch.Message) {
						t.Errorf("%s, %s (%s): %s in %q", lang, tt.name, ch.Rule, b.what, ch.Message)
					}
				}
			}
		}
	}
}
