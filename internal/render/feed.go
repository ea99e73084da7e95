package render

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
)

// FeedEntry is a published version of a notice in an Atom feed: its
// material and notable changes since the one before, as HTML.
type FeedEntry struct {
	ID      string // a permanent IRI for the version
	Title   string
	Updated string // RFC 3339, from the notice's updated
	Link    string // the page that shows the version
	Author  string // the controller
	Content string // HTML
}

// Feed is an Atom feed (RFC 4287) of versions, newest first.
type Feed struct {
	Lang, ID, Title, Self, Link, Author string
	// Base is what relative links in the feed are relative to (xml:base):
	// entries name pages from the language's folder, in both the
	// language's feed and a notice's.
	Base    string
	Entries []FeedEntry
}

// FeedLink is an Atom feed a page announces in its head.
type FeedLink struct{ Title, Href string }

// FeedTime is a notice's updated date as an Atom date: midnight UTC, so
// that a feed is the same wherever and whenever it is built.
func FeedTime(date string) string { return date + "T00:00:00Z" }

// VersionEntry is the content of the feed entry of version v: what
// changed since prev (nil for the first published version), material
// changes marked, and a link to the whole report when diffHref is set.
func VersionEntry(prev, v *notice.Notice, c *i18n.Catalog, diffHref string) string {
	var b strings.Builder
	b.WriteString("<p>" + html.EscapeString(c.T("history.version", v.Version, c.Date(v.Updated))) + "</p>")
	if prev == nil {
		b.WriteString("<p>" + html.EscapeString(c.T("history.first")) + "</p>")
		return b.String()
	}
	material, notable, quiet := changes(prev, v, c)
	if len(material)+len(notable) == 0 {
		b.WriteString("<p>" + html.EscapeString(quiet) + "</p>")
	} else {
		b.WriteString("<ul>")
		for _, m := range material {
			b.WriteString("<li><strong>" + html.EscapeString(c.T("history.material")) + "</strong> " + html.EscapeString(m) + "</li>")
		}
		for _, m := range notable {
			b.WriteString("<li>" + html.EscapeString(m) + "</li>")
		}
		b.WriteString("</ul>")
	}
	if diffHref != "" {
		b.WriteString(`<p><a href="` + html.EscapeString(diffHref) + `">` + html.EscapeString(c.T("history.diff", prev.Version, v.Version)) + "</a></p>")
	}
	return b.String()
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Base    string      `xml:"xml:base,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Link    atomLink    `xml:"link"`
	Content atomContent `xml:"content"`
}

type atomContent struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// RenderFeed writes f as Atom. Its updated is that of its newest entry
// (or epoch when it has none): never the time of the build.
func (r *Renderer) RenderFeed(w io.Writer, f Feed) error {
	a := atomFeed{Lang: f.Lang, Base: f.Base, ID: f.ID, Title: f.Title, Updated: "1970-01-01T00:00:00Z", Author: atomPerson{f.Author},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: f.Self}, {Rel: "alternate", Type: "text/html", Href: f.Link}}}
	for _, e := range f.Entries {
		if e.Updated > a.Updated {
			a.Updated = e.Updated
		}
		a.Entries = append(a.Entries, atomEntry{ID: e.ID, Title: e.Title, Updated: e.Updated, Author: atomPerson{e.Author},
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: e.Link}, Content: atomContent{Type: "html", Body: e.Content}})
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(a); err != nil {
		return err
	}
	buf.WriteString("\n")
	_, err := w.Write(buf.Bytes())
	return err
}
