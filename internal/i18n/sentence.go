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
