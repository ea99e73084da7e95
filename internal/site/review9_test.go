package site

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
)

// TestNoticeFeedTitle (nb8 13): a notice titled "Personvernerklæring for
// …" gets the site feed's "Endringer: …", not "Endringer i
// personvernerklæringen: Personvernerklæring for …"; other titles keep
// the longer form. The front page speaks of each notice, not "hver av
// dem", which pointed back to the organisations (nb8 14).
func TestNoticeFeedTitle(t *testing.T) {
	for _, tc := range []struct{ lang, title, want, lead string }{
		{"nb", "Personvernerklæring for VINN AS Hallingdal", "Endringer: Personvernerklæring for VINN AS Hallingdal", "Hver erklæring forteller"},
		{"nn", "Personvernerklæring for VINN AS Hallingdal", "Endringar: Personvernerklæring for VINN AS Hallingdal", "Kvar erklæring fortel"},
		{"nb", "Slik tar JobLearn AS vare på opplysningene dine", "Endringer i personvernerklæringen: Slik tar JobLearn AS vare på opplysningene dine", ""},
	} {
		c, err := i18n.Load(templates.FS, tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := noticeFeedTitle(c, tc.title); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
		if tc.lead != "" && !strings.Contains(c.T("index.lead"), tc.lead) {
			t.Errorf("%s: index.lead %q lacks %q", tc.lang, c.T("index.lead"), tc.lead)
		}
	}
}
