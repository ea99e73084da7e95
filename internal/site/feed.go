package site

import (
	"bytes"
	"encoding/xml"
	"path"
	"sort"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
)

// feedFile is the Atom feed of a language (<lang>/feed.xml) and of a
// notice in it (<lang>/<id>/feed.xml).
const feedFile = "feed.xml"

// maxFeedEntries bounds a language's feed: the newest versions of the
// site; each notice's own feed has all of its versions.
const maxFeedEntries = 100

// siteTitle is the title of the site in lang.
func siteTitle(c *i18n.Catalog, cfg Config, lang string) string {
	if t := cfg.Title[lang]; t != "" {
		return t
	}
	return c.T("index.heading")
}

// maxFeedBytes bounds a notice's feed read back from the last build.
const maxFeedBytes = 16 << 20

// readFeedEntries reads back the entries of a notice's feed as
// feedEntries made them, for a notice an incremental build keeps.
func readFeedEntries(b []byte) ([]render.FeedEntry, error) {
	var f struct {
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Author  string `xml:"author>name"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	out := make([]render.FeedEntry, len(f.Entries))
	for i, e := range f.Entries {
		out[i] = render.FeedEntry{ID: e.ID, Title: e.Title, Updated: e.Updated, Link: e.Link.Href, Author: e.Author, Content: e.Content}
	}
	return out, nil
}

// siteInfo is the owner and the breadcrumb of a page: crumbs are the
// steps from the front page to it.
func siteInfo(cfg Config, crumbs ...render.Crumb) *render.SiteInfo {
	o := cfg.Owner
	text, href := o.contactLink()
	return &render.SiteInfo{Owner: o.Name, OwnerURL: o.URL, Contact: text, ContactHref: href, Accessibility: o.Accessibility, Crumbs: crumbs}
}

// noticeCrumbs lead to a notice's folder from a page up levels below it.
func noticeCrumbs(c *i18n.Catalog, cfg Config, lang, up string) []render.Crumb {
	return []render.Crumb{
		{Text: c.T("nav.home"), Href: up + "../../index.html"},
		{Text: siteTitle(c, cfg, lang), Href: up + "../index.html"},
	}
}

// downloads are a notice's other files on the site, linked from its page.
func downloads(c *i18n.Catalog) []render.Download {
	var out []render.Download
	for _, f := range noticeOutputs {
		if f.Name != "html" {
			out = append(out, render.Download{Text: c.T("formats." + f.Name), Href: f.File, Type: f.MediaType})
		}
	}
	return out
}

// feedLinks are the feeds a notice's page announces, the notice's first,
// seen from up: the way from the page to the notice's folder.
func feedLinks(c *i18n.Catalog, cfg Config, lang, up string) []render.FeedLink {
	return []render.FeedLink{
		// Not the notice's title: what a page says in an attribute is kept
		// to our own words.
		{Title: c.T("feed.this"), Href: up + feedFile},
		{Title: c.T("feed.title", siteTitle(c, cfg, lang)), Href: up + "../" + feedFile},
	}
}

// feedID is the permanent id of a version of a notice: its page's
// address under the base URL, which stays the same when the version is
// replaced; without one, a URN of the same parts.
func feedID(base, lang, id, version string) string {
	if base == "" {
		return "urn:personvern:" + lang + ":" + id + ":" + version
	}
	return base + lang + "/" + id + "/" + versionDir(version) + "/"
}

// feedEntries are the published versions of n in lang, newest first, each
// with what changed since the one before. archived tells which earlier
// versions have pages of their own.
func feedEntries(n *notice.Notice, earlier []*notice.Notice, lang string, c *i18n.Catalog, base string, archived func(l, v string) bool) []render.FeedEntry {
	versions := append([]*notice.Notice{n}, earlier...)
	var out []render.FeedEntry
	for i, v := range versions {
		var prev *notice.Notice
		if i+1 < len(versions) {
			prev = versions[i+1]
		}
		link := n.ID + "/index.html"
		if i > 0 && archived(lang, v.Version) {
			link = n.ID + "/" + versionDir(v.Version) + "/index.html"
		}
		diffHref := ""
		if prev != nil && archived(lang, prev.Version) {
			diffHref = n.ID + "/" + versionDir(prev.Version) + "/" + diffDir + "/index.html"
		}
		if base != "" {
			link = base + lang + "/" + link
			if diffHref != "" {
				diffHref = base + lang + "/" + diffHref
			}
		}
		author := v.Controller.Name.In(lang)
		if author == "" {
			author = n.Controller.Name.In(lang)
		}
		title := v.Title[lang]
		if title == "" {
			title = n.Title[lang]
		}
		out = append(out, render.FeedEntry{
			ID: feedID(base, lang, n.ID, v.Version), Title: c.T("feed.entry", title, v.Version),
			Updated: render.FeedTime(v.Updated), Link: link, Author: author,
			Content: render.VersionEntry(prev, v, c, diffHref),
		})
	}
	return out
}

// feedBase is the xml:base of a feed in the folder dir of lang ("" for
// the language's own): links in it are relative to the language's folder.
func feedBase(base, lang, dir string) string {
	switch {
	case base != "":
		return base + lang + "/"
	case dir != "":
		return "../"
	}
	return ""
}

// noticeFeedTitle is "Endringer i personvernerklæringen: …", or, where
// the notice's title names itself a personvernerklæring, "Endringer: …"
// as the site feed says it: "Endringer i personvernerklæringen:
// Personvernerklæring for …" said the word twice (nb8 13).
func noticeFeedTitle(c *i18n.Catalog, title string) string {
	if strings.Contains(strings.ToLower(title), "personvernerklæring") {
		return c.T("feed.title", title)
	}
	return c.T("feed.notice", title)
}

func noticeFeed(c *i18n.Catalog, cfg Config, lang string, n *notice.Notice, items []render.FeedEntry) render.Feed {
	self := n.ID + "/" + feedFile
	id := "urn:personvern:" + lang + ":" + n.ID
	if cfg.BaseURL != "" {
		id = cfg.BaseURL + lang + "/" + self
	}
	return render.Feed{
		Lang: lang, ID: id, Title: noticeFeedTitle(c, n.Title[lang]), Self: self, Link: n.ID + "/index.html",
		Author: n.Controller.Name.In(lang), Base: feedBase(cfg.BaseURL, lang, n.ID), Entries: items,
	}
}

// buildFeeds writes each language's feed: the newest versions of every
// notice published in it, from the entries (built or kept) of each.
func buildFeeds(entries []*entry, langs []string, opt Options, put func(string, []byte)) error {
	for _, l := range langs {
		c, err := opt.Renderer.Catalog(l)
		if err != nil {
			return err
		}
		type item struct {
			render.FeedEntry
			e *entry
		}
		var all []item
		for _, e := range entries {
			if e.errors > 0 {
				continue
			}
			for _, it := range e.feed {
				if it.Lang == l {
					all = append(all, item{it.FeedEntry, e})
				}
			}
		}
		sort.SliceStable(all, func(i, j int) bool {
			a, b := all[i], all[j]
			if a.Updated != b.Updated {
				return a.Updated > b.Updated
			}
			return a.ID < b.ID
		})
		if len(all) > maxFeedEntries {
			all = all[:maxFeedEntries]
		}
		// Of a kept notice only the keys are known until here: the
		// entries that make the feed are read from its own feed.
		items := make([]render.FeedEntry, len(all))
		for k, it := range all {
			var err error
			if items[k], err = it.e.fullFeed(l, it.FeedEntry); err != nil {
				return err
			}
		}
		title := siteTitle(c, opt.Config, l)
		id := "urn:personvern:" + l
		if opt.Config.BaseURL != "" {
			id = opt.Config.BaseURL + l + "/" + feedFile
		}
		f := render.Feed{
			Lang: l, ID: id, Title: c.T("feed.title", title), Self: feedFile, Link: "index.html",
			Author: title, Base: feedBase(opt.Config.BaseURL, l, ""), Entries: items,
		}
		var buf bytes.Buffer
		if err := opt.Renderer.RenderFeed(&buf, f); err != nil {
			return err
		}
		put(path.Join(l, feedFile), buf.Bytes())
	}
	return nil
}
