package render

import (
	htmltemplate "html/template"
	"io"
	"strconv"
	"strings"

	"github.com/personvern/personvern/internal/summary"
)

// SiteInfo is what every page of a site says about whose site it is
// (the owner, from the configuration) and where the page is in it.
type SiteInfo struct {
	Owner, OwnerURL      string
	Contact, ContactHref string // the address as shown, and its link
	Accessibility        string // the accessibility statement (uustatus)
	// Crumbs lead from the front page to the page, which is not one of
	// them: the breadcrumb.
	Crumbs []Crumb
}

// Crumb is a step of the breadcrumb.
type Crumb struct{ Text, Href string }

// IndexPage lists the notices of a site in one language.
type IndexPage struct {
	Lang      string
	Title     string // from the site config; a default heading when empty
	Languages []string
	Notices   []IndexEntry
	// Entries are notices already rendered by RenderIndexEntry, listed
	// before Notices: a build keeps them from one run to the next, so
	// that an index of thousands of notices is a concatenation.
	Entries []htmltemplate.HTML
	// Groups are rendered entries under headings (the notices'
	// index_group, or their controllers), listed before Entries and
	// Notices.
	Groups []IndexGroup
	// Contents, when set, are listed first: the groups of this page (as
	// #anchors), or on the front page of an index split into pages, the
	// pages of each group or letter.
	Contents []IndexLink
	// Part, when set, makes this one page of a split index: its heading
	// (the group or letter) is the page's h1, under the site's title.
	Part *IndexPart
	// Canonical is the page's own address; Feeds the feeds it announces.
	Canonical string
	Feeds     []FeedLink
	Site      *SiteInfo
}

// IndexGroup is notices under one heading of an index page; ID is the
// heading's anchor.
type IndexGroup struct {
	Heading, ID string
	Entries     []htmltemplate.HTML
}

// IndexLink is an entry of an index page's contents: a group or letter
// with the number of notices under it, and the further pages it runs to
// when it is too long for one.
type IndexLink struct {
	Text, Href string
	Count      int
	More       []IndexLink // page 2 and on: Text is the page number
}

// IndexPart is one page of an index split by group or letter: Heading is
// the group or letter, Front the way to the index's front page; Page and
// Pages count the pages of the group (1 of 1 when it fits one), Prev and
// Next link its neighbours.
type IndexPart struct {
	Heading, Front string
	Page, Pages    int
	Prev, Next     string
}

// IndexEntry is one notice on an index page.
type IndexEntry struct {
	ID, Title, URL, Controller, Updated string
	UpdatedISO                          string
	Summary                             *summary.Summary
	// Broken marks a notice that does not validate (personvern serve).
	Broken bool
}

// RootPage is the site's front page: a link to each language.
type RootPage struct {
	Languages []string
	Titles    map[string]string
	Canonical string
	// Feeds are the languages' feeds, announced in the head.
	Feeds []FeedLink
	Site  *SiteInfo
}

type langLink struct {
	Lang, Name, Heading, Title string
}

func (r *Renderer) langLinks(langs []string, titles map[string]string) ([]langLink, error) {
	var out []langLink
	for _, l := range langs {
		c, err := r.Catalog(l)
		if err != nil {
			return nil, err
		}
		title := titles[l]
		if title == "" {
			title = c.T("index.heading")
		}
		out = append(out, langLink{Lang: l, Name: c.T("lang.switch"), Heading: c.T("root.heading"), Title: title})
	}
	return out, nil
}

// RenderIndex writes a language's list of notices.
func (r *Renderer) RenderIndex(w io.Writer, p IndexPage) error {
	c, err := r.Catalog(p.Lang)
	if err != nil {
		return err
	}
	if p.Title == "" {
		p.Title = c.T("index.heading")
	}
	var others []string
	for _, l := range p.Languages {
		if l != p.Lang {
			others = append(others, l)
		}
	}
	links, err := r.langLinks(others, nil)
	if err != nil {
		return err
	}
	entries := p.Entries
	for _, n := range p.Notices {
		var b strings.Builder
		if err := r.RenderIndexEntry(&b, p.Lang, n); err != nil {
			return err
		}
		entries = append(entries, htmltemplate.HTML(b.String()))
	}
	groups := p.Groups
	if len(entries) > 0 {
		groups = append(groups, IndexGroup{Entries: entries})
	}
	given := 0
	for _, g := range groups {
		for _, e := range g.Entries {
			given += len(e)
		}
	}
	count := func(n int) string {
		if n == 1 {
			return c.T("index.count.one")
		}
		return c.T("index.count", strconv.Itoa(n))
	}
	return r.execSite(w, "site-index.html.tmpl", given, struct {
		Lang, Title, Canonical string
		Groups                 []IndexGroup
		Contents               []IndexLink
		Part                   *IndexPart
		Others                 []langLink
		Feeds                  []FeedLink
		Site                   *SiteInfo
		T                      func(string, ...string) string
		Count                  func(int) string
	}{p.Lang, p.Title, p.Canonical, groups, p.Contents, p.Part, links, p.Feeds, p.Site, c.T, count})
}

// RenderIndexEntry writes one notice of an index page.
func (r *Renderer) RenderIndexEntry(w io.Writer, lang string, n IndexEntry) error {
	c, err := r.Catalog(lang)
	if err != nil {
		return err
	}
	return r.execSite(w, "index-entry", 0, struct {
		IndexEntry
		T func(string, ...string) string
	}{n, c.T})
}

// RenderRoot writes the front page, which links every language without
// any script-based redirect.
func (r *Renderer) RenderRoot(w io.Writer, p RootPage) error {
	links, err := r.langLinks(p.Languages, p.Titles)
	if err != nil {
		return err
	}
	first := "nb"
	if len(p.Languages) > 0 {
		first = p.Languages[0]
	}
	c, err := r.Catalog(first)
	if err != nil {
		return err
	}
	// One h1, the first language's; the others follow under it.
	var head langLink
	if len(links) > 0 {
		head, links = links[0], links[1:]
	}
	return r.execSite(w, "site-root.html.tmpl", 0, struct {
		Lang, Canonical, Title string
		Head                   langLink
		Links                  []langLink
		Feeds                  []FeedLink
		Site                   *SiteInfo
		T                      func(string, ...string) string
	}{first, p.Canonical, c.T("root.title", head.Title), head, links, p.Feeds, p.Site, c.T})
}

// RenderError writes the page personvern serve shows in place of a notice
// that does not validate: the findings, one a line, as validate prints
// them (the caller formats them, so render needs nothing of validate).
func (r *Renderer) RenderError(w io.Writer, lang, file string, findings []string) error {
	return r.RenderErrorIn(w, lang, file, findings, "en")
}

// RenderErrorIn is RenderError for findings written in findingsLang.
func (r *Renderer) RenderErrorIn(w io.Writer, lang, file string, findings []string, findingsLang string) error {
	c, err := r.Catalog(lang)
	if err != nil {
		return err
	}
	return r.execSite(w, "site-error.html.tmpl", 0, struct {
		Lang, File, FindingsLang string
		Findings                 []string
		T                        func(string, ...string) string
	}{lang, file, findingsLang, findings, c.T})
}

// execSite runs one of the site templates within the limits of run.
func (r *Renderer) execSite(w io.Writer, name string, given int, data any) error {
	return run(w, name, given, func(w io.Writer) error { return r.site.ExecuteTemplate(w, name, data) })
}
