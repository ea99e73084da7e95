package render

// Render coverage: every field a notice can set shows on every page. The
// goldens cannot catch a field nobody renders, since they froze the pages
// as they were; this test changes each leaf field of a notice that sets
// them all (testdata/complete/komplett.yaml) and requires the HTML page to
// change, and the Markdown and text pages to change with it, carrying every
// link, list item and heading the HTML page has.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/templates"
	"github.com/yuin/goldmark"
)

// notRendered are the leaf fields (json path, list indices as []) that a
// page need not show, each with why. Everything else must change the page.
var notRendered = map[string]string{
	// Stable ids are the keys diff matches list entries by; a reader never
	// sees them, and renaming one is not a change in what the notice says.
	"purposes[].id": "a key for diff, not shown", "sources[].id": "a key for diff, not shown",
	"recipients[].id": "a key for diff, not shown", "transfers[].id": "a key for diff, not shown",
	"retention[].id": "a key for diff, not shown", "automated_decisions[].id": "a key for diff, not shown",
	"cookies[].id":      "a key for diff, not shown",
	"restrictions[].id": "a key for diff, not shown",
	// replaces: says which id an entry had before, for diff alone.
	"purposes[].replaces": "diff's rename link", "sources[].replaces": "diff's rename link",
	"recipients[].replaces": "diff's rename link", "transfers[].replaces": "diff's rename link",
	"retention[].replaces": "diff's rename link", "automated_decisions[].replaces": "diff's rename link",
	"cookies[].replaces": "diff's rename link",
	// A category's id is what purposes, sources, recipients and retention
	// refer to; its words on the page are label (or the vocabulary's) and
	// description, both covered. Changing the id alone breaks references.
	"categories[].id": "a reference key; its wording is label/description",
	// complaint has one valid value, datatilsynet, whose address the page
	// writes from the catalogue; there is nothing else to change it to.
	"complaint": "one valid value (datatilsynet)",
	// Group and controller ids are what purposes' groups and roles refer
	// to; the page shows their labels and names.
	"groups[].id": "a reference key; its wording is label", "controllers[].id": "a reference key; its wording is name",
	// Another controller's kind decides whether it must give a DPO
	// (controller-dpo); the page shows the DPO, not the kind.
	"controllers[].kind": "decides the DPO rule; the DPO itself is shown",
	// The heading the site's index lists the notice under is shown where
	// it does its work, on the site's index (internal/site, TestIndexGroups),
	// and in notice.json; the notice says nothing by it. The page leaves it
	// out: a link to its group would tie every page to the layout of the
	// whole index, which changes when other notices come and go.
	"index_group": "the site's index heading (internal/site), not the notice's page",
}

// notInText are the leaf fields the text page need not show, though the
// HTML and Markdown pages do.
var notInText = map[string]string{
	// The id is the page's address; it shows only in the relative links
	// to the other language, which a text for letters leaves out.
	"id": "only in the relative other-language link",
}

// codeAlternatives are valid other values for coded fields, so that a
// change is a real one (another kind, article, country) and not a bare code
// the catalogue lacks.
var codeAlternatives = map[string]string{
	"updated":                          "2024-04-02",
	"controller.kind":                  "private",
	"controller.org_number":            "974760674",
	"joint_controllers[].org_number":   "889640783",
	"sources[].kind":                   "other",
	"recipients[].kind":                "other",
	"purposes[].legal_basis[].article": "6(1)(c)",
	"provision.requirement":            "statutory",
	"transfers[].country":              "CA",
	"transfers[].safeguard":            "bcr",
	"transfers[].derogation":           "b",
	"transfers[].recipient":            "nav",
	"retention[].period":               "P3Y",
	"retention[].then":                 "anonymise",
	"cookies[].kind":                   "pixel",
	"cookies[].provider":               "nav",
	"cookies[].party":                  "third",
	"cookies[].lifetime":               "P3Y",
	"cookies[].country":                "CA",
	"automated_decisions[].basis":      "a",
	"restrictions[].right":             "rectification",
	"restrictions[].provision":         "23(1)(c)",
}

// leaf is one field to change: where it is, and the language whose page
// must show it ("" for fields shown in every language).
type leaf struct {
	path    string // json path with indices, e.g. recipients[1].purposes
	pattern string // the path with [] for indices, as notRendered lists it
	lang    string
	steps   []step
}

type step struct {
	field int    // struct field index, or -1
	index int    // slice index, or -1
	key   string // map key, when field and index are -1
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// leaves lists every leaf of n that holds a value: strings, bools, lists of
// strings, and each language of a text.
func leaves(v reflect.Value, path, pattern string, steps []step, out *[]leaf) {
	add := func(p, pat string, s step) (string, string, []step) {
		return p, pat, append(slices.Clone(steps), s)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			leaves(v.Elem(), path, pattern, steps, out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			name := jsonName(v.Type().Field(i))
			p, pat := name, name
			if path != "" {
				p, pat = path+"."+name, pattern+"."+name
			}
			leaves(v.Field(i), p, pat, append(slices.Clone(steps), step{field: i, index: -1}), out)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			if v.Len() > 0 {
				*out = append(*out, leaf{path: path, pattern: pattern, steps: steps})
			}
			return
		}
		for i := 0; i < v.Len(); i++ {
			p, pat, s := add(fmt.Sprintf("%s[%d]", path, i), pattern+"[]", step{field: -1, index: i})
			leaves(v.Index(i), p, pat, s, out)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			if v.Type() == reflect.TypeOf(notice.Text{}) {
				*out = append(*out, leaf{path: path + "." + k.String(), pattern: pattern, lang: k.String(), steps: append(slices.Clone(steps), step{field: -1, index: -1, key: k.String()})})
				continue
			}
			p, pat, s := add(path+"."+k.String(), pattern+".*", step{field: -1, index: -1, key: k.String()})
			leaves(v.MapIndex(k), p, pat, s, out)
		}
	case reflect.String, reflect.Bool:
		if !v.IsZero() || v.Kind() == reflect.Bool {
			*out = append(*out, leaf{path: path, pattern: pattern, steps: steps})
		}
	}
}

// change changes the leaf at steps in v: v must be settable, so a map's
// value is copied out, changed and put back.
func change(t *testing.T, v reflect.Value, steps []step, n *notice.Notice, l leaf) {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if len(steps) == 0 {
		changeValue(t, v, n, l)
		return
	}
	s := steps[0]
	switch {
	case s.field >= 0:
		change(t, v.Field(s.field), steps[1:], n, l)
	case s.index >= 0:
		change(t, v.Index(s.index), steps[1:], n, l)
	default:
		k := reflect.ValueOf(s.key)
		e := reflect.New(v.Type().Elem()).Elem()
		e.Set(v.MapIndex(k))
		change(t, e, steps[1:], n, l)
		v.SetMapIndex(k, e)
	}
}

func changeValue(t *testing.T, v reflect.Value, n *notice.Notice, l leaf) {
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.String:
		alt, ok := codeAlternatives[l.pattern]
		switch {
		case ok:
			v.SetString(alt)
		case strings.HasSuffix(l.pattern, "url"):
			v.SetString(v.String() + "/ny")
		case strings.HasSuffix(l.pattern, "phone"):
			v.SetString(v.String() + "9")
		case l.lang != "":
			v.SetString(v.String() + " Endret.")
		default:
			v.SetString("endret" + v.String())
		}
	case reflect.Slice: // a list of ids: drop the last, or add another
		ids := v.Interface().([]string)
		if len(ids) > 1 {
			v.Set(reflect.ValueOf(ids[:len(ids)-1]))
			return
		}
		var pool []string
		switch {
		case strings.HasSuffix(l.pattern, "categories"):
			for _, c := range n.Categories {
				pool = append(pool, c.ID)
			}
		case strings.HasSuffix(l.pattern, "purposes"):
			for _, p := range n.Purposes {
				pool = append(pool, p.ID)
			}
		case strings.HasSuffix(l.pattern, "groups"):
			for _, g := range n.Groups {
				pool = append(pool, g.ID)
			}
		case strings.HasSuffix(l.pattern, "role.with"):
			for _, c := range n.Controllers {
				pool = append(pool, c.ID)
			}
		}
		for _, id := range pool {
			if !slices.Contains(ids, id) {
				v.Set(reflect.ValueOf(append(slices.Clone(ids), id)))
				return
			}
		}
		t.Fatalf("%s: no other id to add", l.path)
	default:
		t.Fatalf("%s: cannot change a %s", l.path, v.Kind())
	}
}

func clone(t *testing.T, n *notice.Notice) *notice.Notice {
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var c notice.Notice
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// pages renders n as the site does (with its list of changes since older)
// in lang: HTML, Markdown, text.
func pages(t *testing.T, r *Renderer, n, older *notice.Notice, lang string) (h, md, txt string) {
	t.Helper()
	var out [3]string
	for i, f := range []string{"html", "md", "txt"} {
		var buf bytes.Buffer
		opt := Options{Lang: lang, Format: f, IndexURL: "../index.html", ShowHistory: true, History: []*notice.Notice{older}}
		if err := r.Render(&buf, n, opt); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[i] = buf.String()
	}
	return out[0], out[1], out[2]
}

var (
	tagRE     = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	hrefRE    = regexp.MustCompile(`href="([^"]*)"`)
	commentRE = regexp.MustCompile(`(?s)<!--.*?-->`)
	spaceRE   = regexp.MustCompile(`\s+`)
)

// structure lists the links (href and text), list items and headings of
// an HTML page, each with its text, whitespace folded. Text a screen
// reader alone gets (class "vh") is left out: the Markdown page has no such
// thing, and its visible text is compared. The skip link is HTML page
// chrome for keyboard users, with no counterpart in a document.
func structure(page string) []string {
	page = commentRE.ReplaceAllString(page, "")
	if i := strings.Index(page, "<body"); i >= 0 {
		page = page[i:]
	}
	type open struct {
		tag, label string
		depth      int // lists open around it
		text       strings.Builder
	}
	var stack []*open
	var out []string
	depth := 0  // ul, ol and dl open
	hidden := 0 // depth inside a vh span
	spans := 0
	text := func(s string) {
		if hidden > 0 {
			return
		}
		for _, o := range stack {
			// An item's own text: nested lists are items of their own,
			// and contact details are a dl in HTML, a list in Markdown.
			if o.tag != "li" || o.depth == depth {
				o.text.WriteString(s)
			}
		}
	}
	pos := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(page, -1) {
		text(html.UnescapeString(page[pos:m[0]]))
		pos = m[1]
		closing, tag, attrs := page[m[2]:m[3]] == "/", strings.ToLower(page[m[4]:m[5]]), page[m[6]:m[7]]
		if tag == "span" {
			if closing {
				if hidden > 0 && spans == hidden {
					hidden = 0
				}
				spans--
			} else {
				spans++
				if strings.Contains(attrs, `class="vh"`) && hidden == 0 {
					hidden = spans
				}
			}
			continue
		}
		if tag == "ul" || tag == "ol" || tag == "dl" {
			if closing {
				depth--
			} else {
				depth++
			}
		}
		collect := tag == "a" || tag == "li" || (len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6')
		if !collect {
			if tag == "p" || tag == "br" || tag == "dd" || tag == "dt" {
				text(" ")
			}
			continue
		}
		if !closing {
			label := tag
			if tag[0] == 'h' {
				label = "h" // the level may differ: Markdown keeps author headings' own
			}
			if tag == "a" {
				hm := hrefRE.FindStringSubmatch(attrs)
				if hm == nil {
					label = "" // an anchor, not a link
				} else {
					label = "a " + html.UnescapeString(hm[1])
				}
			}
			stack = append(stack, &open{tag: tag, label: label, depth: depth})
			continue
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].tag != tag {
				continue
			}
			o := stack[i]
			stack = append(stack[:i], stack[i+1:]...)
			if o.label != "" && o.label != "a #innhold" {
				out = append(out, o.label+": "+strings.TrimSpace(spaceRE.ReplaceAllString(o.text.String(), " ")))
			}
			break
		}
	}
	return out
}

// markdownStructure is the structure of the Markdown page as a CommonMark
// viewer shows it.
func markdownStructure(t *testing.T, md string) []string {
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	return structure(buf.String())
}

// missingFrom lists the items of want that got lacks (as a multiset).
func missingFrom(want, got []string) []string {
	have := map[string]int{}
	for _, g := range got {
		have[g]++
	}
	var miss []string
	for _, w := range want {
		if have[w] > 0 {
			have[w]--
			continue
		}
		miss = append(miss, w)
	}
	return miss
}

// textMissing lists the links of the HTML page whose text the text page
// lacks. Two kinds are left out: links to a section of the page (#...),
// since a text has no anchors (their text is a heading, on the text page
// as such); and relative links (the other language, the list of notices),
// site navigation whose address means nothing in an e-mail or a letter.
func textMissing(htmlStructure []string, txt string) []string {
	flat := spaceRE.ReplaceAllString(txt, " ")
	var miss []string
	for _, s := range htmlStructure {
		kind, rest, _ := strings.Cut(s, ": ")
		href := strings.TrimPrefix(kind, "a ")
		if !strings.HasPrefix(kind, "a ") || strings.HasPrefix(href, "#") || !strings.Contains(href, ":") {
			continue
		}
		if !strings.Contains(flat, rest) {
			miss = append(miss, s)
		}
	}
	return miss
}

// checkSame requires the Markdown and text pages to carry what the HTML
// page does.
func checkSame(t *testing.T, what, h, md, txt string) {
	t.Helper()
	hs := structure(h)
	if miss := missingFrom(hs, markdownStructure(t, md)); len(miss) > 0 {
		t.Errorf("%s: the Markdown page lacks what the HTML page has:\n  %s", what, strings.Join(miss, "\n  "))
	}
	if miss := textMissing(hs, txt); len(miss) > 0 {
		t.Errorf("%s: the text page lacks links of the HTML page:\n  %s", what, strings.Join(miss, "\n  "))
	}
}

func TestRenderCoverage(t *testing.T) {
	r := renderer(t)
	base := &testtool.LoadNotices(t, "testdata/complete")[0].Notice
	testtool.FillPlain(base)
	older := clone(t, base)
	older.Version, older.Updated = "2.0", "2023-01-01"
	older.Recipients = older.Recipients[:1]

	var all []leaf
	leaves(reflect.ValueOf(base).Elem(), "", "", nil, &all)
	requireComplete(t, base, all)

	basePages := map[string][3]string{}
	for _, lang := range base.Languages {
		h, md, txt := pages(t, r, base, older, lang)
		basePages[lang] = [3]string{h, md, txt}
		checkSame(t, "base "+lang, h, md, txt)
	}
	seen := map[string]bool{}
	for _, l := range all {
		if _, ok := notRendered[l.pattern]; ok {
			seen[l.pattern] = true
			continue
		}
		t.Run(l.path, func(t *testing.T) {
			n := clone(t, base)
			change(t, reflect.ValueOf(n), l.steps, n, l)
			langs := base.Languages
			if l.lang != "" {
				langs = []string{l.lang}
			}
			for _, lang := range langs {
				h, md, txt := pages(t, r, n, older, lang)
				was := basePages[lang]
				if h == was[0] {
					t.Errorf("%s: changing %s leaves the HTML page as it was: render it, or list it in notRendered with the reason", lang, l.path)
					continue
				}
				if md == was[1] {
					t.Errorf("%s: changing %s changes the HTML page but not the Markdown page", lang, l.path)
				}
				if _, ok := notInText[l.pattern]; !ok && txt == was[2] {
					t.Errorf("%s: changing %s changes the HTML page but not the text page", lang, l.path)
				}
				checkSame(t, lang+" "+l.path, h, md, txt)
			}
		})
	}
	for p := range notRendered {
		if !seen[p] {
			t.Errorf("notRendered lists %s, which the base notice does not set: set it in testdata/complete, or drop the exception", p)
		}
	}
}

// plainNotShown are the model's types whose plain fields no page shows,
// each with why; a plain field on one of them fails TestPlainFieldsShown
// until it gets code of its own.
var plainNotShown = map[string]string{
	// A group is named inside sentences ("Gjelder opplysninger om …"),
	// never as an entry with a body a labelled value could go under.
	"Group": "named inside sentences only; a field of a group needs a sentence",
}

// TestPlainFieldsShown: the page calls the plain-field writer for every
// type of the model, so that a plain field shows wherever it is added;
// and every plain field has its label in every catalogue.
func TestPlainFieldsShown(t *testing.T) {
	base := &testtool.LoadNotices(t, "testdata/complete")[0].Notice
	testtool.FillPlain(base)
	for _, lang := range i18n.Available(templates.FS) {
		c, err := i18n.Load(templates.FS, lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range notice.AllPlainFields() {
			if !c.Has(p.Label()) {
				t.Errorf("templates/lang/%s.yaml: no %s, what pages and diffs call %s.%s", lang, p.Label(), p.Owner.Name(), p.Field.Name)
			}
		}
		if !slices.Contains(base.Languages, lang) {
			continue
		}
		page := Build(base, c, nil)
		for _, typ := range notice.Types() {
			_, excepted := plainNotShown[typ.Name()]
			if page.plainShown[typ] == excepted {
				if excepted {
					t.Errorf("%s: plainNotShown lists %s, which the page now shows; drop the exception", lang, typ.Name())
				} else {
					t.Errorf("%s: the page never shows the plain fields of a %s: call b.plain where it is written, or list it in plainNotShown with the reason", lang, typ.Name())
				}
			}
		}
	}
}

// requireComplete: the base sets every field of the model somewhere (a
// field added to the model fails here until komplett.yaml sets it).
func requireComplete(t *testing.T, n *notice.Notice, all []leaf) {
	set := map[string]bool{}
	for _, l := range all {
		set[l.pattern] = true
	}
	var walk func(typ reflect.Type, pattern string)
	walk = func(typ reflect.Type, pattern string) {
		switch typ.Kind() {
		case reflect.Pointer:
			walk(typ.Elem(), pattern)
		case reflect.Slice:
			if typ.Elem().Kind() == reflect.String {
				if !set[pattern] {
					t.Errorf("testdata/complete/komplett.yaml does not set %s", pattern)
				}
				return
			}
			walk(typ.Elem(), pattern+"[]")
		case reflect.Map:
			if typ == reflect.TypeOf(notice.Text{}) {
				if !set[pattern] {
					t.Errorf("testdata/complete/komplett.yaml does not set %s", pattern)
				}
				return
			}
			walk(typ.Elem(), pattern+".*")
		case reflect.Struct:
			for i := 0; i < typ.NumField(); i++ {
				name := jsonName(typ.Field(i))
				p := name
				if pattern != "" {
					p = pattern + "." + name
				}
				walk(typ.Field(i).Type, p)
			}
		default:
			if !set[pattern] {
				t.Errorf("testdata/complete/komplett.yaml does not set %s", pattern)
			}
		}
	}
	walk(reflect.TypeOf(*n), "")
}

// TestCorpusMarkdownCarriesHTML: each notice of the corpus, in each of its
// languages and as the site shows it (with its history), has in its
// Markdown page every link, list item and heading of its HTML page, and in
// its text page every outside link; the committed site/nb/joblearn/index.md
// once lacked NAV's web address.
func TestCorpusMarkdownCarriesHTML(t *testing.T) {
	r := renderer(t)
	for _, d := range loadNotices(t) {
		older := clone(t, &d.Notice)
		older.Version, older.Updated = "0.9", "2020-01-01"
		if len(older.Recipients) > 0 {
			older.Recipients = older.Recipients[1:]
		}
		for _, lang := range d.Notice.Languages {
			h, md, txt := pages(t, r, &d.Notice, older, lang)
			checkSame(t, d.Notice.ID+" "+lang, h, md, txt)
		}
	}
}
