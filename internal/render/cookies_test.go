package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/testtool"
)

// TestCookieTable: the cookies are a table with a caption and headers
// scoped to their column or row in HTML, a pipe table in Markdown, and a
// row per item in text; the section sends complaints about cookies to Nkom
// and about personal data to Datatilsynet, in both languages.
func TestCookieTable(t *testing.T) {
	r := renderer(t)
	n := &testtool.LoadNotices(t, "testdata/complete")[0].Notice
	want := map[string]map[string][]string{
		"nb": {
			"html": {`<section id="informasjonskapsler"`, "<caption>Informasjonskapsler og lignende teknologi på nettstedet</caption>",
				`<th scope="col">Lagringstid</th>`, `<th scope="row">tiltak_valg</th>`, "<td>til du lukker nettleseren</td>",
				"Nasjonal kommunikasjonsmyndighet (Nkom)", "klager du til Datatilsynet", "ekomloven §\u00a03-15"},
			"md":  {"| Navn | Type | Leverandør | Formål | Lagringstid | Strengt nødvendig |", "| --- |", "| tiltak\\_valg | Lokal lagring, førstepart | Driftsleverandøren AS i USA |"},
			"txt": {"- tiltak_valg\n  Type: Lokal lagring, førstepart\n  Leverandør: Driftsleverandøren AS i USA"},
		},
		"nn": {
			"html": {"<h2 id=\"informasjonskapsler-h\"><a class=\"anchor\" href=\"#informasjonskapsler\">Informasjonskapslar</a></h2>", "<th scope=\"col\">Strengt nødvendig</th>",
				"Nasjonal kommunikasjonsmyndigheit (Nkom)", "klagar du til Datatilsynet", "ekomlova §\u00a03-15"},
			"md":  {"| Namn | Type | Leverandør | Formål | Lagringstid | Strengt nødvendig |"},
			"txt": {"  Lagringstid: til du lukkar nettlesaren"},
		},
	}
	for lang, formats := range want {
		for format, parts := range formats {
			var buf bytes.Buffer
			if err := r.Render(&buf, n, Options{Lang: lang, Format: format}); err != nil {
				t.Fatalf("%s %s: %v", lang, format, err)
			}
			for _, p := range parts {
				if !strings.Contains(buf.String(), p) {
					t.Errorf("%s %s lacks %q", lang, format, p)
				}
			}
		}
	}
	// Without cookies there is no section, and no word of Nkom.
	n.Cookies = nil
	var buf bytes.Buffer
	if err := r.Render(&buf, n, Options{Lang: "nb", Format: "html"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "informasjonskapsler\"") || strings.Contains(buf.String(), "Nkom") {
		t.Error("a notice without cookies has a cookie section")
	}
}
