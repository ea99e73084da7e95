// Package diff compares two versions of a notice by meaning, not by line:
// lists are matched by their stable ids (or an id's replaces:), and each
// change is classified as material, notable or editorial by a named rule,
// so that a lawyer sees what people must be told before it takes effect
// (GDPR art. 13(3)).
package diff

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/internal/vocab"
)

// Class says how much a change matters.
type Class int

const (
	Editorial Class = iota // wording only
	Notable                // worth telling: contact details, less data, shorter storage
	Material               // people must be told before it takes effect
)

var classNames = []string{"editorial", "notable", "material"}

func (c Class) String() string { return classNames[c] }

// MarshalText writes the class by name in JSON.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// ParseClass reads a class name.
func ParseClass(s string) (Class, bool) {
	for i, n := range classNames {
		if n == s {
			return Class(i), true
		}
	}
	return 0, false
}

// Change is one difference in meaning between two versions.
type Change struct {
	Section section.ID `json:"section"` // the section of the rendered notice; its anchor in JSON
	Class   Class      `json:"class"`
	Rule    string     `json:"rule"`    // the rule that classified it
	Key     string     `json:"key"`     // the stable id path of what changed, e.g. purposes/follow-up
	Message string     `json:"message"` // in the report's language
	Old     string     `json:"old,omitempty"`
	New     string     `json:"new,omitempty"`
	Lang    string     `json:"lang,omitempty"` // for text changes: the language of the text
	Redline []Token    `json:"redline,omitempty"`
	// Reason says why the rule classed the change as it did, where the
	// message does not ("den nye teksten nevner en kategori av
	// opplysninger"): for those who check the rules (--rules), not for
	// the reader.
	Reason string `json:"reason,omitempty"`
	// Also is the same change in the notice's other languages: one change
	// to a text is one entry, with the report language's text and redline
	// (review nb8x 12, nn8x 2).
	Also []LangText `json:"also,omitempty"`
	// Reader is Message as a page in Lang tells its readers: the language
	// goes without saying there, and a reader is told to read the new
	// text, not which of the tool's word lists it matched. Empty: Message.
	Reader string `json:"-"`
	// renamedFrom and renamedTo are a rename's old and new name as its
	// line quotes them, so that lines using the new name can be ordered
	// and told the old one (review nb4 7).
	renamedFrom, renamedTo string
	// renames is the item a rename line renames ("categories/task"), and
	// uses the items a line names, each with the forms the line may give
	// it ("opplysninger om tiltaket ditt", «Opplysninger om tiltaket
	// ditt»), so that a line above the rename that names the item by its
	// new name, in whatever form, is told the old one (review nb7 2).
	renames string
	uses    []use
}

// LangText is a changed text in one more language.
type LangText struct {
	Lang    string  `json:"lang"`
	Old     string  `json:"old,omitempty"`
	New     string  `json:"new,omitempty"`
	Redline []Token `json:"redline,omitempty"`
}

// use is an item a change line names, and the forms it may name it by.
type use struct {
	item  string
	forms []string
}

// ForReader is the message a reader of the page in the change's language
// is told.
func (ch Change) ForReader() string {
	if ch.Reader != "" {
		return ch.Reader
	}
	return ch.Message
}

// Version identifies one side of the comparison.
type Version struct {
	Source  string `json:"source"`
	Version string `json:"version"`
	Updated string `json:"updated"`
	Title   string `json:"title"`
}

// Report is the comparison of two versions.
type Report struct {
	Lang    string   `json:"lang"`
	Old     Version  `json:"old"`
	New     Version  `json:"new"`
	Changes []Change `json:"changes"`
	// Notes are for the notice's editor, not its readers: a text changed
	// in one language only, a version number left as it was (the upkeep
	// rules). They are no change in what the notice says, so they are
	// counted in no class and raise no exit status (review nb8x 13, nn8x
	// 7).
	Notes []Change `json:"notes,omitempty"`
}

// Count returns how many changes of each class the report holds.
func (r *Report) Count(c Class) int {
	n := 0
	for _, ch := range r.Changes {
		if ch.Class == c {
			n++
		}
	}
	return n
}

// Most returns the highest class of change, and false if nothing changed.
func (r *Report) Most() (Class, bool) {
	if len(r.Changes) == 0 {
		return 0, false
	}
	m := Editorial
	for _, ch := range r.Changes {
		m = max(m, ch.Class)
	}
	return m, true
}

type cmp struct {
	c        *i18n.Catalog
	lang     string
	old, new *notice.Notice
	out      []Change
	notes    []Change // for the editor: Report.Notes
	// terms are the loaded terms of each language, for classifying text
	terms map[string][]string
	// kinds names, per language, what each of terms is a word for
	// (a catalogue key: "diff.wording.term.recipient").
	kinds map[string]map[string]string
	// renamed maps an old purpose id to its new one, for the purposes
	// renamed with replaces: recipients and automated decisions name
	// purposes by id, and a rename is not a new purpose for them.
	renamed map[string]string
	// of names the list entry whose texts are being compared, put after
	// a text's label ("Beskrivelsen av formålet «Nyhetsbrev»"); "" for
	// the notice's own texts.
	of string
	// orig is the old notice as given; old is a copy of it in which the
	// items whose only change is their id have the new one (unalias),
	// oldID maps "categories/<new id>" back to the id it had, and aliases
	// are those ids, for the editor (idLines).
	orig    *notice.Notice
	oldID   map[string]string
	aliases []alias
}

// Compare reports what changed from old to new, in the catalogue's
// language. Both notices should be valid.
func Compare(old, new *notice.Notice, oldSrc, newSrc string, c *i18n.Catalog) *Report {
	d := &cmp{c: c, lang: c.Lang, orig: old, old: old, new: new, renamed: map[string]string{}}
	d.unalias()
	pairs, _, _ := match(d.old.Purposes, new.Purposes,
		func(p notice.Purpose) string { return p.ID }, func(p notice.Purpose) string { return p.Replaces })
	for _, p := range pairs {
		d.renamed[p[0].ID] = p[1].ID
	}
	d.controller()
	d.otherControllers()
	d.dpo()
	// The title and introduction are no part of «Hvem som er ansvarlig»:
	// their changes go first, under a heading of their own (review nb 29).
	d.title()
	d.texts(section.Intro, "introduction", "field.introduction", old.Introduction, new.Introduction)
	d.indexGroup()
	d.groups()
	d.purposes()
	d.categories()
	d.provision()
	d.sources()
	d.recipients()
	d.transfers()
	d.retention()
	d.rights()
	d.restrictions()
	d.automated()
	d.cookies()
	d.texts(section.Security, "security", "field.security", old.Security, new.Security)
	if strings.Join(old.Languages, ",") != strings.Join(new.Languages, ",") {
		d.add(section.Version, ruleLanguages, "languages", "", strings.Join(old.Languages, ", "), strings.Join(new.Languages, ", "))
	}
	d.plainFields()
	d.idLines()
	d.versionDiscipline()
	sort.SliceStable(d.out, func(i, j int) bool {
		a, b := d.out[i], d.out[j]
		if a.Class != b.Class {
			return a.Class > b.Class
		}
		if a.Section != b.Section {
			return a.Section < b.Section // sections sort in page order
		}
		// The title stands above the introduction on the page, so its
		// change is read first (review nb4 7), whatever its key.
		if at, bt := strings.HasPrefix(a.Key, "title/"), strings.HasPrefix(b.Key, "title/"); at != bt && a.Section == section.Intro {
			return at
		}
		// A rename leads its class and section: the lines after it use
		// the new name (review nb4 7).
		if ar, br := a.renamedTo != "", b.renamedTo != ""; ar != br {
			return ar
		}
		return a.Key < b.Key
	})
	d.formerly()
	v := func(n *notice.Notice, src string) Version {
		return Version{Source: src, Version: n.Version, Updated: n.Updated, Title: n.Title[c.Lang]}
	}
	return &Report{Lang: c.Lang, Old: v(old, oldSrc), New: v(new, newSrc), Changes: d.out, Notes: d.notes}
}

// add records a change of rule; its message has {0} the subject, {1} the
// old and {2} the new value.
func (d *cmp) add(sec section.ID, rule *Rule, key, subject, old, new string) {
	d.out = append(d.out, Change{Section: sec, Class: rule.Class, Rule: rule.ID, Key: key,
		Message: d.message(rule, subject, old, new), Old: old, New: new})
}

// unset stands in for an empty value while a message is filled in, so
// that "«» → «…»" and ":  → …" can be written as "ikke oppgitt".
const unset = "\x00"

// message fills in a rule's message: an empty old or new value reads
// "ikke oppgitt", never an empty slot.
//
// A rule whose catalogue has ".added" and ".removed" forms says so instead:
// "E-postadressen til NAV er lagt til: post@nav.no.", not "er endret fra
// ikke oppgitt til post@nav.no".
func (d *cmp) message(rule *Rule, subject, old, new string) string {
	key := rule.MessageKey()
	if old == "" && new != "" {
		if d.c.Has(key + ".added") {
			return sentence(d.c.T(key+".added", subject, "", new))
		}
		old = unset
	}
	if new == "" && old != "" {
		if d.c.Has(key + ".removed") {
			return sentence(d.c.T(key+".removed", subject, old, ""))
		}
		new = unset
	}
	m := d.c.T(key, subject, old, new)
	none := d.c.T("diff.unstated")
	m = strings.ReplaceAll(strings.ReplaceAll(m, "«"+unset+"»", none), unset, none)
	return sentence(m)
}

// controllerKind names the kind of a controller in words.
func (d *cmp) controllerKind(k string) string {
	switch k {
	case "private":
		return d.c.T("kind.private_company")
	case "":
		return ""
	}
	return d.c.TOr("kind."+k, k)
}

// texts compares a free-text field in every language; a change is
// editorial, shown as a word-level redline.
func (d *cmp) texts(sec section.ID, key, label string, old, new notice.Text) {
	d.textsAs(sec, key, label, ruleWording, old, new)
}

// textsAs compares a free-text field whose change is classified by rule;
// its message has {0} the field's label and {1} the language.
func (d *cmp) textsAs(sec section.ID, key, label string, rule *Rule, old, new notice.Text) {
	d.textsNamed(sec, key, d.label(label), rule, old, new)
}

// textsNamed is textsAs for a text whose subject is a phrase of its own
// ("Unntakene fra retten til innsyn"), not a field's label: where
// several entries have the same field, the label alone does not say
// which one changed.
func (d *cmp) textsNamed(sec section.ID, key, subject string, rule *Rule, old, new notice.Text) {
	langs := map[string]bool{}
	for l := range old {
		langs[l] = true
	}
	for l := range new {
		langs[l] = true
	}
	keys := make([]string, 0, len(langs))
	for l := range langs {
		keys = append(keys, l)
	}
	// The report's language first, so its redline is the one a reader sees.
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == d.lang) != (keys[j] == d.lang) {
			return keys[i] == d.lang
		}
		return keys[i] < keys[j]
	})
	// Each language's text is classified on its own first; then every
	// language gets the highest class any of them got. One change to a
	// text that exists in both languages is one change in meaning, and a
	// reader of either language must be told the same about it (review nb
	// 20, nn 25; språklova § 10): classed up, never down.
	type verdict struct {
		lang  string
		r     *Rule
		added []string
		// from is the language whose words made the change material,
		// when it is not this one.
		from string
	}
	var vs []verdict
	for _, l := range keys {
		if old[l] == new[l] {
			continue
		}
		r, added := d.classify(rule, old[l], new[l], l)
		vs = append(vs, verdict{lang: l, r: r, added: added})
	}
	top := -1
	for i, v := range vs {
		if top < 0 || v.r.Class > vs[top].r.Class {
			top = i
		}
	}
	for i := range vs {
		if v := &vs[i]; v.r.Class < vs[top].r.Class {
			v.r = vs[top].r
			if v.r == ruleWordingAdds {
				v.added, v.from = vs[top].added, vs[top].lang
			}
		}
	}
	var changed []string
	var chs []Change
	for _, v := range vs {
		l, r, added := v.lang, v.r, v.added
		if r != ruleWording {
			// A spelling fix leaves the languages saying the same.
			changed = append(changed, l)
		}
		// A text that was not there is added, one now gone is removed:
		// neither has "fått ny ordlyd". The class is the rule's still.
		say := func(in string, r *Rule) string {
			switch {
			case old[l] == "":
				return d.c.T("diff.text-added", subject, in)
			case new[l] == "":
				return d.c.T("diff.text-removed", subject, in)
			}
			return d.c.T(r.MessageKey(), subject, in, d.c.List(added))
		}
		reader := r
		var reason string
		if r == ruleWordingAdds {
			// The terms it matched classify the change; to a reader
			// they are words out of context ("nevner «saken»"): they are
			// the rule's reason, shown with --rules (review nb8x 12).
			reader = ruleWordingChanged
			reason = d.c.T("diff.reason.wording-adds", d.c.List(added))
			if v.from != "" {
				reason = d.c.T("diff.reason.wording-adds.other", d.c.List(added), d.langName(v.from))
			}
		}
		chs = append(chs, Change{Section: sec, Class: r.Class, Rule: r.ID, Key: key + "/" + l, Lang: l,
			Message: sentence(say(d.c.T("diff.in-lang", d.langName(l)), reader)), Reader: sentence(say("", reader)), Reason: reason,
			Old: old[l], New: new[l], Redline: Redline(old[l], new[l])})
	}
	// One change to a text is one entry, in the report's language when
	// its text changed, with the other languages' texts beside it (Also):
	// not one counted entry per language, a nynorsk redline in a bokmål
	// report (review nb8x 12, nn8x 2). The report's own language goes
	// without saying; another's is named, since the report's text stayed.
	otherOnly := false
	if len(chs) > 0 {
		ch := chs[0] // the report's language sorts first
		if ch.Lang == d.lang {
			ch.Message = ch.Reader
		}
		// Only another language's text changed, and the report's is as it
		// was: its reader is not sent to read a text that did not change
		// («Les den nye teksten»), and the editor's note saying the same
		// (translation-drift) is not said twice. The class stays: the
		// other language's readers were told something new (review nb9x
		// 7).
		otherOnly = ch.Lang != d.lang && ch.Rule != ruleWording.ID && old[ch.Lang] != "" && new[ch.Lang] != "" &&
			old[d.lang] != "" && old[d.lang] == new[d.lang]
		if otherOnly {
			ch.Message = sentence(d.c.T("diff.other-lang-only", subject, d.langName(ch.Lang), d.langName(d.lang)))
		}
		for _, o := range chs[1:] {
			ch.Also = append(ch.Also, LangText{Lang: o.Lang, Old: o.Old, New: o.New, Redline: o.Redline})
			if ch.Reason == "" {
				ch.Reason = o.Reason
			}
		}
		d.out = append(d.out, ch)
	}
	n := len(d.notes)
	d.drift(sec, key, subject, old, new, changed)
	if otherOnly {
		// The entry says the report's text stayed; its note is not kept.
		d.notes = append(d.notes[:n], slices.DeleteFunc(d.notes[n:], func(x Change) bool { return x.Lang == d.lang })...)
	}
}

// names compares a name (a purpose's, a category's, a group's, the
// unit's) as textsNamed compares a text, with its class, but says a new
// name as one: "Formålet «A» heter nå «B»", not that the name "har fått ny
// ordlyd" and "meningen kan være endret" (review nb 17, nn 24). A name
// given or taken away, and a spelling fix, are said as before.
func (d *cmp) names(sec section.ID, key, subject, msgKey string, rule *Rule, old, new notice.Text) {
	d.namesAs(sec, key, subject, msgKey, rule, old, new, func(s string) string { return s })
}

// namesAs is names with each name quoted as as writes it: a category as
// the page heads it (upperFirst, review nb5 14).
func (d *cmp) namesAs(sec section.ID, key, subject, msgKey string, rule *Rule, old, new notice.Text, as func(string) string) {
	from := len(d.out)
	d.textsNamed(sec, key, subject, rule, old, new)
	for i := from; i < len(d.out); i++ {
		ch := &d.out[i]
		if ch.Redline == nil || ch.Old == "" || ch.New == "" || ch.Rule == ruleWording.ID {
			continue
		}
		ch.Reader = sentence(d.c.T(msgKey, d.q(as(ch.Old)), d.q(as(ch.New)), ""))
		ch.Message = ch.Reader
		if ch.Lang != d.lang {
			ch.Message = sentence(d.c.T(msgKey, d.q(as(ch.Old)), d.q(as(ch.New)), d.c.T("diff.in-lang", d.langName(ch.Lang))))
		}
		ch.renamedFrom, ch.renamedTo = d.q(as(ch.Old)), d.q(as(ch.New))
		// The item renamed: "categories/task" of "categories/task/label".
		if k := strings.LastIndex(key, "/"); k > 0 {
			ch.renames = key[:k]
		}
		// A name is short: the change is said in full, no redline.
		ch.Redline = nil
	}
}

// title compares the notice's title as a text, with its class, but says a
// new title in full, old and new: it is short, and "Les den nye teksten:
// meningen kan være endret" says nothing of a title the reader sees
// (review nb8 12).
func (d *cmp) title() {
	from := len(d.out)
	d.texts(section.Intro, "title", "field.title", d.old.Title, d.new.Title)
	for i := from; i < len(d.out); i++ {
		ch := &d.out[i]
		if ch.Old == "" || ch.New == "" || ch.Rule == ruleWording.ID || !strings.HasPrefix(ch.Key, "title/") {
			continue
		}
		ch.Reader = sentence(d.c.T("diff.title-changed", d.q(ch.Old), d.q(ch.New), ""))
		ch.Message = ch.Reader
		if ch.Lang != d.lang {
			ch.Message = sentence(d.c.T("diff.title-changed", d.q(ch.Old), d.q(ch.New), d.c.T("diff.in-lang", d.langName(ch.Lang))))
		}
		ch.Redline = nil
		for j := range ch.Also {
			ch.Also[j].Redline = nil
		}
	}
}

func (d *cmp) q(s string) string { return "«" + s + "»" }

// formerly gives the old name where a line above a rename (of a higher
// class, or an earlier section) names the item by its new name first:
// "Formålet «Statistikk for nettstedet» (tidligere «Statistikk for
// nettsiden») bygger nå på …", so the reader is not left to guess which
// item it is until the rename comes (review nb4 7). The item is found by
// what the line is known to name (uses), in the form the line gives it:
// a category in a retention line is "opplysninger om tiltaket ditt
// (tidligere «…»)", unquoted (review nb7 2); a purpose is found by its
// quoted name as well, wherever a line names it.
func (d *cmp) formerly() {
	for i, r := range d.out {
		if (r.renamedTo == "" && r.renames == "") || (r.Lang != "" && r.Lang != d.lang) {
			continue
		}
		note := d.c.T("diff.formerly", r.renamedFrom)
		for j := 0; j < i; j++ {
			ch := &d.out[j]
			if ch.renamedTo != "" || ch.renames != "" {
				continue
			}
			m, ok := r.formerlyIn(ch, ch.Message, note)
			if !ok {
				continue
			}
			ch.Message = m
			if rd, ok := r.formerlyIn(ch, ch.Reader, note); ok {
				ch.Reader = rd
			}
			break
		}
	}
}

// formerlyIn puts note after the first place s names the item rename r
// renames, as line ch names it, and tells whether it found one. A name
// quoted takes the note after its closing quote; a bracket after the
// name, or one the name ends in, takes the note inside it, so that no
// two brackets stand in a row ("(tidligere «A»; regel 2)").
func (r *Change) formerlyIn(ch *Change, s, note string) (string, bool) {
	at, end := -1, -1
	for _, u := range ch.uses {
		if u.item != r.renames || r.renames == "" {
			continue
		}
		for _, f := range u.forms {
			if a, e := wordIndex(s, f); a >= 0 && (at < 0 || a < at) {
				at, end = a, e
			}
		}
	}
	if at < 0 && r.renamedTo != "" {
		if a := strings.Index(s, r.renamedTo); a >= 0 {
			at, end = a, a+len(r.renamedTo)
		}
	}
	if at < 0 {
		return s, false
	}
	if at > 0 && strings.HasSuffix(s[:at], "«") && strings.HasPrefix(s[end:], "»") {
		end += len("»")
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(note), "("), ")")
	switch {
	case strings.HasPrefix(s[end:], " ("):
		return s[:end] + " (" + inner + "; " + s[end+len(" ("):], true
	case strings.HasSuffix(s[:end], ")"):
		return s[:end-1] + "; " + inner + s[end-1:], true
	}
	return s[:end] + note + s[end:], true
}

// wordIndex is where f first stands in s as whole words, not inside a
// longer word ("helse" in "helseopplysninger"); -1 if nowhere.
func wordIndex(s, f string) (at, end int) {
	if f == "" {
		return -1, -1
	}
	for from := 0; from < len(s); {
		k := strings.Index(s[from:], f)
		if k < 0 {
			break
		}
		a, e := from+k, from+k+len(f)
		before, _ := utf8.DecodeLastRuneInString(s[:a])
		after, _ := utf8.DecodeRuneInString(s[e:])
		if (a == 0 || !unicode.IsLetter(before) && !unicode.IsDigit(before)) && (e == len(s) || !unicode.IsLetter(after) && !unicode.IsDigit(after)) {
			return a, e
		}
		from = a + 1
	}
	return -1, -1
}

// using records that the lines from on name item, by one of forms.
func (d *cmp) using(from int, item string, forms ...string) {
	for i := from; i < len(d.out); i++ {
		d.out[i].uses = append(d.out[i].uses, use{item: item, forms: forms})
	}
}

// usesCategories records that the lines from on name the categories of
// ids, by label as running text writes it or as the page heads it.
func (d *cmp) usesCategories(from int, ids ...[]string) {
	for _, list := range ids {
		for _, id := range list {
			l := d.categoryLabel(id)
			d.using(from, "categories/"+id, l, upperFirst(l))
		}
	}
}

// label is a text's label in a message, naming the list entry it belongs
// to when there is one: a notice has several purposes and categories.
func (d *cmp) label(key string) string {
	if d.of == "" {
		return d.c.T(key)
	}
	return d.c.T(key) + " " + d.of
}

// within compares the texts of one list entry, named by of in their
// messages.
func (d *cmp) within(of string, f func()) {
	prev := d.of
	d.of = of
	f()
	d.of = prev
}

// flag records a yes/no field that changed, as a sentence for the way it
// went: the rule's message when it is now true, no when it is now false: "… er ikke lenger oppgitt som …",
// not "Om …, er endret: ja → nei". Old and New keep ja and nei for JSON.
func (d *cmp) flag(sec section.ID, rule *Rule, key, subject string, old, new bool, no string) {
	k := no
	if new {
		k = rule.MessageKey()
	}
	d.out = append(d.out, Change{Section: sec, Class: rule.Class, Rule: rule.ID, Key: key,
		Message: sentence(d.c.T(k, subject)), Old: d.yesNo(old), New: d.yesNo(new)})
}

// indexGroup compares the heading the site's index lists the notice
// under, in every language: editorial, since it moves the notice on the
// index and changes nothing the notice says.
func (d *cmp) indexGroup() {
	o, n := d.old.IndexGroup, d.new.IndexGroup
	langs := map[string]bool{}
	for l := range o {
		langs[l] = true
	}
	for l := range n {
		langs[l] = true
	}
	var changed []string
	for _, l := range slices.Sorted(maps.Keys(langs)) {
		if o[l] == n[l] {
			continue
		}
		changed = append(changed, l)
		d.out = append(d.out, Change{Section: section.Controller, Class: ruleIndexGroup.Class, Rule: ruleIndexGroup.ID,
			Key: "index_group/" + l, Lang: l, Message: d.message(ruleIndexGroup, d.langName(l), o[l], n[l]), Old: o[l], New: n[l]})
	}
	d.drift(section.Controller, "index_group", "field.index_group", o, n, changed)
}

func (d *cmp) controller() {
	o, n := d.old.Controller, d.new.Controller
	if from, to, changed := d.nameChange(o.Name, n.Name); changed {
		d.add(section.Controller, ruleNewController, "controller/name", "", from, to)
	}
	if strings.ReplaceAll(o.OrgNumber, " ", "") != strings.ReplaceAll(n.OrgNumber, " ", "") {
		d.add(section.Controller, ruleNewController, "controller/org_number", "", o.OrgNumber, n.OrgNumber)
	}
	if o.Kind != n.Kind {
		d.add(section.Controller, ruleControllerKind, "controller/kind", "", d.controllerKind(o.Kind), d.controllerKind(n.Kind))
	}
	// The contact details are the unit's, where the notice names one: «E-
	// postadressen til Karrieresenteret Vestfold», not the county's.
	whose := n.Unit[d.lang]
	if whose == "" {
		whose = n.Name.In(d.lang)
	}
	for _, f := range []struct{ key, old, new string }{
		{"address", o.Address, n.Address}, {"email", o.Email, n.Email}, {"phone", o.Phone, n.Phone},
		{"url", o.URL, n.URL}, {"contact_person", o.ContactPerson, n.ContactPerson},
	} {
		if f.old != f.new {
			subject := d.contactOf(f.key, whose)
			// A contact person's notice may give that person's own e-mail
			// and phone: they are not the unit's, so the line says what
			// they are for, not whose (review nn10 2).
			if k, ok := contactOurs[f.key]; ok && (o.ContactPerson != "" || n.ContactPerson != "") {
				subject = d.c.T(k)
			}
			d.add(section.Controller, ruleContactDetails, "controller/"+f.key, subject, together(f.key, f.old), together(f.key, f.new))
			// A contact person named or no longer named is said of the
			// notice, not as though the person were added or removed
			// (nn11 3).
			switch {
			case f.key != "contact_person":
			case f.old == "":
				d.out[len(d.out)-1].Message = d.c.T("diff.contact-person.added", whose, f.new)
			case f.new == "":
				d.out[len(d.out)-1].Message = d.c.T("diff.contact-person.removed", whose, f.old)
			}
		}
	}
	d.names(section.Controller, "controller/unit", d.label("field.unit"), "diff.renamed.unit", ruleWording, o.Unit, n.Unit)
	oj := map[string]notice.JointController{}
	for _, j := range d.old.JointControllers {
		oj[j.Name] = j
	}
	nj := map[string]bool{}
	for _, j := range d.new.JointControllers {
		nj[j.Name] = true
		prev, ok := oj[j.Name]
		if !ok {
			d.add(section.Controller, ruleNewJointController, "joint_controllers/"+j.Name, j.Name, "", "")
			continue
		}
		key := "joint_controllers/" + j.Name
		// Another organisation number under the same name is another
		// organisation sharing the decisions.
		if strings.ReplaceAll(prev.OrgNumber, " ", "") != strings.ReplaceAll(j.OrgNumber, " ", "") {
			d.add(section.Controller, ruleNewJointController, key+"/org_number", j.Name, prev.OrgNumber, j.OrgNumber)
		}
		for _, f := range []struct{ key, old, new string }{
			{"email", prev.Email, j.Email}, {"phone", prev.Phone, j.Phone}, {"url", prev.URL, j.URL},
		} {
			if f.old != f.new {
				d.add(section.Controller, ruleJointContactDetails, key+"/"+f.key, d.contactOf(f.key, j.Name), together(f.key, f.old), together(f.key, f.new))
			}
		}
		d.texts(section.Controller, key, "field.responsibilities", prev.Responsibilities, j.Responsibilities)
	}
	for _, j := range d.old.JointControllers {
		if !nj[j.Name] {
			d.add(section.Controller, ruleRemovedJointCtrl, "joint_controllers/"+j.Name, j.Name, "", "")
		}
	}
}

func (d *cmp) dpo() {
	o, n := d.old.DPO, d.new.DPO
	switch {
	case o == nil && n == nil:
	case o == nil:
		d.add(section.DPO, ruleDPOAdded, "dpo", "", "", dpoString(n))
	case n == nil:
		d.add(section.DPO, ruleDPORemoved, "dpo", "", dpoString(o), "")
	case o.Name != n.Name:
		d.add(section.DPO, ruleDPOChanged, "dpo", "", dpoString(o), dpoString(n))
	case *o != *n:
		// The same officer with a new address, phone or email: each line
		// says whose and which (review nb9x 6).
		who := d.c.T("diff.contact.dpo")
		for _, f := range []struct{ key, old, new string }{
			{"address", o.Address, n.Address}, {"email", o.Email, n.Email}, {"phone", o.Phone, n.Phone},
		} {
			if f.old != f.new {
				d.out = append(d.out, Change{Section: section.DPO, Class: ruleDPOChanged.Class, Rule: ruleDPOChanged.ID, Key: "dpo/" + f.key,
					Message: d.message(ruleContactDetails, d.contactOf(f.key, who), together(f.key, f.old), together(f.key, f.new)), Old: f.old, New: f.new})
			}
		}
	}
}

// contactOf names one of whose contact details, a line's subject: «E-
// postadressen til Karrieresenteret Vestfold», not «E-postadressen» under
// a heading of several parties (review nb8x 6, nb9x 6).
func (d *cmp) contactOf(field, whose string) string {
	if whose == "" {
		return d.c.T("field.contact." + field)
	}
	return d.c.T(contactOf[field], whose)
}

// together keeps a phone number on one line: "33 38 08 83" with
// no-break spaces, as the pages keep § and a number with its unit (nn11 5).
// An address with commas is quoted, so that «fra … til …» can be read
// (nn11 4).
func together(field, v string) string {
	switch {
	case field == "phone":
		return strings.ReplaceAll(v, " ", "\u00a0")
	case field == "address" && strings.Contains(v, ","):
		return "«" + v + "»"
	}
	return v
}

// contactOurs says what a contact detail is for, where a contact person
// is named and the detail may be that person's own.
var contactOurs = map[string]string{
	"address": "diff.contact.ours.address", "email": "diff.contact.ours.email", "phone": "diff.contact.ours.phone",
}

var contactOf = map[string]string{
	"address": "diff.contact.of.address", "email": "diff.contact.of.email", "phone": "diff.contact.of.phone",
	"url": "diff.contact.of.url", "contact_person": "diff.contact.of.contact_person",
}

func dpoString(p *notice.DPO) string {
	var parts []string
	for _, s := range []string{p.Name, p.Email, p.Phone, p.Address} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// match pairs the items of two lists by id, following replaces: on the
// new side. It returns pairs, the new items without an old one and the
// old items without a new one.
func match[T any](old, new []T, id func(T) string, replaces func(T) string) (pairs [][2]T, added, removed []T) {
	// An id may appear twice in an invalid notice; pair in order then.
	byID := map[string][]int{}
	for i, o := range old {
		byID[id(o)] = append(byID[id(o)], i)
	}
	used := map[int]bool{}
	take := func(key string) (int, bool) {
		for _, i := range byID[key] {
			if !used[i] {
				return i, true
			}
		}
		return 0, false
	}
	for _, n := range new {
		i, ok := take(id(n))
		if !ok && replaces(n) != "" {
			i, ok = take(replaces(n))
		}
		if ok {
			used[i] = true
			pairs = append(pairs, [2]T{old[i], n})
			continue
		}
		added = append(added, n)
	}
	for i, o := range old {
		if !used[i] {
			removed = append(removed, o)
		}
	}
	return
}

// purposeDiff is setDiff of two lists of purpose ids, the old ones by
// their new names.
func (d *cmp) purposeDiff(old, new []string) (added, removed []string) {
	o := make([]string, len(old))
	for i, id := range old {
		o[i] = id
		if n, ok := d.renamed[id]; ok {
			o[i] = n
		}
	}
	added, removed = setDiff(o, new)
	// A removed purpose is named by its old id, as the old version had it.
	back := map[string]string{}
	for i, id := range o {
		back[id] = old[i]
	}
	for i, id := range removed {
		removed[i] = back[id]
	}
	return added, removed
}

func setDiff(old, new []string) (added, removed []string) {
	o, n := map[string]bool{}, map[string]bool{}
	for _, x := range old {
		o[x] = true
	}
	for _, x := range new {
		n[x] = true
	}
	for _, x := range new {
		if !o[x] {
			added = append(added, x)
		}
	}
	for _, x := range old {
		if !n[x] {
			removed = append(removed, x)
		}
	}
	return
}

// categoryLabel names a category as the rendered notice does.
func (d *cmp) categoryLabel(id string) string {
	for _, n := range []*notice.Notice{d.new, d.old} {
		for _, c := range n.Categories {
			if c.ID == id && c.Label[d.lang] != "" {
				return c.Label[d.lang]
			}
		}
	}
	return d.c.TOr("category."+id, id)
}

// categoryHeading is a category as the subject of a change line, quoted
// as «Hvilke opplysninger vi behandler» heads it: «Ønsker, muligheter og
// hindringer», not «ønsker, …», so that the reader finds the item there,
// as a source is quoted as its heading («Deg selv», nb4 12; review nb5
// 14). In running lists a category stays as the page's sentences write it.
func (d *cmp) categoryHeading(id string) string {
	return d.q(upperFirst(d.categoryLabel(id)))
}

// categoryObject is a category as the object of "får nå også", "bruker
// ikke lenger": a topic is what the data are about ("opplysninger om
// inntekt"), as on the page (nb3 6, nn3 7).
func (d *cmp) categoryObject(id string) string {
	return d.c.DataObject([]string{d.categoryLabel(id)})
}

// purposeLabel names a purpose as the rendered notice does, quoted.
func (d *cmp) purposeLabel(id string) string {
	for _, n := range []*notice.Notice{d.new, d.old} {
		for _, p := range n.Purposes {
			if p.ID == id {
				return d.q(d.name(p.Name, id))
			}
		}
	}
	return d.q(id)
}

func (d *cmp) yesNo(b bool) string {
	if b {
		return d.c.T("yes")
	}
	return d.c.T("no")
}

func (d *cmp) name(t notice.Text, id string) string {
	if s := t[d.lang]; s != "" {
		return s
	}
	return id
}

func (d *cmp) purposes() {
	pairs, added, removed := match(d.old.Purposes, d.new.Purposes,
		func(p notice.Purpose) string { return p.ID }, func(p notice.Purpose) string { return p.Replaces })
	for _, p := range added {
		d.add(section.Purposes, ruleNewPurpose, "purposes/"+p.ID, d.q(d.name(p.Name, p.ID)), "", "")
	}
	for _, p := range removed {
		d.add(section.Purposes, ruleRemovedPurpose, "purposes/"+p.ID, d.q(d.name(p.Name, p.ID)), "", "")
	}
	for _, pr := range pairs {
		o, n := pr[0], pr[1]
		key := "purposes/" + n.ID
		subject := d.q(d.name(n.Name, n.ID))
		if o.ID != n.ID {
			d.idNote("purposes", key, subject, o.ID, n.ID)
		}
		d.purposeRole(key, subject, o, n)
		d.purposeGroups(key, subject, o, n)
		d.within(subject, func() {
			d.names(section.Purposes, key+"/name", d.label("field.purpose.name"), "diff.renamed.purpose", ruleWording, o.Name, n.Name)
			d.texts(section.Purposes, key+"/description", "field.purpose.description", o.Description, n.Description)
		})
		add, rem := setDiff(o.Categories, n.Categories)
		for _, c := range add {
			d.add(section.Purposes, rulePurposeNewCategory, key+"/categories/"+c, subject, "", d.categoryObject(c))
			d.usesCategories(len(d.out)-1, []string{c})
		}
		for _, c := range rem {
			d.add(section.Purposes, rulePurposeRemovedCat, key+"/categories/"+c, subject, d.categoryObject(c), "")
			d.usesCategories(len(d.out)-1, []string{c})
		}
		bp, badd, brem := match(o.LegalBasis, n.LegalBasis, func(b notice.Basis) string { return b.Article }, func(notice.Basis) string { return "" })
		if len(badd) == 1 && len(brem) == 1 && articleOf(badd[0].Article) == articleOf(brem[0].Article) {
			// One basis in place of another is one change, said as the
			// choice it is: "bygger nå på … bokstav a (samtykke), ikke
			// lenger på bokstav f (…)", not a purpose that "har mistet"
			// its basis beside one that got a new one (review nb4 4).
			a, r := badd[0].Article, brem[0].Article
			d.add(section.Purposes, ruleAddedLegalBasis, key+"/legal_basis/"+a, subject, d.basisAfter(r, a), d.basis(a))
			d.out[len(d.out)-1].Message = sentence(d.c.T("diff.replaced-legal-basis", subject, d.basisAfter(r, a), d.basis(a)))
			badd, brem = nil, nil
		}
		for _, b := range badd {
			d.add(section.Purposes, ruleAddedLegalBasis, key+"/legal_basis/"+b.Article, subject, "", d.basis(b.Article))
		}
		for _, b := range brem {
			d.add(section.Purposes, ruleRemovedLegalBasis, key+"/legal_basis/"+b.Article, subject, d.basis(b.Article), "")
		}
		for _, b := range bp {
			bk := key + "/legal_basis/" + b[1].Article
			d.within(d.c.T("diff.of-purpose", subject), func() {
				d.textsAs(section.Purposes, bk+"/national_law", "field.national_law", ruleChangedLegalBasis, b[0].NationalLaw, b[1].NationalLaw)
				d.textsAs(section.Purposes, bk+"/interests", "field.interests", ruleChangedLegalBasis, b[0].Interests, b[1].Interests)
				d.texts(section.Purposes, bk+"/note", "field.note", b[0].Note, b[1].Note)
			})
		}
		d.purposeKind(key, subject, o, n)
		d.within(d.c.T("diff.of-purpose", subject), func() {
			d.textsAs(section.Purposes, key+"/criminal_law", "field.criminal_law", rulePurposeCriminalLaw, o.CriminalLaw, n.CriminalLaw)
		})
	}
}

// purposeKind compares what kind of processing a purpose is: each flag
// decides a right (portability, art. 20(1)(b); objection, art. 21(2) and
// (6)), so turning one on or off changes what people may ask for.
func (d *cmp) purposeKind(key, subject string, o, n notice.Purpose) {
	if o.Automated != n.Automated {
		// Said as what it means for the reader, as the page says it:
		// portability (art. 20(1)(b)) now applies to the purpose, or no
		// longer; the flag alone ("behandles nå elektronisk") reads as if
		// the data had been on paper (review nb 3, nn 10). Where the
		// right applies on neither side the page says nothing of it, and
		// the line says so, classed up. A right gained gives no one less
		// than before: notable, as any right added is (added-right); the
		// basis change that brings it has its own line (review rv6nb 5).
		was := o.Automated && d.old.RightAppliesTo("portability", []notice.Purpose{o})
		is := n.Automated && d.new.RightAppliesTo("portability", []notice.Purpose{n})
		rule, k := rulePurposeAutomated, rulePurposeAutomated.MessageKey()
		switch {
		case !was && is:
			rule, k = rulePurposePortability, rulePurposePortability.MessageKey()
		case was && !is:
		case n.Automated:
			k = "diff.purpose-automated.flag"
		default:
			k = "diff.purpose-automated.flag-no"
		}
		d.out = append(d.out, Change{Section: section.Purposes, Class: rule.Class, Rule: rule.ID, Key: key + "/automated",
			Message: sentence(d.c.T(k, subject)), Old: d.yesNo(o.Automated), New: d.yesNo(n.Automated)})
	}
	for _, f := range []struct {
		old, new bool
		field    string
		on, off  *Rule
	}{
		{o.DirectMarketing, n.DirectMarketing, "/direct_marketing", rulePurposeMarketing, rulePurposeNoMarketing},
		{o.Research, n.Research, "/research", rulePurposeResearch, rulePurposeNoResearch},
	} {
		switch {
		case !f.old && f.new:
			d.add(section.Purposes, f.on, key+f.field, subject, "", "")
		case f.old && !f.new:
			d.add(section.Purposes, f.off, key+f.field, subject, "", "")
		}
	}
}

func (d *cmp) basis(code string) string {
	return d.c.Cite(code, true) + " (" + d.c.T("basis."+code) + ")"
}

// articleOf is the article of a basis's code: "6" for "6(1)(f)".
func articleOf(code string) string {
	a, _, _ := strings.Cut(code, "(")
	return a
}

// basisAfter cites code as it reads after prev in the same sentence: only
// what differs, "bokstav f (…)" after "artikkel 6 nr. 1 bokstav a".
func (d *cmp) basisAfter(code, prev string) string {
	c, p := strings.Fields(d.c.Cite(code, false)), strings.Fields(d.c.Cite(prev, false))
	i := 0
	// Words go in pairs ("artikkel 6", "nr. 1"): keep the first pair that
	// differs and what follows it.
	for i+1 < len(c) && i+1 < len(p) && c[i] == p[i] && c[i+1] == p[i+1] {
		i += 2
	}
	if i == len(c) {
		i = 0
	}
	return strings.Join(c[i:], " ") + " (" + d.c.T("basis."+code) + ")"
}

func (d *cmp) categories() {
	pairs, added, removed := match(d.old.Categories, d.new.Categories,
		func(c notice.Category) string { return c.ID }, func(notice.Category) string { return "" })
	for _, c := range added {
		rule := ruleNewCategory
		switch {
		case isCriminal(c.ID):
			// Data on criminal convictions and offences are no special
			// category (art. 9): art. 10 has its own rule (review nb8x 10).
			rule = ruleNewCriminalCategory
		case d.new.IsSpecial(c.ID):
			rule = ruleNewSpecialCategory
		}
		subject := d.categoryHeading(c.ID)
		if rule == ruleNewCriminalCategory {
			// Named as running text names the data, with its article.
			subject = d.categoryLabel(c.ID)
		}
		d.add(section.Data, rule, "categories/"+c.ID, subject, "", "")
		d.usesCategories(len(d.out)-1, []string{c.ID})
	}
	for _, c := range removed {
		d.add(section.Data, ruleRemovedCategory, "categories/"+c.ID, d.categoryHeading(c.ID), "", "")
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := "categories/" + n.ID
		from := len(d.out)
		switch was, is := d.wasSpecial(n.ID), d.new.IsSpecial(n.ID); {
		case !d.wasCriminal(n.ID) && isCriminal(n.ID):
			d.add(section.Data, ruleNewCriminalCategory, key, d.categoryHeading(n.ID), "", "")
			d.out[len(d.out)-1].Message = sentence(d.c.T("diff.new-criminal-category.now", d.categoryHeading(n.ID)))
		case d.wasCriminal(n.ID) && !isCriminal(n.ID):
			d.add(section.Data, ruleCategoryNotSpecial, key, d.categoryHeading(n.ID), "", "")
			d.out[len(d.out)-1].Message = sentence(d.c.T("diff.category-not-criminal", d.categoryHeading(n.ID)))
		case !was && is:
			d.add(section.Data, ruleNewSpecialCategory, key, d.categoryHeading(n.ID), "", "")
		case was && !is:
			d.add(section.Data, ruleCategoryNotSpecial, key, d.categoryHeading(n.ID), "", "")
		}
		d.within(d.categoryHeading(n.ID), func() {
			// Compared as the page shows them: a vocabulary category given
			// a label of its own is renamed from the vocabulary's label,
			// not named for the first time (review nn8x 3).
			d.namesAs(section.Data, key+"/label", d.label("field.category.label"), "diff.renamed.category", ruleWording, d.shownLabel(o), d.shownLabel(n), upperFirst)
			d.texts(section.Data, key+"/description", "field.category.description", o.Description, n.Description)
		})
		d.usesCategories(from, []string{n.ID})
	}
}

// provision compares whether the data must be given (art. 13(2)(e)) as
// the pages show it: per purpose, the statement that applies to it or
// the other controller it is left to (notice.ProvisionShown, the rule the
// page uses). Purposes whose statement changed the same way share one
// line, named by the purposes as the page names them; a statement that
// changed where no purpose uses it is on no page and is not reported
// (review nb 1, 2, nn 9).
func (d *cmp) provision() {
	pairs, _, _ := match(d.old.Purposes, d.new.Purposes,
		func(p notice.Purpose) string { return p.ID }, func(p notice.Purpose) string { return p.Replaces })
	if len(pairs) == 0 {
		if len(d.old.Purposes) == 0 && len(d.new.Purposes) == 0 {
			// A notice without purposes shows its own statement.
			d.provisionChange("provision", "", notice.ShownProvision{Provision: d.old.Provision}, notice.ShownProvision{Provision: d.new.Provision})
		}
		return
	}
	type change struct {
		key      string
		o, n     notice.ShownProvision
		purposes []string
	}
	var reqs, cons []*change
	add := func(list []*change, sig string, seen map[string]*change, key string, o, n notice.ShownProvision, name string) []*change {
		if c := seen[sig]; c != nil {
			c.purposes = append(c.purposes, name)
			return list
		}
		c := &change{key: key, o: o, n: n, purposes: []string{name}}
		seen[sig] = c
		return append(list, c)
	}
	seenReq, seenCons := map[string]*change{}, map[string]*change{}
	for _, pr := range pairs {
		o, n := d.old.ProvisionShown(pr[0]), d.new.ProvisionShown(pr[1])
		name := d.q(d.name(pr[1].Name, pr[1].ID))
		key := "purposes/" + pr[1].ID + "/provision"
		if so, sn := d.shownSig(o), d.shownSig(n); so != sn {
			reqs = add(reqs, so+"\x01"+sn, seenReq, key, o, n, name)
		}
		if o.Provision != nil && n.Provision != nil {
			if co, cn := textSig(o.Provision.Consequences), textSig(n.Provision.Consequences); co != cn {
				cons = add(cons, co+"\x01"+cn, seenCons, key+"/consequences", o, n, name)
			}
		}
	}
	// The whole notice: no scope where a change reaches every purpose on
	// both sides.
	all := func(c *change) bool {
		return len(c.purposes) == len(pairs) && len(pairs) == len(d.old.Purposes) && len(pairs) == len(d.new.Purposes)
	}
	for _, c := range reqs {
		key, scope := c.key, d.purposeScope(c.purposes)
		if all(c) {
			key, scope = "provision", ""
		}
		d.provisionChange(key, scope, c.o, c.n)
	}
	for _, c := range cons {
		key, subject := c.key, ""
		if all(c) {
			key = "provision/consequences"
		} else if len(c.purposes) == 1 {
			subject = d.c.T("diff.scope.purpose", c.purposes[0])
		} else {
			subject = d.c.T("diff.scope.purposes", d.c.List(c.purposes))
		}
		// The label ends in the comma that closes its clause ("… hvis du
		// ikke gir oss opplysningene, har fått ny ordlyd"); a scope goes
		// inside it (review nb 19).
		label := d.c.T("field.consequences")
		if subject != "" && strings.HasSuffix(label, ",") {
			label = strings.TrimSuffix(label, ",") + subject + ","
		} else {
			label += subject
		}
		d.textsNamed(section.Data, key, label, ruleWording, c.o.Provision.Consequences, c.n.Provision.Consequences)
	}
}

// purposeScope names purposes after "For": "formålet «X»", "formålene
// «X» og «Y»".
func (d *cmp) purposeScope(names []string) string {
	if len(names) == 1 {
		return d.c.T("diff.provision.for-purpose", names[0])
	}
	return d.c.T("diff.provision.for-purposes", d.c.List(names))
}

// shownSig is what a page says about a provision, for comparing: the
// requirement, or the controller it is left to.
func (d *cmp) shownSig(s notice.ShownProvision) string {
	switch {
	case s.Controller != nil:
		return "controller:" + s.Controller.Name.In(d.lang)
	case s.Provision != nil:
		return s.Provision.Requirement
	}
	return ""
}

func textSig(t notice.Text) string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + t[k] + "\x00")
	}
	return b.String()
}

// provisionNow and provisionWas are what a page says now, as a sentence
// (with a scope before the verb: "For formålet «X» må du nå …"), and
// said before, after "Før sto det at" in the past (review nb 25).
var (
	provisionNow = map[string]string{
		"statutory":             "diff.provision.now.statutory",
		"contractual":           "diff.provision.now.contractual",
		"contract_prerequisite": "diff.provision.now.contract_prerequisite",
		"voluntary":             "diff.provision.now.voluntary",
		"controller":            "diff.provision.now.controller",
		"":                      "diff.provision.now.unstated",
	}
	provisionNowFor = map[string]string{
		"statutory":             "diff.provision.now.statutory.for",
		"contractual":           "diff.provision.now.contractual.for",
		"contract_prerequisite": "diff.provision.now.contract_prerequisite.for",
		"voluntary":             "diff.provision.now.voluntary.for",
		"controller":            "diff.provision.now.controller.for",
		"":                      "diff.provision.now.unstated.for",
	}
	provisionWas = map[string]string{
		"statutory":             "diff.provision.was.statutory",
		"contractual":           "diff.provision.was.contractual",
		"contract_prerequisite": "diff.provision.was.contract_prerequisite",
		"voluntary":             "diff.provision.was.voluntary",
		"controller":            "diff.provision.was.controller",
		"":                      "diff.provision.was.unstated",
	}
)

func (d *cmp) provisionKind(s notice.ShownProvision) (kind, controller string) {
	switch {
	case s.Controller != nil:
		return "controller", s.Controller.Name.In(d.lang)
	case s.Provision != nil:
		if _, ok := provisionNow[s.Provision.Requirement]; ok {
			return s.Provision.Requirement, ""
		}
	}
	return "", ""
}

// provisionChange reports one changed statement: what the page says now,
// then what it said, each once (review nb 2, nn 9). Voluntary, unstated
// or left to another controller before, required now: people who could
// refuse must now give the data or go without the service.
func (d *cmp) provisionChange(key, scope string, o, n notice.ShownProvision) {
	ok, oc := d.provisionKind(o)
	nk, nc := d.provisionKind(n)
	if ok == nk && oc == nc {
		return
	}
	rule := ruleProvisionChanged
	required := nk != "" && nk != "voluntary" && nk != "controller"
	wasRequired := ok != "" && ok != "voluntary" && ok != "controller"
	if required && !wasRequired {
		rule = ruleProvisionRequired
	}
	var now string
	if scope == "" {
		now = d.c.T(provisionNow[nk], nc)
	} else {
		now = d.c.T(provisionNowFor[nk], scope, nc)
	}
	was := d.c.T(provisionWas[ok], oc)
	var os, ns string
	if o.Provision != nil {
		os = d.c.T("provision." + o.Provision.Requirement)
	} else if o.Controller != nil {
		os = d.c.T("provision.controller", oc)
	}
	if n.Provision != nil {
		ns = d.c.T("provision." + n.Provision.Requirement)
	} else if n.Controller != nil {
		ns = d.c.T("provision.controller", nc)
	}
	d.out = append(d.out, Change{Section: section.Data, Class: rule.Class, Rule: rule.ID, Key: key,
		Message: sentence(d.c.T(rule.MessageKey(), now, was)), Old: os, New: ns})
}

func (d *cmp) party(kind string, name notice.Name) string {
	if s := name.In(d.lang); s != "" {
		return s
	}
	return d.kindName(kind)
}

// partySubject names a source or recipient in a message: a name as it
// is, unquoted ("Skatteetaten får nå også …"); a party known only by its
// kind by the heading the page gives it, in « » ("Beskrivelsen av
// mottakeren «Databehandlere»"), so that a reader finds it on the page,
// not the singular kind label, which is no heading there (review nb 15,
// nn 14). Rule party-kind-repeat keeps that heading unique.
func (d *cmp) partySubject(list, kind string, name notice.Name, id string) string {
	if s := name.In(d.lang); s != "" {
		return s
	}
	// A party of no kind the catalogue knows, and no name, is named by its
	// id: never a key in brackets, «[kind.]» (review nn8x 5).
	if !d.c.Has("kind." + kind) {
		return d.q(id)
	}
	for _, k := range []string{list + ".kind." + kind, "kinds." + kind} {
		if d.c.Has(k) {
			return d.q(d.c.T(k))
		}
	}
	// As the page heads it: «Deg selv», not «deg selv» (nb4 12).
	return d.q(upperFirst(d.c.T("kind." + kind)))
}

// kindName names a kind of party or controller; one the catalogue does not
// know is given as written, never as a key in brackets (review nn8x 5).
func (d *cmp) kindName(kind string) string {
	if kind == "" {
		return d.c.T("diff.unstated")
	}
	return d.c.TOr("kind."+kind, kind)
}

// upperFirst writes a word as a heading begins it: "deg selv" → "Deg selv".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// nameChange tells whether a name changed in any language, and how: in
// the report's language when it changed there, else in the first
// language that changed (a nynorsk form changed alone is a change too).
func (d *cmp) nameChange(o, n notice.Name) (from, to string, changed bool) {
	if o.Key() == n.Key() {
		return "", "", false
	}
	if o.In(d.lang) != n.In(d.lang) {
		return o.In(d.lang), n.In(d.lang), true
	}
	for _, l := range append([]string{""}, d.new.Languages...) {
		if o.In(l) != n.In(l) {
			return o.In(l), n.In(l), true
		}
	}
	return o.Key(), n.Key(), true
}

// party is what sources and recipients share, and all the comparison
// looks at. Only sources are public; only recipients have purposes.
type party struct {
	ID, Replaces, Kind string
	Name               notice.Name
	Description        notice.Text
	Categories         []string
	Public             bool
	Purposes           []string
}

// partyRules names the section and rules of one list of parties.
type partyRules struct {
	section                                      section.ID
	path                                         string
	added, removed, newCategory, removedCategory *Rule
	// of says whose text: "av kilden {0}", "av mottakeren {0}" (a
	// description alone does not say a source's or a recipient's, review
	// nb 19).
	of string
}

func (d *cmp) sources() {
	conv := func(ss []notice.Source) []party {
		out := make([]party, len(ss))
		for i, s := range ss {
			out[i] = party{s.ID, s.Replaces, s.Kind, s.Name, s.Description, s.Categories, s.Public, nil}
		}
		return out
	}
	d.parties(partyRules{section.Sources, "sources/", ruleNewSource, ruleRemovedSource, ruleSourceNewCategory, ruleSourceRemovedCat, "diff.of-source"},
		conv(d.old.Sources), conv(d.new.Sources))
}

func (d *cmp) recipients() {
	conv := func(rs []notice.Recipient) []party {
		out := make([]party, len(rs))
		for i, r := range rs {
			out[i] = party{r.ID, r.Replaces, r.Kind, r.Name, r.Description, r.Categories, false, r.Purposes}
		}
		return out
	}
	d.parties(partyRules{section.Recipients, "recipients/", ruleNewRecipient, ruleRemovedRecipient, ruleRecipientNewCat, ruleRecipientRemovedCat, "diff.of-recipient"},
		conv(d.old.Recipients), conv(d.new.Recipients))
}

func (d *cmp) parties(r partyRules, old, new []party) {
	pairs, added, removed := match(old, new, func(p party) string { return p.ID }, func(p party) string { return p.Replaces })
	for _, p := range added {
		d.add(r.section, r.added, r.path+p.ID, d.partySubject(strings.TrimSuffix(r.path, "/"), p.Kind, p.Name, p.ID), "", "")
	}
	list := strings.TrimSuffix(r.path, "/")
	heads := func(ps []party, subject string) (k int, same *party) {
		for i := range ps {
			if d.partySubject(list, ps[i].Kind, ps[i].Name, ps[i].ID) == subject {
				k, same = k+1, &ps[i]
			}
		}
		return k, same
	}
	// mergedInto holds, for a party two old ones became, the line saying
	// so and the parties merged into it: its text is compared with theirs
	// together, so the text that moved is not reported again as new
	// (review nb8 4, nb8x 5, nn8x 12).
	type merge struct {
		line    int
		removed []party
	}
	mergedInto := map[string]*merge{}
	for _, p := range removed {
		subject := d.partySubject(list, p.Kind, p.Name, p.ID)
		d.add(r.section, r.removed, r.path+p.ID, subject, "", "")
		// A party given only by its kind, gone while another with the
		// same heading stays, is no "«Andre mottakere» er fjernet" beside
		// the «Andre mottakere» still on the page: the reader is told
		// which one went, by what it said, and whether the two became one
		// (review nb4 1, nn4 2).
		k, same := heads(new, subject)
		if same == nil {
			continue
		}
		was, _ := heads(old, subject)
		merged := was == 2 && k == 1 && !sameText(descriptionOf(old, same.ID), same.Description)
		keys := removedSameHeading[r.removed]
		m := d.c.T(keys[0], subject)
		if merged {
			m = d.c.T(keys[1], subject)
		}
		if first := firstSentence(p.Description[d.lang]); first != "" {
			m += " " + d.c.T(keys[2], first)
		}
		if merged {
			m += " " + d.c.T("diff.read-under", subject)
			if mergedInto[same.ID] == nil {
				mergedInto[same.ID] = &merge{line: len(d.out) - 1}
			}
			mergedInto[same.ID].removed = append(mergedInto[same.ID].removed, p)
		}
		d.out[len(d.out)-1].Message = m
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := r.path + n.ID
		subject := d.partySubject(list, n.Kind, n.Name, n.ID)
		start := len(d.out)
		if from, to, renamed := d.nameChange(o.Name, n.Name); renamed {
			d.add(r.section, ruleRenamedParty, key, subject, from, to)
			// A name taken away or given is no "X heter nå ikke oppgitt":
			// the party is now known by its kind, or has a name.
			switch last := &d.out[len(d.out)-1]; {
			case to == "" && from != "":
				last.Message = sentence(d.c.T("party.unnamed.now", from, d.kindName(n.Kind)))
			case from == "" && to != "":
				last.Message = sentence(d.c.T("party.named.now", d.kindName(o.Kind), to))
			case from != "" && to != "" && to == subject:
				// A line above that names the party by its new name is
				// told the old one (review nb7 2).
				last.renames, last.renamedFrom = key, from
			}
		}
		if o.Kind != n.Kind {
			d.add(r.section, rulePartyKind, key+"/kind", subject, d.kindName(o.Kind), d.kindName(n.Kind))
		}
		add, rem := setDiff(o.Categories, n.Categories)
		for _, c := range add {
			d.add(r.section, r.newCategory, key+"/categories/"+c, subject, "", d.categoryObject(c))
		}
		for _, c := range rem {
			d.add(r.section, r.removedCategory, key+"/categories/"+c, subject, d.categoryObject(c), "")
		}
		if o.Public != n.Public {
			d.flag(r.section, ruleSourcePublic, key+"/public", subject, o.Public, n.Public, "diff.source-public.no")
		}
		// A recipient getting data for another purpose is further
		// processing people must be told of (art. 13(3)).
		add, rem = d.purposeDiff(o.Purposes, n.Purposes)
		for _, pu := range add {
			d.add(r.section, ruleRecipientNewPurpose, key+"/purposes/"+pu, subject, "", d.purposeLabel(pu))
		}
		for _, pu := range rem {
			d.add(r.section, ruleRecipientRemovedPur, key+"/purposes/"+pu, subject, d.purposeLabel(pu), "")
		}
		m := mergedInto[n.ID]
		was := o.Description
		if m != nil {
			was = joinTexts(append([]notice.Text{o.Description}, descriptions(m.removed)...))
		}
		at := len(d.out)
		d.within(d.c.T(r.of, subject), func() {
			d.texts(r.section, key+"/description", "field.description", was, n.Description)
		})
		if m != nil && len(d.out) > at {
			// What the merged text says that neither old one did goes
			// with the line on the merge, in the higher class of the two:
			// once, not again as a description that "har fått ny ordlyd".
			d.foldInto(&d.out[m.line], d.out[at])
			d.out = slices.Delete(d.out, at, at+1)
		}
		d.using(start, key, subject)
		d.usesCategories(start, o.Categories, n.Categories)
	}
}

// removedSameHeading are the messages for a removed party whose heading
// another still has: one of them gone, the two made one, what it said.
var removedSameHeading = map[*Rule][3]string{
	ruleRemovedRecipient: {"diff.removed-recipient.one", "diff.removed-recipient.merged", "diff.removed-recipient.was"},
	ruleRemovedSource:    {"diff.removed-source.one", "diff.removed-source.merged", "diff.removed-source.was"},
}

// descriptions are the descriptions of ps.
func descriptions(ps []party) []notice.Text {
	out := make([]notice.Text, len(ps))
	for i, p := range ps {
		out[i] = p.Description
	}
	return out
}

// joinTexts is the texts one after the other, a paragraph each, in every
// language any of them has.
func joinTexts(ts []notice.Text) notice.Text {
	out := notice.Text{}
	for _, t := range ts {
		for l, s := range t {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			if out[l] != "" {
				out[l] += "\n\n"
			}
			out[l] += s
		}
	}
	return out
}

// foldInto gives line the text change ch: its redline, its other
// languages, and its class and rule where they are higher (when unsure,
// classed up).
func (d *cmp) foldInto(line *Change, ch Change) {
	if ch.Class > line.Class {
		line.Class, line.Rule = ch.Class, ch.Rule
	}
	line.Reason = ch.Reason
	if ch.Lang != d.lang {
		// Only another language's text changed: the line stays one
		// every reader is told, that text beside it.
		line.Also = append([]LangText{{Lang: ch.Lang, Old: ch.Old, New: ch.New, Redline: ch.Redline}}, ch.Also...)
		return
	}
	line.Lang, line.Old, line.New, line.Redline, line.Also = ch.Lang, ch.Old, ch.New, ch.Redline, ch.Also
}

// descriptionOf is the description of the party of id in ps.
func descriptionOf(ps []party, id string) notice.Text {
	for _, p := range ps {
		if p.ID == id {
			return p.Description
		}
	}
	return nil
}

func sameText(a, b notice.Text) bool {
	if len(a) != len(b) {
		return false
	}
	for l, t := range a {
		if b[l] != t {
			return false
		}
	}
	return true
}

// firstSentence is the first sentence of a text's first paragraph, as
// the reader saw it quoted: "Andre, for eksempel familiemedlemmer, får
// opplysninger om deg bare hvis du har gitt samtykke eller fullmakt."
func firstSentence(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	s = strings.Join(strings.Fields(s), " ")
	for i, r := range s {
		if (r == '.' || r == '!' || r == '?') && (i+1 == len(s) || s[i+1] == ' ') {
			return s[:i+1]
		}
	}
	return s
}

func (d *cmp) transfers() {
	pairs, added, removed := match(d.old.Transfers, d.new.Transfers,
		func(t notice.Transfer) string { return t.ID }, func(t notice.Transfer) string { return t.Replaces })
	for _, t := range added {
		d.add(section.Transfers, ruleNewTransfer, "transfers/"+t.ID, d.dest(t), "", "")
	}
	for _, t := range removed {
		d.add(section.Transfers, ruleRemovedTransfer, "transfers/"+t.ID, d.dest(t), "", "")
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := "transfers/" + n.ID
		if o.Country != n.Country {
			d.add(section.Transfers, ruleNewCountry, key, "", d.dest(o), d.dest(n))
		}
		if from, to, changed := d.nameChange(o.Organisation, n.Organisation); changed {
			d.add(section.Transfers, ruleTransferOrganisation, key+"/organisation", "", from, to)
		}
		if o.Safeguard != n.Safeguard || o.Derogation != n.Derogation {
			d.add(section.Transfers, ruleChangedSafeguard, key, d.dest(n), d.transferBasis(o.Safeguard), d.transferBasis(n.Safeguard))
		}
		// The US adequacy decision covers only certified recipients, so
		// the certification is part of the safeguard.
		if o.DPF != n.DPF {
			d.flag(section.Transfers, ruleTransferDPF, key+"/dpf", d.dest(n), o.DPF, n.DPF, "diff.transfer-dpf.no")
		}
		if o.Recipient != n.Recipient {
			d.add(section.Transfers, ruleTransferRecipient, key, d.dest(n), o.Recipient, n.Recipient)
		}
		d.texts(section.Transfers, key+"/copy", "field.copy", o.Copy, n.Copy)
	}
}

// transferBasis names what a transfer rests on as the message "før …, nå
// …" reads it: an adequacy decision (art. 45) is no art. 46 safeguard, so
// the message says "grunnlaget", and each with its article where one is
// needed ("en beslutning om …").
func (d *cmp) transferBasis(code string) string {
	switch code {
	case "adequacy":
		return d.c.T("diff.transfer-basis.adequacy")
	case "certification":
		return d.c.T("diff.transfer-basis.certification")
	case "derogation":
		return d.c.T("diff.transfer-basis.derogation")
	case "":
		return ""
	}
	return d.c.T("safeguard." + code)
}

// decisionBasis names an art. 22(2) point, or says none was given.
func (d *cmp) decisionBasis(point string) string {
	if point == "" {
		return "–"
	}
	// "artikkel 22 nr. 2 bokstav b (lov)": which exception, not a letter alone.
	what := map[string]string{"a": "diff.automated.basis.a", "b": "diff.automated.basis.b", "c": "diff.automated.basis.c"}[point]
	if what == "" {
		return d.c.Cite("22(2)("+point+")", false)
	}
	return d.c.Cite("22(2)("+point+")", false) + " (" + d.c.T(what) + ")"
}

// dest names where a transfer goes: the country, or the international
// organisation.
func (d *cmp) dest(t notice.Transfer) string {
	if !t.Organisation.IsZero() {
		return t.Organisation.In(d.lang)
	}
	return d.c.Country(t.Country)
}

func days(iso string) int {
	d, _ := vocab.ParseDuration(iso)
	return d.ApproxDays()
}

// catList names a retention rule's categories in a one-line message. A
// list the page shows as bullets (i18n.Listing) is too long for one: past
// three items it is "alle opplysningene" when the rule covers every
// category of n, else the first and how many more.
func (d *cmp) catList(n *notice.Notice, ids []string) string {
	// An item of several with "og" in it is quoted, or the list's own
	// "og" is lost in it ("… og opplysninger om «utdanning og
	// kompetanse»", nb6 1).
	ls, obj := d.objectLabels(ids, false)
	if !d.c.Listing(ls).Bullets || len(ls) <= 3 {
		// The object of "lagrer", as the page writes it: "opplysninger
		// om tiltaket ditt" after the one-word labels (nn6 1, nb5 10).
		return d.c.DataObject(obj)
	}
	if len(ids) == len(n.Categories) && !slices.ContainsFunc(n.Categories, func(c notice.Category) bool { return !slices.Contains(ids, c.ID) }) {
		return d.c.T("categories.all")
	}
	return d.c.T("categories.many", obj[0], d.number(len(ls)-1))
}

// number is a count in running text: two to twelve in words, as the
// summary writes them (summary.numbers; review nb 18, nn 15).
func (d *cmp) number(n int) string {
	if words := strings.Fields(d.c.T("summary.numbers")); n >= 2 && n-2 < len(words) {
		return words[n-2]
	}
	return strconv.Itoa(n)
}

// ruleNames names each retention rule of n in a message: by its
// categories (catList), and where two rules have the same categories, by
// what happens at the end as well ("alle opplysningene som vi arkiverer
// til slutt,"), else by its place ("(regel 2)"), so that two lines about
// the same categories can be told apart (review nb 11, nn 8).
func (d *cmp) ruleNames(n *notice.Notice) map[string]string {
	out := map[string]string{}
	bySubject := map[string][]notice.Retention{}
	for _, r := range n.Retention {
		s := d.catList(n, r.Categories)
		bySubject[s] = append(bySubject[s], r)
		out[r.ID] = s
	}
	for s, rs := range bySubject {
		if len(rs) < 2 {
			continue
		}
		thens := map[string]int{}
		for _, r := range rs {
			thens[r.Then]++
		}
		for i, r := range rs {
			if k, ok := retentionEnd[r.Then]; ok && thens[r.Then] == 1 {
				// "opplysningane før vi arkiverer dei", not "alle
				// opplysningane som vi arkiverer til slutt": only what
				// the rule keeps is archived (review nn4 4).
				if s == d.c.T("categories.all") {
					s = d.c.T("diff.retention.the-data")
				}
				out[r.ID] = s + " " + d.c.T(k) + ","
			} else {
				out[r.ID] = s + " " + d.c.T("diff.retention.rule-n", strconv.Itoa(i+1))
			}
		}
	}
	return out
}

// splitEnd parts a rule's name that ends in what is done at its end
// ("opplysningene før vi sletter dem,") into the data and that clause.
func (d *cmp) splitEnd(name string) (base, end string, ok bool) {
	for _, k := range slices.Sorted(maps.Keys(retentionEnd)) {
		clause := d.c.T(retentionEnd[k])
		if b, found := strings.CutSuffix(name, " "+clause+","); found {
			return b, clause, true
		}
	}
	return name, "", false
}

// retentionEnd are relative clauses naming a rule by what is done at the
// end of it.
var retentionEnd = map[string]string{
	"delete":              "diff.retention.end.delete",
	"anonymise":           "diff.retention.end.anonymise",
	"delete_or_anonymise": "diff.retention.end.delete_or_anonymise",
	"archive":             "diff.retention.end.archive",
}

func (d *cmp) retention() {
	pairs, added, removed := match(d.old.Retention, d.new.Retention,
		func(r notice.Retention) string { return r.ID }, func(r notice.Retention) string { return r.Replaces })
	oldNames, newNames := d.ruleNames(d.old), d.ruleNames(d.new)
	for _, r := range added {
		d.add(section.Retention, ruleNewRetentionRule, "retention/"+r.ID, newNames[r.ID], "", "")
		d.usesCategories(len(d.out)-1, r.Categories)
	}
	for _, r := range removed {
		d.add(section.Retention, ruleRemovedRetentionRule, "retention/"+r.ID, oldNames[r.ID], "", "")
		d.usesCategories(len(d.out)-1, r.Categories)
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := "retention/" + n.ID
		subject := newNames[n.ID]
		// Every line of the rule names it by its data, and some by its
		// groups too (review nb7 2).
		from := len(d.out)
		// A period said "opptil" on the page is said so here: "i opptil 6
		// måneder", not a fixed "6 måneder" (review nb5 4).
		// A rule named by what is done at its end says how long before
		// that: "Vi lagrer nå opplysningene i 5 år før vi sletter dem", not
		// "… opplysningene før vi sletter dem, i 5 år" (review nn8x 4).
		period := func(rule *Rule, key, old, new string) {
			d.add(section.Retention, rule, key, subject, old, new)
			if base, end, ok := d.splitEnd(subject); ok {
				d.out[len(d.out)-1].Message = d.message(rule, base, old, new+" "+end)
			}
		}
		// The starting point is said once, on the new side, where both
		// versions have the same (review nn10 9).
		oldSpan := d.span
		if o.From[d.lang] == n.From[d.lang] {
			oldSpan = func(r notice.Retention) string {
				r.From = nil
				return d.span(r)
			}
		}
		periodLine := -1
		switch od, nd := days(o.Period), days(n.Period); {
		case o.Period == n.Period:
		case o.Period == "":
			// A fixed period where there were criteria only is not
			// necessarily longer, but may be: classed as longer-retention.
			period(ruleRetentionStated, key+"/period", "", d.span(n))
		case n.Period != "" && nd > od:
			period(ruleLongerRetention, key+"/period", oldSpan(o), d.span(n))
		case n.Period == "":
			// No period on the new side to say the starting point: the
			// old one is said in full (review nb11 2).
			d.add(section.Retention, ruleRetentionCriteria, key+"/period", subject, d.span(o), "")
		default:
			period(ruleShorterRetention, key+"/period", oldSpan(o), d.span(n))
		}
		if o.Period != n.Period {
			periodLine = len(d.out) - 1
		}
		// A period that was the longest and now is not keeps the data for
		// all of it: as much a longer retention as a longer period.
		if o.AtMost != n.AtMost && o.Period != "" && n.Period != "" {
			rule := ruleRetentionNowFixed
			if n.AtMost {
				rule = ruleRetentionNowAtMost
			}
			switch {
			case periodLine >= 0:
				// The period's line already says both spans, «opptil» or
				// not: one line, in the higher class, not the same
				// sentence twice (review nb11 1).
				if rule.Class > d.out[periodLine].Class {
					d.out[periodLine].Class, d.out[periodLine].Rule = rule.Class, rule.ID
				}
			default:
				oldDur := d.duration(o)
				if o.From[d.lang] == n.From[d.lang] {
					oldDur = d.c.Duration(o.Period)
				}
				period(rule, key+"/at_most", oldDur, d.duration(n))
			}
		}
		if o.Then != n.Then {
			rule := ruleRetentionThen
			if n.Then == "archive" {
				rule = ruleRetentionArchived
			}
			// The rule is named as it was: "Regelen for hvor lenge vi
			// lagrer opplysningene før vi sletter dem, sier nå at vi gjør
			// dem anonyme", not by the end it has now (review nb8x 11).
			d.add(section.Retention, rule, key+"/then", oldNames[o.ID], d.thenSaid(o.Then, false), d.thenSaid(n.Then, true))
		}
		// A rule that kept all the data and gains a category kept the
		// other data: "Regelen for hvor lenge vi lagrer de andre
		// opplysningene, gjelder nå også helseopplysninger", not "alle
		// opplysningene …, gjelder nå også" (review nb5 4).
		// The only rule has no other data beside it: its data are "the
		// data we have about you" (review nn7x 7).
		otherData := func(name string) string {
			if rest, ok := strings.CutPrefix(name, d.c.T("categories.all")); ok {
				if len(d.old.Retention) == 1 {
					return d.c.T("diff.retention.the-data-all") + rest
				}
				return d.c.T("diff.retention.the-other-data") + rest
			}
			return name
		}
		// Which rule, and what it gained or lost: "Regelen for hvor lenge
		// vi lagrer X, gjelder ikke lenger Y" (review nb 4, nn 11).
		add, rem := setDiff(o.Categories, n.Categories)
		// The rule is named by the categories it keeps: what it covers
		// now for those it lost, what it covered for those it gained.
		for _, f := range []struct {
			ids  []string
			k    string
			name string
		}{{rem, "diff.retention-categories", subject}, {add, "diff.retention-categories.added", otherData(oldNames[o.ID])}} {
			if len(f.ids) == 0 {
				continue
			}
			list := d.retentionObject(f.ids)
			d.out = append(d.out, Change{Section: section.Retention, Class: ruleRetentionCategories.Class, Rule: ruleRetentionCategories.ID, Key: key + "/categories/" + f.ids[0],
				Message: sentence(d.c.T(f.k, f.name, list)), Old: strings.Join(o.Categories, ", "), New: strings.Join(n.Categories, ", ")})
		}
		if strings.Join(o.Groups, ",") != strings.Join(n.Groups, ",") {
			// Fewer groups may mean everyone (an empty list): classed up.
			// "gjelder nå bare arbeidssøkere (før: alle)", not "alle →" (nb 11, nn 15).
			// A rule is for data, not people: "gjelder nå bare opplysninger
			// om arbeidssøkere. Før gjaldt den alle." (nb4 12, nn4 16).
			was, is := d.groupLabels(d.old, o.Groups), d.groupLabels(d.new, n.Groups)
			k := ruleRetentionGroups.MessageKey()
			switch {
			case len(o.Groups) == 0 && len(d.old.Groups) == 0:
				// No groups in the old notice said nothing of whom the
				// data were about, not everyone (review nb7 3, nn7x 6).
				k = "diff.retention-groups.first"
			case len(o.Groups) == 0:
				k = "diff.retention-groups.only"
			case len(n.Groups) == 0:
				k = "diff.retention-groups.everyone"
			}
			d.out = append(d.out, Change{Section: section.Retention, Class: ruleRetentionGroups.Class, Rule: ruleRetentionGroups.ID, Key: key + "/groups",
				Message: sentence(d.c.T(k, subject, was, is)), Old: d.groupLabels(d.old, o.Groups), New: d.groupLabels(d.new, n.Groups)})
		}
		d.textsNamed(section.Retention, key+"/criteria", d.c.T("diff.criteria-of", subject), ruleRetentionCritText, o.Criteria, n.Criteria)
		// Where a fixed period runs from is as much the period as its
		// length: a later start keeps the data longer.
		if n.Period != "" {
			d.textsAs(section.Retention, key+"/from", "field.from", ruleRetentionFrom, o.From, n.From)
		} else {
			d.texts(section.Retention, key+"/from", "field.from", o.From, n.From)
		}
		d.texts(section.Retention, key+"/law", "field.law", o.Law, n.Law)
		d.usesCategories(from, o.Categories, n.Categories)
		d.usesGroups(from, o.Groups, n.Groups)
	}
	d.categoriesKeptLonger(pairs)
}

// retentionObject names categories a retention line adds or takes away as
// the other change lines name them: "opplysninger om alder", not the bare
// "alder" (review nb6 7). An item with "og" in it is quoted, alone as in a
// list, so the list's own "og" is not lost in it («organisasjonsnavn og
// firmanavn», nb6 1); a single quoted item stands as the page's own name.
func (d *cmp) retentionObject(ids []string) string {
	_, obj := d.objectLabels(ids, true)
	return d.c.DataObject(obj)
}

// objectLabels gives categories' labels as the page names them, and as a
// change line lists them: an item with "og" in it quoted when it stands
// among others, and with alone also when it stands alone, so that the
// list's own "og" is not lost in it (nb6 1). DataObject names a quoted item
// as the data, not as a topic.
func (d *cmp) objectLabels(ids []string, alone bool) (labels, obj []string) {
	and := " " + d.c.T("and") + " "
	for _, id := range ids {
		l := d.categoryLabel(id)
		labels = append(labels, l)
		if (alone || len(ids) > 1) && strings.Contains(l, and) {
			l = d.q(l)
		}
		obj = append(obj, l)
	}
	return labels, obj
}

// span is a rule's period as the retention lines say it: "opptil 12 uker"
// where it is the longest (at_most), else "12 uker".
func (d *cmp) span(r notice.Retention) string {
	if r.AtMost {
		return d.c.T("diff.retention.up-to", d.duration(r))
	}
	return d.duration(r)
}

// duration is a rule's period with its starting point, as the page says
// it: "12 uker etter at sluttrapporten er sendt til NAV", not "12 uker"
// from when the data were collected (review nn8 9, nn10 9).
func (d *cmp) duration(r notice.Retention) string {
	if from := r.From[d.lang]; from != "" {
		return d.c.T("diff.retention.from-point", d.c.Duration(r.Period), from)
	}
	return d.c.Duration(r.Period)
}

// thenKeys are the keys saying what is done after the retention period,
// before ("slettet vi opplysningene") and now ("anonymiserer vi dem"), for
// "før …, nå …".
var thenKeys = map[string][2]string{
	"delete":              {"diff.then-before.delete", "diff.then-now.delete"},
	"anonymise":           {"diff.then-before.anonymise", "diff.then-now.anonymise"},
	"delete_or_anonymise": {"diff.then-before.delete_or_anonymise", "diff.then-now.delete_or_anonymise"},
	"archive":             {"diff.then-before.archive", "diff.then-now.archive"},
}

// thenSaid says what was (now false) or is (now true) done after the
// retention period.
func (d *cmp) thenSaid(then string, now bool) string {
	k, ok := thenKeys[then]
	switch {
	case !ok:
		return ""
	case now:
		return d.c.T(k[1])
	}
	return d.c.T(k[0])
}

// longer reports whether period to keeps data longer than from, as the
// rule longer-retention reads it: criteria ("") replaced by a period is
// classified up, a period replaced by criteria is retention-criteria.
func longer(from, to string) bool {
	return from != to && (from == "" || (to != "" && days(to) > days(from)))
}

// keptFor is how long a notice keeps a category: the longest period of the
// retention rules that hold it, or "" when they give criteria only; rule is
// the one that sets it, ok false when no rule holds the category.
func keptFor(rs []notice.Retention, category string) (period string, rule notice.Retention, ok bool) {
	for _, r := range rs {
		if !slices.Contains(r.Categories, category) {
			continue
		}
		if !ok || longer(period, r.Period) && r.Period != "" {
			period, rule, ok = r.Period, r, true
		}
	}
	return period, rule, ok
}

// categoriesKeptLonger reports a category kept longer with no rule's
// period changing: moved to a rule of a longer period, or its rule replaced
// by a new one. People are told how long their data is kept, whichever
// rule holds it (art. 13(2)(a)).
func (d *cmp) categoriesKeptLonger(pairs [][2]notice.Retention) {
	oldOf := map[string]notice.Retention{}
	for _, p := range pairs {
		oldOf[p[1].ID] = p[0]
	}
	for _, c := range d.new.Categories {
		from, or, had := keptFor(d.old.Retention, c.ID)
		to, r, has := keptFor(d.new.Retention, c.ID)
		if !had || !has || !longer(from, to) {
			continue // a new category is reported as such
		}
		// The same rule held the category before: its longer period is
		// reported as longer-retention.
		if o, ok := oldOf[r.ID]; ok && slices.Contains(o.Categories, c.ID) {
			continue
		}
		// Said as the other retention lines say it: "Før sto det at vi
		// lagret dem i opptil 12 uker" (review nb6 7).
		k := ruleCategoryKeptLonger.MessageKey()
		if from == "" {
			k = "diff.category-kept-longer.stated"
		}
		d.out = append(d.out, Change{Section: section.Retention, Class: ruleCategoryKeptLonger.Class, Rule: ruleCategoryKeptLonger.ID, Key: "retention/" + r.ID + "/categories/" + c.ID,
			Message: sentence(d.c.T(k, d.retentionObject([]string{c.ID}), d.span(or), d.span(r))), Old: d.c.Duration(from), New: d.c.Duration(to)})
		d.usesCategories(len(d.out)-1, []string{c.ID})
	}
}

func (d *cmp) rights() {
	var gone []string
	for _, r := range vocab.Rights {
		o, had := d.old.Rights[r.Code]
		n, has := d.new.Rights[r.Code]
		name := d.c.T("right." + r.Code)
		// A right as a sentence's subject is definite: "Retten til å
		// protestere er lagt til", as in both languages.
		if rest, ok := strings.CutPrefix(name, "Rett "); ok {
			name = "Retten " + rest
		}
		key := "rights/" + r.Code
		switch {
		case had && !has:
			d.add(section.Rights, ruleNarrowedRight, key, name, "", "")
		case !had && has:
			d.add(section.Rights, ruleAddedRight, key, name, "", "")
		case had && has:
			if len(o.Limits) == 0 && len(n.Limits) > 0 {
				d.add(section.Rights, ruleRightLimited, key+"/limits", name, "", n.Limits[d.lang])
			} else if len(o.Limits) > 0 && len(n.Limits) == 0 {
				d.add(section.Rights, ruleRightLimitsRemoved, key+"/limits", name, o.Limits[d.lang], "")
			} else {
				d.textsNamed(section.Rights, key+"/limits", d.c.T("diff.limits-of", lowerFirst(name)), ruleRightLimitsChanged, o.Limits, n.Limits)
			}
			// How to use a right, reworded, may make it harder to use
			// ("brev, ikke e-post"): classed up, a reviewer reads it.
			if len(o.How) > 0 && emptyText(n.How) {
				gone = append(gone, r.Code)
				continue
			}
			d.textsNamed(section.Rights, key+"/how", d.c.T("diff.how-of", lowerFirst(name)), ruleRightHow, o.How, n.How)
		}
	}
	d.howRemoved(gone)
}

// howRemoved reports the texts on how to use rights that are gone in
// every language as one change, the rights in page order: "Teksten om
// hvordan du bruker retten til innsyn, retting og sletting, er fjernet"
// (review nb 10, nn 12), not one bold line per right sorted by code.
func (d *cmp) howRemoved(codes []string) {
	if len(codes) == 0 {
		return
	}
	var names, rest []string
	old := notice.Text{}
	for _, code := range codes {
		name := d.c.T("right." + code)
		names = append(names, lowerFirst(name))
		if r, ok := strings.CutPrefix(name, "Rett til "); ok {
			rest = append(rest, r)
		}
		for l, t := range d.old.Rights[code].How {
			if t == "" {
				continue
			}
			if old[l] != "" {
				old[l] += "\n\n"
			}
			old[l] += t
		}
	}
	subject := d.c.List(names)
	// Several rights are plural, "rettane til innsyn, retting og
	// sletting", not "retten til" four (review nn8 3).
	if len(rest) == len(codes) && len(codes) > 1 {
		subject = d.c.T("diff.rights-of.plural", d.c.List(rest))
	} else if len(rest) == len(codes) {
		subject = d.c.T("diff.rights-of", d.c.List(rest))
	}
	d.textsNamed(section.Rights, "rights/"+codes[0]+"/how", d.c.T("diff.how-of", subject), ruleRightHow, old, notice.Text{})
}

func emptyText(t notice.Text) bool {
	for _, s := range t {
		if s != "" {
			return false
		}
	}
	return true
}

// restrictions: a new restriction limits a right, which people must be
// told of before it takes effect; one dropped gives them more.
func (d *cmp) restrictions() {
	pairs, added, removed := match(d.old.Restrictions, d.new.Restrictions,
		func(x notice.Restriction) string { return x.ID }, func(notice.Restriction) string { return "" })
	name := func(x notice.Restriction) string {
		return d.q(d.rightName(x.Right)) + " (" + d.restrictionCite(x.Provision) + ")"
	}
	for _, x := range added {
		d.add(section.Rights, ruleNewRestriction, "restrictions/"+x.ID, name(x), "", d.name(x.Meaning, x.ID))
	}
	for _, x := range removed {
		d.add(section.Rights, ruleRemovedRestriction, "restrictions/"+x.ID, name(x), d.name(x.Meaning, x.ID), "")
	}
	for _, pr := range pairs {
		o, n := pr[0], pr[1]
		key := "restrictions/" + n.ID
		if o.Right != n.Right || o.Provision != n.Provision {
			d.add(section.Rights, ruleRestrictionChanged, key, d.q(n.ID), name(o), name(n))
		}
		d.textsAs(section.Rights, key+"/law", "field.restriction.law", ruleRestrictionText, o.Law, n.Law)
		d.textsAs(section.Rights, key+"/meaning", "field.restriction.meaning", ruleRestrictionText, o.Meaning, n.Meaning)
	}
}

func (d *cmp) rightName(code string) string {
	if code == "information" {
		return d.c.T("field.restriction.information")
	}
	return d.c.T("right." + code)
}

func (d *cmp) restrictionCite(code string) string {
	if pt, ok := strings.CutPrefix(code, "pol-16(1)("); ok {
		return d.c.T("restriction.pol16", strings.TrimSuffix(pt, ")"))
	}
	return d.c.Cite(code, false)
}

func (d *cmp) automated() {
	pairs, added, removed := match(d.old.AutomatedDecisions, d.new.AutomatedDecisions,
		func(a notice.AutomatedDecision) string { return a.ID }, func(a notice.AutomatedDecision) string { return a.Replaces })
	for _, a := range added {
		d.add(section.Automated, ruleNewAutomated, "automated_decisions/"+a.ID, d.decisionName(d.new, a), "", "")
		if d.byPurpose(d.new, a) {
			last := &d.out[len(d.out)-1]
			last.Message = sentence(d.c.T("diff.new-automated-decision.for", d.decisionName(d.new, a)))
		}
	}
	for _, a := range removed {
		d.add(section.Automated, ruleRemovedAutomated, "automated_decisions/"+a.ID, d.decisionName(d.old, a), "", "")
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := "automated_decisions/" + n.ID
		subject := d.decisionName(d.new, n)
		switch {
		case !o.Profiling && n.Profiling:
			d.add(section.Automated, ruleAutomatedProfiling, key, subject, "", "")
		case o.Profiling && !n.Profiling:
			d.add(section.Automated, ruleAutomatedNoProfiling, key, subject, "", "")
		}
		if o.Basis != n.Basis {
			// Said as what it rests on now and before, not "– → …" for
			// an exception stated where none was (review nn 49).
			k := ruleAutomatedBasis.MessageKey()
			switch {
			case o.Basis == "":
				k = "diff.automated-basis.stated"
			case n.Basis == "":
				k = "diff.automated-basis.dropped"
			}
			d.out = append(d.out, Change{Section: section.Automated, Class: ruleAutomatedBasis.Class, Rule: ruleAutomatedBasis.ID, Key: key + "/basis",
				Message: sentence(d.c.T(k, subject, d.decisionBasis(o.Basis), d.decisionBasis(n.Basis))),
				Old:     d.decisionBasis(o.Basis), New: d.decisionBasis(n.Basis)})
		}
		d.textsAs(section.Automated, key+"/law", "field.automated.law", ruleAutomatedLaw, o.Law, n.Law)
		add, rem := d.purposeDiff(o.Purposes, n.Purposes)
		for _, pu := range add {
			d.add(section.Automated, ruleAutomatedNewPurpose, key+"/purposes/"+pu, subject, "", d.purposeLabel(pu))
		}
		for _, pu := range rem {
			d.add(section.Automated, ruleAutomatedRemovedPurpose, key+"/purposes/"+pu, subject, d.purposeLabel(pu), "")
		}
		d.texts(section.Automated, key+"/description", "field.automated.description", o.Description, n.Description)
		d.textsAs(section.Automated, key+"/logic", "field.automated.logic", ruleAutomatedLogic, o.Logic, n.Logic)
		d.textsAs(section.Automated, key+"/significance", "field.automated.significance", ruleAutomatedSignificance, o.Significance, n.Significance)
	}
}

// shortDecision is how long a description may be to name its decision
// in a sentence, quoted.
const shortDecision = 60

// byPurpose tells whether decision a of notice n is named by its purpose:
// its description is more than a short phrase (two sentences quoted
// inside another make it unreadable, review nn 49), it serves one
// purpose, and no other decision of the notice serves that one alone.
func (d *cmp) byPurpose(n *notice.Notice, a notice.AutomatedDecision) bool {
	desc := strings.TrimSpace(d.name(a.Description, a.ID))
	if utf8.RuneCountInString(desc) <= shortDecision && !strings.Contains(strings.TrimSuffix(desc, "."), ". ") || len(a.Purposes) != 1 {
		return false
	}
	for _, b := range n.AutomatedDecisions {
		if b.ID != a.ID && len(b.Purposes) == 1 && b.Purposes[0] == a.Purposes[0] {
			return false
		}
	}
	return true
}

// decisionName names an automated decision after "avgjørelsen": its
// description quoted where that is a short phrase ("«Påminnelser»"), else
// its purpose ("til formålet «Fravær og stønad»"), else the description's
// first words.
func (d *cmp) decisionName(n *notice.Notice, a notice.AutomatedDecision) string {
	if d.byPurpose(n, a) {
		return d.c.T("diff.automated.for-purpose", d.purposeLabel(a.Purposes[0]))
	}
	desc := strings.TrimSuffix(strings.TrimSpace(d.name(a.Description, a.ID)), ".")
	if i := strings.Index(desc, ". "); i >= 0 {
		desc = desc[:i]
	}
	if r := []rune(desc); len(r) > shortDecision {
		cut := strings.LastIndex(string(r[:shortDecision]), " ")
		if cut <= 0 {
			cut = len(string(r[:shortDecision]))
		}
		desc = strings.TrimRight(desc[:cut], " ,;:") + " …"
	}
	return d.q(desc)
}

// sentence starts a message with a capital letter, whatever label or name
// fills its first slot.
//
// A quoted value that is a sentence keeps no full stop of its own inside
// the quotes when the message goes on or ends after it: «… krever det» →
// «…», not «… krever det.» → «…»..
func sentence(s string) string {
	s = strings.ReplaceAll(s, ".»", "»")
	// A name that closes its own clause ("… som vi sletter til slutt,")
	// before a comma the message puts there too.
	s = strings.ReplaceAll(s, ",,", ",")
	// A label that ends in a clause carries the comma that closes it; a
	// colon or full stop after it closes the clause itself.
	s = strings.NewReplacer(",:", ":", ",.", ".").Replace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// cookieProvider names a cookie's provider as the page does.
func (d *cmp) cookieProvider(n *notice.Notice, id string) string {
	if id == notice.ProviderController {
		return n.Controller.Name.In(d.lang)
	}
	for _, r := range n.Recipients {
		if r.ID == id {
			return d.party(r.Kind, r.Name)
		}
	}
	return id
}

func (d *cmp) lifetime(s string) string {
	if s == "session" {
		return d.c.T("cookies.session")
	}
	return d.c.Duration(s)
}

// lifetimeDays orders lifetimes: a session cookie is gone when the browser
// closes, before any period; -1 is a lifetime that cannot be read.
func lifetimeDays(s string) int {
	if s == "session" {
		return 0
	}
	if dur, ok := vocab.ParseDuration(s); ok {
		return dur.ApproxDays()
	}
	return -1
}

func (d *cmp) cookieParty(p string) string {
	if p == "" {
		return ""
	}
	return d.c.T("cookies.party." + p)
}

func (d *cmp) cookieKind(k string) string {
	if k == "" {
		k = "cookie"
	}
	return d.c.T("cookies.kind." + k)
}

// cookies compares the cookies and similar technologies. What needs the
// visitor's consent, or reaches someone new, is material (ekomloven
// § 3-15, GDPR art. 13(3)): a new cookie that is not strictly necessary,
// one that no longer is, a new third-party provider, a longer lifetime,
// another country, another purpose, another domain setting it.
func (d *cmp) cookies() {
	pairs, added, removed := match(d.old.Cookies, d.new.Cookies,
		func(c notice.Cookie) string { return c.ID }, func(c notice.Cookie) string { return c.Replaces })
	for _, c := range added {
		rule := ruleNewCookie
		if c.Necessary {
			rule = ruleNewNecessaryCookie
		}
		d.add(section.Cookies, rule, "cookies/"+c.ID, d.q(c.Name), "", "")
	}
	for _, c := range removed {
		d.add(section.Cookies, ruleRemovedCookie, "cookies/"+c.ID, d.q(c.Name), "", "")
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := "cookies/" + n.ID
		subject := d.q(n.Name)
		if o.ID != n.ID {
			d.idNote("cookies", key, subject, o.ID, n.ID)
		}
		if o.Name != n.Name {
			d.add(section.Cookies, ruleCookieName, key+"/name", subject, o.Name, n.Name)
		}
		switch {
		case o.Necessary && !n.Necessary:
			d.add(section.Cookies, ruleCookieNotNecessary, key+"/necessary", subject, "", "")
		case !o.Necessary && n.Necessary:
			d.add(section.Cookies, ruleCookieNowNecessary, key+"/necessary", subject, "", "")
		}
		if o.Provider != n.Provider {
			rule := ruleCookieNewProvider
			if n.Provider == notice.ProviderController {
				rule = ruleCookieOwnProvider
			}
			d.add(section.Cookies, rule, key+"/provider", subject, d.cookieProvider(d.old, o.Provider), d.cookieProvider(d.new, n.Provider))
			d.using(len(d.out)-1, "recipients/"+n.Provider, d.cookieProvider(d.new, n.Provider))
		}
		if o.Lifetime != n.Lifetime {
			rule := ruleCookieShorter
			// A lifetime that cannot be read is classified up.
			if od, nd := lifetimeDays(o.Lifetime), lifetimeDays(n.Lifetime); nd > od || od < 0 || nd < 0 {
				rule = ruleCookieLonger
			}
			d.add(section.Cookies, rule, key+"/lifetime", subject, d.lifetime(o.Lifetime), d.lifetime(n.Lifetime))
		}
		if o.Party != n.Party {
			rule := ruleCookieParty
			if n.Party == "third" {
				rule = ruleCookieThirdParty
			}
			if rule == ruleCookieParty {
				// Said as a sentence for where it went: first party, or
				// no longer stated.
				k := "diff.cookie-party.unset"
				if n.Party == "first" {
					k = rule.MessageKey()
				}
				d.out = append(d.out, Change{Section: section.Cookies, Class: rule.Class, Rule: rule.ID, Key: key + "/party",
					Message: sentence(d.c.T(k, subject, d.cookieParty(o.Party))), Old: d.cookieParty(o.Party), New: d.cookieParty(n.Party)})
			} else {
				d.add(section.Cookies, rule, key+"/party", subject, d.cookieParty(o.Party), d.cookieParty(n.Party))
			}
		}
		if o.Country != n.Country {
			d.add(section.Cookies, ruleCookieCountry, key+"/country", subject, d.country(o.Country), d.country(n.Country))
		}
		if o.Kind != n.Kind {
			d.add(section.Cookies, ruleCookieKind, key+"/kind", subject, d.cookieKind(o.Kind), d.cookieKind(n.Kind))
		}
		add, rem := d.purposeDiff(o.Purposes, n.Purposes)
		for _, pu := range add {
			d.add(section.Cookies, ruleCookieNewPurpose, key+"/purposes/"+pu, subject, "", d.purposeLabel(pu))
		}
		for _, pu := range rem {
			d.add(section.Cookies, ruleCookieRemovedPurpose, key+"/purposes/"+pu, subject, d.purposeLabel(pu), "")
		}
		// Which cookie's text: "Formålet med informasjonskapselen «_ga»"
		// (review nb 22).
		d.within(subject, func() {
			d.textsAs(section.Cookies, key+"/purpose", "field.cookie.purpose", ruleCookiePurposeText, o.Purpose, n.Purpose)
			d.textsAs(section.Cookies, key+"/consent", "field.cookie.consent", ruleCookieConsentText, o.Consent, n.Consent)
		})
	}
}

func (d *cmp) country(code string) string {
	if code == "" {
		return ""
	}
	return d.c.Country(code)
}

// lowerFirst writes a name that begins a sentence for the middle of one:
// "Retten til innsyn" → "retten til innsyn".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
