// Package i18n loads the message catalogues (templates/lang/*.yaml) and
// does the grammar that differs between languages: lists, dates,
// durations and legal citations. A new language is a new catalogue file.
package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/vocab"
	"gopkg.in/yaml.v3"
)

// Catalog is one language's messages.
type Catalog struct {
	Lang string
	msgs map[string]string
}

// Load reads lang/<lang>.yaml from fsys.
func Load(fsys fs.FS, lang string) (*Catalog, error) {
	b, err := fs.ReadFile(fsys, path.Join("lang", lang+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("no message catalogue for language %q: %w", lang, err)
	}
	var msgs map[string]string
	if err := yaml.Unmarshal(b, &msgs); err != nil {
		// Without quoting the file: a catalogue may come from --templates.
		return nil, notice.InputYAMLError("lang/"+lang+".yaml", err, "a catalogue is a mapping of message keys to texts")
	}
	return &Catalog{Lang: lang, msgs: msgs}, nil
}

// IsLanguageCode reports whether s is written like an ISO 639 code: two or
// three lower-case letters ("nb", "nn", "se", "smj").
func IsLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// Available lists the languages with a catalogue in fsys.
func Available(fsys fs.FS) []string {
	names, _ := fs.Glob(fsys, "lang/*.yaml")
	var out []string
	for _, n := range names {
		// Only a language code names a catalogue: a language is a folder
		// of the site, and lang/.git.yaml must not make one called .git.
		if l := strings.TrimSuffix(path.Base(n), ".yaml"); IsLanguageCode(l) {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// Keys returns every key of the catalogue, sorted.
func (c *Catalog) Keys() []string {
	out := make([]string, 0, len(c.msgs))
	for k := range c.msgs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Has reports whether key is in the catalogue.
func (c *Catalog) Has(key string) bool { _, ok := c.msgs[key]; return ok }

// T returns the message for key with {0}, {1}, ... replaced by args. A
// missing key shows as [key], which the catalogue tests rule out.
func (c *Catalog) T(key string, args ...string) string {
	m, ok := c.msgs[key]
	if !ok {
		return "[" + key + "]"
	}
	for i, a := range args {
		m = strings.ReplaceAll(m, "{"+strconv.Itoa(i)+"}", a)
	}
	return m
}

// TOr returns the message for key, or fallback when the catalogue has
// none: for names that only some codes have (countries, custom categories).
func (c *Catalog) TOr(key, fallback string) string {
	if m, ok := c.msgs[key]; ok {
		return m
	}
	return fallback
}

// Terms is a word list the catalogue keeps under key, its words apart by
// sep ("personalia|navn", "bare, skriftlig"): lower-cased and trimmed,
// empty ones left out. A key the catalogue lacks has none.
func (c *Catalog) Terms(key, sep string) []string {
	m, ok := c.msgs[key]
	if !ok {
		return nil
	}
	var out []string
	for _, t := range strings.Split(m, sep) {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Country names a country by its ISO code, or gives the code.
func (c *Catalog) Country(code string) string { return c.TOr("country."+code, code) }

// List joins items the Norwegian way: "A, B og C"; when an item holds
// "og" or a comma itself, semicolons part them ("A; B og C; D"), so the
// reader sees where each ends. A page asks Listing first, which shows
// such a list as bullets; List is for a list that must stay in one
// sentence.
func (c *Catalog) List(items []string) string { return c.join(items, c.T("and")) }

// ListOr joins items as "A, B eller C".
func (c *Catalog) ListOr(items []string) string { return c.join(items, c.T("or")) }

func (c *Catalog) join(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	if ambiguous(items, conj) {
		// An item that holds the conjunction or a comma itself is quoted,
		// so it shows where it ends: "A, B og «C og D»". Semicolons
		// between labels are not how Norwegian lists them (reviews nb 12,
		// nn 16).
		q := make([]string, len(items))
		for i, it := range items {
			q[i] = it
			if compound(it, conj) {
				q[i] = "«" + it + "»"
			}
		}
		items = q
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// Date formats an ISO date (2018-07-10) as running text: "10. juli 2018".
// An unparseable date is returned as it is.
func (c *Catalog) Date(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	r := strings.NewReplacer("{d}", strconv.Itoa(t.Day()), "{month}", c.T("month."+strconv.Itoa(int(t.Month()))), "{y}", strconv.Itoa(t.Year()))
	return r.Replace(c.T("date.format"))
}

// DateRange writes two dates of a span as running text, the month and
// year said once where they are the same: "fra 2. til 3. desember 2026",
// not "fra 2. desember 2026 til 3. desember 2026" (nb9 8).
func (c *Catalog) DateRange(from, to string) (string, string) {
	f, err1 := time.Parse("2006-01-02", from)
	t, err2 := time.Parse("2006-01-02", to)
	// The same day is one date, which the templates say as such.
	if err1 == nil && err2 == nil && !f.Equal(t) && f.Year() == t.Year() && f.Month() == t.Month() && c.Has("date.format.day") {
		return strings.ReplaceAll(c.T("date.format.day"), "{d}", strconv.Itoa(f.Day())), c.Date(to)
	}
	return c.Date(from), c.Date(to)
}

// Duration writes an ISO 8601 duration in words: P12W "12 uker",
// P1Y6M "1 år og 6 måneder".
func (c *Catalog) Duration(iso string) string {
	d, ok := vocab.ParseDuration(iso)
	if !ok {
		return iso
	}
	var parts []string
	units := []struct {
		unit string
		n    int
	}{{"Y", d.Years}, {"M", d.Months}, {"W", d.Weeks}, {"D", d.Days}}
	single := 0
	for _, u := range units {
		if u.n != 0 {
			single++
		}
	}
	for _, u := range units {
		unit, n := u.unit, u.n
		if n == 0 {
			continue
		}
		if n == 1 && single == 1 && c.Has("unit."+unit+".1") {
			// "én måned", "ett år": one alone is a word, as in "innen én
			// måned"; beside other numbers it stays one ("1 år og 6
			// måneder").
			parts = append(parts, c.T("unit."+unit+".1"))
			continue
		}
		form := "other"
		if n == 1 {
			form = "one"
		}
		parts = append(parts, strconv.Itoa(n)+" "+c.T("unit."+unit+"."+form))
	}
	if len(parts) == 0 {
		return "0 " + c.T("unit.D.other")
	}
	return c.List(parts)
}

var articleRE = regexp.MustCompile(`^(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$`)

// Cite writes an article code the Norwegian way. With full, the act is
// named: "personvernforordningen artikkel 6 nr. 1 bokstav c"; without, the
// short form after the first mention: "artikkel 6 nr. 1 bokstav c".
func (c *Catalog) Cite(code string, full bool) string {
	m := articleRE.FindStringSubmatch(code)
	if m == nil {
		return code
	}
	s := c.T("cite.article") + " " + m[1]
	if m[2] != "" {
		s += " " + c.T("cite.paragraph") + " " + m[2]
	}
	if m[3] != "" {
		s += " " + c.T("cite.point") + " " + m[3]
	}
	if full {
		s = c.T("gdpr") + " " + s
	}
	return s
}

// Catalogs loads each language's catalogue from FS once per process and
// keeps it: the diff compares every pair of versions in every language,
// and every finding naming a country asks for its language's words.
type Catalogs struct {
	FS fs.FS
	m  sync.Map // lang → *Catalog, nil when lang has none
}

// Get is lang's catalogue, or nil when FS has none for it.
func (cs *Catalogs) Get(lang string) *Catalog {
	got, ok := cs.m.Load(lang)
	if !ok {
		c, err := Load(cs.FS, lang)
		if err != nil {
			c = nil
		}
		got, _ = cs.m.LoadOrStore(lang, c)
	}
	return got.(*Catalog)
}
