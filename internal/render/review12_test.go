package render

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
)

// TestRedlineListBullets: an author's Markdown list in a redline on a
// page starts each item with a bullet, not the Markdown marker «- »
// (review nb9x 4), whether the item is unchanged, added or removed.
func TestRedlineListBullets(t *testing.T) {
	ch := diff.Change{
		Old: "Vi jobber med:\n\n- Arbeidssøkere: jobb.\n- VTA: arbeid.\n- Gamle: ting.\n",
		New: "Vi jobber med:\n\n- Arbeidssøkere: jobb.\n- VTA: varig arbeid.\n- Lærekandidater: plass.\n- Nye: ting.\n",
	}
	got := string(redlineHTML(ch, "nb", "Lagt til:", "Fjernet:", "(slutt)"))
	for _, w := range []string{"<br>\n• Arbeidssøkere: jobb.", "<br>\n• VTA:"} {
		if !strings.Contains(got, w) {
			t.Errorf("no %q in\n%s", w, got)
		}
	}
	if strings.Contains(got, "<br>\n- ") || strings.Contains(got, "</span>- ") {
		t.Errorf("a Markdown marker in\n%s", got)
	}
}
