package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/templates"
)

// dictionaries are Debian's hunspell-no dictionaries, by our language code.
var dictionaries = map[string]string{"nb": "nb_NO", "nn": "nn_NO"}

func hunspellAvailable(dict string) bool {
	if _, err := exec.LookPath("hunspell"); err != nil {
		return false
	}
	for _, dir := range []string{"/usr/share/hunspell", "/usr/share/myspell"} {
		if _, err := os.Stat(filepath.Join(dir, dict+".dic")); err == nil {
			return true
		}
	}
	return false
}

// allowList reads testdata/spell/<lang>.txt: words hunspell does not know
// that are right anyway (names, abbreviations, compounds), one a line,
// with # comments. Keep it short and reviewed.
func allowList(t *testing.T, lang string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "spell", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[strings.ToLower(l)] = true
		}
	}
	return m
}

// unknownWords runs hunspell -l over text and returns the words it does
// not know, less the allow-list.
func unknownWords(t *testing.T, dict, text string, allow map[string]bool) []string {
	t.Helper()
	// Addresses and codes are not words.
	var keep []string
	for _, f := range strings.Fields(text) {
		if strings.ContainsAny(f, "@/:{}") || strings.HasPrefix(f, "www.") {
			continue
		}
		keep = append(keep, f)
	}
	cmd := exec.Command("hunspell", "-d", dict, "-l", "-i", "utf-8")
	// One word a line: hunspell reads long lines in pieces and would
	// split words at the seams.
	cmd.Stdin = strings.NewReader(strings.Join(keep, "\n"))
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("hunspell: %v", err)
	}
	seen := map[string]bool{}
	var bad []string
	for _, w := range strings.Fields(out.String()) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		// Single letters are points of a list ("bokstav c") or parts of
		// "e-post" and "D-nummer".
		if len([]rune(w)) < 2 || allow[strings.ToLower(w)] || seen[w] || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		seen[w] = true
		bad = append(bad, w)
	}
	sort.Strings(bad)
	return bad
}

// TestSpelling checks every rendered page and summary, and every message
// and vocabulary label in the catalogues, with hunspell nb_NO and nn_NO.
func TestSpelling(t *testing.T) {
	r := renderer(t)
	docs := loadNotices(t)
	for lang, dict := range dictionaries {
		t.Run(lang, func(t *testing.T) {
			testtool.Require(t, "hunspell with "+dict, hunspellAvailable(dict), "apt-get install hunspell hunspell-no")
			allow := allowList(t, lang)
			check := func(what, text string) {
				if bad := unknownWords(t, dict, text, allow); len(bad) > 0 {
					t.Errorf("%s: hunspell %s does not know: %s\n(fix the text, or add right words to testdata/spell/%s.txt)", what, dict, strings.Join(bad, ", "), lang)
				}
			}
			c, err := i18n.Load(templates.FS, lang)
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, k := range c.Keys() {
				if k == "lang.switch" {
					continue // names the other language
				}
				if strings.HasPrefix(k, "materiality.") {
					// Word stems for matching ("markedsfør"), not prose;
					// they list the other language's spellings too.
					continue
				}
				msgs = append(msgs, c.T(k))
			}
			check("catalogue "+lang, strings.Join(msgs, "\n"))
			page := func(d *notice.Document, format string) string {
				var buf bytes.Buffer
				if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: format}); err != nil {
					t.Fatal(err)
				}
				// The page links to the other language by its name.
				return strings.ReplaceAll(buf.String(), map[string]string{"nb": "Les på nynorsk", "nn": "Les på bokmål"}[lang], "")
			}
			// The corpus, whole: its names are in the allow-list.
			for _, d := range docs {
				for _, format := range []string{"txt", "summary"} {
					check(d.Notice.ID+" "+format, page(d, format))
				}
			}
			// Whatever notices/ holds: only the wording personvern writes
			// around the author's text, since an organisation's names
			// are its own and not in any dictionary.
			for _, d := range testtool.LoadNotices(t, testtool.Notices()) {
				if !hasLang(d, lang) {
					continue
				}
				own := authorWords(d)
				for _, format := range []string{"txt", "summary"} {
					var generated []string
					for _, w := range unknownWords(t, dict, page(d, format), allow) {
						if !own[strings.ToLower(w)] {
							generated = append(generated, w)
						}
					}
					if len(generated) > 0 {
						t.Errorf("%s %s: hunspell %s does not know these words of personvern's own wording: %s\n(fix the catalogue, or add right words to testdata/spell/%s.txt)", d.Path, format, dict, strings.Join(generated, ", "), lang)
					}
				}
			}
		})
	}
}

func hasLang(d *notice.Document, lang string) bool {
	for _, l := range d.Notice.Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// authorWords are the words the author wrote: every word of the notice's
// file and of the defaults it took, lower-cased.
func authorWords(d *notice.Document) map[string]bool {
	words := map[string]bool{}
	add := func(src []byte) {
		// Whole words as hunspell reports them ("NAV-kontoret") and
		// their parts.
		for _, f := range strings.Fields(string(src)) {
			f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
			words[strings.ToLower(f)] = true
			for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				words[strings.ToLower(w)] = true
			}
		}
	}
	add(d.Src)
	for _, file := range d.Origin {
		if b, err := os.ReadFile(file); err == nil {
			add(b)
		}
	}
	return words
}
