package summary

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestRightsSectionNamedOnce: a pointer that names «Dine rettigheter»
// is not followed by the item's own «Les mer under «Dine rettigheter»»
// (JobLearn 1.0, nb10 1); a right the bullet does not speak of, human
// review, is named by what it is for (nb10 10, nn10 5).
func TestRightsSectionNamedOnce(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(n *notice.Notice)
		want   map[string]string
		count  map[string]string
	}{
		{"named pointer", func(n *notice.Notice) {
			n.Rights["access"] = notice.Right{How: notice.Text{"nb": "Kontakt rådgiveren din.", "nn": "Kontakt rådgjevaren din."}}
			n.Rights["rectification"] = notice.Right{How: notice.Text{"nb": "Kontakt NAV-kontoret ditt.", "nn": "Kontakt NAV-kontoret ditt."}}
		}, map[string]string{
			"nb": "Under «Dine rettigheter» står det hvordan du bruker rettighetene til innsyn og retting. For de andre rettighetene sender du en e-post til post@eksempel.no. Du kan klage",
			"nn": "Under «Rettane dine» står det korleis du brukar rettane til innsyn og retting. For dei andre rettane sender du ein e-post til post@eksempel.no. Du kan klage",
		}, map[string]string{"nb": "«Dine rettigheter»", "nn": "«Rettane dine»"}},
	} {
		n := base()
		tt.change(&n)
		for lang, want := range tt.want {
			s := Build(&n, catalog(t, lang))
			text := s.Text()
			if !strings.Contains(text, want) {
				t.Errorf("%s %s lacks %q:\n%s", tt.name, lang, want, text)
			}
			var plain []string
			for _, it := range s.Items {
				plain = append(plain, it.Plain())
			}
			if c := strings.Count(strings.Join(plain, " "), tt.count[lang]); c != 1 {
				t.Errorf("%s %s: %s %d times:\n%s", tt.name, lang, tt.count[lang], c, strings.Join(plain, "\n"))
			}
		}
	}
}
