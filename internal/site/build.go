package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/internal/work"
)

// Marker is the file a built site holds: the list of files the build
// made, so that a later build knows it may replace them and nothing else.
const Marker = ".personvern-site"

// Options control Build.
type Options struct {
	Config    Config
	Renderer  *render.Renderer
	Validator *validate.Validator
	// Lenient publishes the valid notices and an error page with the
	// findings in place of each invalid one (personvern serve); without
	// it, any error fails the build.
	Lenient bool
	// Progress, when set, is called after each notice is done.
	Progress func(done, total int)
	// NoHistory leaves out the version history read from git.
	NoHistory bool
	// Sink, when set, receives every file as it is made (a DirSink writes
	// it to disk at once), so a large site is never held in memory; then
	// Result.Files stays nil. Without a Sink the files are kept in Files.
	Sink Sink
	// Cache, when set, is the record of the last build into the same
	// output (LoadCache). A notice whose file, history and shared inputs
	// are unchanged is not loaded or rendered again: its files are kept
	// as they are, which needs a Sink that is a Keeper.
	Cache *BuildCache
}

// Sink receives the files of a site; Put is called from several
// goroutines at once.
type Sink interface {
	Put(path string, data []byte) error
}

// A Streamer is a Sink that takes a file as a stream, so that a page of
// many megabytes is not held in memory.
type Streamer interface {
	Sink
	Create(path string) (io.WriteCloser, error)
}

// putOnClose collects a file for a Sink that only takes whole files.
type putOnClose struct {
	bytes.Buffer
	p   string
	put func(string, []byte)
}

func (w *putOnClose) Close() error {
	w.put(w.p, w.Bytes())
	return nil
}

// A Keeper is a Sink that can keep a file of the last build as it is.
type Keeper interface {
	Sink
	Keep(path string) error
}

// Result is a build in memory: every file of the site by its slash path.
type Result struct {
	Files    map[string][]byte // without Options.Sink
	Findings []validate.Finding
	Errors   int // findings of severity error
	Warnings int
	Notices  int // notices published
	Pages    int // HTML pages
	// LoadFailed is set when a file could not be read or parsed.
	LoadFailed bool
	// Reused counts the notices taken from Options.Cache unchanged.
	Reused int
	// Cache is the record of this build, for the next (SaveCache).
	Cache *BuildCache
	paths []string
}

// Paths returns the files of the site, sorted.
func (r *Result) Paths() []string {
	out := append([]string(nil), r.paths...)
	sort.Strings(out)
	return out
}

// entry is what the build keeps of a notice once its pages are written:
// enough for the index pages and the sitemap, not the notice itself, so
// that memory does not grow with the size of the site.
type entry struct {
	file     string
	id       string
	loaded   bool
	findings []validate.Finding
	errors   int
	langs    []string
	updated  string
	index    []IndexItem // one for each of langs
	stat     cache.Stat  // of the file, when it was read
	sum      string      // hash of the file's content
	history  string      // hash of the commits its history came from
}

// Build validates every notice file and renders the site, one notice at a
// time on every core: load, validate, render, put, forget. When a notice
// has errors the build fails (the caller throws away what the sink got),
// unless opt.Lenient, which puts the findings in place of its pages.
func Build(files []string, opt Options) (*Result, error) {
	langs := buildLangs(opt)
	res := &Result{paths: make([]string, 0, len(files)*len(langs)*len(noticeOutputs)+8)}
	if opt.Sink == nil {
		res.Files = map[string][]byte{}
	}
	var mu sync.Mutex
	var sinkErr error
	// record counts a file of the site, made or kept.
	record := func(p string, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil && sinkErr == nil {
			sinkErr = err
		}
		res.paths = append(res.paths, p)
		if strings.HasSuffix(p, ".html") {
			res.Pages++
		}
	}
	put := func(p string, b []byte) {
		if opt.Sink == nil {
			mu.Lock()
			res.Files[p] = b
			mu.Unlock()
			record(p, nil)
			return
		}
		record(p, opt.Sink.Put(p, b))
	}
	global := globalKey(opt, langs)
	stamp := time.Now().UnixNano()
	var prev map[string]*CachedNotice
	keeper, _ := opt.Sink.(Keeper)
	if opt.Cache != nil && opt.Cache.Global == global && keeper != nil {
		prev = opt.Cache.Notices
	}
	var hist *gitHistory
	if !opt.NoHistory {
		hist = newGitHistory()
		defer hist.close()
	}
	entries := make([]*entry, len(files))
	done := 0
	var firstErr error
	work.Each(len(files), func(i int) {
		e := &entry{file: files[i], id: fallbackID(files[i])}
		entries[i] = e
		var err error
		if hit := e.reuse(prev[files[i]], opt.Cache, hist); hit != nil {
			for _, f := range noticeFiles(hit.ID, hit.Langs) {
				record(f, keeper.Keep(f))
			}
			mu.Lock()
			res.Reused++
			mu.Unlock()
		} else {
			err = e.build(langs, opt, hist, put)
		}
		mu.Lock()
		defer mu.Unlock()
		if err != nil && firstErr == nil {
			firstErr = err
		}
		done++
		if opt.Progress != nil {
			opt.Progress(done, len(files))
		}
	})
	if firstErr == nil {
		firstErr = sinkErr
	}
	if firstErr != nil {
		return nil, firstErr
	}
	seen := map[string]string{}
	for _, e := range entries {
		res.Findings = append(res.Findings, e.findings...)
		res.LoadFailed = res.LoadFailed || !e.loaded
		if prev, dup := seen[e.id]; dup {
			f := validate.Finding{File: e.file, Line: 1, Col: 1, Severity: validate.Error, Path: "id", Rule: "duplicate-id",
				Message: fmt.Sprintf("id %q is also the id of %s; every notice needs its own id, which is its address on the site", e.id, prev)}
			res.Findings = append(res.Findings, f)
			e.findings = append(e.findings, f)
			e.errors++
		}
		seen[e.id] = e.file
	}
	validate.Sort(res.Findings)
	res.Errors, res.Warnings = validate.Count(res.Findings)
	if res.Errors > 0 && !opt.Lenient {
		res.Files, res.paths, res.Pages = nil, nil, 0 // nothing is published
		return res, nil
	}
	for _, e := range entries {
		if e.errors == 0 {
			res.Notices++
		}
	}
	create := func(p string) (io.WriteCloser, error) {
		if st, ok := opt.Sink.(Streamer); ok {
			record(p, nil)
			return st.Create(p)
		}
		return &putOnClose{p: p, put: put}, nil
	}
	if err := buildIndexes(entries, langs, opt, put, create); err != nil {
		return nil, err
	}
	put("style.css", []byte(opt.Renderer.CSS()))
	if opt.Config.BaseURL != "" {
		put("sitemap.xml", sitemap(entries, langs, opt.Config.BaseURL))
	}
	put(Marker, manifest(res))
	if sinkErr != nil {
		return nil, sinkErr
	}
	if res.Errors == 0 || opt.Lenient {
		res.Cache = &BuildCache{Global: global, Stamp: stamp, Notices: map[string]*CachedNotice{}}
		for _, e := range entries {
			if e.sum != "" && e.errors == 0 {
				res.Cache.Notices[e.file] = &CachedNotice{
					Stat: e.stat, Sum: e.sum, History: e.history, ID: e.id, Langs: e.langs,
					Updated: e.updated, Findings: e.findings, Index: e.index,
				}
			}
		}
	}
	return res, nil
}

// historyKey names the commits a notice's version history is read from.
func historyKey(hist *gitHistory, file string) string {
	if hist == nil {
		return ""
	}
	return strings.Join(hist.Commits(file), ",")
}

// reuse returns c when the notice in e.file is still what c was made
// from, and fills e from it; else it returns nil and e is to be built.
// A file whose metadata is unchanged is not read at all.
func (e *entry) reuse(c *CachedNotice, bc *BuildCache, hist *gitHistory) *CachedNotice {
	if c == nil {
		return nil
	}
	if len(c.Index) != len(c.Langs) {
		return nil
	}
	for _, it := range c.Index {
		if it.Off < 0 {
			return nil // its index entry cannot be copied: render again
		}
	}
	e.history = historyKey(hist, e.file)
	if e.history != c.History {
		return nil
	}
	same, st, sum, _, err := cache.Check(e.file, c.Stat, c.Sum, bc.Stamp, notice.ReadFile)
	if err != nil || !same {
		return nil
	}
	e.loaded, e.stat, e.sum = true, st, sum
	e.id, e.langs, e.updated, e.index = c.ID, c.Langs, c.Updated, c.Index
	e.findings = c.Findings
	return c
}

// build loads, validates and renders the notice in e.file.
func (e *entry) build(langs []string, opt Options, hist *gitHistory, put func(string, []byte)) error {
	st, statErr := cache.StatFile(e.file)
	src, err := notice.ReadFile(e.file)
	var doc *notice.Document
	if err == nil {
		doc, err = notice.ParseWithDefaults(e.file, src, opt.Config.Defaults)
	}
	if err != nil {
		e.findings = []validate.Finding{validate.LoadFinding(e.file, err)}
	} else {
		e.loaded = true
		e.findings = opt.Validator.Validate(doc)
		if doc.Notice.ID != "" && slugOK(doc.Notice.ID) {
			e.id = doc.Notice.ID
		}
	}
	e.errors, _ = validate.Count(e.findings)
	switch {
	case e.errors == 0:
		if statErr == nil {
			e.stat, e.sum, e.history = st, cache.Key(src), historyKey(hist, e.file)
		}
		return buildNotice(e, &doc.Notice, langs, opt, hist, put)
	case opt.Lenient:
		return buildErrorPages(e, langs, opt, put)
	}
	return nil
}

// buildLangs are the languages a build publishes.
func buildLangs(opt Options) []string {
	if len(opt.Config.Languages) > 0 {
		return opt.Config.Languages
	}
	return opt.Renderer.Languages()
}

// fallbackID names a notice whose own id is missing or not a slug (the
// build then fails, but serve shows its findings): the file name if it is
// a slug, else a name made from a hash, never a path like "..".
func fallbackID(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if slugOK(base) {
		return base
	}
	sum := sha256.Sum256([]byte(file))
	return "notice-" + hex.EncodeToString(sum[:6])
}

func slugOK(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// noticeLangs are the site languages a notice is written in.
func noticeLangs(n *notice.Notice, langs []string) []string {
	var out []string
	for _, l := range langs {
		if slices.Contains(n.Languages, l) {
			out = append(out, l)
		}
	}
	return out
}

// buildErrorPages puts serve's page of findings where the notice's pages
// would be.
func buildErrorPages(e *entry, langs []string, opt Options, put func(string, []byte)) error {
	for _, l := range langs {
		var buf bytes.Buffer
		if err := opt.Renderer.RenderError(&buf, l, e.file, e.findings); err != nil {
			return err
		}
		put(path.Join(l, e.id, "index.html"), buf.Bytes())
	}
	return nil
}

func buildNotice(e *entry, n *notice.Notice, langs []string, opt Options, hist *gitHistory, put func(string, []byte)) error {
	nl := noticeLangs(n, langs)
	e.langs, e.updated = nl, n.Updated
	e.index = make([]IndexItem, len(nl))
	var history []*notice.Notice
	if hist != nil {
		history = hist.History(e.file, n)
	}
	for _, l := range nl {
		base := path.Join(l, n.ID)
		ro := render.Options{Lang: l, Stylesheet: "../../style.css", IndexURL: "../index.html", Languages: nl, History: history, ShowHistory: true}
		if opt.Config.BaseURL != "" {
			ro.AltURL = func(lang, id string) string { return opt.Config.BaseURL + lang + "/" + id + "/" }
		}
		page, err := opt.Renderer.Page(n, ro)
		if err != nil {
			return fmt.Errorf("%s: %w", e.file, err)
		}
		for _, f := range noticeOutputs {
			var buf bytes.Buffer
			if f.format == "json" {
				js, err := json.MarshalIndent(n, "", "  ")
				if err != nil {
					return err
				}
				buf.Write(append(js, '\n'))
			} else {
				ro.Format = f.format
				if err := opt.Renderer.RenderPage(&buf, page, ro); err != nil {
					return fmt.Errorf("%s: %w", e.file, err)
				}
			}
			put(path.Join(base, f.name), buf.Bytes())
		}
		c, err := opt.Renderer.Catalog(l)
		if err != nil {
			return err
		}
		ie := render.IndexEntry{
			ID: n.ID, Title: n.Title[l], URL: n.ID + "/index.html", Controller: n.Controller.Name,
			Updated: c.Date(n.Updated), Summary: page.Summary,
		}
		var b strings.Builder
		if err := opt.Renderer.RenderIndexEntry(&b, l, ie); err != nil {
			return err
		}
		e.index[slices.Index(nl, l)] = IndexItem{Key: sortKey(ie.Title), HTML: b.String()}
	}
	return nil
}

// noticeOutputs are the files of a notice in each of its languages.
var noticeOutputs = []struct{ format, name string }{
	{"html", "index.html"}, {"md", "index.md"}, {"summary", "summary.txt"}, {"json", "notice.json"},
}

// noticeFiles are the paths of a notice's files in the site.
func noticeFiles(id string, langs []string) []string {
	out := make([]string, 0, len(langs)*len(noticeOutputs))
	for _, l := range langs {
		for _, f := range noticeOutputs {
			out = append(out, l+"/"+id+"/"+f.name) // id and lang are slugs
		}
	}
	return out
}

// IndexItem is a notice on an index page, with the key the page is sorted
// by: rendered (HTML), or, for a notice kept from the last build, where it
// is on that build's index page (Off, Len; Off -1 when unknown).
type IndexItem struct {
	Key, HTML string
	Off, Len  int
}

func buildIndexes(entries []*entry, langs []string, opt Options, put func(string, []byte), create func(string) (io.WriteCloser, error)) error {
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
		old, err := fillKept(items, opt.Cache, l)
		if err != nil {
			return err
		}
		sort.Stable(byKey{items, owners})
		idx := render.IndexPage{Lang: l, Title: opt.Config.Title[l], Languages: langs, Entries: make([]template.HTML, len(items))}
		for i, it := range items {
			idx.Entries[i] = template.HTML(it.HTML)
		}
		// The page goes to disk as it is made: at ten thousand notices it
		// is megabytes. The writer notes where each entry lands, for the
		// next build to copy it from.
		f, err := create(path.Join(l, "index.html"))
		if err != nil {
			old.close()
			return err
		}
		w := &entryWriter{w: bufio.NewWriterSize(f, 1<<16), items: items}
		err = opt.Renderer.RenderIndex(w, idx)
		if err == nil {
			err = w.w.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		old.close()
		if err != nil {
			return err
		}
		for i, it := range items {
			if e := owners[i]; e != nil {
				e.index[slices.Index(e.langs, l)] = IndexItem{Key: it.Key, Off: it.Off, Len: it.Len} // not HTML: it may point into old
			}
		}
	}
	var buf bytes.Buffer
	if err := opt.Renderer.RenderRoot(&buf, render.RootPage{Languages: langs, Titles: opt.Config.Title}); err != nil {
		return err
	}
	put("index.html", buf.Bytes())
	return nil
}

// byKey sorts index items, and who they belong to, by their keys.
type byKey struct {
	items  []*IndexItem
	owners []*entry
}

func (b byKey) Len() int           { return len(b.items) }
func (b byKey) Less(i, j int) bool { return b.items[i].Key < b.items[j].Key }
func (b byKey) Swap(i, j int) {
	b.items[i], b.items[j] = b.items[j], b.items[i]
	b.owners[i], b.owners[j] = b.owners[j], b.owners[i]
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

// fillKept gives the entries kept from the last build their HTML, read
// from that build's index page for lang. The page is mapped, not copied,
// and the entries point into it until close.
func fillKept(items []*IndexItem, c *BuildCache, lang string) (*mapped, error) {
	var old *mapped
	for _, it := range items {
		if it.HTML != "" || it.Len == 0 {
			continue
		}
		if old == nil {
			if c.files != nil { // a build in memory (serve)
				old = &mapped{data: c.files[lang+"/index.html"]}
			} else {
				var err error
				if old, err = mapFile(filepath.Join(c.dir, lang, "index.html")); err != nil {
					return nil, fmt.Errorf("reading the last build's index page: %w", err)
				}
			}
		}
		if it.Off < 0 || it.Off+it.Len > len(old.data) {
			old.close()
			return nil, fmt.Errorf("the last build's index page for %s is not the one the cache describes; build again with --no-cache", lang)
		}
		// Not copied: the mapping is read-only and outlives the entries.
		it.HTML = unsafe.String(&old.data[it.Off], it.Len)
	}
	return old, nil
}

// norwegianOrder puts æ, ø and å after z, in that order, as Norwegian
// dictionaries do (byte order would give å, æ, ø).
var norwegianOrder = strings.NewReplacer("æ", "z\x01", "ø", "z\x02", "å", "z\x03")

func sortKey(s string) string { return norwegianOrder.Replace(strings.ToLower(s)) }

func manifest(r *Result) []byte {
	var b strings.Builder
	b.Grow(len(r.paths) * 48)
	b.WriteString("# Made by personvern build. personvern replaces these files on the next\n# build and refuses to touch a folder with other files in it.\n")
	for _, p := range r.Paths() {
		if p != Marker {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	return []byte(b.String())
}

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	XHTML   string   `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL
}

type sitemapURL struct {
	XMLName xml.Name    `xml:"url"`
	Loc     string      `xml:"loc"`
	LastMod string      `xml:"lastmod,omitempty"`
	Links   []hreflangL `xml:"xhtml:link"`
}

type hreflangL struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func sitemap(entries []*entry, langs []string, base string) []byte {
	us := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, l := range langs {
		u := sitemapURL{Loc: base + l + "/"}
		for _, o := range langs {
			u.Links = append(u.Links, hreflangL{"alternate", o, base + o + "/"})
		}
		us.URLs = append(us.URLs, u)
	}
	for _, e := range entries {
		if e.errors > 0 {
			continue
		}
		for _, l := range e.langs {
			u := sitemapURL{Loc: base + l + "/" + e.id + "/", LastMod: e.updated}
			for _, o := range e.langs {
				u.Links = append(u.Links, hreflangL{"alternate", o, base + o + "/" + e.id + "/"})
			}
			us.URLs = append(us.URLs, u)
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	_ = enc.Encode(us)
	buf.WriteString("\n")
	return buf.Bytes()
}
