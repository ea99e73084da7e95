package i18n

import (
	"regexp"
	"strings"
)

// ambiguous reports whether a list of items joined with conj could be read
// wrongly: an item that holds the conjunction or a comma itself
// ("familieforhold og sivilstatus") no longer shows where it ends.
func ambiguous(items []string, conj string) bool {
	for _, it := range items {
		if compound(it, conj) {
			return true
		}
	}
	return false
}

func compound(it, conj string) bool {
	if strings.HasPrefix(it, "«") && strings.HasSuffix(it, "»") && strings.Count(it, "«") == 1 {
		return false // a quoted name shows where it ends
	}
	return strings.Contains(it, ",") || strings.Contains(" "+it+" ", " "+conj+" ")
}

// Compound reports whether item holds "og" or a comma itself, so that a
// list joined in a sentence would need semicolons to show where it ends.
func (c *Catalog) Compound(item string) bool { return compound(item, c.T("and")) }

// Listing is a list of items as a page writes it: joined in the sentence
// ("A, B og C"), or, when Bullets, one item a line under a sentence that
// leads into them, in every format that has lists (HTML and Markdown
// bullets, "- " lines in text). Inline is the joined form either way, for
// the places that have only a sentence (the summary's lines, a diff's
// messages).
type Listing struct {
	Items   []string
	Bullets bool
	Inline  string
}

// maxLongInline is how many long items (of three words or more) a
// sentence joins before the list is easier read as bullets.
const maxLongInline = 3

// minClauseWords is how many words make an item a clause, which a list of
// three or more shows as bullets.
const minClauseWords = 6

// Listing decides how items are listed: the one decision every joined
// list of the pages goes through. Short simple items are joined in the
// sentence; items that hold the conjunction or a comma themselves
// ("familieforhold og sivilstatus"), which a sentence could part only with
// a heavy chain of semicolons, more than three long items, and three or
// more items of which one is a clause of six words or more are bullets.
func (c *Catalog) Listing(items []string) Listing {
	conj := c.T("and")
	l := Listing{Items: items, Inline: c.join(items, conj)}
	if len(items) < 2 {
		return l
	}
	long, clause := 0, false
	for _, it := range items {
		n := len(strings.Fields(it))
		if n >= 3 {
			long++
		}
		// An item that is a clause of its own ("opplysninger som trengs
		// for å utføre oppdraget for NAV") runs into the next one.
		clause = clause || n >= minClauseWords
	}
	l.Bullets = ambiguous(items, conj) || long > maxLongInline || (clause && len(items) > 2)
	return l
}

// Apposition is what follows a party's name to say what kind it is:
// " (offentlig myndighet)", or ", utdanningsinstitusjon" when the name
// already ends in brackets ("Trondheim voksenopplæring (TROVO)"), since
// "(TROVO) (utdanningsinstitusjon)" reads as two asides.
func Apposition(name, label string) string {
	if strings.HasSuffix(strings.TrimSpace(name), ")") {
		return ", " + label
	}
	return " (" + label + ")"
}

// Units a number is read with; a line must not break between them.
const units = `år|uke|uker|veke|veker|måned|måneder|månad|månader|dag|dager|dagar|time|timer|timar|minutt|minutter|prosent|kroner|kr`

var (
	sectionSpaceRE = regexp.MustCompile(`(§§?) `)
	unitSpaceRE    = regexp.MustCompile(`\b(\d+) (` + units + `)\b`)
)

// Typography puts a non-breaking space (U+00A0) after "§" and between a
// number and its unit, so "§" never ends a line with "29" starting the
// next, in whatever text a page or report shows, the author's included.
//
// It does what typographyRE does with sectionSpaceRE and unitSpaceRE, in
// one pass over s: a build runs it over every page it writes, where the
// regular expressions took a fifth of the build (TestTypography compares
// the two).
func Typography(s string) string {
	var b strings.Builder
	last := 0 // s[:last] is written to b
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' && i > 0 && s[i-1] == "§"[1] && i > 1 && s[i-2] == "§"[0]:
			// "§ " and "§§ ": the space after the last §.
			b.Grow(len(s) + 64)
			b.WriteString(s[last:i])
			b.WriteString("\u00a0")
			last = i + 1
		case isDigit(c) && (i == 0 || !isWordByte(s[i-1])):
			// A number at a word boundary, a space and a unit ending at
			// one (\b in RE2 is ASCII: a byte of a letter like å is no
			// word character).
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j < len(s) && s[j] == ' ' && unitAt(s, j+1) {
				b.Grow(len(s) + 64)
				b.WriteString(s[last:j])
				b.WriteString("\u00a0")
				last = j + 1
			}
			i = j - 1 // no boundary inside the number
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// unitList are the units a number is read with.
var unitList = strings.Split(units, "|")

// unitAt reports whether a unit of unitList starts at s[i] and ends at a
// word boundary.
func unitAt(s string, i int) bool {
	for _, u := range unitList {
		if strings.HasPrefix(s[i:], u) && (i+len(u) == len(s) || !isWordByte(s[i+len(u)])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte is RE2's \w: an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// typographyRE is Typography as regular expressions: what it must do.
func typographyRE(s string) string {
	s = sectionSpaceRE.ReplaceAllString(s, "$1\u00a0")
	return unitSpaceRE.ReplaceAllString(s, "$1\u00a0$2")
}

// DataObject is a list of category labels as the object of a sentence
// ("Skatteetaten får …", "Vi bruker …"). A label that names data itself
// ("identitetsopplysninger", "opplysninger i saken din") stands as it is;
// one that names a topic ("inntekt", "alder") is what the data are about,
// since "Skatteetaten får inntekt" says the office gets income: "opplysninger
// om inntekt". Labels of both kinds keep the data first and gather the
// topics at the end, so no "opplysninger om skatteopplysninger":
// "skatteopplysninger og opplysninger om inntekt" (language reviews nb3 6,
// 20, nn3 7).
func (c *Catalog) DataObject(items []string) string {
	stem := c.T("categories.data-stem")
	var data, topics []string
	for _, it := range items {
		// A quoted item is the page's own name for the data (a label
		// with "og", quoted so the list's "og" stays clear): wrapped in
		// "opplysninger om «organisasjonsnavn og firmanavn»" it would say
		// the data are about names, not the names (nb6 1).
		if strings.Contains(strings.ToLower(it), stem) || strings.HasPrefix(it, "«") {
			data = append(data, it)
		} else {
			topics = append(topics, it)
		}
	}
	// A phrase that starts with the stem ("opplysninger om tiltaket
	// ditt") goes after the one-word labels: before them it reads as
	// "opplysninger om (tiltaket ditt, identitetsopplysninger og …)"
	// (nb5 10).
	var words, phrases []string
	for _, it := range data {
		if strings.HasPrefix(strings.ToLower(it), stem) && strings.Contains(it, " ") || strings.HasPrefix(it, "«") {
			phrases = append(phrases, it)
		} else {
			words = append(words, it)
		}
	}
	data = append(words, phrases...)
	conj := c.T("and")
	if len(topics) == 0 {
		return c.join(data, conj)
	}
	about := c.T("categories.about", c.join(topics, conj))
	if len(data) == 0 {
		return about
	}
	return strings.Join(data, ", ") + " " + conj + " " + about
}

// ObjectListing is Listing for labels in object position: Inline is
// DataObject's phrase; the bullets, under a lead that names the data
// ("får disse opplysningene:"), are the labels as they are.
func (c *Catalog) ObjectListing(items []string) Listing {
	l := c.Listing(items)
	l.Inline = c.DataObject(items)
	return l
}

// FromAfter is a retention rule's start phrase ("besøket ditt på
// nettstedet", "at opplysningene ble samlet inn") as said after object,
// the data it is about: a place the object already names is left out
// ("opplysninger om bruk av nettstedet … etter besøket ditt", not "… på
// nettstedet"), and the data named again become the pronoun ("etter at de
// ble samlet inn"), so one short sentence does not say the same word twice
// (nb4 9, nn4 8).
func (c *Catalog) FromAfter(from, object string) string {
	objWords := strings.Fields(strings.ToLower(object))
	for _, prep := range strings.Fields(c.T("from.place-preps")) {
		head, place, ok := cutLast(from, " "+prep+" ")
		if ok && len(strings.Fields(place)) == 1 && slicesContains(objWords, strings.ToLower(place)) && strings.TrimSpace(head) != "" {
			from = head
			break
		}
	}
	data, pron := c.T("from.data"), c.T("from.data.pronoun")
	if strings.Contains(strings.ToLower(object), c.T("from.data.indefinite")) {
		from = replaceWord(from, data, pron)
	}
	return from
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func slicesContains(list []string, w string) bool {
	for _, x := range list {
		if strings.Trim(x, ".,;:") == w {
			return true
		}
	}
	return false
}

// replaceWord replaces the whole word old in s by repl.
func replaceWord(s, old, repl string) string {
	re := regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(old) + `($|[^\pL])`)
	return re.ReplaceAllString(s, "${1}"+repl+"${2}")
}
