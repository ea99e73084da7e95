package i18n

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/personvern/personvern/templates"
)

// bokmålOnly are words common in this tool's texts that are bokmål and
// never nynorsk; the nynorsk form follows each. Reviewers found
// "når vi bruker opplysningane" in three role sentences.
var bokmålOnly = map[string]string{
	"ikke": "ikkje", "hva": "kva", "hvem": "kven", "hvordan": "korleis", "hvorfor": "kvifor",
	"hvis": "viss/dersom", "bruker": "brukar", "behandler": "behandlar", "lagrer": "lagrar",
	"opplysningene": "opplysningane", "opplysninger": "opplysningar", "personvernforordningen": "personvernforordninga",
	"gjelder": "gjeld", "fra": "frå", "noen": "nokon/nokre", "mye": "mykje", "også": "òg",
	"endret": "endra", "slettet": "sletta", "kommer": "kjem", "dere": "de/dykk",
}

// catalogue is one message catalogue of templates.FS, key to text.
func catalogue(t *testing.T, f string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(templates.FS, f)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return m
}

// nnQuoted and noQuoted are what the two catalogue tests leave out.
var (
	nnQuoted = regexp.MustCompile("`[^`]*`|\"[^\"]*\"|nb: [^;)]*")
	noQuoted = regexp.MustCompile("`[^`]*`|\"[^\"]*\"|\\([^()]*Framework[^()]*\\)")
)

// TestNynorskCatalogues reads every nynorsk value of every catalogue
// (the keys of some are English) for bokmål words.
func TestNynorskCatalogues(t *testing.T) {
	word := regexp.MustCompile(`[\p{L}]+`)
	files, err := fs.Glob(templates.FS, "lang/*nn.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no nynorsk catalogues: %v", err)
	}
	for _, f := range files {
		for k, v := range catalogue(t, f) {
			// Code names, flags and quoted bokmål examples are not
			// the catalogue's own words.
			v = nnQuoted.ReplaceAllString(v, "")
			for _, w := range word.FindAllString(v, -1) {
				if nn, bad := bokmålOnly[strings.ToLower(w)]; bad {
					t.Errorf("%s: %q: bokmål %q in nynorsk (%s): %s", f, k, w, nn, v)
				}
			}
		}
	}
}

// englishOnly are English words and citation forms that slipped into
// Norwegian messages (reviewers found "Commission Implementing Decision",
// "special category, art. 9", "Unknown help topic"); the Norwegian form
// follows each.
var englishOnly = map[string]string{
	"the": "-en/-et", "and": "og", "must": "må/skal", "only": "bare/berre", "needs": "krever/treng",
	"Commission": "Kommisjonen", "Decision": "beslutning/avgjerd", "renewed": "fornyet/fornya",
	"Unknown": "ukjent/ukjend", "Usage": "Bruk", "Flags": "Valg/Val",
}

// artRE is the English citation form "art. 9", where Norwegian says
// "artikkel 9".
var artRE = regexp.MustCompile(`\bart\. \d`)

// TestNorwegianMessagesNoEnglish reads every bokmål and nynorsk value of
// the message catalogues (keyed by English) for English words.
func TestNorwegianMessagesNoEnglish(t *testing.T) {
	word := regexp.MustCompile(`[\p{L}]+`)
	for _, name := range []string{"findings", "cli", "help", "schema", "loader"} {
		for _, lang := range []string{"nb", "nn"} {
			f := "lang/" + name + "." + lang + ".yaml"
			for k, v := range catalogue(t, f) {
				// Code, flags and quoted examples (Data Privacy
				// Framework is a name) are not the catalogue's words.
				v = noQuoted.ReplaceAllString(v, "")
				if artRE.MatchString(v) {
					t.Errorf("%s: %q: English citation %q in %s: %s", f, k, artRE.FindString(v), lang, v)
				}
				for _, w := range word.FindAllString(v, -1) {
					if no, bad := englishOnly[w]; bad {
						t.Errorf("%s: %q: English %q in %s (%s): %s", f, k, w, lang, no, v)
					}
				}
			}
		}
	}
}
