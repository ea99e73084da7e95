package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	texttemplate "text/template"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/internal/summary"
	"github.com/personvern/personvern/templates"
)

// Options choose what Render writes.
type Options struct {
	Lang   string // catalogue language, e.g. "nb"
	Format string // the Name of one of OutputFormats
	// AltURL gives the address of this notice in another language, for
	// the hreflang links. nil uses the site layout: ../../<lang>/<id>/.
	AltURL func(lang, id string) string
	// Stylesheet, when set, links this stylesheet instead of inlining the
	// CSS (the site shares one file).
	Stylesheet string
	// IndexURL, when set, links back to the list of notices.
	IndexURL string
	// Languages limits the other-language links to these (the site's
	// languages); nil means every language of the notice.
	Languages []string
	// ShowHistory adds the "Endringer" section: the current version and,
	// for each earlier version in History (newest first), its material
	// and notable changes.
	ShowHistory bool
	History     []*notice.Notice
	// VersionHref, when set, links an earlier version in the history to
	// its own page ("" for one without), and DiffHref the changes from a
	// version to the one that replaced it.
	VersionHref func(version string) string
	DiffHref    func(older string) string
	// AltHref, when set, gives the link a reader clicks to this page in
	// another language; nil uses the site layout: ../../<lang>/<id>/index.html.
	AltHref func(lang, id string) string
	// Canonical is the page's own address, for rel=canonical.
	Canonical string
	// Archive, when set, marks the page as an earlier version's.
	Archive *Archive
	// Feeds are the Atom feeds the page announces.
	Feeds []FeedLink
	// Site, when set, is the owner and breadcrumb of a page of the site.
	Site *SiteInfo
	// Downloads are the notice's other formats on the site, linked from
	// the page.
	Downloads []Download
}

// Download is the notice in another format: the link and its media type.
type Download struct{ Text, Href, Type string }

// Archive is what the page of an earlier version says about itself: when
// it applied, and where the current version and the changes that ended it
// are.
type Archive struct {
	From, To    string // dates as running text
	CurrentHref string
	DiffHref    string
	Next        string // the version that replaced it
}

// Renderer holds parsed templates and loaded catalogues; it is safe for
// concurrent use, so a build parses everything once.
type Renderer struct {
	fsys     fs.FS
	pages    map[string]executor    // by format name
	site     *htmltemplate.Template // index, root and error pages of the site
	diffHTML *htmltemplate.Template
	diffMD   *texttemplate.Template
	diffTXT  *texttemplate.Template
	css      string
	mu       sync.Mutex
	catalogs map[string]*i18n.Catalog
}

// New parses the templates in fsys (templates.FS, or an overlay from
// Overlay).
func New(fsys fs.FS) (*Renderer, error) {
	r := &Renderer{fsys: fsys, catalogs: map[string]*i18n.Catalog{}}
	css, err := fs.ReadFile(fsys, "style.css")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", templateError(err))
	}
	r.css = string(css)
	funcs := r.funcs()
	r.pages = map[string]executor{}
	for _, f := range OutputFormats {
		if f.Template == "" {
			continue
		}
		var t executor
		if f.html {
			t, err = htmltemplate.New(f.Template).Funcs(funcs).ParseFS(fsys, f.Template)
		} else {
			t, err = texttemplate.New(f.Template).Funcs(funcs).ParseFS(fsys, f.Template)
		}
		if err != nil {
			return nil, fmt.Errorf("templates: %w", templateError(err))
		}
		r.pages[f.Name] = t
	}
	if r.site, err = htmltemplate.New("site").Funcs(funcs).ParseFS(fsys, "site-*.html.tmpl"); err != nil {
		return nil, fmt.Errorf("templates: %w", templateError(err))
	}
	if r.diffHTML, err = htmltemplate.New("diff.html.tmpl").Funcs(funcs).ParseFS(fsys, "diff.html.tmpl"); err != nil {
		return nil, fmt.Errorf("templates: %w", templateError(err))
	}
	if r.diffMD, err = texttemplate.New("diff.md.tmpl").Funcs(funcs).ParseFS(fsys, "diff.md.tmpl"); err != nil {
		return nil, fmt.Errorf("templates: %w", templateError(err))
	}
	if r.diffTXT, err = texttemplate.New("diff.txt.tmpl").Funcs(funcs).ParseFS(fsys, "diff.txt.tmpl"); err != nil {
		return nil, fmt.Errorf("templates: %w", templateError(err))
	}
	return r, nil
}

// executor is a parsed html/template or text/template.
type executor interface {
	Name() string
	Execute(io.Writer, any) error
}

// Fingerprint is a hash of every template, catalogue and stylesheet the
// renderer reads: a build cache keys on it, so that a changed template
// (from --templates) renders every page again.
func (r *Renderer) Fingerprint() string {
	h := sha256.New()
	for _, pattern := range []string{"*", "*/*"} {
		names, _ := fs.Glob(r.fsys, pattern)
		sort.Strings(names)
		for _, n := range names {
			b, err := fs.ReadFile(r.fsys, n)
			if err != nil {
				continue // a folder
			}
			fmt.Fprintf(h, "%s %d\n", n, len(b))
			h.Write(b)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Default is a renderer over the embedded templates.
func Default() (*Renderer, error) { return New(templates.FS) }

// CSS returns the stylesheet.
func (r *Renderer) CSS() string { return r.css }

// Catalog returns the message catalogue for lang, loading it once.
func (r *Renderer) Catalog(lang string) (*i18n.Catalog, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.catalogs[lang]; ok {
		return c, nil
	}
	c, err := i18n.Load(r.fsys, lang)
	if err != nil {
		return nil, err
	}
	r.catalogs[lang] = c
	return c, nil
}

// Languages lists the languages with a catalogue.
func (r *Renderer) Languages() []string { return i18n.Available(r.fsys) }

// Page builds the view of n in opt.Lang.
func (r *Renderer) Page(n *notice.Notice, opt Options) (*Page, error) {
	c, err := r.Catalog(opt.Lang)
	if err != nil {
		return nil, err
	}
	rel := func(lang, id string) string { return "../../" + lang + "/" + id + "/" }
	alt := opt.AltURL
	if alt == nil {
		alt = rel
	}
	var alts []Alternate
	langs := n.Languages
	if opt.Languages != nil {
		langs = opt.Languages
	}
	for _, l := range langs {
		if l == opt.Lang || !contains(n.Languages, l) {
			continue
		}
		oc, err := r.Catalog(l)
		if err != nil {
			return nil, err
		}
		href := rel(l, n.ID) + "index.html"
		if opt.AltHref != nil {
			href = opt.AltHref(l, n.ID)
		}
		alts = append(alts, Alternate{Lang: l, Label: oc.T("lang.switch"), URL: alt(l, n.ID), Href: href})
	}
	p := Build(n, c, alts)
	p.Summary = summary.Build(n, c)
	p.Canonical, p.Archive, p.Feeds, p.Site, p.Downloads = opt.Canonical, opt.Archive, opt.Feeds, opt.Site, opt.Downloads
	p.HistoryID = section.Version
	if opt.ShowHistory {
		// The history says which version applies and since when: the
		// page's last section need not say it again.
		p.Sections = slices.DeleteFunc(p.Sections, func(s Section) bool { return s.ID == section.Version })
		p.HistoryID = section.History
	}
	if opt.ShowHistory {
		h := historySection(n, opt.History, c, opt.VersionHref, opt.DiffHref)
		p.Sections = append(p.Sections, h)
		p.Headings[h.ID] = h.Heading
	}
	return p, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

type htmlData struct {
	*Page
	CSS        htmltemplate.CSS
	Stylesheet string
	IndexURL   string
	T          func(string, ...string) string
}

// Render writes notice n in one language and format.
func (r *Renderer) Render(w io.Writer, n *notice.Notice, opt Options) error {
	p, err := r.Page(n, opt)
	if err != nil {
		return err
	}
	return r.RenderPage(w, p, opt)
}

// RenderPage writes a view made by Page in opt.Format: a build makes the
// view of a notice once per language and writes every format from it.
func (r *Renderer) RenderPage(w io.Writer, p *Page, opt Options) error {
	c, err := r.Catalog(opt.Lang)
	if err != nil {
		return err
	}
	data := htmlData{Page: p, Stylesheet: opt.Stylesheet, IndexURL: opt.IndexURL, T: c.T}
	if opt.Stylesheet == "" {
		data.CSS = htmltemplate.CSS(r.css) //nolint:gosec // our own stylesheet
	}
	f, ok := LookupFormat(opt.Format)
	if !ok {
		return fmt.Errorf("unknown format %q; use one of %s", opt.Format, strings.Join(Formats, ", "))
	}
	if f.write != nil {
		return f.write(w, p)
	}
	t := r.pages[f.Name]
	var buf bytes.Buffer
	if err := run(&buf, t.Name(), 0, func(w io.Writer) error { return t.Execute(w, data) }); err != nil {
		return err
	}
	// Before wrapping, so the non-breaking spaces hold.
	out := []byte(i18n.Typography(buf.String()))
	if f.finish != nil {
		out = f.finish(out)
	}
	_, err = w.Write(out)
	return err
}

// tidy collapses runs of blank lines that template control flow leaves,
// and ends the output with one newline.
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := true
	for _, l := range lines {
		l = strings.TrimRight(l, " ")
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	return []byte(strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n")
}

// Wrap breaks each line longer than width at spaces. A continuation keeps
// the line's indent, plus two for a "- " list item, so lists stay lists.
func Wrap(s string, width int) string {
	var out strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if utf8.RuneCountInString(line) <= width {
			out.WriteString(line + "\n")
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		hang := indent
		rest := line[indent:]
		if strings.HasPrefix(rest, "- ") {
			hang += 2
		} else if i := strings.Index(rest, ". "); i > 0 && i <= 3 && strings.Trim(rest[:i], "0123456789") == "" {
			hang += i + 2
		}
		// Split at ordinary spaces only: a non-breaking space (after "§",
		// between a number and its unit) holds its words together.
		words := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '\t' })
		cur := strings.Repeat(" ", indent)
		curLen := indent
		started := false
		for _, word := range words {
			wl := utf8.RuneCountInString(word)
			if started && curLen+1+wl > width {
				out.WriteString(cur + "\n")
				cur = strings.Repeat(" ", hang) + word
				curLen = hang + wl
				continue
			}
			if started {
				cur += " "
				curLen++
			}
			cur += word
			curLen += wl
			started = true
		}
		out.WriteString(cur + "\n")
	}
	return strings.TrimSuffix(out.String(), "\n")
}

func (r *Renderer) funcs() map[string]any {
	return map[string]any{
		"richHTML":     RichHTML,
		"richMD":       RichMarkdown,
		"richTXT":      RichText,
		"mdesc":        EscapeMarkdown,
		"mdurl":        mdURL,
		"mdline":       mdLine,
		"txtline":      txtLine,
		"mdblocks":     mdBlocks,
		"txtblocks":    txtBlocks,
		"unknownBlock": func(k BlockKind) (string, error) { return "", unknownBlock(k) },
		"indent":       func(n int, s string) string { return indentLines(strings.Repeat(" ", n), s) },
		"upper":        strings.ToUpper,
		"redlineText":  redlineText,
		"redlineMD":    redlineMD,
		"redlineHTML":  redlineHTML,
		"underline": func(s string, ch string) string {
			return strings.Repeat(ch, min(utf8.RuneCountInString(s), 80))
		},
		"bare": bareLink,
		"safeURL": func(u string) htmltemplate.URL {
			if SafeURL(u) {
				return htmltemplate.URL(u) //nolint:gosec // checked
			}
			return "#"
		},
	}
}

// bareLink reports whether a link's text is its address (an e-mail
// address, a phone number, a web address), which print need not repeat.
func bareLink(href, text string) bool {
	for _, p := range []string{"", "mailto:", "tel:", "https://", "http://"} {
		if href == p+text || href == p+strings.ReplaceAll(text, " ", "") {
			return true
		}
	}
	return strings.TrimSuffix(href, "/") == "https://"+strings.TrimSuffix(text, "/")
}

// Overlay returns a file system that reads from dir first and falls back
// to base, so --templates DIR overrides only the files it holds.
// Files in dir are checked like every input (inputFS); one that is there
// but refused is an error, never replaced by the embedded one.
func Overlay(dir string, base fs.FS) fs.FS {
	return overlay{top: inputFS{root: dir}, base: base}
}

type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil || !missing(err) {
		return f, err
	}
	return o.base.Open(name)
}

func (o overlay) Glob(pattern string) ([]string, error) {
	a, _ := fs.Glob(o.top, pattern)
	b, err := fs.Glob(o.base, pattern)
	seen := map[string]bool{}
	var out []string
	for _, n := range append(a, b...) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, err
}
