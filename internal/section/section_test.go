package section

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
)

// TestTable: each row is at its own index, anchors are unique slugs that
// round-trip through Parse and JSON, and an unknown anchor is refused.
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	slug := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for i, s := range table {
		if s.ID != ID(i) {
			t.Errorf("row %d holds %d", i, s.ID)
		}
		if ID(i) == None {
			continue
		}
		if !slug.MatchString(s.Anchor) || seen[s.Anchor] {
			t.Errorf("anchor %q of %d: not a unique lower-case slug", s.Anchor, i)
		}
		seen[s.Anchor] = true
		if got, ok := Parse(s.Anchor); !ok || got != s.ID {
			t.Errorf("Parse(%q) = %d, %v", s.Anchor, got, ok)
		}
		b, _ := s.ID.MarshalText()
		var back ID
		if err := back.UnmarshalText(b); err != nil || back != s.ID {
			t.Errorf("%q does not round-trip: %v", b, err)
		}
	}
	var id ID
	if err := id.UnmarshalText([]byte("mottakre")); err == nil {
		t.Error("a misspelt anchor was accepted")
	}
	if count.String() != "" || ID(-1).String() != "" {
		t.Error("an ID outside the table has an anchor")
	}
}

// TestHeadingsInEveryCatalogue: no section can render a bare key.
func TestHeadingsInEveryCatalogue(t *testing.T) {
	for _, lang := range i18n.Available(templates.FS) {
		c, err := i18n.Load(templates.FS, lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range All() {
			if !c.Has(s.Heading) {
				t.Errorf("%s: no heading %s for #%s", lang, s.Heading, s.Anchor)
			}
		}
	}
}

// TestTemplatesDeriveAnchors: the templates print a section's id from the
// view, never spell one, so the table is the only place an anchor is
// written.
func TestTemplatesDeriveAnchors(t *testing.T) {
	names, err := fs.Glob(templates.FS, "*.tmpl")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(templates.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range All() {
			for _, lit := range []string{`"#` + s.Anchor + `"`, `id="` + s.Anchor + `"`, `"` + s.Anchor + `"`} {
				if strings.Contains(string(b), lit) {
					t.Errorf("%s spells the anchor %s; print the section's ID from the view", n, lit)
				}
			}
		}
	}
}
