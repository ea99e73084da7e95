package site

// The index pages of a language: the notices' titles under their groups,
// alphabetically, each a link to its page. A group is a notice's
// index_group in that language; on a site where no notice has one, the
// notices are listed under their controllers. An index of more than
// Options.IndexLimit notices is split into a page per group (or, without
// groups, per first letter of the title), linked from a front page that
// lists them, so that no page grows with the size of the site.

import (
	"bufio"
	"bytes"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/render"
)

// DefaultIndexLimit is how many notices one index page lists at most
// (Options.IndexLimit); at 2,000 a page is about 400 KB.
const DefaultIndexLimit = 2000

// maxIndexParts is how many groups the front page of a split index lists
// at most; a site with more is split by letter instead, so that the
// front page stays small too.
const maxIndexParts = 500

// The file names of the pages of a split index, in the language's folder
// beside index.html: gruppe-<slug>.html for a group, bokstav-<slug>.html
// for a letter, and .2, .3 … before .html for the further pages of one too
// long for a page. The folder holds no other file of that form: a notice
// is a folder named by its id, and ids have no dot.
const (
	groupPagePrefix  = "gruppe-"
	letterPagePrefix = "bokstav-"
	maxSlug          = 48
)

// IndexItem is a notice on an index page, with the key the page is sorted
// by and its entrySum: rendered (HTML), or, in a BuildCache, the page the
// build wrote it on and where (Page, Off, Len; Off -1 when unknown).
type IndexItem struct {
	Key, HTML, Sum string // Key: the title's sort key
	Group          string // the notice's index_group in the page's language
	Controller     string // its controller's name, the heading without groups
	Page           string // the index page it is on, e.g. nb/index.html
	Off, Len       int
}

// indexKey is what an entry's sum binds besides its HTML: the keys the
// pages are sorted and grouped by.
func (it *IndexItem) indexKey() string { return it.Key + "\x00" + it.Group + "\x00" + it.Controller }

// indexGroupName is a notice's index_group as a heading: its words with
// single spaces, so that a stray space does not make another group.
func indexGroupName(s string) string { return strings.Join(strings.Fields(s), " ") }

// indexPageOK reports whether p can be an index page of a build: a
// language's index.html or a page of its split index.
func indexPageOK(p string) bool {
	lang, name, ok := strings.Cut(p, "/")
	return ok && i18n.IsLanguageCode(lang) && (name == "index.html" || indexPartFile(name))
}

// indexPartFile reports whether name is the file name of a page of a
// split index: a prefix, a slug, an optional page number from 2, .html.
func indexPartFile(name string) bool {
	rest, ok := strings.CutSuffix(name, ".html")
	if !ok {
		return false
	}
	if r, ok := strings.CutPrefix(rest, groupPagePrefix); ok {
		rest = r
	} else if r, ok := strings.CutPrefix(rest, letterPagePrefix); ok {
		rest = r
	} else {
		return false
	}
	slug, num, numbered := strings.Cut(rest, ".")
	if numbered {
		n, err := strconv.Atoi(num)
		if err != nil || n < 2 || strconv.Itoa(n) != num {
			return false
		}
	}
	return pageSlugOK(slug)
}

// pageSlugOK reports whether s is a slug of a group or letter page:
// lower-case letters a-z and digits, in words joined by single hyphens.
func pageSlugOK(s string) bool {
	if s == "" || len(s) > maxSlug+8 || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// slugFold spells letters outside a-z as a Norwegian address does: æ ae,
// ø o, å a, and the accents dropped.
var slugFold = map[rune]string{
	'æ': "ae", 'ø': "o", 'å': "a", 'ä': "a", 'ö': "o", 'ü': "u", 'ß': "ss",
	'á': "a", 'à': "a", 'â': "a", 'ã': "a", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ý': "y", 'ÿ': "y", 'ñ': "n", 'ç': "c", 'č': "c", 'š': "s", 'ž': "z",
}

// pageSlug makes the slug of a heading: its letters a-z and digits (with
// slugFold's), every other run of characters one hyphen, at most maxSlug
// bytes, cut at a hyphen. It may be empty (a heading of other scripts, or
// of signs only); the caller names such a page otherwise.
func pageSlug(heading string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(heading) {
		var s string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			s = string(r)
		default:
			s = slugFold[r]
		}
		if s == "" {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(s)
	}
	out := b.String()
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		}
		out = strings.TrimSuffix(out, "-")
	}
	return out
}

// slugs gives each heading a slug of its own, in the order given: the
// heading's pageSlug, or fallback when it has none, with -2, -3 … after
// one already taken. Every slug passes pageSlugOK.
func slugs(headings []string, fallback string) []string {
	taken := map[string]bool{}
	out := make([]string, len(headings))
	for i, h := range headings {
		base := pageSlug(h)
		if base == "" {
			base = fallback
		}
		s := base
		for n := 2; taken[s]; n++ {
			s = base + "-" + strconv.Itoa(n)
		}
		taken[s] = true
		out[i] = s
	}
	return out
}

// indexHeading is one group or letter of an index page and its items,
// sorted by title.
type indexHeading struct {
	heading string
	slug    string // of a letter; groups get theirs from slugs
	items   []int
}

// groupItems puts the items under their headings: the index groups when
// any item has one, else the controllers; the items without one under
// "Andre" at the end, with no heading at all when no item has one.
// Headings and the items under each are in Norwegian alphabetical order.
func groupItems(items []*IndexItem, c *i18n.Catalog) []indexHeading {
	grouped := slices.ContainsFunc(items, func(it *IndexItem) bool { return it.Group != "" })
	head := func(it *IndexItem) string {
		if grouped {
			return it.Group
		}
		return it.Controller
	}
	by := map[string]*indexHeading{}
	var out []*indexHeading
	for i, it := range items {
		h := head(it)
		g, ok := by[h]
		if !ok {
			g = &indexHeading{heading: h}
			by[h] = g
			out = append(out, g)
		}
		g.items = append(g.items, i)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].heading, out[j].heading
		if (a == "") != (b == "") {
			return b == "" // "Andre" last
		}
		if ka, kb := sortKey(a), sortKey(b); ka != kb {
			return ka < kb
		}
		return a < b
	})
	res := make([]indexHeading, len(out))
	for i, g := range out {
		sortByTitle(items, g.items)
		res[i] = *g
		if g.heading == "" && len(out) > 1 {
			res[i].heading = c.T("index.group.other")
		}
	}
	return res
}

// letterItems puts the items under the first letter of their titles: 0–9,
// A to Å, and "Andre" for a title that starts otherwise.
func letterItems(items []*IndexItem, c *i18n.Catalog) []indexHeading {
	by := map[string]*indexHeading{}
	var out []*indexHeading
	for i, it := range items {
		slug, heading := titleLetter(it.Key)
		if heading == "" {
			heading = c.T("index.group.other")
		} else if slug == "0-9" {
			heading = c.T("index.letter.digits")
		}
		g, ok := by[slug]
		if !ok {
			g = &indexHeading{heading: heading, slug: slug}
			by[slug] = g
			out = append(out, g)
		}
		g.items = append(g.items, i)
	}
	rank := func(slug string) string {
		switch slug {
		case "0-9":
			return "0"
		case "andre":
			return "2"
		}
		return "1" + sortKey(strings.ToLower(by[slug].heading))
	}
	sort.Slice(out, func(i, j int) bool { return rank(out[i].slug) < rank(out[j].slug) })
	res := make([]indexHeading, len(out))
	for i, g := range out {
		sortByTitle(items, g.items)
		res[i] = *g
	}
	return res
}

// titleLetter is the letter a title's sort key starts with, as a slug and
// a heading; "andre" and no heading for anything but a digit or a letter.
func titleLetter(key string) (slug, heading string) {
	switch {
	case strings.HasPrefix(key, "\x7f\x01"):
		return "ae", "Æ"
	case strings.HasPrefix(key, "\x7f\x02"):
		return "oe", "Ø"
	case strings.HasPrefix(key, "\x7f\x03"):
		return "aa", "Å"
	}
	r, _ := utf8.DecodeRuneInString(key)
	switch {
	case r >= 'a' && r <= 'z':
		return string(r), strings.ToUpper(string(r))
	case r >= '0' && r <= '9':
		return "0-9", "0–9"
	}
	return "andre", ""
}

// sortByTitle orders the items at idx by their keys, keeping the order
// of items with the same key.
func sortByTitle(items []*IndexItem, idx []int) {
	sort.SliceStable(idx, func(i, j int) bool { return items[idx[i]].Key < items[idx[j]].Key })
}

// indexFile is an index page to write and the items on it, in the order
// the page lists them.
type indexFile struct {
	path  string
	page  render.IndexPage
	items []*IndexItem
}

// indexFiles lays out the index of one language: one page when the items
// fit, else a front page and a page per group or letter (and .2, .3 … for
// one of more than limit items).
func indexFiles(l string, items []*IndexItem, base render.IndexPage, baseURL string, limit int, c *i18n.Catalog) []indexFile {
	entries := func(idx []int) ([]template.HTML, []*IndexItem) {
		h := make([]template.HTML, len(idx))
		its := make([]*IndexItem, len(idx))
		for k, i := range idx {
			h[k], its[k] = template.HTML(items[i].HTML), items[i]
		}
		return h, its
	}
	groups := groupItems(items, c)
	if len(items) <= limit {
		page := base
		page.Canonical = siteURL(baseURL, l+"/")
		headings := make([]string, len(groups))
		for i, g := range groups {
			headings[i] = g.heading
		}
		ids := slugs(headings, "gruppe")
		var all []*IndexItem
		for i, g := range groups {
			h, its := entries(g.items)
			all = append(all, its...)
			page.Groups = append(page.Groups, render.IndexGroup{Heading: g.heading, ID: "g-" + ids[i], Entries: h})
			// A list of the groups first, when some group holds more
			// than one notice: else it would be the page again.
			if len(groups) > 1 && len(items) > len(groups) {
				page.Contents = append(page.Contents, render.IndexLink{Text: g.heading, Href: "#g-" + ids[i], Count: len(g.items)})
			}
		}
		return []indexFile{{path: l + "/index.html", page: page, items: all}}
	}
	// By index_group when the notices have them, else by letter: a page
	// per controller would be one page on most sites.
	prefix := groupPagePrefix
	parts := groups
	if !slices.ContainsFunc(items, func(it *IndexItem) bool { return it.Group != "" }) || len(groups) > maxIndexParts {
		prefix, parts = letterPagePrefix, letterItems(items, c)
	}
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.heading
		if p.slug != "" {
			names[i] = p.slug
		}
	}
	partSlugs := slugs(names, "gruppe")
	front := base
	front.Canonical = siteURL(baseURL, l+"/")
	out := []indexFile{{path: l + "/index.html"}}
	for i, p := range parts {
		pages := (len(p.items) + limit - 1) / limit
		file := func(n int) string {
			if n == 1 {
				return prefix + partSlugs[i] + ".html"
			}
			return prefix + partSlugs[i] + "." + strconv.Itoa(n) + ".html"
		}
		link := render.IndexLink{Text: p.heading, Href: file(1), Count: len(p.items)}
		for n := 2; n <= pages; n++ {
			link.More = append(link.More, render.IndexLink{Text: strconv.Itoa(n), Href: file(n)})
		}
		front.Contents = append(front.Contents, link)
		for n := 1; n <= pages; n++ {
			chunk := p.items[(n-1)*limit : min(n*limit, len(p.items))]
			h, its := entries(chunk)
			page := base
			page.Canonical = file(n)
			if baseURL != "" {
				page.Canonical = baseURL + l + "/" + file(n)
			}
			part := &render.IndexPart{Heading: p.heading, Front: "index.html", Page: n, Pages: pages}
			if n > 1 {
				part.Prev = file(n - 1)
			}
			if n < pages {
				part.Next = file(n + 1)
			}
			page.Part = part
			page.Groups = []render.IndexGroup{{Entries: h}}
			out = append(out, indexFile{path: l + "/" + file(n), page: page, items: its})
		}
	}
	out[0].page = front
	return out
}

func buildIndexes(entries []*entry, langs []string, opt Options, put func(string, []byte), create func(string) (io.WriteCloser, error)) error {
	limit := opt.IndexLimit
	if limit <= 0 {
		limit = DefaultIndexLimit
	}
	for _, l := range langs {
		var items []*IndexItem
		var owners []*entry
		for _, e := range entries {
			if e.errors > 0 {
				var b strings.Builder
				ie := render.IndexEntry{ID: e.id, Title: e.id, URL: e.id + "/index.html", Broken: true}
				if err := opt.Renderer.RenderIndexEntry(&b, l, ie); err != nil {
					return err
				}
				items = append(items, &IndexItem{Key: sortKey(e.id), HTML: b.String()})
				owners = append(owners, nil)
				continue
			}
			if k := slices.Index(e.langs, l); k >= 0 {
				it := e.index[k]
				items = append(items, &it)
				owners = append(owners, e)
			}
		}
		owner := make(map[*IndexItem]*entry, len(items))
		for i, it := range items {
			owner[it] = owners[i]
		}
		c, err := opt.Renderer.Catalog(l)
		if err != nil {
			return err
		}
		base := render.IndexPage{Lang: l, Title: opt.Config.Title[l], Languages: langs,
			Feeds: []render.FeedLink{{Title: c.T("feed.title", siteTitle(c, opt.Config, l)), Href: feedFile}},
			Site:  siteInfo(opt.Config)}
		if base.Title == "" {
			base.Title = c.T("index.heading")
		}
		for _, f := range indexFiles(l, items, base, opt.Config.BaseURL, limit, c) {
			if err := writeIndex(f, opt.Renderer, create); err != nil {
				return err
			}
			for _, it := range f.items {
				if e := owner[it]; e != nil {
					// The next build reads the entry's HTML from the page.
					e.index[slices.Index(e.langs, l)] = IndexItem{Key: it.Key, Group: it.Group, Controller: it.Controller,
						Sum: it.Sum, Page: f.path, Off: it.Off, Len: it.Len}
				}
			}
		}
	}
	var buf bytes.Buffer
	root := render.RootPage{Languages: langs, Titles: opt.Config.Title, Canonical: siteURL(opt.Config.BaseURL, ""), Site: siteInfo(opt.Config)}
	for _, l := range langs {
		c, err := opt.Renderer.Catalog(l)
		if err != nil {
			return err
		}
		root.Feeds = append(root.Feeds, render.FeedLink{Title: c.T("feed.title", siteTitle(c, opt.Config, l)), Href: l + "/" + feedFile})
	}
	if err := opt.Renderer.RenderRoot(&buf, root); err != nil {
		return err
	}
	put("index.html", buf.Bytes())
	return nil
}

// writeIndex writes an index page to disk as it is made: at ten thousand
// notices it is megabytes. The writer notes where each entry lands, for
// the next build to copy it from.
func writeIndex(f indexFile, r *render.Renderer, create func(string) (io.WriteCloser, error)) error {
	out, err := create(f.path)
	if err != nil {
		return err
	}
	w := &entryWriter{w: bufio.NewWriterSize(out, 1<<16), items: f.items}
	err = r.RenderIndex(w, f.page)
	if err == nil {
		err = w.w.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// entryWriter counts what an index page template writes and notes the
// offset of each entry, which the template writes whole in one Write
// (text/template prints a value at once). An entry written another way,
// by a template of the user's, gets Off -1 and is rendered again next
// time.
type entryWriter struct {
	w     *bufio.Writer
	n     int
	items []*IndexItem
	next  int
}

func (w *entryWriter) Write(p []byte) (int, error) {
	for w.next < len(w.items) && w.items[w.next].HTML == "" {
		w.items[w.next].Off, w.items[w.next].Len = -1, 0
		w.next++
	}
	if w.next < len(w.items) {
		it := w.items[w.next]
		if len(p) == len(it.HTML) && string(p) == it.HTML {
			it.Off, it.Len = w.n, len(p)
			w.next++
		}
	}
	n, err := w.w.Write(p)
	w.n += n
	return n, err
}

// norwegianOrder puts æ, ø and å after z, in that order, as Norwegian
// dictionaries do (byte order would give å, æ, ø): as DEL and a number,
// after every ASCII letter and sign and before the bytes of other
// letters, which no text of a heading holds. ä and ö sort as æ and
// ø, ü as y, and other accented letters as the letter without the accent.
var norwegianOrder = strings.NewReplacer(
	"æ", "\x7f\x01", "ø", "\x7f\x02", "å", "\x7f\x03", "ä", "\x7f\x01", "ö", "\x7f\x02", "ü", "y",
	"á", "a", "à", "a", "â", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "ó", "o", "ò", "o", "ô", "o", "ú", "u", "ù", "u", "ç", "c", "ñ", "n",
)

func sortKey(s string) string { return norwegianOrder.Replace(strings.ToLower(s)) }
