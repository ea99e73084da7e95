package render

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestRetentionAtMost: a period the notice says is the longest ("slettes
// senest 12 uker etter …") is said as "i opptil 12 uker": "i 12 uker"
// would promise to keep the data that long. "slettes eller anonymiseres"
// is delete_or_anonymise, said as both.
func TestRetentionAtMost(t *testing.T) {
	r := renderer(t)
	want := map[string][]string{
		"nb": {"i opptil 12\u00a0uker etter at sluttrapporten er sendt.", "Deretter sletter vi opplysningene eller gjør dem anonyme"},
		"nn": {"i opptil 12\u00a0veker etter at sluttrapporten er send.", "Deretter slettar vi opplysningane eller gjer dei anonyme"},
	}
	for _, atMost := range []bool{true, false} {
		d := loadDir(t, filepath.Join("testdata", "complete"))[0]
		n := d.Notice
		n.Retention = []notice.Retention{{ID: "r", Categories: []string{"identity", "contact", "oppmote", "health"}, Period: "P12W", AtMost: atMost,
			From: notice.Text{"nb": "at sluttrapporten er sendt", "nn": "at sluttrapporten er send"}, Then: "delete_or_anonymise"}}
		for lang, ws := range want {
			var buf bytes.Buffer
			if err := r.Render(&buf, &n, Options{Lang: lang, Format: "md"}); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			if got := strings.Contains(page, "opptil 12"); got != atMost {
				t.Errorf("%s, at_most %v: says opptil: %v", lang, atMost, got)
			}
			if !atMost {
				continue
			}
			for _, w := range ws {
				if !strings.Contains(page, w) {
					t.Errorf("%s: lacks %q in\n%s", lang, w, page[strings.Index(page, "<a id=\"lagring\">"):])
				}
			}
		}
	}
}
