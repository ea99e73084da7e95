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
		if strings.HasPrefix(it, "«") && strings.HasSuffix(it, "»") && strings.Count(it, "«") == 1 {
			continue // a quoted name shows where it ends
		}
		if strings.Contains(it, ",") || strings.Contains(" "+it+" ", " "+conj+" ") {
			return true
		}
	}
	return false
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
func Typography(s string) string {
	s = sectionSpaceRE.ReplaceAllString(s, "$1\u00a0")
	return unitSpaceRE.ReplaceAllString(s, "$1\u00a0$2")
}
