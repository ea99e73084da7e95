package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strings"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/section"
)

// DiffFormats are the formats of a diff report.
var DiffFormats = []string{"text", "md", "html", "json"}

// DiffView is what the diff templates see: the changes grouped by class
// (material first) and then by section of the notice, with the section
// headings of the rendered notice.
type DiffView struct {
	Lang     string
	Title    string
	Versions string
	Counts   string
	None     string
	Groups   []DiffGroup
	// Notes are the report's notes to the editor, under NotesHeading,
	// after the classes and outside their counts (review nb8x 13).
	Notes        []diff.Change
	NotesHeading string
	NotesNote    string
	Report       *diff.Report
	CSS          htmltemplate.CSS
	T            func(string, ...string) string
	// Site is set on a page of the site (RenderDiffPage).
	Site *DiffPage
	// Rules names the rule behind each change (--rules).
	Rules bool
}

// DiffOptions are how a report is rendered.
type DiffOptions struct {
	// Rules names the rule that classified each change, "(regel:
	// wording-adds)": English ids for those who look them up in the
	// README's table, so not shown unless asked for (review nb 30, nn 46);
	// json has them always.
	Rules bool
}

// DiffPage places a diff report on the site: the changes from one
// published version to the one that replaced it, linked from both.
type DiffPage struct {
	Heading    string
	Stylesheet string
	Canonical  string
	IndexURL   string // the language's list of notices
	OldHref    string // the page of the older version
	NewHref    string // the page of the newer version
	NewCurrent bool   // the newer version is the one that applies now
	Feeds      []FeedLink
	Site       *SiteInfo
}

// RenderDiffPage writes the report as a page of the site, sharing its
// stylesheet, with the changes a reader is told of (no upkeep rules).
func (r *Renderer) RenderDiffPage(w io.Writer, rep *diff.Report, p DiffPage) error {
	c, err := r.Catalog(rep.Lang)
	if err != nil {
		return err
	}
	shown := *rep
	shown.Changes = ReaderChanges(rep)
	shown.Notes = nil // the editor's business, not the reader's
	p.Heading = c.T("diffpage.heading", rep.Old.Version, rep.New.Version)
	return r.renderDiff(w, &shown, "html", &p, DiffOptions{})
}

// DiffGroup is one class of changes.
type DiffGroup struct {
	Class   string
	Heading string
	Note    string
	// Basis is the law behind the note, for those who look it up: the
	// note speaks to the reader ("skal du få vite om"), the basis says
	// whose duty it is (review nn 19).
	Basis    string
	Sections []DiffSection
}

// DiffSection is the changes in one section of the notice.
type DiffSection struct {
	ID      section.ID
	Heading string
	Changes []diff.Change
}

// RenderDiff writes a diff report in a format: text, md, html or json.
// Rule ids are left out: see RenderDiffWith.
func (r *Renderer) RenderDiff(w io.Writer, rep *diff.Report, format string) error {
	return r.renderDiff(w, rep, format, nil, DiffOptions{})
}

// RenderDiffWith is RenderDiff with options.
func (r *Renderer) RenderDiffWith(w io.Writer, rep *diff.Report, format string, o DiffOptions) error {
	return r.renderDiff(w, rep, format, nil, o)
}

func (r *Renderer) renderDiff(w io.Writer, rep *diff.Report, format string, site *DiffPage, o DiffOptions) error {
	if format == "json" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	}
	c, err := r.Catalog(rep.Lang)
	if err != nil {
		return err
	}
	date := func(s string) string {
		if s == "" {
			return "?"
		}
		return c.Date(s)
	}
	v := DiffView{
		Lang: rep.Lang, Title: c.T("diff.title"), Report: rep, T: c.T, CSS: htmltemplate.CSS(r.css), //nolint:gosec // our stylesheet
		Versions: c.T("diff.versions", rep.Old.Version, date(rep.Old.Updated), rep.New.Version, date(rep.New.Updated)),
		Counts:   c.T("diff.counts", fmt.Sprint(rep.Count(diff.Material)), fmt.Sprint(rep.Count(diff.Notable)), fmt.Sprint(rep.Count(diff.Editorial))),
		None:     c.T("diff.none"),
		Site:     site,
		Rules:    o.Rules && site == nil,
		Notes:    rep.Notes, NotesHeading: c.T("diff.notes"), NotesNote: c.T("diff.notes.note"),
	}
	if site != nil {
		v.CSS = ""
	}
	for _, class := range []diff.Class{diff.Material, diff.Notable, diff.Editorial} {
		g := DiffGroup{Class: class.String(), Heading: c.T("diff.class." + class.String()), Note: c.T("diff.class." + class.String() + ".note")}
		if class == diff.Material {
			g.Basis = c.T("diff.class.material.basis")
		}
		for _, ch := range rep.Changes {
			if ch.Class != class {
				continue
			}
			if n := len(g.Sections); n == 0 || g.Sections[n-1].ID != ch.Section {
				heading := c.T(ch.Section.Heading())
				g.Sections = append(g.Sections, DiffSection{ID: ch.Section, Heading: heading})
			}
			s := &g.Sections[len(g.Sections)-1]
			s.Changes = append(s.Changes, ch)
		}
		if len(g.Sections) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	switch format {
	case "html":
		var buf bytes.Buffer
		if err := run(&buf, r.diffHTML.Name(), 0, func(w io.Writer) error { return r.diffHTML.Execute(w, v) }); err != nil {
			return err
		}
		_, err := io.WriteString(w, i18n.Typography(buf.String()))
		return err
	case "md", "text":
		t := r.diffMD
		if format == "text" {
			t = r.diffTXT
		}
		var buf bytes.Buffer
		if err := run(&buf, t.Name(), 0, func(w io.Writer) error { return t.Execute(w, v) }); err != nil {
			return err
		}
		out := tidy([]byte(i18n.Typography(buf.String())))
		if format == "text" {
			out = []byte(Wrap(string(out), 80))
		}
		_, err := w.Write(out)
		return err
	}
	return fmt.Errorf("unknown format %q; use one of %s", format, strings.Join(DiffFormats, ", "))
}

// redlineOf is the redline of a change as the page shows its text: the
// author's Markdown rendered as the plain text of each paragraph and list
// item (RichText, through the same sanitiser as the page), so no "**" is
// shown and paragraphs stay apart (review nb 8, nn 18). Every format
// escapes the words it writes.
func redlineOf(ch diff.Change) []diff.Token {
	return diff.RedlineBlocks(RichText(Rich(ch.Old)), RichText(Rich(ch.New)))
}

// parts splits a token's text at the breaks between paragraphs: the
// words of each, "" where a part is empty (a token that starts or ends
// with a break).
func parts(text string) []string {
	ps := strings.Split(text, diff.Break)
	for i := range ps {
		ps[i] = strings.TrimSpace(ps[i])
	}
	return ps
}

// writeRedline writes the tokens, each part marked by mark (text already
// escaped by esc), a break between parts as brk. With bullet set, a line
// that is a Markdown list item ("- …", "* …") starts with it instead of
// its marker: on a page, «- Arbeidssøker: …» would show the author's
// Markdown (review nb9x 4).
func writeRedline(ts []diff.Token, esc func(string) string, mark func(op, text string) string, brk, bullet string) string {
	var b strings.Builder
	atBreak := true
	for _, t := range ts {
		for i, p := range parts(t.Text) {
			if i > 0 {
				b.WriteString(brk)
				atBreak = true
			}
			if p == "" {
				continue
			}
			if !atBreak {
				b.WriteString(" ")
			}
			if atBreak && bullet != "" && (p == "-" || p == "*") && t.Op == "=" {
				// The marker alone, the item's words changed after it.
				b.WriteString(strings.TrimSpace(bullet))
				atBreak = false
				continue
			}
			if atBreak && bullet != "" && (strings.HasPrefix(p, "- ") || strings.HasPrefix(p, "* ")) {
				b.WriteString(bullet)
				p = strings.TrimSpace(p[2:])
			}
			atBreak = false
			if t.Op == "=" {
				b.WriteString(esc(p))
			} else {
				b.WriteString(mark(t.Op, esc(p)))
			}
		}
	}
	return b.String()
}

func redlineText(ch diff.Change) string {
	return writeRedline(redlineOf(ch), func(s string) string { return s }, func(op, s string) string {
		if op == "+" {
			return "{+" + s + "+}"
		}
		return "[-" + s + "-]"
	}, "\n  ", "")
}

func redlineMD(ch diff.Change) string {
	return writeRedline(redlineOf(ch), EscapeMarkdown, func(op, s string) string {
		if op == "+" {
			return "<ins>" + s + "</ins>"
		}
		return "<del>" + s + "</del>"
	}, "\n\n  ", "")
}

// redlineHTML marks insertions and deletions for the eye (<ins>, <del>)
// and for screen readers, which announce neither: each carries a visually
// hidden "Lagt til:" or "Fjernet:" in the report's language, and the end
// of each is said too, so a listener knows where the change stops.
func redlineHTML(ch diff.Change, lang, added, removed, end string) htmltemplate.HTML {
	hidden := func(s string) string {
		return `<span class="vh" lang="` + htmltemplate.HTMLEscapeString(lang) + `">` + htmltemplate.HTMLEscapeString(s) + `</span>`
	}
	out := writeRedline(redlineOf(ch), htmltemplate.HTMLEscapeString, func(op, s string) string {
		if op == "+" {
			return "<ins>" + hidden(added+" ") + s + hidden(" "+end) + "</ins>"
		}
		return "<del>" + hidden(removed+" ") + s + hidden(" "+end) + "</del>"
	}, "<br>\n", "• ")
	return htmltemplate.HTML(out) //nolint:gosec // every part escaped above
}
