package render

import (
	htmltemplate "html/template"
	"io"
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
	// Groups are rendered entries under headings (the controllers of a
	// site), listed before Entries and Notices.
	Groups []IndexGroup
	// Canonical is the page's own address; Feeds the feeds it announces.
	Canonical string
	Feeds     []FeedLink
	Site      *SiteInfo
}

// IndexGroup is notices under one heading of an index page.
type IndexGroup struct {
	Heading string
	Entries []htmltemplate.HTML
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
	return r.execSite(w, "site-index.html.tmpl", given, struct {
		Lang, Title, Canonical string
		Groups                 []IndexGroup
		Others                 []langLink
		Feeds                  []FeedLink
		Site                   *SiteInfo
		T                      func(string, ...string) string
	}{p.Lang, p.Title, p.Canonical, groups, links, p.Feeds, p.Site, c.T})
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
