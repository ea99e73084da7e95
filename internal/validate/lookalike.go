package validate

import (
	"html"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/notice"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Characters that make one address look like another. A reader cannot see
// an invisible character, and cannot tell a Cyrillic "а" from a Latin "a";
// in an address, a number or an id either sends people somewhere else than
// the text they read, so both are errors there. In other text invisible
// characters are a warning: bidirectional controls can show text in
// another order than it is stored and reviewed ("Trojan Source",
// CVE-2021-42574), and zero-width characters hide words from search and
// review.

// charNames names the invisible characters personvern reports, as the
// Unicode standard does; the standard library has no table of names.
var charNames = map[rune]string{
	0x0000: "NULL", 0x0008: "BACKSPACE", 0x0009: "CHARACTER TABULATION", 0x000A: "LINE FEED",
	0x000D: "CARRIAGE RETURN", 0x001B: "ESCAPE", 0x007F: "DELETE", 0x0085: "NEXT LINE",
	0x00A0: "NO-BREAK SPACE", 0x00AD: "SOFT HYPHEN", 0x034F: "COMBINING GRAPHEME JOINER",
	0x061C: "ARABIC LETTER MARK", 0x115F: "HANGUL CHOSEONG FILLER", 0x1160: "HANGUL JUNGSEONG FILLER",
	0x180E: "MONGOLIAN VOWEL SEPARATOR", 0x2000: "EN QUAD", 0x2001: "EM QUAD", 0x2002: "EN SPACE",
	0x2003: "EM SPACE", 0x2004: "THREE-PER-EM SPACE", 0x2005: "FOUR-PER-EM SPACE", 0x2006: "SIX-PER-EM SPACE",
	0x2007: "FIGURE SPACE", 0x2008: "PUNCTUATION SPACE", 0x2009: "THIN SPACE", 0x200A: "HAIR SPACE",
	0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER",
	0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK", 0x2028: "LINE SEPARATOR",
	0x2029: "PARAGRAPH SEPARATOR", 0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING", 0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x202F: "NARROW NO-BREAK SPACE", 0x205F: "MEDIUM MATHEMATICAL SPACE", 0x2060: "WORD JOINER",
	0x2061: "FUNCTION APPLICATION", 0x2062: "INVISIBLE TIMES", 0x2063: "INVISIBLE SEPARATOR",
	0x2064: "INVISIBLE PLUS", 0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE", 0x2800: "BRAILLE PATTERN BLANK",
	0x3000: "IDEOGRAPHIC SPACE", 0x3164: "HANGUL FILLER", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE",
	0xFFA0: "HALFWIDTH HANGUL FILLER",
}

// invisibleGraphic are characters Unicode counts as graphic that show
// nothing: fillers and selectors that only change the character before.
var invisibleGraphic = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x034F, Hi: 0x034F, Stride: 1}, {Lo: 0x115F, Hi: 0x1160, Stride: 1},
		{Lo: 0x17B4, Hi: 0x17B5, Stride: 1}, {Lo: 0x180B, Hi: 0x180F, Stride: 1},
		{Lo: 0x2800, Hi: 0x2800, Stride: 1}, {Lo: 0x3164, Hi: 0x3164, Stride: 1},
		{Lo: 0xFE00, Hi: 0xFE0F, Stride: 1}, {Lo: 0xFFA0, Hi: 0xFFA0, Stride: 1},
	},
	R32: []unicode.Range32{{Lo: 0xE0100, Hi: 0xE01EF, Stride: 1}},
}

// isInvisible reports whether r has no place in an address, number or id:
// anything a reader cannot see, other than the plain space.
func isInvisible(r rune) bool {
	if r < utf8.RuneSelf {
		return r < ' ' || r == 0x7F
	}
	return !unicode.IsGraphic(r) || unicode.Is(unicode.Zs, r) || unicode.Is(invisibleGraphic, r)
}

// isBidi reports whether r changes the direction text is shown in.
func isBidi(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// hiddenInText reports whether r in free text deserves a warning: the
// bidirectional controls, the zero-width characters and fillers, tag
// characters and control characters other than tab and line ends. The soft
// hyphen and the no-break spaces stay allowed: they are invisible by
// design, do not reorder anything, and the notices use them for
// typography ("§ 29").
func hiddenInText(r rune) bool {
	if r < utf8.RuneSelf {
		return (r < ' ' && r != '\t' && r != '\n' && r != '\r') || r == 0x7F
	}
	switch {
	case r < 0xA0: // C1 controls
		return true
	case r < 0x034F: // Latin letters, with æøå: the common case
		return false
	case isBidi(r):
		return true
	case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0x180E:
		return true
	case r >= 0x2060 && r <= 0x2064:
		return true
	case r >= 0xE0000 && r <= 0xE007F: // tag characters
		return true
	case r == 0x034F || r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0:
		return true
	}
	return false
}

// joinerAllowed: a zero-width joiner or non-joiner does a visible job
// after a letter of a script that shapes its letters (Arabic, the Indic
// scripts) and, for the joiner, inside emoji sequences (👩‍💻).
func joinerAllowed(r, prev rune) bool {
	if r != 0x200C && r != 0x200D {
		return false
	}
	if unicode.IsLetter(prev) && !unicode.Is(unicode.Latin, prev) && !unicode.Is(unicode.Cyrillic, prev) && !unicode.Is(unicode.Greek, prev) {
		return true
	}
	return r == 0x200D && (unicode.Is(unicode.So, prev) || unicode.Is(unicode.Sk, prev) || prev == 0xFE0F)
}

// charName is "U+202E RIGHT-TO-LEFT OVERRIDE" for an invisible character.
// It never includes the character itself, which would do in the message
// what it does in the notice.
func charName(r rune) Text {
	if n, ok := charNames[r]; ok {
		return tr("%U %s", r, n)
	}
	switch {
	case r >= 0xE0000 && r <= 0xE007F:
		return tr("%U (a tag character)", r)
	case unicode.Is(unicode.Cc, r):
		return tr("%U (a control character)", r)
	case unicode.Is(unicode.Zs, r):
		return tr("%U (a space character)", r)
	case unicode.Is(unicode.Co, r):
		return tr("%U (a private-use character)", r)
	case unicode.Is(invisibleGraphic, r):
		return tr("%U (an invisible selector or filler)", r)
	case !unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r):
		return tr("%U (not a character Unicode assigns)", r)
	}
	return tr("%U (an invisible format character)", r)
}

// whatItDoes says why a character is a danger, for the message.
func whatItDoes(r rune) Text {
	if isBidi(r) {
		return tr("an invisible character that changes the order text is shown in")
	}
	if unicode.Is(unicode.Zs, r) {
		return tr("a space that looks like a plain one")
	}
	return tr("an invisible character")
}

// scriptWord names a script in a message, in the reader's language for
// the scripts look-alike letters come from.
func scriptWord(s string) Text {
	switch s {
	case "Latin":
		return tr("Latin")
	case "Cyrillic":
		return tr("Cyrillic")
	case "Greek":
		return tr("Greek")
	case "Armenian":
		return tr("Armenian")
	case "Cherokee":
		return tr("Cherokee")
	case "Arabic":
		return tr("Arabic")
	case "Hebrew":
		return tr("Hebrew")
	}
	return tr("%s", s)
}

// scriptOf names the Unicode script of r ("Latin", "Cyrillic").
func scriptOf(r rune) string {
	if r < utf8.RuneSelf {
		if unicode.IsLetter(r) {
			return "Latin"
		}
		return "Common"
	}
	for _, name := range scriptNames {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return "Unknown"
}

// scriptNames are the scripts with the most used first, so that scriptOf
// usually stops early and always gives the same answer.
var scriptNames = func() []string {
	first := []string{"Latin", "Common", "Inherited", "Cyrillic", "Greek", "Armenian", "Cherokee", "Arabic", "Hebrew"}
	seen := map[string]bool{}
	for _, n := range first {
		seen[n] = true
	}
	var rest []string
	for n := range unicode.Scripts {
		if !seen[n] {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	return append(first, rest...)
}()

// latinLookalike maps letters of other scripts to the Latin letter they
// pass for in common fonts (after Unicode's confusables list).
var latinLookalike = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'к': 'k', 'ӏ': 'l', 'м': 'm', 'о': 'o', 'р': 'p',
	'ԛ': 'q', 'ѕ': 's', 'т': 't', 'у': 'y', 'ԝ': 'w', 'х': 'x', 'с': 'c', 'ԁ': 'd', 'ɡ': 'g', 'ո': 'n',
	'А': 'A', 'В': 'B', 'Е': 'E', 'Н': 'H', 'І': 'I', 'Ј': 'J', 'К': 'K', 'М': 'M', 'О': 'O', 'Р': 'P',
	'Ԛ': 'Q', 'Ѕ': 'S', 'Т': 'T', 'Ү': 'Y', 'Ԝ': 'W', 'Х': 'X', 'С': 'C',
	// Greek
	'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'υ': 'u', 'ϲ': 'c', 'ϳ': 'j', 'χ': 'x',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
	'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Armenian
	'օ': 'o', 'ս': 'u', 'հ': 'h', 'զ': 'q',
}

// letterName is "Cyrillic letter а (U+0430)"; a letter is printable, and
// showing it next to its code point lets the author find it.
func letterName(r rune) Text {
	if s := scriptOf(r); s != "Common" && s != "Inherited" && s != "Unknown" {
		if unicode.IsDigit(r) {
			return tr("%s digit %c (%U)", scriptWord(s), r, r)
		}
		return tr("%s letter %c (%U)", scriptWord(s), r, r)
	}
	if unicode.IsDigit(r) {
		return tr("non-ASCII digit %c (%U)", r, r)
	}
	return tr("character %c (%U)", r, r)
}

// digitValue is the value of a decimal digit of any script: Unicode keeps
// each script's digits in a run of ten from zero.
func digitValue(r rune) int {
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}

// asciiLookalike finds the first character in a value that must be plain
// ASCII (an id, a code, a phone or organisation number) that passes for an
// ASCII letter or digit, and says what to write instead.
func asciiLookalike(s string) (what, instead Text, ok bool) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if l, found := latinLookalike[r]; found {
			return letterName(r), tr("write the Latin letter %c", l), true
		}
		if unicode.IsDigit(r) {
			return letterName(r), tr("write %d", digitValue(r)), true
		}
	}
	return Text{}, Text{}, false
}

// firstInvisible returns the first character of s that has no place in an
// address, number or id.
func firstInvisible(s string) (rune, bool) {
	for _, r := range s {
		if isInvisible(r) {
			return r, true
		}
	}
	return 0, false
}

// mixedLabel checks one part of a host name or e-mail address. It returns
// a message when the part mixes Latin letters with letters of another
// script, or, where the rest of the address is Latin, is written wholly in
// letters of another script that all look Latin ("аре" in Cyrillic).
// Latin letters with diacritics (æ, ø, å, é, č) are Latin.
func mixedLabel(label string, latinContext bool) Text {
	var scripts []string
	firstOf := map[string]rune{}
	for _, r := range label {
		if !unicode.IsLetter(r) && !(unicode.IsDigit(r) && r >= utf8.RuneSelf) {
			continue
		}
		s := scriptOf(r)
		if s == "Common" || s == "Inherited" {
			if unicode.IsDigit(r) {
				return tr("%s in an address, which passes for an ASCII digit; write %d", letterName(r), digitValue(r))
			}
			continue
		}
		if _, seen := firstOf[s]; !seen {
			firstOf[s] = r
			scripts = append(scripts, s)
		}
	}
	if len(scripts) > 1 {
		main := scripts[0]
		if _, hasLatin := firstOf["Latin"]; hasLatin {
			main = "Latin"
		}
		var odd rune
		for _, r := range label {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if s := scriptOf(r); s != main && s != "Common" && s != "Inherited" {
					odd = r
					break
				}
			}
		}
		fix := tr("retype it in %s letters", scriptWord(main))
		if l, ok := latinLookalike[odd]; ok && main == "Latin" {
			fix = tr("write the Latin letter %c", l)
		}
		return tr("%s in a %s address (%q mixes scripts, so it can pass for another address); %s", letterName(odd), scriptWord(main), label, fix)
	}
	if len(scripts) == 1 && scripts[0] != "Latin" && latinContext {
		var latin strings.Builder
		for _, r := range label {
			if !unicode.IsLetter(r) {
				latin.WriteRune(r)
				continue
			}
			l, ok := latinLookalike[r]
			if !ok {
				return Text{}
			}
			latin.WriteRune(l)
		}
		return tr("only %s letters in %q, which look like the Latin %q and so can pass for another address; write it in Latin letters", scriptWord(scripts[0]), label, latin.String())
	}
	return Text{}
}

// isLatinLabel: a label with letters, all Latin.
func isLatinLabel(label string) bool {
	has := false
	for _, r := range label {
		if unicode.IsLetter(r) {
			if scriptOf(r) != "Latin" {
				return false
			}
			has = true
		}
	}
	return has
}

// mixedHost checks every label of a host name; user, when not empty, is
// the part of an e-mail address before the @, checked the same way.
func mixedHost(user, host string) Text {
	labels := strings.Split(strings.TrimSuffix(host, "."), ".")
	latin := false
	for _, l := range labels {
		latin = latin || isLatinLabel(l)
	}
	for _, part := range append(strings.Split(user, "."), labels...) {
		if part == "" {
			continue
		}
		if m := mixedLabel(part, latin); m.Format != "" {
			return m
		}
	}
	return Text{}
}

// mixedAddress checks an e-mail address, a web address or a link target
// for look-alike letters in its names. Unparseable values are the format
// rule's to report.
func mixedAddress(s string) Text {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "mailto:"):
		s = s[len("mailto:"):]
		if i := strings.IndexByte(s, '?'); i >= 0 {
			s = s[:i]
		}
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
		fallthrough
	case !strings.Contains(s, "://") && strings.Contains(s, "@"):
		at := strings.LastIndexByte(s, '@')
		if at < 0 {
			return Text{}
		}
		return mixedHost(s[:at], s[at+1:])
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return Text{}
	}
	return mixedHost("", u.Hostname())
}

// strictKeys are the fields that hold an address or a number.
var strictKeys = map[string]Text{"email": tr("e-mail address"), "url": tr("web address"), "phone": tr("phone number"), "org_number": tr("organisation number")}

// invisibleFix says what to write instead of an invisible character.
func invisibleFix(r rune, kind Text) Text {
	if unicode.Is(unicode.Zs, r) && (kind.Format == "phone number" || kind.Format == "organisation number") {
		return tr("write a plain space, or none")
	}
	return tr("retype the %s without it (such characters come along when copying from web pages and PDFs)", kind)
}

// suspectValue reports whether s, a value that must be plain (an address,
// a number, an id, a code), has a character these rules name; the format
// and schema checks leave such values to them, so that the author gets
// one finding that names the character.
func suspectValue(s string, address bool) bool {
	if _, ok := firstInvisible(s); ok {
		return true
	}
	if address {
		return mixedAddress(s).Format != ""
	}
	_, _, ok := asciiLookalike(s)
	return ok
}

// plainValueFinding is the finding for an id or a code the schema refused
// because of a character these rules name, or ok false.
func plainValueFinding(s string) (rule string, msg Text, ok bool) {
	if r, found := firstInvisible(s); found {
		return "hidden-char", tr("%q has %s, %s; ids and codes use only letters a-z, digits and '-' or '_': retype it without it", s, charName(r), whatItDoes(r)), true
	}
	if what, instead, found := asciiLookalike(s); found {
		return "mixed-script", tr("%q has %s where ids and codes use only ASCII letters and digits, so it looks like another value; %s", s, what, instead), true
	}
	return "", Text{}, false
}

// walkStrings calls fn for every string in the JSON view of a notice,
// with the key it stands under and whether it is inside a text field. The
// path is made only when fn asks for it: the walk visits every value of
// every notice, and most need none.
func walkStrings(v any, fn func(at func() notice.Path, key string, inText bool, s string)) {
	var segs []seg
	var walk func(v any, key string, t reflect.Type, inText bool)
	at := func() notice.Path {
		p := make(notice.Path, len(segs))
		for i, s := range segs {
			if s.isIndex {
				p[i] = s.index
			} else {
				p[i] = s.key
			}
		}
		return p
	}
	walk = func(v any, key string, t reflect.Type, inText bool) {
		switch v := v.(type) {
		case map[string]any:
			// A text's values are texts; elsewhere the model's type says
			// which keys hold one.
			text := !inText && (t == textType || t == nameType)
			// In map order: Validate sorts the findings.
			for k, e := range v {
				segs = append(segs, seg{key: k})
				walk(e, k, childType(t, k), inText || text)
				segs = segs[:len(segs)-1]
			}
		case []any:
			for i, e := range v {
				segs = append(segs, seg{index: i, isIndex: true})
				walk(e, key, childType(t, ""), inText)
				segs = segs[:len(segs)-1]
			}
		case string:
			fn(at, key, inText, v)
		}
	}
	walk(v, "", reflect.TypeFor[notice.Notice](), false)
}

// fieldTypes maps each struct type of the model to the types of its
// fields by key.
var fieldTypes = sync.OnceValue(func() map[reflect.Type]map[string]reflect.Type {
	out := map[reflect.Type]map[string]reflect.Type{}
	for _, t := range notice.Types() {
		m := map[string]reflect.Type{}
		for i := range t.NumField() {
			m[notice.YAMLName(t.Field(i))] = t.Field(i).Type
		}
		out[t] = m
	}
	return out
})

// childType is the model's type of the value under key k (an element for
// ""), or nil where the notice has a key the model lacks.
func childType(t reflect.Type, k string) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		return fieldTypes()[t][k]
	case reflect.Slice, reflect.Map:
		return t.Elem()
	}
	return nil
}

// seg is one step of a path, kept unboxed while walking.
type seg struct {
	key     string
	index   int
	isIndex bool
}

// reported says whether an error already points at p, so that a value is
// not reported twice for one character.
func (r *report) reported(p notice.Path) bool {
	s := p.String()
	for _, f := range r.findings {
		if f.Path == s && f.Severity == Error {
			return true
		}
	}
	return false
}

func checkHiddenChars(r *report, _ *notice.Notice) {
	walkStrings(r.doc.Value, func(path func() notice.Path, key string, inText bool, s string) {
		if kind, strict := strictKeys[key]; strict && !inText {
			if c, ok := firstInvisible(s); ok {
				r.add(Error, path(), "", "", "%q has %s, %s; %s", s, charName(c), whatItDoes(c), invisibleFix(c, kind))
			}
			return
		}
		if inText {
			for _, l := range r.links(s) {
				if c, ok := firstInvisible(l.dest); ok {
					r.add(Error, path(), "", "", "the link to %q has %s, %s; retype the link target without it", l.dest, charName(c), whatItDoes(c))
					return
				}
			}
		}
		var first rune
		n, i, pos := 0, 0, 0
		var prev rune
		for _, c := range s {
			i++
			if hiddenInText(c) && !joinerAllowed(c, prev) {
				if n == 0 {
					first, pos = c, i
				}
				n++
			}
			prev = c
		}
		if n == 0 || r.reported(path()) {
			return // none, or an id or code the schema refused naming it
		}
		more := Text{}
		if n == 2 {
			more = tr(" (and one more such character)")
		} else if n > 2 {
			more = tr(" (and %d more such characters)", n-1)
		}
		why := tr("readers and reviewers cannot see it, and it hides words from search")
		if isBidi(first) {
			why = tr("it can make the text show in another order than it is stored and reviewed")
		}
		r.add(Warning, path(), "", "", "the text has %s at character %d%s: %s; remove it", charName(first), pos, more, why)
	})
}

func checkMixedScripts(r *report, _ *notice.Notice) {
	walkStrings(r.doc.Value, func(path func() notice.Path, key string, inText bool, s string) {
		if inText {
			for _, l := range r.links(s) {
				if m := mixedAddress(l.dest); m.Format != "" && !r.reported(path()) {
					r.add(Error, path(), "", "", "the link to %q has %s", l.dest, m)
					return
				}
			}
			return
		}
		switch key {
		case "email", "url":
			if m := mixedAddress(s); m.Format != "" {
				r.add(Error, path(), "", "", "%q has %s", s, m)
			}
		case "phone", "org_number":
			if _, ok := firstInvisible(s); ok {
				return // the hidden-char rule names it
			}
			if what, instead, ok := asciiLookalike(s); ok {
				r.add(Error, path(), "", "", "%q has %s where a number needs ASCII digits 0-9, so it looks like another number; %s", s, what, instead)
			}
		}
	})
}

// mdLink is one link in author Markdown: what readers see and where it
// goes, after backslash escapes and character references are resolved,
// as the browser will have them.
type mdLink struct {
	text, dest string
	auto       bool
}

// mdParser is CommonMark as render parses author text: the same goldmark
// without extensions, so a link here is a link on the page. (render
// imports this package, so it cannot lend its parser.)
var mdParser = goldmark.New().Parser()

// links returns the links in a text, parsing each text once per report.
func (r *report) links(s string) []mdLink {
	if !strings.ContainsAny(s, "[<") {
		return nil
	}
	if ls, ok := r.linkCache[s]; ok {
		return ls
	}
	src := []byte(s)
	var out []mdLink
	doc := mdParser.Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			out = append(out, mdLink{text: inlineText(n, src), dest: resolve(n.Destination)})
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			dest := resolve(n.URL(src))
			out = append(out, mdLink{text: resolve(n.Label(src)), dest: dest, auto: true})
		}
		return ast.WalkContinue, nil
	})
	if r.linkCache == nil {
		r.linkCache = map[string][]mdLink{}
	}
	r.linkCache[s] = out
	return out
}

func resolve(b []byte) string {
	return html.UnescapeString(string(util.UnescapePunctuations(b)))
}

// inlineText is the text a reader sees for an inline node.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(resolve(c.Segment.Value(src)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.WriteString(resolve(c.Value))
			case *ast.AutoLink:
				b.WriteString(resolve(c.Label(src)))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// hostRE is a bare host name as link text: "nav.no", "www.nav.no/side".
var hostRE = regexp.MustCompile(`^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?:[/?#]\S*)?$`)

// phoneDigits is a phone number as digits with the Norwegian country code
// made explicit, so that "22 00 00 00" and "tel:+4722000000" compare equal.
func phoneDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	plus := strings.HasPrefix(strings.TrimSpace(s), "+")
	switch {
	case plus:
	case strings.HasPrefix(d, "00"):
		d = d[2:]
	case len(d) == 8:
		d = "47" + d
	}
	return d
}

// webKey normalises a web address for comparison: lower-case scheme and
// host, no default port, no trailing slash. loose, for link text written
// without a scheme ("nav.no/personvern"), drops the scheme and a leading
// "www.", as readers do.
func webKey(u *url.URL, loose bool) string {
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if loose {
		host = strings.TrimPrefix(host, "www.")
	}
	if p := u.Port(); p != "" && !(p == "443" && strings.EqualFold(u.Scheme, "https")) && !(p == "80" && strings.EqualFold(u.Scheme, "http")) {
		host += ":" + p
	}
	k := host + strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		k += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		k += "#" + u.Fragment
	}
	if !loose {
		k = strings.ToLower(u.Scheme) + "://" + k
	}
	return k
}

// linkTarget says what kind of address a link's text is, where the link
// must go, and whether dest goes there. ok is false when the text is not
// an address.
func linkTarget(textShown, dest string) (kind Text, want string, same, ok bool) {
	t := strings.TrimSpace(textShown)
	dest = strings.TrimSpace(dest)
	lowerDest := strings.ToLower(dest)
	if addr := strings.TrimPrefix(t, "mailto:"); ValidEmail(addr) {
		want = "mailto:" + addr
		if !strings.HasPrefix(lowerDest, "mailto:") {
			return tr("an e-mail address"), want, false, true
		}
		got := dest[len("mailto:"):]
		if i := strings.IndexByte(got, '?'); i >= 0 {
			got = got[:i]
		}
		if u, err := url.PathUnescape(got); err == nil {
			got = u
		}
		return tr("an e-mail address"), want, strings.EqualFold(got, addr), true
	}
	if num := strings.TrimPrefix(t, "tel:"); ValidPhone(num) {
		want = "tel:" + strings.ReplaceAll(num, " ", "")
		return tr("a phone number"), want, strings.HasPrefix(lowerDest, "tel:") && phoneDigits(dest[len("tel:"):]) == phoneDigits(num), true
	}
	lowerText := strings.ToLower(t)
	hasScheme := strings.HasPrefix(lowerText, "https://") || strings.HasPrefix(lowerText, "http://")
	if !hasScheme && !hostRE.MatchString(t) {
		return Text{}, "", false, false
	}
	shown := t
	if !hasScheme {
		shown = "https://" + t
	}
	tu, err := url.Parse(shown)
	if err != nil || tu.Host == "" {
		return Text{}, "", false, false
	}
	du, err := url.Parse(dest)
	web := err == nil && du.Host != "" && (strings.EqualFold(du.Scheme, "https") || strings.EqualFold(du.Scheme, "http"))
	if !web {
		// "skjema.pdf" also looks like a host name; text without a scheme
		// or www. claims to be one only when the link leaves the site.
		return tr("a web address"), shown, false, hasScheme || strings.HasPrefix(lowerText, "www.")
	}
	if !hasScheme && tu.Path == "" && tu.RawQuery == "" && tu.Fragment == "" {
		// "nav.no" stands for the site: any page on it, with or without www.
		th, dh := strings.ToLower(tu.Hostname()), strings.TrimSuffix(strings.ToLower(du.Hostname()), ".")
		return tr("a web address"), shown, dh == th || dh == "www."+th || "www."+dh == th, true
	}
	if tu.Fragment == "" {
		// A place on the page the text names is still that page.
		du.Fragment, du.RawFragment = "", ""
	}
	return tr("a web address"), shown, webKey(tu, !hasScheme) == webKey(du, !hasScheme), true
}

func checkLinkText(r *report, _ *notice.Notice) {
	forEachText(r.doc.Value, nil, func(at notice.Path, t map[string]any) {
		langs := make([]string, 0, len(t))
		for l := range t {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, lang := range langs {
			s, _ := t[lang].(string)
			for _, l := range r.links(s) {
				if l.auto {
					continue // the text is the address
				}
				visible := strings.Map(func(c rune) rune {
					if isInvisible(c) && c != '\u00a0' {
						return -1
					}
					return c
				}, l.text)
				kind, want, same, ok := linkTarget(visible, l.dest)
				if !ok {
					continue
				}
				if same && visible != l.text && strings.IndexFunc(l.text, isBidi) >= 0 {
					r.add(Error, at.Key(lang), "", "12(1)", "the link text %q has characters that change the order it is shown in, so readers may not see the address it goes to; write the address as plain text", l.text)
					continue
				}
				if !same {
					r.add(Error, at.Key(lang), "", "12(1)", "the link text %q is %s, but the link goes to %q; make the link go to %q, or use words for the text", l.text, kind, l.dest, want)
				}
			}
		}
	})
}
