package site

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
)

// TestErrorPageFindingsInPageLanguage: serve's error page under /nb/ says
// the findings in bokmål and under /nn/ in nynorsk, and marks them so; a
// finding without its Text (from the cache) makes the list English.
func TestErrorPageFindingsInPageLanguage(t *testing.T) {
	doc, err := notice.Parse("t.yaml", []byte("id: t\nupdated: 2025-01-01\nlanguages: [nb, nn]\npurposes: [{id: p, legal_basis: [{article: 6(1)(a)}]}]\nrights: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	fs := v.Validate(doc)
	for lang, want := range map[string]string{
		"nb": "samtykke krever at folk kan trekke samtykket tilbake",
		"nn": "samtykke krev at folk kan trekkje samtykket tilbake",
		"en": "consent needs a withdraw_consent right",
	} {
		lines, got := findingLinesIn(fs, lang)
		if got != lang {
			t.Errorf("%s: findings marked %q", lang, got)
		}
		if !strings.Contains(strings.Join(lines, "\n"), want) {
			t.Errorf("%s: no %q in\n%s", lang, want, strings.Join(lines, "\n"))
		}
	}
	cached := append([]validate.Finding{{File: "t.yaml", Line: 1, Col: 1, Severity: validate.Error, Rule: "x", Message: "from the cache"}}, fs...)
	if _, got := findingLinesIn(cached, "nb"); got != "en" {
		t.Errorf("a cached finding: list marked %q, want en", got)
	}
}
