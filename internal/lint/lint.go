// Package lint reads generated Norwegian text the way a communications
// team would, and reports the defects that come from assembling sentences
// out of parts: lists joined with "og" twice, a purpose's heading used as
// an object, a kind label as a subject, stacked brackets, a sentence said
// twice, a doubled full stop after a quote, raw codes in running text, a
// breakable space after "§" or between a number and its unit, and a line
// that repeats the title above it. Every pattern lives here, one Rule
// each, so a new defect class is one more entry with its own test.
package lint

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Finding is one defect: which rule, and the text around it.
type Finding struct {
	Rule    string
	Excerpt string
}

func (f Finding) String() string { return f.Rule + ": " + f.Excerpt }

// Rule is one class of defect.
type Rule struct {
	ID   string
	What string
	find func(text string) []string
}

// Rules are every pattern the lint knows, in the order the issue lists
// the classes.
var Rules = []Rule{
	{"og-list", `a list whose items hold "og" joined with "og" again ("A og B og C")`, findOgList},
	{"heading-object", `a purpose's heading chained as an object ("Vi bruker dem også til X; Y")`, findHeadingObject},
	{"kind-subject", `a kind label as the subject of a sentence ("Offentlig myndighet gir oss")`, findKindSubject},
	{"echo", `a sentence that repeats its own subject or label ("NAV gir oss opplysninger fra NAV", "Opplysninger: opplysninger om …", "får desse opplysningane: identitetsopplysningar")`, findEcho},
	{"stacked-brackets", `two brackets in a row ("(X) (y)")`, findStackedBrackets},
	{"duplicate-sentence", `the same sentence twice in a row, or nearly the same words`, findDuplicates},
	{"quote-punctuation", `a full stop both inside and after a quote (".».") or unbalanced «»`, findQuotePunct},
	{"raw-code", `a code from the YAML in running text (snake_case, "6(1)(e)", "(nb)")`, findRawCode},
	{"breakable-space", `"§" or a number separated by a breakable space from what it belongs to`, findBreakable},
	{"semicolon-chain", `a sentence that joins more than 3 items with semicolons ("A; B; C; D og E"), which a page shows as a bulleted list`, findSemicolonChain},
	{"semicolon-list", `labels joined with semicolons ("identitetsopplysninger; kontaktopplysninger; organisasjonsnavn og firmanavn"): a list in a sentence is "A, B og «C og D»" or bullets`, findSemicolonList},
	{"repeated-opener", `two sentences in a row that open with the same linking word ("Dessuten … Dessuten …")`, findRepeatedOpener},
	{"repeated-list", `the same bulleted list of three or more items twice in a section ("- a - b - c" … "- a - b - c")`, findRepeatedList},
	{"dash-unstated", `a dash for "not stated" beside an arrow ("– → artikkel 22 nr. 2 bokstav b"): say "Før sto det ikke …"`, findDashUnstated},
	{"change-phrasing", `a change line that misleads: a present clause after "Før sto det at" ("det er frivillig"), "ikke lenger i 12 uker" (not longer than?), "behandles nå elektronisk" (on paper before?), "omfatter ikke lenger det samme", a removed "Hvordan du bruker …" (the right gone?), a count in digits ("og 6 andre typer"), the old retention text bare or in the present ("Før sto det opptil 12 uker", "Før sto det at vi sletter dem")`, findChangePhrasing},
	{"arrow", `an arrow for "from … to" in running text ("er endret: a → b"): say "er endret fra a til b" or "før a, nå b"`, findArrow},
	{"nn-participle", `a nynorsk strong participle left neuter after a masculine, feminine or plural subject ("Mottakaren er no oppgjeve"): "oppgjeven", "oppgjevne", or rephrase`, findNNParticiple},
	{"kind-quoted", `a singular kind label in quotes as if it were a party's name ("mottakeren «databehandler»"): the page heads the party "Databehandlere"`, findKindQuoted},
	{"how-list", `"Slik lagrer vi disse opplysningene:" before a list of categories, which makes the list the answer to "how": "Dette gjelder disse opplysningene:"`, findHowList},
	{"cookie-necessary", `a cookie "som ikke er nødvendig" without "strengt": ekomloven § 3-15 allows without consent only what is strictly necessary, a weaker word changes the test`, findCookieNecessary},
	{"category-quoted-lower", `a category quoted in lower case as a change line's subject ("kategorien «ønsker og hindringer»"), where «Hvilke opplysninger vi behandler» heads it with a capital: quote it as the page lists it`, findCategoryQuotedLower},
	{"possessive-twice", `a sentence that says "our" twice ("Databehandlerne våre behandler opplysningene på våre vegne")`, findPossessiveTwice},
	{"repeated-sentence", `a long sentence said twice on one page, word for word, however far apart ("Fordi vi behandler disse opplysningene i datasystemer …" under two purposes): say it once`, findRepeatedSentence},
	{"purpose-agent", `a purpose as the one who acts ("Formålet «X» bruker nå også …"): a purpose uses, keeps or shares nothing, we do ("Til formålet «X» bruker vi …")`, findPurposeAgent},
	{"title-repeat", `a line that repeats the start of the title below it ("PERSONVERNERKLÆRING" above "Personvernerklæring – …")`, findTitleRepeat},
}

// Check runs every rule over text and returns the findings, sorted by rule
// and excerpt so two runs print the same.
func Check(text string) []Finding {
	var out []Finding
	for _, r := range Rules {
		for _, e := range r.find(text) {
			out = append(out, Finding{Rule: r.ID, Excerpt: e})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Rule < out[j].Rule })
	return out
}

// Run runs the one rule with id over text: for the tests per pattern.
func Run(id, text string) []string {
	for _, r := range Rules {
		if r.ID == id {
			return r.find(text)
		}
	}
	panic("lint: no rule " + id)
}

// A clause ends at punctuation or a line break; lists never span one.
var clauseRE = regexp.MustCompile(`[^.,;:!?()«»\n–]+`)

// Two "og" with at most two words between them and no punctuation is a
// list item holding "og" joined with "og" again ("familieforhold og
// sivilstatus og oppholdsgrunnlag"); prose puts more between ("planlegge
// og gjennomføre tiltak for arbeidssøkerne og språkelevene").
const ogGap = 2

func findOgList(text string) []string {
	var out []string
	for _, line := range strings.Split(unwrap(text), "\n") {
		for _, cl := range clauseRE.FindAllString(line, -1) {
			ws := strings.Fields(cl)
			last := -1
			for i, w := range ws {
				if w != "og" || (i > 0 && strings.HasSuffix(ws[i-1], "-")) {
					continue
				}
				if last >= 0 && i-last-1 <= ogGap {
					lo := max(last-1, 0)
					out = append(out, strings.Join(ws[lo:min(i+2, len(ws))], " "))
				}
				last = i
			}
		}
	}
	return out
}

// The summary's purpose sentence takes verbal nouns ("til oppfølging");
// chaining purposes with semicolons after it, or saying it twice, shows a
// heading was pasted in where an activity belongs.
var (
	headingChainRE = regexp.MustCompile(`(?i)\b(?:bruker|brukar) (?:opplysning\pL* (?:om [^.;]+ )?|dem (?:også |òg )?)til [^.;]+;`)
	headingMoreRE  = regexp.MustCompile(`(?i)\b(?:Vi bruker dem også til|Vi brukar dei òg til|Vi brukar dei også til)\b`)
)

func findHeadingObject(text string) []string {
	text = unwrap(text)
	out := headingChainRE.FindAllString(text, -1)
	for _, para := range paragraphs(text) {
		if m := headingMoreRE.FindAllString(para, -1); len(m) > 1 {
			out = append(out, excerpt(para))
		}
	}
	return out
}

// The kind labels of the catalogues (kind.*), nb and nn: they are labels
// for a list, not nouns a sentence can start with.
var kindSubjectRE = regexp.MustCompile(`(?m)(?:^|[.!?:]\s+|^\s*[-*]\s+)((?:Offentlig myndighet|Offentleg myndigheit|Arbeidsgiver|Arbeidsgjevar|Helsetjeneste|Helseteneste|Utdanningsinstitusjon|Databehandler|Databehandlar|Privat virksomhet|Privat verksemd|Offentlig register|Offentleg register) (?:gir|gjev|får|behandler|behandlar|deler|får|sender|mottar|mottek)\b)`)

func findKindSubject(text string) []string {
	var out []string
	for _, m := range kindSubjectRE.FindAllStringSubmatch(unwrap(text), -1) {
		out = append(out, m[1])
	}
	return out
}

var (
	givesRE = regexp.MustCompile(`^(.+?) (?:gir|gjev|får) oss (.+)$`)
	labelRE = regexp.MustCompile(`(?i)(?:^|\s)(opplysning\pL*): (\pL*opplysning\pL*)\b`)
	// "opplysninger om skatteopplysninger": a label that names data
	// itself put after "opplysninger om" (nb3 6, nn3 7).
	aboutDataRE = regexp.MustCompile(`(?i)\bopplysning\pL* om (?:\pL+ og )?\pL*opplysning\pL*\b`)
)

func findEcho(text string) []string {
	var out []string
	for _, s := range sentences(text) {
		if m := givesRE.FindStringSubmatch(s); m != nil && len(m[1]) > 1 && (strings.Contains(m[2], "fra "+m[1]) || strings.Contains(m[2], "frå "+m[1])) {
			out = append(out, s)
		}
		if labelRE.MatchString(s) || aboutDataRE.MatchString(s) {
			out = append(out, s)
		}
	}
	return out
}

var stackedRE = regexp.MustCompile(`\([^()\n]+\)[ \t\x{00A0}]*\([^()\n]+\)`)

func findStackedBrackets(text string) []string { return stackedRE.FindAllString(unwrap(text), -1) }

// sentences splits running text into sentences; a list item or a line
// that ends without a full stop ends a sentence too.
func sentences(text string) []string {
	var out []string
	for _, para := range paragraphs(unwrap(text)) {
		for _, line := range strings.Split(para, "\n") {
			line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "-*#>|"))
			start := 0
			for i, r := range line {
				if r != '.' && r != '!' && r != '?' {
					continue
				}
				// A full stop ends a sentence when a capital follows: "nr. 1"
				// and "f.eks. navn" do not.
				rest := strings.TrimLeft(line[i+1:], " »")
				if rest == "" || unicode.IsUpper(firstRune(rest)) {
					if s := strings.TrimSpace(line[start : i+1]); s != "" {
						out = append(out, s)
					}
					start = i + 1
				}
			}
			if s := strings.TrimSpace(line[start:]); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// findDuplicates flags a sentence that repeats the one before it, word for
// word or nearly: the same words once case and punctuation are gone, or
// one sentence's words all in the other and at least four of them.
func findDuplicates(text string) []string {
	var out []string
	ss := sentences(text)
	for i := 1; i < len(ss); i++ {
		// A heading is not a sentence: "Hvor vi får opplysningene fra"
		// over "Vi får opplysningene fra:" is a heading and its list.
		if !endsSentence(ss[i-1]) || !endsSentence(ss[i]) {
			continue
		}
		a, b := words(ss[i-1]), words(ss[i])
		if len(a) < 3 || len(b) < 3 {
			continue
		}
		if nearSame(a, b) {
			out = append(out, ss[i-1]+" | "+ss[i])
		}
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "»*")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// nearSame: the same words, or sentences that start alike and whose
// shorter one's words (of three letters or more) all recur in the other,
// allowing for inflection and compounds: "Deretter slettes eller
// anonymiseres personopplysningene." and "Deretter sletter vi
// opplysningene." say the same.
func nearSame(a, b []string) bool {
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return true
	}
	if a[0] != b[0] {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n, hit := 0, 0
	for _, w := range a {
		if utf8.RuneCountInString(w) < 3 {
			continue
		}
		n++
		for _, v := range b {
			if sameWord(w, v) {
				hit++
				break
			}
		}
	}
	return n >= 3 && hit == n
}

func sameWord(w, v string) bool {
	if w == v || strings.HasSuffix(v, w) || strings.HasSuffix(w, v) {
		return true
	}
	rw, rv := []rune(w), []rune(v)
	return len(rw) >= 5 && len(rv) >= 5 && string(rw[:5]) == string(rv[:5])
}

var doubleStopRE = regexp.MustCompile(`[.!?]»[.]`)

func findQuotePunct(text string) []string {
	text = unwrap(text)
	out := doubleStopRE.FindAllString(text, -1)
	for _, para := range paragraphs(text) {
		if strings.Count(para, "«") != strings.Count(para, "»") {
			out = append(out, excerpt(para))
		}
	}
	return out
}

var (
	urlRE      = regexp.MustCompile(`(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:yaml|json|html|md|txt)\b`)
	snakeRE    = regexp.MustCompile(`\b[a-z]+(?:_[a-z0-9]+)+\b`)
	articleRE  = regexp.MustCompile(`\b\d+\(\d+\)(?:\([a-z]\))?`)
	langTagRE  = regexp.MustCompile(`\((?:nb|nn|en)\)`)
	langKeysRE = regexp.MustCompile(`(?m)(?:^|\s)(?:nb|nn):\s`)
)

func findRawCode(text string) []string {
	text = urlRE.ReplaceAllString(unwrap(text), " ")
	var out []string
	out = append(out, snakeRE.FindAllString(text, -1)...)
	out = append(out, articleRE.FindAllString(text, -1)...)
	out = append(out, langTagRE.FindAllString(text, -1)...)
	out = append(out, langKeysRE.FindAllString(text, -1)...)
	return out
}

// Units a number is read with; a line must not break between them.
var unitWords = `år|uke|uker|veke|veker|måned|måneder|månad|månader|dag|dager|dagar|timer|timar|time|minutter|minutt|prosent|kroner|kr`

var (
	paraBreakRE = regexp.MustCompile(`§§?[ \t\n]`)
	unitBreakRE = regexp.MustCompile(`\b\d+[ \t\n](?:` + unitWords + `)\b`)
)

func findBreakable(text string) []string {
	out := paraBreakRE.FindAllString(text, -1)
	return append(out, unitBreakRE.FindAllString(text, -1)...)
}

// findTitleRepeat flags a line whose words, case aside, are the first
// words of the next line: a kind label over a title that already says it.
func findTitleRepeat(text string) []string {
	var lines []string
	for _, l := range strings.Split(unwrap(text), "\n") {
		l = strings.TrimSpace(strings.TrimLeft(l, "#"))
		if l == "" || strings.Trim(l, "=-") == "" {
			continue
		}
		lines = append(lines, l)
	}
	var out []string
	for i := 1; i < len(lines); i++ {
		// A title has no full stop; a description that starts with its
		// item's label ("Andre" over "Andre, for eksempel …") is prose.
		if endsSentence(lines[i]) || endsSentence(lines[i-1]) {
			continue
		}
		a, b := words(lines[i-1]), words(lines[i])
		if len(a) == 0 || len(b) <= len(a) {
			continue
		}
		if strings.Join(a, " ") == strings.Join(b[:len(a)], " ") {
			out = append(out, lines[i-1]+" | "+lines[i])
		}
	}
	return out
}

// unwrap joins lines broken for width (text and Markdown wrap at 80) so a
// pattern can span them; blank lines and list items still part text.
func unwrap(text string) string {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			t := strings.TrimSpace(l)
			prev := strings.TrimSpace(lines[i-1])
			// Wrapping broke the line only if the next word did not fit;
			// otherwise a new line is a new block (a label and its text).
			wrapped := utf8.RuneCountInString(lines[i-1])+1+utf8.RuneCountInString(firstWord(t)) > WrapWidth
			if wrapped && t != "" && prev != "" && !startsBlock(t) && !endsLine(prev) {
				b.WriteByte(' ')
				b.WriteString(t)
				continue
			}
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}

// WrapWidth is the width text and summaries are wrapped at.
const WrapWidth = 80

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func startsBlock(l string) bool {
	return strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "|") || strings.Trim(l, "=-") == "" || regexp.MustCompile(`^\d+\. `).MatchString(l)
}

func endsLine(l string) bool {
	return strings.HasSuffix(l, ":") || strings.Trim(l, "=-") == "" || strings.HasPrefix(l, "#")
}

func paragraphs(text string) []string {
	return strings.Split(text, "\n\n")
}

func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}

var (
	dropRE  = regexp.MustCompile(`(?is)<(style|script|head)\b.*?</(?:style|script|head)>`)
	blockRE = regexp.MustCompile(`(?i)</?(?:p|li|ul|ol|h[1-6]|div|tr|td|th|br|section|article|header|footer|nav|main|dt|dd|dl|caption|table|thead|tbody|blockquote|figure|figcaption|summary|details)\b[^>]*>`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
)

// HTMLText is the text a reader sees on an HTML page: blocks as
// paragraphs, entities decoded (so &nbsp; is U+00A0 as on screen).
func HTMLText(s string) string {
	s = dropRE.ReplaceAllString(s, "")
	s = blockRE.ReplaceAllString(s, "\n\n")
	s = tagRE.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		lines = append(lines, strings.Join(strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }), " "))
	}
	return regexp.MustCompile(`\n{3,}`).ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
}

// MaxSemicolonItems is the most items a sentence parts with semicolons;
// a longer list is a bulleted one (i18n.Listing).
const MaxSemicolonItems = 3

func findSemicolonChain(text string) []string {
	var out []string
	for _, s := range sentences(text) {
		if strings.Count(s, ";")+1 > MaxSemicolonItems {
			out = append(out, excerpt(s))
		}
	}
	return out
}

// A single word between two semicolons is a label of a list, not a
// clause: prose parts clauses with a semicolon, never one word.
var semicolonListRE = regexp.MustCompile(`;\s*[\p{L}\p{N}-]+\s*;`)

func findSemicolonList(text string) []string {
	var out []string
	for _, s := range sentences(text) {
		if semicolonListRE.MatchString(s) {
			out = append(out, excerpt(s))
		}
	}
	return out
}

// A dash alone on one side of an arrow stands for "not stated": notation
// for the reviewer of a diff, not a sentence (review nn 49).
var dashUnstatedRE = regexp.MustCompile(`(^|[\s:(])[–-]\s*→|→\s*[–-]([\s.,;)]|$)`)

func findDashUnstated(text string) []string {
	var out []string
	for _, s := range sentences(unwrap(text)) {
		if dashUnstatedRE.MatchString(s) {
			out = append(out, excerpt(s))
		}
	}
	return out
}

// findArrow finds a "→" in a sentence: a technical notation a reader
// has to translate into "fra … til" (review nn 21).
func findArrow(text string) []string {
	var out []string
	for _, s := range sentences(unwrap(text)) {
		if strings.Contains(s, "→") {
			out = append(out, excerpt(s))
		}
	}
	return out
}

// participleRE is "er (no) oppgjeve" after a subject: right only for a
// neuter one ("det", "brevet"), which the catalogue's messages do not
// have; a subject whose gender is unknown is rephrased ("står no som").
var participleRE = regexp.MustCompile(`(?i)^(\pL+)\b.*\ber (?:no |ikkje lenger |ikkje )?oppgjeve\b`)

func findNNParticiple(text string) []string {
	var out []string
	for _, s := range sentences(unwrap(text)) {
		if m := participleRE.FindStringSubmatch(s); m != nil && !strings.EqualFold(m[1], "det") && !strings.HasSuffix(strings.ToLower(m[1]), "et") {
			out = append(out, excerpt(s))
		}
	}
	return out
}

var kindQuotedRE = regexp.MustCompile(`«(?:offentlig myndighet|offentleg myndigheit|arbeidsgiver|arbeidsgjevar|helsetjeneste|helseteneste|utdanningsinstitusjon|databehandler|databehandlar|privat virksomhet|privat verksemd|offentlig register|offentleg register)»`)

func findKindQuoted(text string) []string { return kindQuotedRE.FindAllString(unwrap(text), -1) }

// Linking words that open a sentence to add to the one before: said twice
// in a row, the second no longer links anything.
var openers = map[string]bool{"dessuten": true, "dessutan": true, "også": true, "òg": true, "deretter": true, "derfor": true, "difor": true, "videre": true, "vidare": true, "samtidig": true, "i tillegg": true}

func findRepeatedOpener(text string) []string {
	var out []string
	for _, para := range paragraphs(unwrap(text)) {
		for _, line := range strings.Split(para, "\n") {
			ss := sentences(line)
			for i := 1; i < len(ss); i++ {
				a, b := opener(ss[i-1]), opener(ss[i])
				if a != "" && a == b {
					out = append(out, excerpt(ss[i-1]+" "+ss[i]))
				}
			}
		}
	}
	return out
}

func opener(s string) string {
	w := words(s)
	if len(w) == 0 {
		return ""
	}
	if len(w) > 1 && openers[w[0]+" "+w[1]] {
		return w[0] + " " + w[1]
	}
	if openers[w[0]] {
		return w[0]
	}
	return ""
}

// findRepeatedList flags a run of three or more list lines ("- x" at one
// indent) that is the same as the run of three or more before it in the
// same section: a reader is given the same list twice in a row.
func findRepeatedList(text string) []string {
	var out []string
	var prev string
	var run []string
	indent := ""
	flush := func() {
		if len(run) >= 3 {
			k := strings.Join(run, "\n")
			if k == prev {
				out = append(out, excerpt(strings.Join(run, "; ")))
			}
			prev = k
		}
		run = nil
	}
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		pad := l[:len(l)-len(strings.TrimLeft(l, " "))]
		switch {
		case strings.HasPrefix(t, "- "):
			if len(run) > 0 && pad != indent {
				flush()
			}
			indent = pad
			run = append(run, t)
		case strings.HasPrefix(t, "#") || (t != "" && strings.Trim(t, "=-") == ""):
			flush()
			prev = "" // a new section
		default:
			flush()
		}
	}
	flush()
	return out
}

// changePhrasingRE are the phrasings a change list used before it said
// what changed for the reader (review nb3 3, 4, 9, 10, 18, 25; nn3 1, 10,
// 11, 12, 15).
var changePhrasingRE = []*regexp.Regexp{
	regexp.MustCompile(`\bFør (?:sto|stod) det at det er\b`),
	regexp.MustCompile(`\b(?:ikke|ikkje) lenger i (?:opptil )?\d`),
	regexp.MustCompile(`\b(?:behandles|blir) (?:nå|no) (?:behandla )?elektronisk`),
	regexp.MustCompile(`\bomfatt(?:er|ar) (?:ikke|ikkje) lenger det (?:samme|same)\b`),
	regexp.MustCompile(`^(?:[-*]\s+)?(?:\*\*[^*]+\*\*\s*)?(?:Hvordan du bruker|Korleis du brukar) [^.]*, er fjern`),
	regexp.MustCompile(`\bog (?:[2-9]|1[0-2]) andre (?:typer|typar)\b`),
	// The old retention text said one way, in the past: not a bare
	// "Før sto det opptil 12 uker", not "Før sto det at vi sletter dem",
	// not "…, nå at vi …" without its verb (nb6 2, 7).
	regexp.MustCompile(`\bFør (?:sto|stod) det (?:opptil |i )?(?:\d|ett\b|eitt\b|én\b|éin\b|ein\b|ei\b)`),
	regexp.MustCompile(`\bFør (?:sto|stod) det at vi (?:sletter|slettar|anonymiserer|arkiverer|lagrer|lagrar)\b`),
	regexp.MustCompile(`, (?:nå|no) at vi\b`),
}

func findChangePhrasing(text string) []string {
	var out []string
	for _, s := range sentences(unwrap(text)) {
		for _, re := range changePhrasingRE {
			if re.MatchString(strings.TrimSpace(s)) {
				out = append(out, excerpt(s))
				break
			}
		}
	}
	return out
}

// howListRE is a "Slik … :" lead whose next line is a list item (nb4 6,
// nn4 5): the list names data, not a manner.
var howListRE = regexp.MustCompile(`(?m)Slik \pL+ vi (?:disse|desse) \pL+:[ \t]*\n(?:[ \t]*\n)?[ \t]*[-*] [^\n]*`)

func findHowList(text string) []string { return howListRE.FindAllString(text, -1) }

// cookieNecessaryRE is a cookie said to be "not necessary" where the law's
// test is "strictly necessary" (nb5 8): a site may think an analytics
// cookie necessary for it.
var cookieNecessaryRE = regexp.MustCompile(`(?i)(?:informasjonskapsl|cookie)\pL*,?\s+som\s+ikkj?e\s+er\s+(?:nødvendig|naudsynt)\pL*`)

func findCookieNecessary(text string) []string { return cookieNecessaryRE.FindAllString(text, -1) }

// categoryLowerRE is a category quoted as its name in lower case (nb5
// 14): the page heads every category with a capital.
var categoryLowerRE = regexp.MustCompile(`(?:[Kk]ategorien|kategori av (?:person)?opplysning\pL*:) «\p{Ll}[^»]*»`)

func findCategoryQuotedLower(text string) []string { return categoryLowerRE.FindAllString(text, -1) }

// purposeAgentRE is a purpose, by its quoted name, as the subject of a verb
// only people do (nb7x 3): "Formålet «X» bruker nå også …".
var purposeAgentRE = regexp.MustCompile(`\bFormålet «[^»]*»(?: \([^)]*\))? (?:bruker|brukar|lagrer|lagrar|deler|sender|henter|hentar|samler|samlar)\b`)

func findPurposeAgent(text string) []string { return purposeAgentRE.FindAllString(unwrap(text), -1) }

// "våre" (nn: "våre", "vår") before "på våre vegne" or "på vegner av oss"
// in one sentence says whose twice (rv6nb 4).
var possessiveTwiceRE = regexp.MustCompile(`(?i)\bvår[et]?\b[^.!?\n]*\b(?:på våre vegne|på vegner av oss)\b`)

func findPossessiveTwice(text string) []string {
	return possessiveTwiceRE.FindAllString(unwrap(text), -1)
}

// repeatMinWords is how long a sentence must be before saying it twice on
// a page counts: a generated sentence of that length is a paragraph of
// its own ("Fordi vi behandler disse opplysningene i datasystemer, …",
// rv6nb 9), where short ones ("Deretter sletter vi opplysningene.") may
// fairly close more than one rule.
const repeatMinWords = 12

// findRepeatedSentence flags a long sentence that stands twice on one
// page, word for word, wherever the second is (findDuplicates looks only
// at the sentence before).
func findRepeatedSentence(text string) []string {
	var out []string
	seen := map[string]bool{}
	reported := map[string]bool{}
	for _, s := range sentences(text) {
		if !endsSentence(s) {
			continue
		}
		// A contact line is the author's data, which a change report
		// shows before and after.
		ws := words(s)
		if len(ws) < repeatMinWords || urlRE.MatchString(s) {
			continue
		}
		k := strings.Join(ws, " ")
		if seen[k] && !reported[k] {
			out = append(out, s)
			reported[k] = true
		}
		seen[k] = true
	}
	return out
}
