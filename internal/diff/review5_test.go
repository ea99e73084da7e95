package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestRewordingHedge: a reworded retention criterion carries the same
// hedge as every other rewording, in both languages (review nn5 10).
func TestRewordingHedge(t *testing.T) {
	for _, tt := range []struct {
		lang, want string
	}{
		{"nb", "Les den nye teksten: meningen kan være endret."},
		{"nn", "Les den nye teksten: meininga kan vere endra."},
	} {
		got := lines4(t, tt.lang, "retention", func(n *notice.Notice) {
			n.Retention[0].Criteria = notice.Text{"nb": "Så lenge saken er åpen.", "nn": "Så lenge saka er open."}
		}, func(n *notice.Notice) {
			n.Retention[0].Criteria = notice.Text{"nb": "Til saken er lukket.", "nn": "Til saka er lukka."}
		})
		if len(got) != 1 || !strings.HasSuffix(got[0].Message, tt.want) {
			t.Errorf("%s: got %+v, want a line ending %q", tt.lang, got, tt.want)
		}
	}
	for _, l := range []string{"nb", "nn"} {
		c := catalog(t, l)
		for _, k := range []string{"diff.cookie-consent-text", "diff.cookie-purpose-text", "diff.retention-criteria-text"} {
			if s := c.T(k, "X", ""); !strings.Contains(s, ": me") {
				t.Errorf("%s %s: no hedge: %q", l, k, s)
			}
		}
	}
}
