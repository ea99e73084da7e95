package validate

import (
	"os"
	"strings"
	"testing"
)

// TestIndexGroup: index_group, the heading the site's index lists a
// notice under, is at most 80 characters, not only spaces, in every
// language of the notice.
func TestIndexGroup(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("a", 81)
	for _, tc := range []struct {
		value string
		want  string // part of a finding at index_group; "" none
	}{
		{"{nb: Oppvekst og utdanning, nn: Oppvekst og utdanning}", ""},
		{"{nb: " + strings.Repeat("a", 80) + ", nn: Helse}", ""},
		{"{nb: Helse og omsorg}", "missing nn"},
		{"{nb: " + long + ", nn: Helse}", "index_group.nb"},
		{`{nb: "Helse\nog omsorg", nn: Helse}`, ""}, // the index shows it as one line
		{`{nb: "   ", nn: Helse}`, "index_group.nb"},
		{`{nb: "", nn: Helse}`, "index_group.nb"},
		{"Helse og omsorg", "index_group"},
		{"{}", "index_group"},
	} {
		fs := validateBytes(t, "valid.yaml", applyEdits(t, base, []edit{{"index_group", tc.value}}))
		var at []string
		for _, f := range fs {
			if strings.HasPrefix(f.Path, "index_group") {
				at = append(at, f.String())
			}
		}
		switch {
		case tc.want == "" && len(at) > 0:
			t.Errorf("index_group: %s: unexpected findings:\n%s", tc.value, strings.Join(at, "\n"))
		case tc.want != "" && !strings.Contains(strings.Join(at, "\n"), tc.want):
			t.Errorf("index_group: %s: want a finding with %q at index_group, got:\n%s", tc.value, tc.want, join(fs))
		}
	}
}
