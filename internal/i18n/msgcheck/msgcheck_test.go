package msgcheck

import "testing"

func TestSameVerbs(t *testing.T) {
	for _, c := range []struct {
		en, tr string
		ok     bool
	}{
		{"id %q is used by %s[%d]", "id-en %q er brukt av %s[%d]", true},
		{"id %q is used by %s[%d]", "%[2]s[%[3]d] bruker id-en %[1]q", true},
		{"id %q is used by %s[%d]", "id-en %s er brukt av %s[%d]", false},
		{"id %q is used by %s", "id-en %q er brukt", false},
		{"%q", "%q og %s", false},
		{"100%% sure %s", "%s helt sikkert", true},
		{"no verbs", "ingen verb", true},
		{"%s", "%[2]s", false},
	} {
		if err := SameVerbs(c.en, c.tr); (err == nil) != c.ok {
			t.Errorf("SameVerbs(%q, %q) = %v, want ok %v", c.en, c.tr, err, c.ok)
		}
	}
}
