package lint

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEListsEveryRule keeps the README's table of lint rules true: a
// rule added here without a row there is a check nobody can look up.
func TestREADMEListsEveryRule(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules {
		if !strings.Contains(string(b), "| `"+r.ID+"` |") {
			t.Errorf("README.md has no row for lint rule %s", r.ID)
		}
	}
}
