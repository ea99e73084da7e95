package render

import (
	"bytes"
	"strings"
	"testing"
)

// The language reviews of issue 16 (review/nb.md, review/nn.md): each
// test holds a reviewer's example on the corpus, in both languages.

// page renders the corpus notice id in lang and format.
func page(t *testing.T, id, lang, format string) string {
	t.Helper()
	r := renderer(t)
	for _, d := range loadNotices(t) {
		if d.Notice.ID != id {
			continue
		}
		var buf bytes.Buffer
		if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: format}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	t.Fatalf("no notice %s in the corpus", id)
	return ""
}

func wantIn(t *testing.T, what, text string, want, bad []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
	for _, b := range bad {
		if strings.Contains(text, b) {
			t.Errorf("%s has %q", what, b)
		}
	}
}

// nn 23: "Til USA: avgjerd om tilstrekkeleg vernenivå." had no verb and
// named no article (art. 13(1)(f) asks for the basis).
func TestTransferSentence(t *testing.T) {
	wantIn(t, "nn", page(t, "vinn-hallingdal", "nn", "md"),
		[]string{"Vi overfører opplysningar til USA på grunnlag av ei avgjerd om tilstrekkeleg vernenivå (personvernforordninga artikkel 45)."},
		[]string{"Til USA:"})
	wantIn(t, "nb", page(t, "karrieresenteret-vestfold", "nb", "md"),
		[]string{"Vi overfører opplysninger til USA på grunnlag av en beslutning om tilstrekkelig beskyttelsesnivå (personvernforordningen artikkel 45)."},
		[]string{"Til USA:"})
}

// nb 18, nn 22: "Unntak: Gjelder bare …" labels a limit of scope as an
// exception; nb 40, art. 12(5): "åpenbart grunnløse eller overdrevne".
func TestRightsLimitsLabel(t *testing.T) {
	wantIn(t, "nb", page(t, "inn-trondheim", "nb", "md"), []string{"Begrensning: ", "grunnløs eller overdreven"}, []string{"Unntak: ", "urimelig,"})
	wantIn(t, "nn", page(t, "inn-trondheim", "nn", "md"), []string{"Avgrensing: ", "grunnlaus eller overdriven"}, []string{"Unntak: ", "urimeleg,"})
}
