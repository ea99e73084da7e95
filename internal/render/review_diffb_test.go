package render

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
)

// TestRedlineAsShown: the redline of an author's text is of the text the
// page shows: no "**", paragraphs and list items apart, in every format
// (review nb 8, nn 18); raw HTML stays text.
func TestRedlineAsShown(t *testing.T) {
	ch := diff.Change{
		Old: "Lovgivning om personvern. **Vi gir ikke opplysningene dine videre.** Bare leverandørene.\n\n**Etiske retningslinjer.** Personvern handler om tillit.\n\nDet betyr at\n\n1. vi sørger for x\n2. vi sikrer y\n",
		New: "Lovgivning om personvern. **Vi gir ikke opplysningene dine til andre enn leverandørene våre.**\n\n**Etiske retningslinjer.** Personvern handler om tillit <b>x</b>.\n\nDet betyr at\n\n1. vi sørger for x\n2. vi sikrer z\n",
	}
	for _, tc := range []struct {
		format, got string
		want        []string
	}{
		{"text", redlineText(ch), []string{"\n  Etiske retningslinjer. Personvern", "\n  1. vi sørger for x\n  2. vi sikrer [-y-] {+z+}"}},
		{"md", redlineMD(ch), []string{"\n\n  Etiske retningslinjer. Personvern", "\n\n  1\\. vi sørger for x\n\n  2\\. vi sikrer <del>y</del> <ins>z</ins>", "&lt;b&gt;x&lt;/b&gt;"}},
		{"html", string(redlineHTML(ch, "nb", "Lagt til:", "Fjernet:", "(slutt)")), []string{"<br>\nEtiske retningslinjer. Personvern", "&lt;b&gt;x&lt;/b&gt;"}},
	} {
		if strings.Contains(tc.got, "**") || strings.Contains(tc.got, `\*\*`) {
			t.Errorf("%s: literal asterisks in %q", tc.format, tc.got)
		}
		if tc.format != "text" && strings.Contains(tc.got, "<b>") {
			t.Errorf("%s: raw HTML from the notice in %q", tc.format, tc.got)
		}
		for _, w := range tc.want {
			if !strings.Contains(tc.got, w) {
				t.Errorf("%s: no %q in\n%s", tc.format, w, tc.got)
			}
		}
	}
}
