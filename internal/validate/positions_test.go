package validate

import (
	"os"
	"testing"
)

// TestPositions checks that each kind of finding points at the right line
// and column of testdata/positions.yaml: the value for a bad value, the key
// for an unknown key, the parent's key for a missing key.
func TestPositions(t *testing.T) {
	src, err := os.ReadFile("testdata/positions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := validateBytes(t, "testdata/positions.yaml", src)
	want := []struct {
		line, col  int
		path, rule string
	}{
		{1, 1, "automated_decisions", "explicit-none"},        // missing key at top level: the document start
		{10, 15, "controller.org_number", "org-number"},       // scalar value
		{16, 27, "purposes[0].categories[1]", "category-ref"}, // list item
		{18, 9, "purposes[0].legal_basis[0]", "basis-consent-withdraw"},
		{19, 5, "purposes[0].purpouse", "schema"},           // unknown key: the key
		{24, 16, "provision.requirement", "schema"},         // enum value
		{31, 13, "retention[0].period", "retention-period"}, // scalar value
	}
	for _, w := range want {
		found := false
		for _, f := range fs {
			if f.Path == w.path && f.Rule == w.rule {
				found = true
				if f.Line != w.line || f.Col != w.col {
					t.Errorf("%s (%s): at %d:%d, want %d:%d", w.path, w.rule, f.Line, f.Col, w.line, w.col)
				}
			}
		}
		if !found {
			t.Errorf("no %s finding at %s; got:\n%s", w.rule, w.path, join(fs))
		}
	}
}

// TestMissingKeyPointsAtParent: a key missing inside a mapping is reported
// at the parent mapping's key, where the author must add it.
func TestMissingKeyPointsAtParent(t *testing.T) {
	src := []byte(`id: x
version: "1"
updated: 2024-01-01
languages: [nb]
title: {nb: X}
controller:
  kind: private
  email: a@b.no
`)
	fs := validateBytes(t, "x.yaml", src)
	for _, f := range fs {
		if f.Path == "controller.name" {
			if f.Line != 6 || f.Col != 1 {
				t.Errorf("controller.name missing reported at %d:%d, want 6:1", f.Line, f.Col)
			}
			return
		}
	}
	t.Errorf("no finding for missing controller.name:\n%s", join(fs))
}
