package diff

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/templates"
)

// Free text is where a notice says most of what it means, so a change to
// it is editorial only when it provably changes no meaning: whitespace,
// punctuation, letter case, or a spelling fix within a word. Any other
// rewording is notable ("read it"), and material when the new text names
// what a structured change would call material: a data category, a
// purpose word, a recipient, a country or a longer period. The word lists
// are per language, in the catalogues (materiality.*).
var (
	ruleWordingChanged   = rule("wording-changed", Notable, "free text reworded: read it")
	ruleWordingAdds      = rule("wording-adds", Material, "free text now names a data category, purpose, recipient, country or longer period")
	ruleTranslationDrift = upkeep(rule("translation-drift", Notable, "one language's text changed, another's not: a note to the editor"))
	ruleVersionNotRaised = upkeep(rule("version-not-raised", Notable, "content changed, version or updated not: a note to the editor, which a `--fail-on` gate still fails"))
)

func upkeep(r *Rule) *Rule { r.Upkeep = true; return r }

// versionDiscipline: a changed notice must say it is a new version, with a
// new number and date, or readers and the site's history cannot tell the
// versions apart (WP260 rev.01, paragraphs 29-30).
func (d *cmp) versionDiscipline() {
	content := false
	for _, ch := range d.out {
		content = content || ch.Class > Editorial
	}
	if !content {
		return
	}
	number, date := d.old.Version == d.new.Version, d.old.Updated == d.new.Updated
	if !number && !date {
		return
	}
	var stale []string
	if number {
		stale = append(stale, d.c.T("diff.version.number"))
	}
	if date {
		stale = append(stale, d.c.T("diff.version.date"))
	}
	// The advice asks only for what is missing: a number the new version
	// already has is not asked for again (review nb 23, nn 25).
	k := ruleVersionNotRaised.MessageKey()
	switch {
	case number && date:
	case number:
		k = "diff.version-not-raised.number"
	default:
		k = "diff.version-not-raised.date"
	}
	d.notes = append(d.notes, Change{Section: section.Version, Class: ruleVersionNotRaised.Class, Rule: ruleVersionNotRaised.ID, Key: "version",
		Message: sentence(d.c.T(k, "", d.c.List(stale))), New: d.c.List(stale)})
}

// normalise reduces text to its words in lower case: what editorial
// changes (space, punctuation, case) leave as it was.
func normalise(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '§'
	})
}

// editorialChange reports whether old and new differ only in what carries
// no meaning: space, punctuation, case, or at most two spelling fixes
// within words (an edit distance of at most 2 in words of five letters or
// more that hold no digit).
func editorialChange(old, new string) bool {
	o, n := normalise(old), normalise(new)
	if len(o) != len(n) {
		return false
	}
	fixes := 0
	for i := range o {
		if o[i] == n[i] {
			continue
		}
		if hasDigit(o[i]) || hasDigit(n[i]) || len([]rune(o[i])) < 5 || len([]rune(n[i])) < 5 {
			return false
		}
		if editDistance(o[i], n[i]) > 2 {
			return false
		}
		fixes++
	}
	return fixes <= 2
}

func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// loadedTerms are the catalogue's stems that make a text material when
// new text names them: categories, purposes, recipients, countries.
func (d *cmp) loadedTerms(lang string) []string {
	if t, ok := d.terms[lang]; ok {
		return t
	}
	c := d.catalogFor(lang)
	var out []string
	kinds := map[string]string{}
	for _, k := range [][2]string{
		{"materiality.category", "diff.wording.term.category"},
		{"materiality.purpose", "diff.wording.term.purpose"},
		{"materiality.recipient", "diff.wording.term.recipient"},
		{"materiality.country", "diff.wording.term.country"},
	} {
		for _, t := range c.Terms(k[0], ",") {
			out = append(out, t)
			if kinds[t] == "" {
				kinds[t] = k[1]
			}
		}
	}
	// The vocabulary's own labels count too: "helseopplysninger",
	// "Storbritannia".
	for _, k := range c.Keys() {
		if strings.HasPrefix(k, "category.") && strings.Count(k, ".") == 1 || strings.HasPrefix(k, "country.") {
			kind := "diff.wording.term.category"
			if strings.HasPrefix(k, "country.") {
				kind = "diff.wording.term.country"
			}
			for _, w := range normalise(c.T(k)) {
				if len([]rune(w)) >= 5 && !stopword[w] {
					out = append(out, w)
					if kinds[w] == "" {
						kinds[w] = kind
					}
				}
			}
		}
	}
	if d.terms == nil {
		d.terms, d.kinds = map[string][]string{}, map[string]map[string]string{}
	}
	d.terms[lang], d.kinds[lang] = out, kinds
	return out
}

// embedded holds the embedded catalogue of each language, parsed once per
// process rather than once per comparison: the site's history compares
// every pair of versions in every language.
var embedded = i18n.Catalogs{FS: templates.FS}

// stopword are words of the vocabulary's labels too common to signal
// anything ("opplysninger om …").
var stopword = map[string]bool{"opplysninger": true, "opplysningar": true, "forhold": true, "eller": true,
	// "Bruk av nettstedet" is a category; a page naming its own website
	// ("nettsida" → "nettstaden") says nothing new about data.
	"nettstedet": true, "nettsiden": true, "nettstaden": true, "nettsida": true}

// countTerm counts the words of text that start with term, or, for a
// term of several words, the places the words follow each other. A word
// of a term written "=gjeld" matches that word only, not the words it
// begins ("gjelder", which says what something applies to).
func countTerm(words []string, term string) int {
	parts := strings.Fields(term)
	n := 0
	for i := 0; i+len(parts) <= len(words); i++ {
		ok := true
		for j, p := range parts {
			w := words[i+j]
			if exact, isExact := strings.CutPrefix(p, "="); isExact {
				ok = ok && w == exact
			} else if j == len(parts)-1 {
				ok = ok && strings.HasPrefix(w, p)
			} else {
				ok = ok && w == p
			}
		}
		if ok {
			n++
		}
	}
	return n
}

// matchOf is the text's first occurrence of term, as written.
func matchOf(words []string, term string) string {
	parts := strings.Fields(term)
	for i := 0; i+len(parts) <= len(words); i++ {
		if countTerm(words[i:i+len(parts)], term) > 0 {
			return strings.Join(words[i:i+len(parts)], " ")
		}
	}
	return term
}

var periodRE = regexp.MustCompile(`(\d+)\s*(døgn|dag|dagar|dager|veke|veker|uke|uker|måned|måneder|månad|månader|år)\b`)

// longestDays is the longest period a text names, in days.
func longestDays(s string) int {
	best := 0
	for _, m := range periodRE.FindAllStringSubmatch(strings.ToLower(s), -1) {
		n, _ := strconv.Atoi(m[1])
		unit := 1
		switch {
		case strings.HasPrefix(m[2], "u") || strings.HasPrefix(m[2], "v"):
			unit = 7
		case strings.HasPrefix(m[2], "m"):
			unit = 30
		case m[2] == "år":
			unit = 365
		}
		best = max(best, n*unit)
	}
	return best
}

// addedTerms are the loaded terms new text names and old did not,
// and a longer period when it names one.
func (d *cmp) addedTerms(old, new, lang string) []string {
	ow, nw := normalise(old), normalise(new)
	var out []string
	seen := map[string]bool{}
	for _, t := range d.loadedTerms(lang) {
		// Only a word the old text did not have: a text that names
		// statistics again, in other words, names nothing new (review nb
		// 22). It is still reworded, so notable, never editorial.
		if countTerm(nw, t) > 0 && countTerm(ow, t) == 0 {
			// What the word is a word for, not the form matched: "nevner
			// «deler»" is a word out of context to check, where "nevner
			// deling av opplysninger" says what to look for (review nb4
			// 13, nn4 12).
			if k := d.kinds[lang][t]; !seen[k] {
				seen[k] = true
				out = append(out, d.c.T(k))
			}
		}
	}
	if longestDays(new) > longestDays(old) {
		out = append(out, d.c.T("diff.wording.longer"))
	}
	return out
}

// classify gives the rule a change of free text in lang falls under, at
// least as severe as floor; added lists what made it material.
func (d *cmp) classify(floor *Rule, old, new, lang string) (r *Rule, added []string) {
	if old != "" && new != "" && sameWords(old, new) {
		// Space and letter case carry no meaning in any text, floored or
		// not: "Å kunne tilby" → "å kunne tilby" changes no legal basis
		// (review nb4 3, nn4 1). Punctuation and a spelling fix can change
		// a citation ("§§ 41–44", "§§ 41, 44"), so a floor still holds
		// for those.
		return ruleWording, nil
	}
	if lighter := floorLightens[floor]; lighter != nil && old != "" && new != "" &&
		!d.restricts(old, new, lang, floor) {
		// A text on a right that adds no restricting word and loses none
		// that widens adds no condition: it is not said to make the right
		// harder to use (review nb4 2, nn4 3, nb5 2). It is still read:
		// the meaning may have changed.
		floor = lighter
	}
	r = ruleWording
	if !editorialChange(old, new) {
		r = ruleWordingChanged
		if added = d.addedTerms(old, new, lang); len(added) > 0 {
			r = ruleWordingAdds
		}
	}
	if r == ruleWording && lawNameOnly(old, new) {
		// Provably the same law, with the same section numbers: no rule's
		// floor makes a corrected short title a change in meaning.
		return ruleWording, nil
	}
	if floor.Class > r.Class || (floor.Class == r.Class && floor != ruleWording) {
		return floor, added
	}
	return r, added
}

// sameWords reports whether old and new differ only in space and letter
// case: the same characters in the same order, word by word.
func sameWords(old, new string) bool {
	return slices.Equal(strings.Fields(strings.ToLower(old)), strings.Fields(strings.ToLower(new)))
}

// restricts reports whether new, a text on a right, has more of a word
// that can restrict than old ("bare", "skriftlig", "frist"), or fewer of
// one that widens ("eller", "også"; "og" in a how-text). The words are
// the catalogue's, materiality.restricting and .widening.
func (d *cmp) restricts(old, new, lang string, floor *Rule) bool {
	c := d.catalogFor(lang)
	ow, nw := normalise(old), normalise(new)
	for _, t := range c.Terms("materiality.restricting", ",") {
		if countTerm(nw, t) > countTerm(ow, t) {
			return true
		}
	}
	// A word new to the text must be one for grammar ("vi", "tilbake")
	// or a spelling fix of a word it replaced ("arkivloven" →
	// "arkivlova"); any other may add a step, a channel or a law, and
	// is read as possibly restricting (when unsure, up).
	grammar := map[string]bool{}
	for _, w := range c.Terms("materiality.grammar", ",") {
		grammar[w] = true
	}
	for _, w := range nw {
		if slices.Contains(ow, w) || grammar[w] || subjectWords[w] {
			continue
		}
		fix := false
		for _, o := range ow {
			if len([]rune(o)) >= 5 && !slices.Contains(nw, o) && editDistance(o, w) <= 2 && !hasDigit(w) {
				fix = true
				break
			}
		}
		if !fix {
			return true
		}
	}
	widening := c.Terms("materiality.widening", ",")
	if floor == ruleRightHow {
		widening = append(widening, "=og")
	}
	for _, t := range widening {
		if countTerm(nw, t) < countTerm(ow, t) {
			return true
		}
	}
	return false
}

// floorLightens are the floors a text on a right has, with the class it
// gets instead when the change adds no restricting word (restricts).
var floorLightens = map[*Rule]*Rule{}

func init() {
	floorLightens[ruleRightHow] = ruleWordingChanged
	floorLightens[ruleRightLimitsChanged] = ruleWordingChanged
}

// subjectWords are what a sentence that had no subject may gain as one
// without saying more: "Gjelder bare …" → "Retten gjelder bare …".
var subjectWords = map[string]bool{"retten": true}

// lawSuffixes are the definite forms a law's short title ends in, in
// bokmål and nynorsk, with their genitives: "arkivloven", "arkivlova",
// "arkivlovens", "arkivlovas".
var lawSuffixes = []string{"lovens", "lovas", "loven", "lova"}

// lawStem is the name of the law a word is the short title of ("arkiv"
// for "arkivloven" and "arkivlova"), or "" when the word is no short title.
func lawStem(w string) string {
	for _, suf := range lawSuffixes {
		if stem, ok := strings.CutSuffix(w, suf); ok && len([]rune(stem)) >= 3 {
			return stem
		}
	}
	return ""
}

// lawNameOnly reports whether new differs from old only in how it writes
// the short titles of laws: word by word the same, save words that are
// both the short title of the same law in another form ("arkivloven" →
// "arkivlova", the official title). The section numbers are words too,
// so they are the same. Anything else, an abbreviation or another law,
// is not provably the same law and keeps its class (review nn 27).
func lawNameOnly(old, new string) bool {
	o, n := normalise(old), normalise(new)
	if len(o) != len(n) {
		return false
	}
	fixed := false
	for i := range o {
		if o[i] == n[i] {
			continue
		}
		if s := lawStem(o[i]); s == "" || s != lawStem(n[i]) {
			return false
		}
		fixed = true
	}
	return fixed
}

// drift reports the languages whose text stayed as it was while another
// language's text of the same field changed: the two versions now say
// different things, or one was never brought up to date.
func (d *cmp) drift(sec section.ID, key, subject string, old, new notice.Text, changed []string) {
	if len(changed) == 0 {
		return
	}
	for _, l := range d.new.Languages {
		if old[l] == "" || new[l] == "" || old[l] != new[l] {
			continue
		}
		var names []string
		for _, c := range changed {
			names = append(names, d.langName(c))
		}
		d.notes = append(d.notes, Change{Section: sec, Class: ruleTranslationDrift.Class, Rule: ruleTranslationDrift.ID, Key: key + "/" + changed[0] + "/drift-" + l, Lang: l,
			Message: sentence(d.c.T(ruleTranslationDrift.MessageKey(), subject, d.c.List(names), d.langName(l)))})
	}
}

// langName names a language in running text: "bokmål", "nynorsk".
func (d *cmp) langName(code string) string { return d.c.TOr("language."+code, code) }

// catalogFor is the catalogue of lang: the report's, or the embedded one
// of another language, whose word lists classify text in that language.
func (d *cmp) catalogFor(lang string) *i18n.Catalog {
	if lang == d.lang {
		return d.c
	}
	if c := embedded.Get(lang); c != nil {
		return c
	}
	return d.c // a language without a catalogue: the report's words
}
