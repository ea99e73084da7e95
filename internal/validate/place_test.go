package validate

import (
	"os"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/vocab"
)

// TestDecisionsInNorwegian: every adequacy decision a finding names is
// said by its Norwegian title in bokmål and nynorsk (language reviews: the
// findings named "Commission Implementing Decision (EU) 2023/1795
// (EU-U.S. Data Privacy Framework)" in English), and by its English one
// in English.
func TestDecisionsInNorwegian(t *testing.T) {
	want := map[string]map[string]string{
		"US": {"nb": "Kommisjonens gjennomføringsbeslutning (EU) 2023/1795 om EU–USA-rammeverket for personvern", "nn": "Kommisjonens gjennomføringsavgjerd (EU) 2023/1795 om EU–USA-rammeverket for personvern"},
		"CH": {"nb": "Kommisjonens beslutning 2000/518/EC", "nn": "Kommisjonens avgjerd 2000/518/EC"},
		"GB": {"nb": "Kommisjonens gjennomføringsbeslutning (EU) 2021/1772, fornyet 19. desember 2025 til 27. desember 2031", "nn": "Kommisjonens gjennomføringsavgjerd (EU) 2021/1772, fornya 19. desember 2025 til 27. desember 2031"},
	}
	for _, a := range vocab.Adequacies {
		d := decision(a.Decision)
		if d.String() != a.Decision {
			t.Errorf("%s: English %q, want %q", a.Country, d.String(), a.Decision)
		}
		for _, lang := range []string{"nb", "nn"} {
			got := d.Localize(messages(t, lang))
			for _, english := range []string{"Commission", "Decision", "renewed", "Framework"} {
				if strings.Contains(got, english) {
					t.Errorf("%s in %s: %q still says %q", a.Country, lang, got, english)
				}
			}
			if w := want[a.Country][lang]; w != "" && got != w {
				t.Errorf("%s in %s: %q, want %q", a.Country, lang, got, w)
			}
		}
	}
}

// TestAdequacyFindingsSayCountries: the adequacy findings name the country
// and the date in words, not "BR" and "2026-01-26".
func TestAdequacyFindingsSayCountries(t *testing.T) {
	src := consentNoWithdraw + `transfers:
  - {id: br, country: BR, recipient: x, safeguard: adequacy}
  - {id: zz, country: CN, recipient: x, safeguard: adequacy}
`
	var said []string
	for _, f := range findingsOf(t, src) {
		if strings.HasPrefix(f.Path, "transfers[") && strings.HasSuffix(f.Path, "safeguard") {
			said = append(said, f.In(messages(t, "nb")))
		}
	}
	all := strings.Join(said, "\n")
	for _, w := range []string{"for Brasil den 26. januar 2026 (Kommisjonens gjennomføringsbeslutning (EU) 2026/179)", "Kina har ingen beslutning"} {
		if !strings.Contains(all, w) {
			t.Errorf("lacks %q:\n%s", w, all)
		}
	}
}

// TestCookieTransferSaysCountry: the finding for a cookie whose provider
// is outside the EU/EEA names the country in its running text ("i USA",
// not "i US"), and keeps the code only where it is the YAML value to
// write (language review nn3 28), right after the verb (nn4 11).
func TestCookieTransferSaysCountry(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ code, lang, want string }{
		// The place comes right after the verb, and "det som" names
		// what is handled (nn4 11): not "behandlar det informasjonskapselen
		// "_ga" samlar inn, i USA".
		{"US", "nn", `leverandøren "host" behandlar i USA, utanfor EU/EØS, det som informasjonskapselen "nl_open" samlar inn; legg til ei overføring under transfers med country: US og recipient: host`},
		{"US", "nb", `leverandøren "host" behandler i USA, utenfor EU/EØS, det som informasjonskapselen "nl_open" samler inn; legg til en overføring under transfers med country: US og recipient: host`},
		{"CN", "nb", `behandler i Kina, utenfor EU/EØS, det som`},
		{"CN", "nn", `behandlar i Kina, utanfor EU/EØS, det som`},
	} {
		// The base's transfer to host goes to the US; move it to India.
		edits := []edit{{"transfers.0.country", "IN"}, {"cookies.1.country", tt.code}}
		fs := validateBytes(t, "valid.yaml", applyEdits(t, base, edits))
		var said []string
		for _, f := range fs {
			if f.Rule == "cookie-transfer" {
				said = append(said, f.In(messages(t, tt.lang)))
			}
		}
		if all := strings.Join(said, "\n"); !strings.Contains(all, tt.want) {
			t.Errorf("%s in %s: lacks %q:\n%s", tt.code, tt.lang, tt.want, all)
		}
	}
}
