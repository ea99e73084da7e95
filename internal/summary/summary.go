// Package summary writes "Kort fortalt": a short, plain-language summary of
// a notice for a reader with no legal background, generated from the
// structured data in each language, and measures how easy it is to read.
package summary

import (
	"slices"
	"strings"
	"unicode"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/internal/vocab"
)

// MaxWords is the longest sentence the summary writes; longer lists are
// split over several sentences.
const MaxWords = 20

// maxListed is how many categories or recipients a sentence names before
// it says "blant annet"; the full list is one click away.
const maxListed = 4

// Summary is the "Kort fortalt" box: a heading and one item per topic,
// each one or two sentences linking to the section it summarises.
type Summary struct {
	Heading string
	Items   []Item
}

// Item is one topic of the summary.
type Item struct {
	Text    string
	Section section.ID // the section it summarises, in the full notice
	// Pointer sends the reader to the section in words ("Les mer under
	// «Dine rettigheter»."): for text without links only, since on the
	// page the item's own "Les mer" link says it (nb3 13, nn3 5).
	Pointer string
}

// Plain is the item as text without links: Text and its Pointer.
func (it Item) Plain() string {
	if it.Pointer == "" {
		return it.Text
	}
	return it.Text + " " + it.Pointer
}

// Text is the summary as running text, for measuring: as summary.txt has it.
func (s *Summary) Text() string {
	var parts []string
	for _, it := range s.Items {
		parts = append(parts, it.Plain())
	}
	return strings.Join(parts, " ")
}

type builder struct {
	n    *notice.Notice
	c    *i18n.Catalog
	lang string
	out  []Item
	// groups are the notice's purposes grouped by role, computed once.
	groups []notice.RoleGroup
	// pointed is set when a sentence already sends the reader to «Dine
	// rettigheter»: the item's pointer would say it twice (nb10 1).
	pointed bool
}

func (b *builder) add(section section.ID, sentences ...string) {
	var keep []string
	for _, s := range sentences {
		if s != "" {
			keep = append(keep, s)
		}
	}
	if len(keep) > 0 {
		b.out = append(b.out, Item{Text: strings.Join(keep, " "), Section: section})
	}
}

// Build writes the summary of n in the catalogue's language.
func Build(n *notice.Notice, c *i18n.Catalog) *Summary {
	b := &builder{n: n, c: c, lang: c.Lang, groups: n.RoleGroups()}
	b.who()
	b.purposes()
	b.data()
	b.sources()
	b.recipients()
	b.transfers()
	b.retention()
	b.rights()
	b.add(section.Complaint, c.T("summary.complaint"))
	b.automated()
	b.cookies()
	return &Summary{Heading: c.T("summary.heading"), Items: b.out}
}

func (b *builder) who() {
	ctl := b.n.Controller
	name := ctl.Name.In(b.lang)
	who := b.c.T("summary.who", name)
	if u := ctl.Unit[b.lang]; u != "" && !strings.Contains(u, name) {
		who = b.c.T("summary.who.unit", u, name)
	}
	var contact string
	switch {
	case ctl.Email != "":
		contact = b.c.T("summary.contact.email", ctl.Email)
	case ctl.Phone != "":
		contact = b.c.T("summary.contact.phone", keepTogether(ctl.Phone))
	}
	b.add(section.Controller, append([]string{who, contact}, b.roles()...)...)
}

// roles says, in plain words, where another controller is responsible.
func (b *builder) roles() []string {
	groups := b.groups
	var out []string
	for _, g := range groups {
		var names []string
		for _, oc := range g.Others {
			names = append(names, oc.Name.In(b.lang))
		}
		them := b.c.List(names)
		switch {
		case g.Kind == notice.RoleProcessor && len(groups) == 1:
			out = append(out, b.c.T("summary.who.processor", them))
		case g.Kind == notice.RoleProcessor && len(g.Purposes) == 1 && g.Purposes[0].Name[b.lang] != "":
			// "For noen av formålene" of one purpose overstated it (nb3
			// 7, nn3 16): the purpose is named.
			out = append(out, b.c.T("summary.who.processor.one", them, "«"+g.Purposes[0].Name[b.lang]+"»"))
		case g.Kind == notice.RoleProcessor:
			out = append(out, b.c.T("summary.who.processor.some", them))
		case g.Kind == notice.RoleJoint:
			out = append(out, b.c.T("summary.who.joint", them))
		}
	}
	return out
}

// about is whose data the notice concerns, as the reader is addressed,
// and whether that is someone other than the reader alone.
func (b *builder) about() (string, bool) {
	you := b.c.T("about.you")
	out := b.n.AboutPhrases(b.lang, you)
	return b.c.List(out), len(out) > 1 || out[0] != you
}

// lowerFirst lowers the first letter of a name used inside a sentence,
// unless it starts an acronym or a proper name in capitals ("NAV").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || !unicode.IsUpper(r[0]) || unicode.IsUpper(r[1]) {
		return s
	}
	return string(unicode.ToLower(r[0])) + string(r[1:])
}

func (b *builder) purposes() {
	// A heading names a purpose; it is not always an activity that can
	// follow "til" ("Lærekandidater"), so the summary quotes it as a name,
	// which also keeps an "og" inside a heading from reading as the list's.
	var names []string
	for _, p := range b.n.Purposes {
		if name := p.Name[b.lang]; name != "" {
			names = append(names, "«"+name+"»")
		}
	}
	if len(names) == 0 {
		return
	}
	// One list where it fits one short sentence; otherwise the count in
	// words and as many as fit: a chain of "Dessuten ... Vi bruker dem også
	// til ..." reads as three lists.
	args := []string{}
	suffix := ""
	if about, other := b.about(); other {
		suffix = ".about"
		args = []string{about}
	}
	first := "summary.purpose.first"
	if len(names) == 1 {
		first = "summary.purpose.one"
	}
	one := b.c.T(first+suffix, append([]string{b.c.List(names)}, args...)...)
	if len(names) == 1 || words(one) <= MaxWords {
		b.add(section.Purposes, one)
		return
	}
	count := b.number(len(names))
	say := func(n int) string {
		return b.c.T("summary.purpose.many"+suffix, append([]string{b.c.List(names[:n]), count}, args...)...)
	}
	n := len(names) - 1
	for n > 1 && words(say(n)) > MaxWords {
		n--
	}
	b.add(section.Purposes, say(n))
}

// number writes a count in words, as running text does up to twelve.
func (b *builder) number(n int) string {
	if words := strings.Fields(b.c.T("summary.numbers")); n >= 2 && n-2 < len(words) {
		return words[n-2]
	}
	return itoa(n)
}

// plainCategory names a category in everyday words for "Vi har
// opplysninger om ...". A custom label that is itself "opplysninger om X"
// gives X; one that starts with "opplysninger" otherwise cannot follow
// "om", and gives "" (left out of the summary, named in the full text).
func (b *builder) plainCategory(id string) string {
	if b.c.Has("plain.category." + id) {
		return b.c.T("plain.category." + id)
	}
	for _, c := range b.n.Categories {
		if c.ID != id {
			continue
		}
		label := lowerFirst(c.Label[b.lang])
		prefix := strings.TrimSuffix(b.c.T("plain.special", ""), " ")
		if rest, ok := strings.CutPrefix(label, prefix+" "); ok {
			return rest
		}
		if strings.HasPrefix(label, strings.Fields(prefix)[0]) {
			return ""
		}
		return label
	}
	return ""
}

func (b *builder) data() {
	// The reader's own data are named in everyday words ("helsen din");
	// data about someone else ("opplysninger om barnet ditt") by their
	// labels, which belong to nobody.
	name, all, some, lead := b.plainCategory, "summary.data", "summary.data.some", []string(nil)
	sensitive := func(list string) string { return b.c.T("plain.special", list) }
	if about, other := b.about(); other {
		name, all, some, lead = b.categoryLabel, "summary.data.about", "summary.data.about.some", []string{about}
		sensitive = func(list string) string { return list }
	}
	var plain, special, ownerless []string
	for _, c := range b.n.Categories {
		n := name(c.ID)
		switch {
		case n == "":
		case b.n.IsSensitive(c.ID):
			special = append(special, n)
		case len(lead) == 0 && !yours(n):
			ownerless = append(ownerless, n)
		default:
			plain = append(plain, n)
		}
	}
	// The reader's own data read "alderen din"; a custom label
	// ("bostedskommune") belongs to nobody, and in the same list reads as
	// a missing "din". A list mixes them only by naming the reader's and
	// saying "blant annet"; labels alone are named when they are all.
	partial := len(plain) > 0 && len(ownerless) > 0
	if len(plain) == 0 {
		plain = ownerless
	}
	say := func(key string, items []string) string {
		return b.c.T(key, append(append([]string(nil), lead...), b.c.List(items))...)
	}
	// Sensitive data are named in their own sentence, so list the others,
	// as many as fit in a short sentence.
	var first string
	if len(plain) > 0 {
		first = say(all, plain)
		// A sentence that names only some ("blant annet") names the simple
		// ones first: an item with its own "og" would need semicolons.
		simple := slices.Clone(plain)
		slices.SortStableFunc(simple, func(x, y string) int { return cmpBool(b.c.Compound(x), b.c.Compound(y)) })
		for n := min(len(plain), maxListed); n >= 1 && (partial || n < len(plain) || words(first) > MaxWords); n-- {
			first = say(some, simple[:n])
			if words(first) <= MaxWords {
				break
			}
		}
	}
	var second string
	if len(special) > 0 {
		if len(special) > 2 {
			special = special[:2]
		}
		second = b.c.T("summary.special", sensitive(b.c.List(special)))
	}
	b.add(section.Data, first, second)
}

// yours reports whether a name is said as the reader's own: it has "du",
// "deg", "din", "di", "ditt" or "dine" (the same words in both languages;
// "di" is the feminine "inntekta di").
func yours(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "du", "deg", "din", "di", "ditt", "dine":
			return true
		}
	}
	return false
}

// categoryLabel names a category by its label, as the full notice does.
func (b *builder) categoryLabel(id string) string {
	for _, c := range b.n.Categories {
		if c.ID == id && len(c.Label) > 0 {
			return lowerFirst(c.Label[b.lang])
		}
	}
	return lowerFirst(b.c.TOr("category."+id, id))
}

func (b *builder) partyName(kind, name string) string {
	if name != "" {
		return name
	}
	return b.c.TOr("plain.kind."+kind, kind)
}

func (b *builder) sources() {
	self := false
	var others []string
	seen := map[string]bool{}
	for _, s := range b.n.Sources {
		if s.Kind == "data_subject" {
			self = true
			continue
		}
		name := b.partyName(s.Kind, s.Name.In(b.lang))
		if !seen[name] {
			seen[name] = true
			others = append(others, name)
		}
	}
	if len(others) > maxListed {
		others = others[:maxListed]
	}
	switch {
	case self && len(others) > 0:
		b.add(section.Sources, b.c.T("summary.source.self"), b.c.T("summary.source.others", b.c.List(others)))
	case self:
		b.add(section.Sources, b.c.T("summary.source.self"))
	case len(others) > 0:
		b.add(section.Sources, b.c.T("summary.source.only", b.c.List(others)))
	}
}

func (b *builder) recipients() {
	if len(b.n.Recipients) == 0 {
		b.add(section.Recipients, b.c.T("summary.recipients.none"))
		return
	}
	// A processor works for us; it is not someone we share with, and
	// "Vi deler opplysninger med … og firmaer som hjelper oss" next to a
	// page's "Vi gir ikke opplysningene dine videre" reads as a
	// contradiction. Processors get a sentence of their own.
	var names, procs []string
	anonymous := false
	seen := map[string]bool{}
	for _, r := range b.n.Recipients {
		if r.Kind == "processor" {
			if r.Name.IsZero() {
				anonymous = true
			} else if n := r.Name.In(b.lang); !seen[n] {
				seen[n] = true
				procs = append(procs, n)
			}
			continue
		}
		name := b.partyName(r.Kind, r.Name.In(b.lang))
		if seen[name] {
			continue
		}
		seen[name] = true
		names = append(names, name)
	}
	var sentences []string
	switch {
	case len(names) > maxListed:
		sentences = append(sentences, b.c.T("summary.recipients.some", b.c.List(names[:maxListed])))
	case len(names) > 0:
		sentences = append(sentences, b.c.T("summary.recipients", b.c.List(names)))
	}
	if len(procs) > maxListed {
		procs, anonymous = procs[:maxListed], true
	}
	switch {
	case len(procs) > 0 && anonymous:
		sentences = append(sentences, b.c.T("summary.recipients.processors.also", b.c.List(procs)))
	case len(procs) > 0:
		sentences = append(sentences, b.c.T("summary.recipients.processors.named", b.c.List(procs)))
	case anonymous && len(names) == 0:
		sentences = append(sentences, b.c.T("summary.recipients.processors.only"))
	case anonymous:
		sentences = append(sentences, b.c.T("summary.recipients.processors"))
	}
	b.add(section.Recipients, sentences...)
}

func (b *builder) transfers() {
	if len(b.n.Transfers) == 0 {
		b.add(section.Transfers, b.c.T("summary.transfers.none"))
		return
	}
	// A country is outside EU/EØS; an international organisation is not
	// a place, and is said as what it is.
	var countries, orgs []string
	seen := map[string]bool{}
	for _, t := range b.n.Transfers {
		name, list := b.c.Country(t.Country), &countries
		if !t.Organisation.IsZero() {
			name, list = t.Organisation.In(b.lang), &orgs
		}
		if !seen[name] {
			seen[name] = true
			*list = append(*list, name)
		}
	}
	var first, second string
	if len(countries) > 0 {
		first = b.c.T("summary.transfers", b.c.List(countries))
	}
	if len(orgs) > 0 {
		second = b.c.T("summary.transfers.organisation", b.c.List(orgs))
	}
	b.add(section.Transfers, first, second)
}

// retention says the longest fixed period, or that it depends, and
// whether some data go to the archive.
func (b *builder) retention() {
	var longest, from string
	var longestDays int
	criteria, archive, atMost := false, false, false
	// "opptil" is the tool's own claim: true of the longest of periods that
	// differ, or of a period the notice says is the longest (at_most), not
	// of one period the notice states without a maximum.
	periods := map[string]bool{}
	for _, r := range b.n.Retention {
		if r.Then == "archive" {
			archive = true
		}
		if r.Period == "" {
			criteria = true
			continue
		}
		periods[r.Period+"\x00"+r.From[b.lang]] = true
		if d, _ := vocab.ParseDuration(r.Period); d.ApproxDays() > longestDays {
			// The starting point is part of the period: "12 uker" alone
			// is not "12 uker etter at sluttrapporten er sendt".
			longest, longestDays, from, atMost = r.Period, d.ApproxDays(), r.From[b.lang], r.AtMost
		}
	}
	key := "summary.retention.period"
	if len(periods) > 1 || atMost {
		key = "summary.retention.longest"
	}
	var first string
	switch {
	case criteria && len(periods) == 0:
		first, archive = b.criteriaRetention(b.c.T("summary.retention.all"))
	case criteria || longest == "":
		first = b.c.T("summary.retention.criteria", b.c.T("summary.retention.all"))
	case from != "":
		first = b.c.T(key+".from", b.c.Duration(longest), from)
	default:
		first = b.c.T(key, b.c.Duration(longest))
	}
	var second string
	switch {
	case archive && !criteria && !slices.ContainsFunc(b.n.Retention, func(r notice.Retention) bool { return r.Then != "archive" }):
		// Every rule archives: not "Noe må vi ta vare på" (nn3 4).
		second = b.c.T("summary.retention.archive.all")
	case archive:
		second = b.c.T("summary.retention.archive")
	}
	if criteria {
		// One rule by criteria dropped every period the page states
		// ("Hvor lenge … kommer an på", where the page says "26
		// måneder"); the periods are said, and "it depends" of the rest.
		if fixed := b.fixedRetention(); len(fixed) > 0 {
			rest, partly := b.criteriaRetention(b.c.T("summary.retention.others"))
			second = ""
			fixedArchive := slices.ContainsFunc(b.n.Retention, func(r notice.Retention) bool { return r.Period != "" && r.Then == "archive" })
			if partly || fixedArchive {
				second = b.c.T("summary.retention.archive")
			}
			b.add(section.Retention, append(fixed, rest, second)...)
			return
		}
	}
	b.add(section.Retention, first, second)
}

// criteriaRetention says what the rules without a period do with what
// (the data they name: "opplysningene", "de andre opplysningene") once
// they are no longer needed: "Når vi ikke lenger trenger opplysningene,
// arkiverer vi dem." A summary must not say more than the rules: no "kommer
// an på hva de brukes til" of one rule, no "Noe må vi ta vare på i
// arkivet" where all is archived (nn3 4). partly reports that some of the
// data, not all, are archived, which the caller says after. Rules that end
// in two ways other than archiving give "kommer an på hvilke opplysninger
// det er".
func (b *builder) criteriaRetention(what string) (sentence string, partly bool) {
	var thens []string
	archive := false
	for _, r := range b.n.Retention {
		if r.Period != "" {
			continue
		}
		if r.Then == "archive" {
			archive = true
			continue
		}
		if !slices.Contains(thens, r.Then) {
			thens = append(thens, r.Then)
		}
	}
	switch {
	case len(thens) == 0 && archive:
		return b.c.T("summary.retention.then.archive", what), false
	case len(thens) == 1 && b.c.Has("summary.retention.then."+thens[0]):
		return b.c.T("summary.retention.then."+thens[0], what), archive
	}
	return b.c.T("summary.retention.criteria", what), archive
}

// fixedRetention says each rule with a period as a sentence naming its
// data in everyday words: "Opplysningar om korleis du brukar nettsidene
// våre lagrar vi i opptil 26 månader etter …". It gives nil when more
// than two rules have periods, or one names no data in everyday words,
// which the summary then leaves to the page.
func (b *builder) fixedRetention() []string {
	var out []string
	for _, r := range b.n.Retention {
		if r.Period == "" {
			continue
		}
		var names []string
		for _, id := range r.Categories {
			if p := b.plainCategory(id); p != "" {
				names = append(names, p)
			}
		}
		if len(names) == 0 || len(names) < len(r.Categories) || len(out) == 2 {
			return nil
		}
		key := "summary.retention.rule"
		// A fronted object that ends in a clause ("Opplysninger om hvordan
		// du bruker nettstedet vårt") takes a comma before the verb (nb3
		// 5, nn3 13).
		if b.endsInClause(names[len(names)-1]) {
			key += ".clause"
		}
		args := []string{b.c.List(names), b.c.Duration(r.Period)}
		if from := r.From[b.lang]; from != "" {
			key += ".from"
			// "Opplysninger om …" heads the sentence: the object.
			args = append(args, b.c.FromAfter(from, b.c.T("from.data.indefinite")+" "+b.c.List(names)))
		}
		if r.AtMost {
			key += ".at-most"
		}
		out = append(out, b.c.T(key, args...))
	}
	return out
}

// endsInClause reports whether a plain phrase is a clause: it starts with
// a question word ("hvordan du bruker …", "hvem du er").
func (b *builder) endsInClause(phrase string) bool {
	first, _, _ := strings.Cut(phrase, " ")
	return slices.Contains(strings.Fields(b.c.T("summary.clause-starts")), first)
}

// applies reports whether the notice lists a right and it applies.
func (b *builder) applies(code string) bool {
	_, listed := b.n.Rights[code]
	return listed && b.n.RightApplies(code)
}

func (b *builder) rights() {
	// Who answers is the page's: the controller we work for where we are
	// only a processor (rights.processor.all), else us, at the contact the
	// page gives under "kontakte oss" (the controller's, not the DPO's),
	// and the controllers of the purposes we do on their behalf.
	only := notice.OnlyProcessor(b.groups)
	us := b.c.T("summary.rights.us")
	if only != nil && len(only.Others) > 0 {
		us = b.otherNames(*only)
	}
	// "Du kan be oss om innsyn i opplysningane, om å få dei retta eller
	// sletta og om å avgrense bruken av dei": one construction, the one
	// asked named once ("be NAV om"). "be om å rette" asked leave to
	// correct them oneself, and "og be oss avgrense" changed the
	// construction in mid-sentence. Restriction limits the use, not the
	// data: "få dei … avgrensa" read as the data cut down (nn4 6).
	var change []string
	for _, code := range []string{"rectification", "erasure"} {
		if b.applies(code) {
			change = append(change, b.c.T("summary.right."+code))
		}
	}
	var asks []string
	if b.applies("access") {
		// "be om innsyn" names no data when the next clause does
		// ("om innsyn, om å få opplysningene rettet"), which keeps the
		// sentence within MaxWords.
		key := "summary.rights.clause.access"
		if len(change) > 0 {
			key += ".short"
		}
		asks = append(asks, b.c.T(key))
	}
	if len(change) > 0 {
		asks = append(asks, b.c.T("summary.rights.clause.change", b.c.ListOr(change)))
	}
	restrict := b.applies("restriction")
	var sentences []string
	if len(asks) > 0 {
		all := b.c.T("summary.rights.ask", us, b.c.List(append(slices.Clone(asks), b.c.T("summary.rights.clause.restrict"))))
		if restrict && words(all) <= MaxWords {
			sentences = append(sentences, all)
			restrict = false
		} else {
			sentences = append(sentences, b.c.T("summary.rights.ask", us, b.c.List(asks)))
		}
	}
	if restrict {
		sentences = append(sentences, b.c.T("summary.rights.restrict.only", us))
	}
	// Portability covers only what the reader gave us on consent or a
	// contract (art. 20(1)); "ta med deg opplysningane" promised all.
	if b.applies("portability") {
		key := "summary.rights.portability"
		if !allPurposes(b.n, "portability") || len(b.n.Rights["portability"].Limits) > 0 {
			key = "summary.rights.portability.some"
		}
		sentences = append(sentences, b.c.T(key))
	}
	if b.applies("objection") {
		// The right to object holds for some purposes only (art. 21(1):
		// those on 6(1)(e) or (f)); the summary must not promise it for
		// all of them when the page does not.
		key := "summary.rights.object"
		if !allPurposes(b.n, "objection") || len(b.n.Rights["objection"].Limits) > 0 {
			key = "summary.rights.object.some"
		}
		sentences = append(sentences, b.c.T(key))
	}
	if b.applies("withdraw_consent") {
		// Two purposes on consent are two consents: "trekke tilbake
		// samtykket" spoke of one (nb8 15).
		key := "summary.rights.consent"
		n := 0
		for _, pu := range b.n.Purposes {
			if b.n.RightAppliesTo("withdraw_consent", []notice.Purpose{pu}) {
				n++
			}
		}
		if n > 1 {
			key += ".many"
		}
		sentences = append(sentences, b.c.T(key))
	}
	// We answer only for what we are responsible for, alone or jointly,
	// as the page's rightsByRole decides "kontakte oss".
	own := false
	for _, g := range b.groups {
		own = own || g.Kind == notice.RoleController || g.Kind == notice.RoleJoint
	}
	ctl := b.n.Controller
	// The rest, the rights without a how of their own, go to the contact
	// below when some rights say how they are used (nb7x 4, nn7x 3).
	var contact, rest string
	switch {
	case only != nil && len(only.Others) > 0:
		// The controller answers; its own words on how come first.
		if oc := only.Others[0]; len(only.Others) == 1 && oc.Email != "" && len(oc.Rights) == 0 {
			contact = b.c.T("summary.rights.ask.email", oc.Email)
		} else {
			contact = b.c.T("summary.rights.ask.other", us)
		}
	case own && ctl.Email != "":
		contact, rest = b.c.T("summary.rights.ask.email", ctl.Email), b.c.T("summary.rights.rest.email", ctl.Email)
	case own && ctl.Phone != "":
		contact, rest = b.c.T("summary.rights.ask.phone", keepTogether(ctl.Phone)), b.c.T("summary.rights.rest.phone", keepTogether(ctl.Phone))
	}
	// The pointer to «Dine rettigheter» is for text without links; on the
	// page the item's link says it (nb3 13, nn3 5).
	var pointer string
	var others []string // the controllers we work for, for their part
	if only == nil || len(only.Others) == 0 {
		others = b.askOthers()
	}
	if said, ok := b.sayHows(own && (only == nil || len(only.Others) == 0), rest); ok {
		sentences = append(append(sentences, said...), others...)
		pointer = b.c.T("summary.rights.pointer")
	} else {
		// A right that says how it is used ("Kontakt rådgiveren din") is
		// used that way, not at the one address above. One right is
		// named, not "noen av rettighetene" (nb3 7). Where only some do,
		// the pointer comes first and the address is for the others:
		// "Send en e-post til …" before "Under «Rett til å trekke
		// tilbake samtykket» står det …" read as the way to withdraw
		// consent (nb8 1).
		own, all := b.ownHow()
		how := b.howPointer(own, all)
		switch {
		case how != "" && !all && rest != "":
			sentences = append(sentences, how, rest)
		default:
			if contact != "" {
				sentences = append(sentences, contact)
			}
			if how != "" {
				sentences = append(sentences, how)
			}
		}
		sentences = append(sentences, others...)
		if how != "" {
			pointer = b.c.T("summary.rights.pointer")
		}
	}
	b.add(section.Rights, sentences...)
	if pointer != "" && !b.pointed && len(b.out) > 0 && b.out[len(b.out)-1].Section == section.Rights {
		b.out[len(b.out)-1].Pointer = pointer
	}
}

// ownHow gives the rights that apply and say how they are used, in the
// page's order, and whether all that apply do.
func (b *builder) ownHow() (own []string, all bool) {
	all = true
	for _, vr := range vocab.Rights {
		code := vr.Code
		r, ok := b.n.Rights[code]
		if !ok || !b.applies(code) {
			continue
		}
		if r.How[b.lang] != "" {
			own = append(own, code)
		} else {
			all = false
		}
	}
	return own, len(own) > 0 && all
}

// howPointer points to the rights that say how they are used: the one
// by its name, or all or some of them.
func (b *builder) howPointer(own []string, all bool) string {
	switch {
	case len(own) == 1 && b.c.Has("right."+own[0]):
		// The rights bullet speaks of every right but human review, which
		// the bullet on automated decisions says: that one is named by
		// what it is for, so that the pointer has something in the bullet
		// to attach to (nb10 10, nn10 5).
		if names, ok := b.rightNames(own); ok && own[0] == "human_review" {
			if s := b.c.T("summary.rights.how.one", b.c.T("right."+own[0]), names[0]); words(s) <= MaxWords {
				return s
			}
		}
		return b.c.T("summary.rights.how.one.plain", b.c.T("right."+own[0]))
	case all:
		b.pointed = true
		return b.c.T("summary.rights.how.all")
	case len(own) > 0:
		// Named, so that "For de andre rettighetene …" after it says
		// which rights are the others (nb9 3, nn9 3).
		// Too many to name in one plain sentence: pointed to as some.
		if names, ok := b.rightNames(own); ok {
			if s := b.c.T("summary.rights.how.named", b.c.List(names), b.c.T("heading.rights")); words(s) <= MaxWords {
				b.pointed = true
				return s
			}
		}
		b.pointed = true
		return b.c.T("summary.rights.how.own")
	}
	return ""
}

// rightNames are the rights of codes in the summary's words ("innsyn",
// "retting"); ok is false when one has none.
func (b *builder) rightNames(codes []string) (names []string, ok bool) {
	for _, code := range codes {
		if !b.c.Has("summary.rights.name." + code) {
			return nil, false
		}
		// In a list, the short name where there is one: «menneskelig
		// vurdering», so that four rights fit one plain sentence (INN
		// 1.0, nb11 3, nn11 1).
		if key := "summary.rights.name." + code + ".short"; len(codes) > 1 && b.c.Has(key) {
			names = append(names, b.c.T(key))
			continue
		}
		names = append(names, b.c.T("summary.rights.name."+code))
	}
	return names, true
}

// howGroup is the rights that say how they are used in the same words.
type howGroup struct {
	how   string
	codes []string
}

// hows groups the rights that apply by their how in the summary's
// language, in the page's order; plain are those without one. Texts are
// compared as written: a how the same in bokmål may differ in nynorsk.
func (b *builder) hows() (groups []howGroup, plain []string) {
	for _, vr := range vocab.Rights {
		code := vr.Code
		if !b.applies(code) {
			continue
		}
		// The same how with or without its full stop is one how
		// ("Kontakt rådgiveren din ved INN" and "… INN."; nb8 7).
		how := strings.Join(strings.Fields(b.n.Rights[code].How[b.lang]), " ")
		if how == "" {
			plain = append(plain, code)
			continue
		}
		i := slices.IndexFunc(groups, func(g howGroup) bool { return sameHow(g.how, how) })
		if i < 0 {
			groups = append(groups, howGroup{how: how})
			i = len(groups) - 1
		}
		groups[i].codes = append(groups[i].codes, code)
	}
	return groups, plain
}

// sameHow reports whether two hows say the same, but for a closing full
// stop.
func sameHow(a, b string) bool {
	return a != "" && strings.TrimRight(a, ".") == strings.TrimRight(b, ".")
}

// sayable gives a how as the summary can say it: the author's sentences
// as written, ending in a full stop, when they are short and plain text
// (Markdown would show as its marks in the summary).
func sayable(how string) (string, bool) {
	if how == "" || words(how) > MaxWords || strings.ContainsAny(how, "[]*_`<>\n") {
		return "", false
	}
	if !strings.ContainsAny(how[len(how)-1:], ".!?") {
		how += "."
	}
	return how, true
}

// sayHows says the contact of the rights that share a how as that how
// (nb7x 4, nn7x 3): "Vil du bruke rettighetene dine? Kontakt rådgiveren
// din." where every right has the same; where several do, "Gjelder det
// innsyn eller retting? Kontakt rådgiveren din.", a pointer to any right
// with a how of its own, and rest, the contact for the others ("For de
// andre rettighetene sender du en e-post til …"). The how is the author's
// sentence, never spliced into ours. ok is false where no how is shared,
// or where we do not answer (the controller we work for does), which the
// caller says as before.
func (b *builder) sayHows(answer bool, rest string) (out []string, ok bool) {
	if !answer {
		return nil, false
	}
	groups, plain := b.hows()
	if len(groups) == 1 && len(plain) == 0 {
		if how, ok := sayable(groups[0].how); ok {
			return []string{b.c.T("summary.rights.how.say.all", how)}, true
		}
		return nil, false
	}
	var unsaid []string
	for _, g := range groups {
		how, can := sayable(g.how)
		names, named := b.rightNames(g.codes)
		if !can || !named || len(g.codes) < 2 {
			unsaid = append(unsaid, g.codes...)
			continue
		}
		out = append(out, b.c.T("summary.rights.how.say", b.c.ListOr(names), how))
	}
	if len(out) == 0 {
		return nil, false
	}
	if how := b.howPointer(unsaid, false); how != "" {
		out = append(out, how)
	}
	if len(plain) > 0 && rest != "" {
		out = append(out, rest)
	}
	return out, true
}

func (b *builder) otherNames(g notice.RoleGroup) string {
	var names []string
	for _, oc := range g.Others {
		names = append(names, oc.Name.In(b.lang))
	}
	return b.c.List(names)
}

func (b *builder) automated() {
	if len(b.n.AutomatedDecisions) == 0 {
		b.add(section.Automated, b.c.T("summary.automated.none"))
		return
	}
	// A person looks at a decision where art. 22(3) says so, or where
	// the notice says how to have one looked at; a decision a law allows
	// has that law's safeguards instead (nb9 1, nn9 1).
	review := ""
	if r, ok := b.n.Rights["human_review"]; ok {
		byLaw, _ := b.n.DecisionsByLaw(b.lang)
		switch {
		case byLaw < len(b.n.AutomatedDecisions) || r.How[b.lang] != "":
			review = b.c.T("summary.automated.review")
		default:
			review = b.c.T("summary.automated.law")
		}
	}
	b.add(section.Automated, b.c.T("summary.automated.some"), review)
}

// askOthers sends the reader to the controllers we process data for, on a
// page where we are the controller for the rest.
func (b *builder) askOthers() []string {
	groups := b.groups
	var out []string
	for _, g := range groups {
		if g.Kind != notice.RoleProcessor || len(groups) == 1 {
			continue
		}
		for _, oc := range g.Others {
			out = append(out, b.c.T("summary.rights.ask.other.some", oc.Name.In(b.lang)))
		}
	}
	return out
}

// cookies says, when the notice lists cookies, whether some are not
// necessary; those are set only if the reader says yes (ekomloven § 3-15,
// which the rules hold every notice to), so the reader is told they may
// refuse, and who else sets them: "some of them" when we set some
// ourselves.
func (b *builder) cookies() {
	if len(b.n.Cookies) == 0 {
		return
	}
	var providers []string
	seen := map[string]bool{}
	optional, own := false, false
	others := 0 // optional cookies set by others
	for _, c := range b.n.Cookies {
		if c.Necessary {
			continue
		}
		optional = true
		if c.Provider == notice.ProviderController {
			own = true
			continue
		}
		others++
		for _, r := range b.n.Recipients {
			if name := b.partyName(r.Kind, r.Name.In(b.lang)); r.ID == c.Provider && !seen[name] {
				seen[name] = true
				providers = append(providers, name)
			}
		}
	}
	if !optional {
		b.add(section.Cookies, b.c.T("summary.cookies.necessary"))
		return
	}
	var from string
	if len(providers) > 0 {
		if len(providers) > maxListed {
			providers = providers[:maxListed]
		}
		key := "summary.cookies.providers"
		switch {
		case !own:
			key = "summary.cookies.providers.all"
		case others == 1:
			// "Noen av dem" of one cookie overstated it (nb3 7).
			key = "summary.cookies.providers.one"
		}
		from = b.c.T(key, b.c.List(providers))
	}
	b.add(section.Cookies, b.c.T("summary.cookies.consent"), from, b.c.T("summary.cookies.refuse"))
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// allPurposes reports whether right applies to each purpose on its own.
func allPurposes(n *notice.Notice, right string) bool {
	for _, p := range n.Purposes {
		if !n.RightAppliesTo(right, []notice.Purpose{p}) {
			return false
		}
	}
	return true
}

// keepTogether keeps a phone number on one line, as the page and the
// change reports do (nb12 4).
func keepTogether(phone string) string { return strings.ReplaceAll(phone, " ", "\u00a0") }
