// Package render turns a validated notice into a page in one language and
// format (HTML, Markdown, plain text). Go builds a format-neutral view of
// the page (sections of blocks, with all legal wording composed from the
// message catalogue); the templates in templates/ lay it out.
package render

import (
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/internal/summary"
	"github.com/personvern/personvern/internal/vocab"
)

// Page is what the templates see.
type Page struct {
	Lang       string
	ID         string
	Title      string // the notice's title, the page's h1
	DocTitle   string // the browser title: "<title> – personvernerklæring"
	Kind       string // "Personvernerklæring", shown above the h1
	Lead       string
	Intro      Rich
	Alternates []Alternate
	Sections   []Section
	Updated    string // as running text
	UpdatedISO string
	Version    string
	Summary    *summary.Summary
	// Headings maps section ids to headings, so that a link to a section
	// can name it for screen readers.
	Headings map[section.ID]string
	// Canonical is the page's own address (rel=canonical); Archive is set
	// on the page of an earlier version.
	Canonical string
	Archive   *Archive
	Feeds     []FeedLink
	Site      *SiteInfo
	Downloads []Download
	// HistoryID is the section that says which version applies since when:
	// "Sist endret" links it.
	HistoryID section.ID

	notice *notice.Notice // for the formats written from the notice itself
	// plainShown: see builder.
	plainShown map[reflect.Type]bool
}

// Alternate is the same page in another language: URL for the hreflang
// link (absolute when the site has a base URL), Href for the link a reader
// clicks (always relative, so a preview or staging copy stays itself).
type Alternate struct {
	Lang, Label, URL, Href string
}

// Section is one part of the page with a stable anchor id, the same in
// every language so that links survive a language switch.
type Section struct {
	ID      section.ID
	Heading string
	Blocks  []Block
}

// Block is a piece of a section.
type Block struct {
	Kind  BlockKind
	Text  Line
	Rich  Rich
	Items []Item
	// Fields are label/value pairs (contact details).
	Fields []Field
	// Table is the table of a BlockTable.
	Table *Table
}

// Table is a table with a caption, column headings and rows of cells; the
// first cell of a row heads the row.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]Line
}

// Item is a list entry: a head line and optional blocks under it.
type Item struct {
	Head Line
	Body []Block
}

// Field is a label and its value.
type Field struct {
	Label string
	Value Line
}

// Line is inline text: plain spans, some of them links or strong.
type Line []Span

// Span is a run of plain text, a link when Href is set.
type Span struct {
	Text   string
	Href   string
	Strong bool
}

// Rich is author-written Markdown.
type Rich string

func plain(s string) Line                { return Line{{Text: s}} }
func strong(s string) Span               { return Span{Text: s, Strong: true} }
func link(s, href string) Span           { return Span{Text: s, Href: href} }
func para(l Line) Block                  { return Block{Kind: BlockPara, Text: l} }
func ptext(s string) Block               { return para(plain(s)) }
func rich(r Rich) Block                  { return Block{Kind: BlockRich, Rich: r} }
func h3(s string) Block                  { return Block{Kind: BlockH3, Text: plain(s)} }
func list(items ...Item) Block           { return Block{Kind: BlockList, Items: items} }
func fields(fs ...Field) Block           { return Block{Kind: BlockFields, Fields: fs} }
func item(head Line, body ...Block) Item { return Item{Head: head, Body: body} }

// newSection starts a section with its heading from the catalogue.
func newSection(c *i18n.Catalog, id section.ID, blocks ...Block) Section {
	return Section{ID: id, Heading: c.T(id.Heading()), Blocks: blocks}
}

// builder composes a page in one language.
type builder struct {
	n    *notice.Notice
	c    *i18n.Catalog
	lang string
	// roles are the notice's purposes grouped by role, computed once: the
	// controller, DPO, provision and rights sections all follow them.
	roles []notice.RoleGroup
	// plainShown are the model's types whose plain fields the page
	// shows, for the test that no type is left out.
	plainShown map[reflect.Type]bool
}

func (b *builder) tx(t notice.Text) string { return t[b.lang] }

// cite names a provision of the GDPR in full every time: a reader who
// jumps to a section from the contents, or reads one purpose, must not
// meet a bare "artikkel 6 nr. 1 bokstav b" whose act was named screens
// earlier.
func (b *builder) cite(code string) string { return b.c.Cite(code, true) }

// categoryLabel names a category: the catalogue's label for a vocabulary
// code, the author's label for a custom one.
func (b *builder) categoryLabel(id string) string {
	for _, c := range b.n.Categories {
		if c.ID == id && len(c.Label) > 0 {
			return b.tx(c.Label)
		}
	}
	return b.c.TOr("category."+id, id)
}

func (b *builder) categoryList(ids []string) string {
	return b.categoryListing(ids).Inline
}

// categoryListing lists categories as the object of a sentence ("Vi
// bruker …", "Skatteetaten får …"): a label naming a topic is what the
// data are about ("opplysninger om inntekt"), never the thing given.
func (b *builder) categoryListing(ids []string) i18n.Listing {
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = b.categoryLabel(id)
	}
	return b.c.ObjectListing(labels)
}

// usedListing is categoryListing as the object of "Vi bruker": a
// category whose label names use itself ("opplysninger om bruk av
// nettstedet") takes its catalogue phrase category.<id>.used ("opplysninger
// om hvordan du bruker nettstedet"), as "bruker … om bruk" echoed (nb4 10,
// nn4 7). An author's own label is the author's.
func (b *builder) usedListing(ids []string) i18n.Listing {
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = b.categoryLabel(id)
		if !b.ownLabel(id) && b.c.Has("category."+id+".used") {
			labels[i] = b.c.T("category." + id + ".used")
		}
	}
	return b.c.ObjectListing(labels)
}

// describes reports whether an author's text names each of the
// categories by a word the catalogue gives for it (category.<id>.named-by,
// phrases apart by "|": "personalia|navn|fødselsnummer"). A category the
// author labels, or one without such words, is never taken as named.
func (b *builder) describes(text string, cats []string) bool {
	if text == "" || len(cats) == 0 {
		return false
	}
	low := " " + strings.ToLower(text) + " "
	for _, id := range cats {
		key := "category." + id + ".named-by"
		if b.ownLabel(id) || !b.c.Has(key) {
			return false
		}
		if !slices.ContainsFunc(b.c.Terms(key, "|"), func(w string) bool { return wordIn(low, w) }) {
			return false
		}
	}
	return true
}

// mentions reports whether text holds a word that starts with one of
// the stems the catalogue gives under key (apart by "|"), so
// "databehandleravtale" also finds "databehandleravtalene".
func (b *builder) mentions(text, key string) bool {
	low := strings.ToLower(text)
	return slices.ContainsFunc(b.c.Terms(key, "|"), func(w string) bool {
		return occurs(low, w, func(before, _ rune) bool { return !unicode.IsLetter(before) })
	})
}

// wordIn reports whether phrase occurs in s as whole words.
func wordIn(s, phrase string) bool {
	return occurs(s, phrase, func(before, after rune) bool {
		return !unicode.IsLetter(before) && before != '-' && !unicode.IsLetter(after) && after != '-'
	})
}

// occurs reports whether phrase occurs in s where bounds accepts the
// runes before and after it (utf8.RuneError at either end of s).
func occurs(s, phrase string, bounds func(before, after rune) bool) bool {
	for i := 0; phrase != "" && i < len(s); {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(phrase):])
		if bounds(before, after) {
			return true
		}
		i = j + 1
	}
	return false
}

// ownLabel reports whether the notice labels category id itself.
func (b *builder) ownLabel(id string) bool {
	for _, c := range b.n.Categories {
		if c.ID == id && len(c.Label) > 0 {
			return true
		}
	}
	return false
}

// listSentence is key's sentence with the list l as argument at: the
// items joined in it, or, when l is Bullets, key+".lead" (the sentence
// leading into the list, ending in a colon) and the items as a list.
func (b *builder) listSentence(key string, l i18n.Listing, at int, args ...string) (string, []Block) {
	args = slices.Insert(slices.Clone(args), at, l.Inline)
	if !l.Bullets {
		return b.c.T(key, args...), nil
	}
	items := make([]Item, len(l.Items))
	for i, it := range l.Items {
		items[i] = item(plain(it))
	}
	return b.c.T(key+".lead", args...), []Block{list(items...)}
}

// listPara is listSentence as blocks of their own: a paragraph, so its
// first word is capitalised ("Databehandlarane våre behandlar …").
func (b *builder) listPara(key string, l i18n.Listing, at int, args ...string) []Block {
	head, more := b.listSentence(key, l, at, args...)
	return append([]Block{ptext(capitalise(head))}, more...)
}

// purposeList names purposes by id as their headings do, for a sentence
// that starts with the first: "Oppfølging i tiltaket og tilrettelegging".
func (b *builder) purposeList(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		for _, p := range b.n.Purposes {
			if p.ID == id && b.tx(p.Name) != "" {
				names[i] = b.tx(p.Name)
			}
		}
		if i > 0 {
			names[i] = lowerFirst(names[i])
		}
	}
	return b.c.List(names)
}

// portabilityKey is the portability sentence for the basis the purpose
// has: consent, contract or both (art. 20(1)(a)); "samtykket ditt eller en
// avtale med deg" named a basis the purpose may not have (nb3 12, nn3 2).
func portabilityKey(pu notice.Purpose) string {
	consent, contract := false, false
	for _, ba := range pu.LegalBasis {
		consent = consent || ba.Article == "6(1)(a)" || ba.Article == "9(2)(a)"
		contract = contract || ba.Article == "6(1)(b)"
	}
	switch {
	case consent && contract:
		return "purpose.automated.both"
	case contract:
		return "purpose.automated.contract"
	}
	return "purpose.automated.consent"
}

// afterColon is an author's phrase after a label and a colon: an
// infinitive phrase starts in lower case ("interessene våre: å kunne tilby
// …"); a full sentence keeps its capital (nn3 17).
func afterColon(s string) string {
	if rest, ok := strings.CutPrefix(s, "Å "); ok {
		return "å " + rest
	}
	return s
}

// lowerFirst lowers the first letter of a name inside a sentence, unless
// it starts an acronym ("NAV-rapportering").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || !unicode.IsUpper(r[0]) || unicode.IsUpper(r[1]) {
		return s
	}
	return string(unicode.ToLower(r[0])) + string(r[1:])
}

func mailto(addr string) string { return "mailto:" + addr }

func tel(num string) string {
	var b strings.Builder
	for _, r := range num {
		if r == '+' || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return "tel:" + b.String()
}

// Build composes the page for notice n in the catalogue's language.
// alternates are the other languages' versions, for hreflang links.
func Build(n *notice.Notice, c *i18n.Catalog, alternates []Alternate) *Page {
	b := &builder{n: n, c: c, lang: c.Lang, roles: n.RoleGroups(), plainShown: map[reflect.Type]bool{}}
	title := b.tx(n.Title)
	docTitle := c.T("doc.title", title)
	kind := c.T("doc.kind")
	if strings.Contains(strings.ToLower(title), strings.ToLower(kind)) {
		docTitle = title // the author's title already says what it is
	}
	if strings.HasPrefix(strings.ToLower(title), strings.ToLower(kind)) {
		// A "Personvernerklæring" line over "Personvernerklæring for …"
		// says it twice.
		kind = ""
	}
	p := &Page{
		Lang: c.Lang, ID: n.ID, Title: title, DocTitle: docTitle, Kind: kind,
		Lead: c.T("doc.lead"), Intro: Rich(b.tx(n.Introduction)), Alternates: alternates,
		Updated: c.Date(n.Updated), UpdatedISO: n.Updated, Version: n.Version, notice: n, plainShown: b.plainShown,
	}
	p.Sections = append(p.Sections, b.controller())
	if dpo, ok := b.dpoSection(); ok {
		p.Sections = append(p.Sections, dpo)
	}
	p.Sections = append(p.Sections, b.purposes(), b.data(), b.sources(), b.recipients(), b.transfers(), b.retention(), b.rights(), b.complaint(), b.automated())
	if len(n.Cookies) > 0 {
		p.Sections = append(p.Sections, b.cookies())
	}
	if len(n.Security) > 0 {
		p.Sections = append(p.Sections, newSection(c, section.Security, rich(Rich(b.tx(n.Security)))))
	}
	p.Sections = append(p.Sections, newSection(c, section.Version,
		ptext(c.T("version.updated", p.Updated)+" "+c.T("version.number", n.Version))))
	p.Headings = map[section.ID]string{}
	for _, s := range p.Sections {
		p.Headings[s.ID] = s.Heading
	}
	return p
}

func (b *builder) contactFields(email, phone, url, address string) []Field {
	var fs []Field
	if address != "" {
		fs = append(fs, Field{b.c.T("controller.address"), plain(address)})
	}
	if email != "" {
		fs = append(fs, Field{b.c.T("controller.email"), Line{link(email, mailto(email))}})
	}
	if phone != "" {
		fs = append(fs, Field{b.c.T("controller.phone"), Line{link(strings.ReplaceAll(phone, " ", "\u00a0"), tel(phone))}})
	}
	if url != "" {
		fs = append(fs, Field{b.c.T("controller.web"), Line{link(url, url)}})
	}
	return fs
}

func (b *builder) controller() Section {
	n, c := b.n, b.c
	s := newSection(c, section.Controller)
	if n.HasRoles() {
		s = b.rolesController(s)
	} else {
		s.Blocks = append(s.Blocks, ptext(c.T("controller.intro", n.Controller.Name.In(b.lang))))
		if len(n.Controller.Unit) > 0 {
			s.Blocks = append(s.Blocks, ptext(c.T("controller.unit", b.tx(n.Controller.Unit))))
		}
		s.Blocks = append(s.Blocks, b.ownFields())
		s.Blocks = append(s.Blocks, b.legacyJoint()...)
	}
	// The notice's own plain fields and the controller's close the
	// section about who we are.
	s.Blocks = append(s.Blocks, b.plain(&n.Controller)...)
	s.Blocks = append(s.Blocks, b.plain(n)...)
	return s
}

// legacyJoint is the notice-wide joint_controllers list: every purpose
// decided together with them.
func (b *builder) legacyJoint() []Block {
	c := b.c
	if len(b.n.JointControllers) == 0 {
		return nil
	}
	var names []string
	var items []Item
	for _, j := range b.n.JointControllers {
		names = append(names, j.Name)
		body := []Block{rich(Rich(b.tx(j.Responsibilities)))}
		fs := b.contactFields(j.Email, j.Phone, j.URL, "")
		if j.OrgNumber != "" {
			fs = append(fs, Field{c.T("controller.orgnr"), plain(groupOrgNumber(j.OrgNumber))})
		}
		if len(fs) > 0 {
			body = append(body, fields(fs...))
		}
		body = append(body, b.plain(&j)...)
		items = append(items, item(Line{strong(j.Name)}, body...))
	}
	return []Block{ptext(c.T("joint.intro", c.List(names))), list(items...)}
}

// groupOrgNumber shows an organisation number as Brønnøysundregistrene
// do: "974 760 673".
func groupOrgNumber(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) != 9 {
		return s
	}
	return s[:3] + " " + s[3:6] + " " + s[6:]
}

// portable is the purposes that give the right to data portability
// (art. 20(1)): automated, on consent or contract.
func (b *builder) portable() []notice.Purpose {
	var out []notice.Purpose
	for _, pu := range b.n.Purposes {
		if pu.Automated && b.n.RightAppliesTo("portability", []notice.Purpose{pu}) {
			out = append(out, pu)
		}
	}
	return out
}

// portabilityOnce reports whether the right's item names the purposes
// that give it, in place of a sentence under each: with two or more, the
// same sentence stood on the page word for word under each (rv6nb 9).
func (b *builder) portabilityOnce() bool {
	_, ok := b.n.Rights["portability"]
	return ok && b.n.RightApplies("portability") && len(b.portable()) > 1
}

// portabilityPurposes is the portability item's sentence naming the
// purposes that give the right, quoted as their headings read.
func (b *builder) portabilityPurposes() string {
	return b.c.T("right.portability.purposes", b.quotedPurposes(b.portable()))
}

func (b *builder) purposes() Section {
	c := b.c
	s := newSection(c, section.Purposes)
	once := b.portabilityOnce()
	for _, pu := range b.n.Purposes {
		s.Blocks = append(s.Blocks, h3(b.tx(pu.Name)))
		s.Blocks = append(s.Blocks, b.purposeRole(pu)...)
		s.Blocks = append(s.Blocks, b.plain(pu.Role)...)
		if d := b.tx(pu.Description); d != "" {
			s.Blocks = append(s.Blocks, rich(Rich(d)))
		}
		s.Blocks = append(s.Blocks, b.listPara("purpose.categories", b.usedListing(pu.Categories), 0)...)
		for _, k := range []struct {
			on  bool
			key string
		}{{!once && pu.Automated && b.n.RightAppliesTo("portability", []notice.Purpose{pu}), portabilityKey(pu)}, {pu.DirectMarketing, "purpose.direct_marketing"}, {pu.Research, "purpose.research"}} {
			// "automated" matters to a reader only as what gives the right
			// to data portability (art. 20(1)(b)); "Vi behandler disse
			// opplysningene elektronisk" alone said nothing (reviewers).
			if k.on {
				s.Blocks = append(s.Blocks, ptext(c.T(k.key)))
			}
		}
		var items []Item
		for _, ba := range pu.LegalBasis {
			head := b.cite(ba.Article) + " (" + c.T("basis."+ba.Article) + ")"
			if law := b.tx(ba.NationalLaw); law != "" {
				head = c.T("basis.law", head, c.T("cite.see"), law)
			}
			var body []Block
			if in := b.tx(ba.Interests); in != "" {
				body = append(body, rich(Rich(c.T("basis.interests", afterColon(in)))))
			}
			if note := b.tx(ba.Note); note != "" {
				body = append(body, rich(Rich(note)))
			}
			body = append(body, b.plain(&ba)...)
			items = append(items, item(plain(head), body...))
		}
		s.Blocks = append(s.Blocks, ptext(c.T("purpose.basis")), list(items...))
		if law := b.tx(pu.CriminalLaw); law != "" {
			s.Blocks = append(s.Blocks, ptext(c.T("purpose.criminal_law", law)))
		}
		s.Blocks = append(s.Blocks, b.plain(&pu)...)
	}
	return s
}

func (b *builder) data() Section {
	c := b.c
	s := newSection(c, section.Data)
	s.Blocks = append(s.Blocks, ptext(c.T("data.intro", b.about())))
	var items []Item
	anySpecial := false
	for _, cat := range b.n.Categories {
		head := Line{{Text: b.categoryLabel(cat.ID)}}
		if b.n.IsSpecial(cat.ID) {
			anySpecial = true
			head = append(head, Span{Text: " (" + c.T("data.special") + ")"})
		}
		var body []Block
		if d := b.tx(cat.Description); d != "" {
			body = append(body, rich(Rich(d)))
		} else if c.Has("category." + cat.ID + ".examples") {
			body = append(body, ptext(capitalise(c.T("category."+cat.ID+".examples"))+"."))
		}
		body = append(body, b.plain(&cat)...)
		items = append(items, item(capitaliseLine(head), body...))
	}
	s.Blocks = append(s.Blocks, list(items...))
	if anySpecial {
		s.Blocks = append(s.Blocks, ptext(c.T("data.special.note")))
	}
	s.Blocks = append(s.Blocks, b.provisionBlocks()...)
	return s
}

// listedParty heads an entry of the list of sources or recipients: its
// name, or its kind, where "Andre" alone would read as the start of a
// sentence and says nothing of what it heads ("Andre mottakere").
func (b *builder) listedParty(list, kind, name string) string {
	if name == "" && b.c.Has(list+".kind."+kind) {
		return b.c.T(list + ".kind." + kind)
	}
	// A party given only by kind is any number of them, as the sentence
	// under it says ("Arbeidsgjevarar får …"): the heading is plural too,
	// not "Arbeidsgjevar" over "arbeidsgjevaren" and "Arbeidsgjevarar".
	if name == "" && b.c.Has("kinds."+kind) {
		return b.c.T("kinds." + kind)
	}
	return b.partyName(kind, name)
}

func (b *builder) partyName(kind, name string) string {
	if name != "" {
		return name
	}
	return capitalise(b.c.T("kind." + kind))
}

// partyPhrase names a party inside a sentence: its name, or for a party
// given only by kind the catalogue's noun phrase ("offentlige
// myndigheter", "databehandleren vår"), since a kind label is a heading
// for a list and cannot be a sentence's subject.
func (b *builder) partyPhrase(kind, name string) string {
	if name != "" {
		return name
	}
	return b.c.TOr("party."+kind, b.c.T("kind."+kind))
}

func capitaliseLine(l Line) Line {
	if len(l) > 0 {
		l[0].Text = capitalise(l[0].Text)
	}
	return l
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func (b *builder) sources() Section {
	c := b.c
	s := newSection(c, section.Sources)
	s.Blocks = append(s.Blocks, ptext(c.T("sources.intro")))
	var items []Item
	for _, src := range b.n.Sources {
		head := Line{strong(b.listedParty("sources", src.Kind, src.Name.In(b.lang)))}
		if !src.Name.IsZero() && src.Kind != "data_subject" {
			head = append(head, Span{Text: i18n.Apposition(src.Name.In(b.lang), c.T("kind."+src.Kind))})
		}
		var body []Block
		if d := b.tx(src.Description); d != "" {
			body = append(body, rich(Rich(d)))
		}
		switch {
		case len(src.Categories) > 0 && src.Kind == "data_subject":
			body = append(body, b.listPara("sources.self.categories", b.categoryListing(src.Categories), 0)...)
		case len(src.Categories) > 0 && !b.namesOwnSource(src):
			body = append(body, b.listPara("sources.categories", b.categoryListing(src.Categories), 1, capitalise(b.partyPhrase(src.Kind, src.Name.In(b.lang))))...)
		}
		if src.Public {
			body = append(body, ptext(c.T("sources.public")))
		}
		body = append(body, b.plain(&src)...)
		items = append(items, item(head, body...))
	}
	s.Blocks = append(s.Blocks, list(items...))
	s.Blocks = append(s.Blocks, b.restrictions("information", "sources.restricted")...)
	return s
}

// namesOwnSource reports whether every category the source gives is named
// after the source itself ("opplysninger fra NAV" from NAV): then "NAV gir
// oss opplysninger fra NAV" would only repeat the heading.
func (b *builder) namesOwnSource(src notice.Source) bool {
	name := src.Name.In(b.lang)
	if name == "" {
		return false
	}
	for _, id := range src.Categories {
		if !strings.Contains(b.categoryList([]string{id}), name) {
			return false
		}
	}
	return true
}

func (b *builder) recipients() Section {
	c := b.c
	s := newSection(c, section.Recipients)
	if len(b.n.Recipients) == 0 {
		s.Blocks = append(s.Blocks, ptext(c.T("recipients.none")))
		return s
	}
	s.Blocks = append(s.Blocks, ptext(c.T("recipients.intro")))
	var items []Item
	for _, r := range b.n.Recipients {
		name := b.listedParty("recipients", r.Kind, r.Name.In(b.lang))
		head := Line{strong(name)}
		if !r.Name.IsZero() {
			head = append(head, Span{Text: i18n.Apposition(name, c.T("kind."+r.Kind))})
		}
		var body []Block
		if d := b.tx(r.Description); d != "" {
			body = append(body, rich(Rich(d)))
		}
		subject := b.partyPhrase(r.Kind, r.Name.In(b.lang))
		processor := r.Kind == "processor"
		if processor && r.Name.IsZero() {
			// A processor given by kind stands for those the author
			// describes ("underleverandører"): plural.
			subject = c.T("recipients.processor.subject")
		}
		// A processor's role and what it gets are one sentence, so that
		// its name, already the item's heading, is not said twice more.
		// An author's description that already names every category the
		// recipient gets ("deler vi personalia med arbeidsgiveren")
		// leaves the tool's "Arbeidsgivere får identitetsopplysninger."
		// a repetition (nb4 8); the data stay listed under «Hvilke
		// opplysninger vi har», a processor's agreement is still said.
		cats := r.Categories
		if b.describes(b.tx(r.Description), cats) {
			cats = nil
		}
		switch {
		case processor && len(cats) > 0:
			body = append(body, b.listPara("recipients.processor.categories", b.categoryListing(r.Categories), 1, subject)...)
		case processor && b.tx(r.Description) != "":
			// The author has said what the processor does ("… på vegne av
			// VINN"); "Databehandlerne våre behandler opplysningene på
			// våre vegne" after it says it again (nb4 8, nb5 6, nn5 8).
			// What it adds is the agreement (art. 28(3)), unless the
			// author has named that too ("Vi har databehandleravtaler
			// med dem, og …").
			if b.mentions(b.tx(r.Description), "recipients.processor.agreement.named-by") {
				break
			}
			with := r.Name.In(b.lang)
			if with == "" {
				with = c.T("recipients.processor.them")
			}
			body = append(body, ptext(c.T("recipients.processor.agreement", with)))
		case processor:
			body = append(body, ptext(c.T("recipients.processor", capitalise(subject))))
		case len(cats) > 0:
			body = append(body, b.listPara("recipients.categories", b.categoryListing(r.Categories), 1, capitalise(subject))...)
		}
		// With one purpose on the page, "Formål: X." under each recipient
		// says nothing (nb3 21).
		if len(r.Purposes) > 0 && len(b.n.Purposes) > 1 {
			body = append(body, ptext(c.T("recipients.purposes", b.quotedIDs(r.Purposes))))
		}
		body = append(body, b.plain(&r)...)
		items = append(items, item(head, body...))
	}
	s.Blocks = append(s.Blocks, list(items...))
	return s
}

func (b *builder) transfers() Section {
	c := b.c
	s := newSection(c, section.Transfers)
	if len(b.n.Transfers) == 0 {
		s.Blocks = append(s.Blocks, ptext(c.T("transfers.none")))
		return s
	}
	var items []Item
	for _, t := range b.n.Transfers {
		// "Vi overfører … på grunnlag av ei avgjerd om tilstrekkeleg
		// vernenivå (… artikkel 45)": a sentence naming the basis and its
		// article (art. 13(1)(f)), not the bare label "Til USA: avgjerd …".
		safeguard := c.TOr("transfers.basis."+t.Safeguard, c.T("safeguard."+t.Safeguard))
		if t.Safeguard == "derogation" && t.Derogation != "" {
			safeguard = c.T("transfers.derogation", t.Derogation)
		}
		var body []Block
		if t.Recipient != "" {
			for _, r := range b.n.Recipients {
				if r.ID == t.Recipient {
					body = append(body, ptext(c.T("transfers.recipient", b.partyName(r.Kind, r.Name.In(b.lang)))))
				}
			}
		}
		if t.DPF {
			body = append(body, ptext(c.T("transfers.dpf")))
		}
		if cp := b.tx(t.Copy); cp != "" {
			body = append(body, rich(Rich(c.T("transfers.copy", cp))))
		}
		body = append(body, b.plain(&t)...)
		dest := c.Country(t.Country)
		if !t.Organisation.IsZero() {
			dest = c.T("transfers.organisation", t.Organisation.In(b.lang))
		}
		items = append(items, item(plain(c.T("transfers.item", dest, safeguard)), body...))
	}
	s.Blocks = append(s.Blocks, list(items...))
	return s
}

func (b *builder) retention() Section {
	c := b.c
	s := newSection(c, section.Retention)
	var items []Item
	rules := b.n.Retention
	// One pattern per number of categories: three categories joined in
	// the sentence beside three as bullets read as two ways of saying one
	// thing (nn4 5); where one list of a length needs bullets, all of that
	// length have them.
	listings := make([]i18n.Listing, len(rules))
	bullets := map[int]bool{}
	for i, r := range rules {
		listings[i] = b.categoryListing(r.Categories)
		if listings[i].Bullets {
			bullets[len(listings[i].Items)] = true
		}
	}
	for i := range listings {
		if bullets[len(listings[i].Items)] {
			listings[i].Bullets = true
		}
	}
	for i := 0; i < len(rules); {
		// Rules in a row for the same data are one item: the data once,
		// then each rule ("Hvor lenge vi lagrer de samme opplysningene"
		// read as a mistake, and two rules apart as a contradiction).
		j := i + 1
		for j < len(rules) && slices.Equal(rules[j].Categories, rules[i].Categories) {
			j++
		}
		cats := listings[i]
		var head string
		var body []Block
		if j-i == 1 {
			head, body = b.retentionRule(rules[i], cats)
		} else {
			if cats.Bullets && b.allCategories(rules[i].Categories) {
				head = c.T("retention.rules.all")
			} else {
				head, body = b.listSentence("retention.rules", cats, 0)
			}
			them := i18n.Listing{Inline: c.T("retention.them")}
			for _, r := range rules[i:j] {
				h, more := b.retentionRule(r, them)
				if r.Period != "" {
					body = append(body, ptext(capitalise(h)))
				}
				body = append(body, more...)
			}
		}
		items = append(items, item(plain(capitalise(head)), body...))
		i = j
	}
	// One rule is a paragraph, not a list of one.
	if len(items) == 1 {
		s.Blocks = append(s.Blocks, ptext(items[0].Head[0].Text))
		s.Blocks = append(s.Blocks, items[0].Body...)
		return s
	}
	s.Blocks = append(s.Blocks, list(items...))
	return s
}

// allCategories reports whether ids are every category of the notice.
func (b *builder) allCategories(ids []string) bool {
	if len(ids) == 0 || len(ids) != len(b.n.Categories) {
		return false
	}
	for _, c := range b.n.Categories {
		if !slices.Contains(ids, c.ID) {
			return false
		}
	}
	return true
}

// retentionRule is one rule: the sentence that heads it (its period, or
// the lead of its criteria) and what follows.
func (b *builder) retentionRule(r notice.Retention, cats i18n.Listing) (string, []Block) {
	c := b.c
	var head string
	var body []Block
	// "i opptil 12 uker" where the notice says the period is the
	// longest: "i 12 uker" would promise to keep them that long.
	grouped := false
	upTo := ""
	if r.AtMost {
		upTo = ".at-most"
	}
	switch {
	case r.Period != "" && len(r.From) > 0:
		head, body = b.listSentence("retention.period.from"+upTo, cats, 0, c.Duration(r.Period), c.FromAfter(b.tx(r.From), cats.Inline))
	case r.Period != "":
		head, body = b.listSentence("retention.period"+upTo, cats, 0, c.Duration(r.Period))
	case cats.Bullets && b.allCategories(r.Categories) && len(r.Groups) > 0:
		head = c.T("retention.criteria.groups.all", b.groupLabels(r.Groups))
		grouped = true
	case cats.Bullets && b.allCategories(r.Categories):
		// "Regelen gjelder disse opplysningene:" and then every category
		// on the page tells the reader nothing "alle" does not (rv6nb 10).
		head = c.T("retention.criteria.all")
	case cats.Bullets && len(r.Groups) > 0:
		// "Regelen gjelder disse opplysningene om kunder:", not the
		// lead and then "Regelen gjelder opplysninger om kunder." (nn5 1).
		head, body = b.listSentence("retention.criteria.groups", cats, 0, b.groupLabels(r.Groups))
		grouped = true
	default:
		head, body = b.listSentence("retention.criteria", cats, 0)
	}
	if len(r.Criteria) > 0 {
		body = append(body, rich(Rich(b.tx(r.Criteria))))
	}
	if len(r.Groups) > 0 && !grouped {
		body = append(body, ptext(c.T("retention.groups", b.groupLabels(r.Groups))))
	}
	// Criteria are the author's account of how long and what ends it
	// ("Deretter slettes eller anonymiseres personopplysningene"), so
	// "Deretter sletter vi opplysningene" after them says it again;
	// anonymising and archiving are still said, as they are not what
	// a reader assumes.
	if r.Then != "" && !(r.Then == "delete" && r.Period == "" && len(r.Criteria) > 0) {
		// With more than one rule, "opplysningene" after the lead
		// "Reglene gjelder alle opplysningene vi har om deg" read as all
		// of them archived, against the rule that deletes (nb8 3): the
		// line speaks of this rule's data.
		key := "retention.then." + r.Then
		if len(b.n.Retention) > 1 && c.Has(key+".them") {
			key += ".them"
		}
		body = append(body, ptext(c.T(key)))
	}
	if law := b.tx(r.Law); law != "" {
		body = append(body, ptext(c.T("retention.law", law)))
	}
	return head, append(body, b.plain(&r)...)
}

func (b *builder) rights() Section {
	c := b.c
	s := newSection(c, section.Rights)
	// Who answers comes before what one may ask: where another controller
	// answers for some purposes, the reader is told before reading the
	// rights, not after them (where it read as part of the last right).
	routing, byGroup, own := b.rightsByRole()
	s.Blocks = append(s.Blocks, routing...)
	if only := notice.OnlyProcessor(b.roles); only != nil {
		s.Blocks = append(s.Blocks, ptext(c.T("rights.intro.processor", b.otherNames(*only))))
	} else {
		s.Blocks = append(s.Blocks, ptext(c.T("rights.intro")))
	}
	var items []Item
	for _, r := range vocab.Rights {
		decl, ok := b.n.Rights[r.Code]
		if !ok || !b.n.RightApplies(r.Code) || r.Code == "objection" {
			continue
		}
		label := c.T("right." + r.Code)
		desc := b.rightDesc(r.Code, "")
		if r.Code == "human_review" {
			label, desc = b.humanReview(decl)
		}
		body := []Block{ptext(desc)}
		if r.Code == "portability" && b.portabilityOnce() {
			body = append(body, ptext(b.portabilityPurposes()))
		}
		body = append(body, b.rightDetails(decl)...)
		body = append(body, b.restrictions(r.Code, "rights.restricted")...)
		items = append(items, item(Line{strong(label)}, body...))
	}
	s.Blocks = append(s.Blocks, list(items...))
	// How to use the rights and that it is free belong to all of them, so
	// they follow the list, before the parts with headings of their own:
	// after those they read as part of the last (the right to object,
	// which art. 21(4) wants apart from other information, comes last).
	switch {
	case own && len(routing) > 0:
		s.Blocks = append(s.Blocks, ptext(c.T("rights.contact.own")+" "+c.T("rights.free")))
	case own:
		s.Blocks = append(s.Blocks, ptext(c.T("rights.contact")+" "+c.T("rights.free")))
	default:
		s.Blocks = append(s.Blocks, ptext(c.T("rights.processor.deadline")+" "+c.T("rights.free.other")))
	}
	s.Blocks = append(s.Blocks, byGroup...)
	s.Blocks = append(s.Blocks, b.objection()...)
	return s
}

// humanReview is the heading and text of the right to human review. The
// safeguards of art. 22(3) (a person looks at it, you may state your view
// and contest it) are for decisions under a contract or consent; one a
// law allows (art. 22(2)(b)) has the safeguards that law lays down, so
// the page promises art. 22(3)'s only for the others (review nn8 4), and
// where every decision is the law's and the notice says no way of its
// own to have one looked at, the heading does not promise it either
// (nb9 1, nn9 1).
func (b *builder) humanReview(decl notice.Right) (label, desc string) {
	label = b.c.T("right.human_review")
	byLaw, law := b.n.DecisionsByLaw(b.lang)
	if law == "" {
		law = b.c.T("right.human_review.a-law")
	}
	switch {
	case byLaw == 0:
		return label, b.rightDesc("human_review", "")
	case byLaw < len(b.n.AutomatedDecisions):
		return label, b.rightDesc("human_review", ".mixed")
	}
	if b.tx(decl.How) == "" {
		label = b.c.T("right.human_review.law")
	}
	return label, b.c.T("right.human_review.desc.law", law)
}

// rightDesc says what a right lets the reader ask. Where another
// controller answers every request (we are its processor), the text names
// that controller, not "vi": it is the controller that must stop, correct
// or erase.
func (b *builder) rightDesc(code, suffix string) string {
	key := "right." + code + ".desc" + suffix
	if only := notice.OnlyProcessor(b.roles); only != nil && b.c.Has(key+".other") {
		return b.c.T(key+".other", b.otherNames(*only))
	}
	return b.c.T(key)
}

func (b *builder) rightDetails(decl notice.Right) []Block {
	var body []Block
	if how := b.tx(decl.How); how != "" {
		body = append(body, rich(Rich(b.c.T("rights.how", how))))
	}
	if lim := b.tx(decl.Limits); lim != "" {
		body = append(body, rich(Rich(b.c.T("rights.limits", lim))))
	}
	return append(body, b.plain(&decl)...)
}

// objection is the right to object under its own heading after the other
// rights: art. 21(4) wants it brought to the person's attention clearly and
// separately from any other information. Each paragraph of art. 21 that
// applies gets its own sentence; direct marketing is absolute (21(3)).
func (b *builder) objection() []Block {
	decl, ok := b.n.Rights["objection"]
	if !ok || !b.n.RightApplies("objection") {
		return nil
	}
	general, marketing, research := false, false, false
	for _, p := range b.n.Purposes {
		for _, ba := range p.LegalBasis {
			general = general || ba.Article == "6(1)(e)" || ba.Article == "6(1)(f)"
		}
		marketing = marketing || p.DirectMarketing
		research = research || p.Research
	}
	out := []Block{h3(b.c.T("right.objection"))}
	covered, uncovered := b.rightScope("objection")
	// Where the purposes the right covers are all another controller's
	// (and the notice has purposes of its own too), that controller
	// stops the processing and weighs the reasons, not "vi" (nb8 5).
	answers := b.processorOf(covered)
	if general {
		switch {
		case len(answers) == 1 && len(answers[0].Purposes) == len(covered) && notice.OnlyProcessor(b.roles) == nil:
			out = append(out, ptext(b.c.T("right.objection.desc.other", b.otherNames(answers[0]))))
			answers = nil
		default:
			out = append(out, ptext(b.rightDesc("objection", "")))
		}
	}
	if marketing {
		out = append(out, ptext(b.c.T("right.objection.marketing")))
	}
	if research {
		out = append(out, ptext(b.c.T("right.objection.research")))
	}
	// The author's limits of the right say its scope in the notice's own
	// words; the generated line beside them said it twice (Karrieresenteret:
	// "Retten gjelder formålet «…»." above "Retten gjelder bare
	// registreringen uten navn til statistikk.").
	if b.tx(decl.Limits) == "" {
		out = append(out, b.scopeLine(covered, uncovered)...)
	}
	if notice.OnlyProcessor(b.roles) == nil {
		for _, g := range answers {
			out = append(out, ptext(b.c.T(oneOr("right.objection.processor", len(g.Purposes)), b.otherNames(g), b.quotedPurposes(g.Purposes))))
		}
	}
	out = append(out, b.rightDetails(decl)...)
	return append(out, b.restrictions("objection", "rights.restricted")...)
}

// rightScope splits the notice's purposes into those a right covers and
// those it does not.
func (b *builder) rightScope(code string) (covered, uncovered []notice.Purpose) {
	for _, pu := range b.n.Purposes {
		if b.n.RightAppliesTo(code, []notice.Purpose{pu}) {
			covered = append(covered, pu)
		} else {
			uncovered = append(uncovered, pu)
		}
	}
	return covered, uncovered
}

// scopeLine says which purposes a right covers when it does not cover
// them all, so that a right under a heading of its own does not read as
// applying to every purpose (nb8 5): the shorter of the two lists is
// named. Where the purposes left out all rest on consent, the reader is
// told that there the consent can be withdrawn instead.
func (b *builder) scopeLine(covered, uncovered []notice.Purpose) []Block {
	if len(covered) == 0 || len(uncovered) == 0 {
		return nil
	}
	if len(covered) <= len(uncovered) {
		return []Block{ptext(b.c.T(oneOr("right.scope.only", len(covered)), b.quotedPurposes(covered)))}
	}
	line := b.c.T(oneOr("right.scope.except", len(uncovered)), b.quotedPurposes(uncovered))
	consent := true
	for _, pu := range uncovered {
		consent = consent && b.n.RightAppliesTo("withdraw_consent", []notice.Purpose{pu})
	}
	if _, ok := b.n.Rights["withdraw_consent"]; ok && consent {
		line += " " + b.c.T(oneOr("right.scope.consent", len(uncovered)))
	}
	return []Block{ptext(line)}
}

// processorOf are the role groups in which we process some of ps for
// another controller, each with only those of ps.
func (b *builder) processorOf(ps []notice.Purpose) []notice.RoleGroup {
	in := map[string]bool{}
	for _, pu := range ps {
		in[pu.ID] = true
	}
	var out []notice.RoleGroup
	for _, g := range b.roles {
		if g.Kind != notice.RoleProcessor {
			continue
		}
		var mine []notice.Purpose
		for _, pu := range g.Purposes {
			if in[pu.ID] {
				mine = append(mine, pu)
			}
		}
		if len(mine) > 0 {
			out = append(out, notice.RoleGroup{Kind: g.Kind, Others: g.Others, Purposes: mine})
		}
	}
	return out
}

// quotedPurposes lists purposes by their names in quotes.
func (b *builder) quotedPurposes(ps []notice.Purpose) string {
	var names []string
	for _, pu := range ps {
		names = append(names, "«"+b.tx(pu.Name)+"»")
	}
	return b.c.List(names)
}

// quotedIDs names the purposes of ids as quotedPurposes does: «Tiltak på
// oppdrag fra NAV», in «» wherever a purpose's name is in running text
// (nb12 1).
func (b *builder) quotedIDs(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = "«" + b.purposeList([]string{id}) + "»"
	}
	return b.c.List(names)
}

// oneOr is key's ".one" form for a count of one.
func oneOr(key string, n int) string {
	if n == 1 {
		return key + ".one"
	}
	return key
}

// restrictions are the declared restrictions of one right (or of the
// information itself), each naming its provision, with its law, and what
// it means (art. 23(2)).
func (b *builder) restrictions(right, key string) []Block {
	var out []Block
	for _, x := range b.n.Restrictions {
		if x.Right != right {
			continue
		}
		prov := b.provision(x.Provision)
		if law := b.tx(x.Law); law != "" {
			prov = b.c.T("basis.law", prov, b.c.T("cite.see"), law)
		}
		out = append(out, rich(Rich(b.c.T(key, prov, b.tx(x.Meaning)))))
		out = append(out, b.plain(&x)...)
	}
	return out
}

// provision cites a restriction's provision: an article of the GDPR, or
// personopplysningsloven § 16.
func (b *builder) provision(code string) string {
	if pt, ok := strings.CutPrefix(code, "pol-16(1)("); ok {
		return b.c.T("restriction.pol16", strings.TrimSuffix(pt, ")"))
	}
	return b.cite(code)
}

// complaintText asks the reader to contact us before complaining, or,
// where every purpose is another controller's, that controller: it is the
// one the complaint is about.
func (b *builder) complaintText() string {
	if only := notice.OnlyProcessor(b.roles); only != nil {
		return b.c.T("complaint.text.other", b.otherNames(*only))
	}
	return b.c.T("complaint.text")
}

func (b *builder) complaint() Section {
	c := b.c
	return newSection(c, section.Complaint,
		ptext(b.complaintText()),
		fields(b.contactFields("", "22 39 69 00", "https://www.datatilsynet.no", "Postboks 458 Sentrum, 0105 Oslo")...))
}

func (b *builder) automated() Section {
	c := b.c
	s := newSection(c, section.Automated)
	if len(b.n.AutomatedDecisions) == 0 {
		s.Blocks = append(s.Blocks, ptext(c.T("automated.none")))
		return s
	}
	for _, a := range b.n.AutomatedDecisions {
		s.Blocks = append(s.Blocks,
			ptext(c.T("automated.what")), rich(Rich(b.tx(a.Description))),
			ptext(c.T("automated.logic")), rich(Rich(b.tx(a.Logic))),
			ptext(c.T("automated.significance")), rich(Rich(b.tx(a.Significance))))
		if a.Basis != "" {
			s.Blocks = append(s.Blocks, ptext(c.T("automated.basis."+a.Basis, b.cite("22(2)("+a.Basis+")"), b.tx(a.Law))))
		}
		if a.Profiling {
			s.Blocks = append(s.Blocks, ptext(c.T("automated.profiling")))
		}
		if len(a.Purposes) > 0 {
			s.Blocks = append(s.Blocks, ptext(c.T("automated.purposes", b.quotedIDs(a.Purposes))))
		}
		s.Blocks = append(s.Blocks, b.plain(&a)...)
	}
	return s
}

// cookieProvider names who runs a cookie: the controller, or the recipient
// it names.
func (b *builder) cookieProvider(id string) string {
	if id == notice.ProviderController {
		return b.n.Controller.Name.In(b.lang)
	}
	for _, r := range b.n.Recipients {
		if r.ID == id {
			return b.partyName(r.Kind, r.Name.In(b.lang))
		}
	}
	return id
}

// cookies is the table of cookies and similar technologies, how consent
// is given and withdrawn, and where to complain: to Nkom about the cookies
// (ekomloven § 3-15), to Datatilsynet about the personal data.
func (b *builder) cookies() Section {
	c := b.c
	s := newSection(c, section.Cookies, ptext(c.T("cookies.intro")))
	t := &Table{Caption: c.T("cookies.caption"), Head: []string{
		c.T("cookies.col.name"), c.T("cookies.col.kind"), c.T("cookies.col.provider"),
		c.T("cookies.col.purpose"), c.T("cookies.col.lifetime"), c.T("cookies.col.necessary")}}
	type group struct {
		names []string
		text  string
	}
	var consents []*group
	for _, ck := range b.n.Cookies {
		kind := ck.Kind
		if kind == "" {
			kind = "cookie"
		}
		typ := capitalise(c.T("cookies.kind." + kind))
		if ck.Party != "" {
			typ = c.T("cookies.kind.party", typ, c.T("cookies.party."+ck.Party))
		}
		provider := b.cookieProvider(ck.Provider)
		if ck.Country != "" {
			provider = c.T("cookies.provider.country", provider, c.Country(ck.Country))
		}
		purpose := strings.TrimSpace(RichText(Rich(b.tx(ck.Purpose))))
		if len(ck.Purposes) > 0 {
			purpose = strings.TrimSpace(purpose + " " + c.T("cookies.purposes", b.quotedIDs(ck.Purposes)))
		}
		lifetime := c.T("cookies.session")
		if ck.Lifetime != "session" {
			lifetime = c.Duration(ck.Lifetime)
		}
		necessary := c.T("cookies.necessary.no")
		if ck.Necessary {
			necessary = c.T("cookies.necessary.yes")
		}
		t.Rows = append(t.Rows, []Line{plain(ck.Name), plain(typ), plain(provider), plain(purpose), plain(lifetime), plain(necessary)})
		if text := b.tx(ck.Consent); text != "" {
			found := false
			for _, g := range consents {
				if g.text == text {
					g.names, found = append(g.names, ck.Name), true
				}
			}
			if !found {
				consents = append(consents, &group{[]string{ck.Name}, text})
			}
		}
	}
	s.Blocks = append(s.Blocks, Block{Kind: BlockTable, Table: t})
	// A table has a column per field it knows; a plain field is listed
	// under the table, by cookie.
	var extra []Item
	for _, ck := range b.n.Cookies {
		if body := b.plain(&ck); len(body) > 0 {
			extra = append(extra, item(Line{strong(ck.Name)}, body...))
		}
	}
	if len(extra) > 0 {
		s.Blocks = append(s.Blocks, list(extra...))
	}
	if len(consents) > 0 {
		var items []Item
		for _, g := range consents {
			items = append(items, item(Line{strong(c.List(g.names))}, rich(Rich(g.text))))
		}
		// The section's lead gave the rule (consent, unless strictly
		// necessary); this one adds withdrawal (art. 7(3)), or, where every
		// author's text already says it can be withdrawn at any time, only
		// that it must be as easy as giving it (nb5 9).
		lead := "cookies.consent.intro"
		named := true
		for _, g := range consents {
			named = named && b.mentions(g.text, "cookies.consent.withdraw.named-by") && b.mentions(g.text, "cookies.consent.anytime.named-by")
		}
		if named && c.Has("cookies.consent.intro.withdraw-named") {
			lead = "cookies.consent.intro.withdraw-named"
		}
		s.Blocks = append(s.Blocks, h3(c.T("cookies.consent.heading")), ptext(c.T(lead)), list(items...))
	}
	s.Blocks = append(s.Blocks, h3(c.T("cookies.complaint.heading")), ptext(c.T("cookies.complaint")),
		fields(b.contactFields("", "", "https://www.nkom.no", "")...))
	return s
}
