package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/history"
	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/internal/work"
	"github.com/personvern/personvern/templates"
)

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
	// IndexLimit is how many notices an index page lists at most before
	// the index is split by group or letter; 0 means DefaultIndexLimit.
	IndexLimit int
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
	extra    []string    // the pages of its earlier versions
	feed     []feedItem  // its versions in the feeds of its languages
	// feedKept says feed holds only the keys of a kept notice's versions
	// (FeedKey), the rest in its feeds in last, read by fullFeed.
	feedKept bool
	last     *lastSite
}

// fullFeed returns the version id of e in the feed of lang as its own
// feed in the last site says it, checked against what its record said.
func (e *entry) fullFeed(lang string, key render.FeedEntry) (render.FeedEntry, error) {
	if !e.feedKept {
		return key, nil
	}
	changed := fmt.Errorf("%s: its feed in the last site is not what the record of that build says; nothing was published: build again with --no-cache", e.file)
	b, ok := e.last.read(lang + "/" + e.id + "/" + feedFile)
	if !ok {
		return key, changed
	}
	items, err := readFeedEntries(b)
	if err != nil {
		return key, changed
	}
	for _, it := range items {
		if it.ID == key.ID && it.Updated == key.Updated {
			return it, nil
		}
	}
	return key, changed
}

// feedItem is a version of a notice in the feed of Lang; its links are
// relative to the language's folder (see render.Feed.Base).
type feedItem struct {
	Lang string
	render.FeedEntry
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
	var hist *history.Reader
	if !opt.NoHistory {
		hist = history.New(opt.Config.Loader())
		// An earlier version is published only if it would pass the gate
		// today: validate saw only the working copy.
		hist.Valid = func(d *notice.Document) bool {
			errs, _ := validate.Count(opt.Validator.Validate(d))
			return errs == 0
		}
		defer hist.Close()
	}
	entries := make([]*entry, len(files))
	for i, f := range files {
		entries[i] = &entry{file: f, id: fallbackID(f)}
	}
	// Which notices are kept is settled before any file is kept or put, so
	// that a notice found out late is built in full, never half kept.
	kept := make([]*CachedNotice, len(files))
	if prev != nil {
		last := openLastSite(opt.Cache, langs)
		work.Each(len(files), func(i int) {
			kept[i] = entries[i].reuse(prev[files[i]], opt.Cache, last, langs, opt.Config.Loader(), hist)
		})
		last.close()
	}
	done := 0
	var firstErr error
	buildAt := func(i int) {
		err := entries[i].build(langs, opt, hist, put)
		mu.Lock()
		defer mu.Unlock()
		if err != nil && firstErr == nil {
			firstErr = err
		}
		done++
		if opt.Progress != nil {
			opt.Progress(done, len(files))
		}
	}
	todo := make([]int, 0, len(files))
	for i := range files {
		if kept[i] == nil {
			todo = append(todo, i)
		}
	}
	for {
		work.Each(len(todo), func(k int) { buildAt(todo[k]) })
		// A kept notice's id is what its record says. One that another
		// notice has too may be a record of another notice: built, it
		// shows its own id (or the duplicate-id error a full build finds).
		todo = todo[:0]
		ids := map[string]int{}
		for _, e := range entries {
			ids[e.id]++
		}
		for i, e := range entries {
			if kept[i] != nil && ids[e.id] > 1 {
				kept[i] = nil
				entries[i] = &entry{file: e.file, id: fallbackID(e.file)}
				todo = append(todo, i)
			}
		}
		if len(todo) == 0 {
			break
		}
	}
	// Kept on every core: a Keep is a few system calls, waiting for the
	// disk's metadata as much as for a core.
	var keptAt []int
	for i, hit := range kept {
		if hit != nil {
			keptAt = append(keptAt, i)
		}
	}
	work.Each(len(keptAt), func(k int) {
		hit := kept[keptAt[k]]
		for _, f := range append(noticeFiles(hit.ID, hit.Langs), hit.Extra...) {
			record(f, keeper.Keep(f))
		}
		mu.Lock()
		defer mu.Unlock()
		res.Reused++
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
	if err := buildFeeds(entries, langs, opt, put); err != nil {
		return nil, err
	}
	put("style.css", []byte(opt.Renderer.CSS()))
	if opt.Config.BaseURL != "" {
		put("sitemap.xml", sitemap(entries, langs, opt.Config.BaseURL))
	}
	put(publish.Marker, manifest(res))
	if sinkErr != nil {
		return nil, sinkErr
	}
	if res.Errors == 0 || opt.Lenient {
		res.Cache = &BuildCache{Global: global, Stamp: stamp, Notices: map[string]*CachedNotice{}}
		for _, e := range entries {
			if e.sum != "" && e.errors == 0 {
				res.Cache.Notices[e.file] = &CachedNotice{
					Stat: e.stat, Sum: e.sum, History: e.history, ID: e.id, Langs: e.langs,
					Updated: e.updated, Findings: e.findings, Index: e.index, Extra: e.extra,
				}
				feed := make([]FeedKey, len(e.feed))
				for k, it := range e.feed {
					feed[k] = FeedKey{Lang: it.Lang, ID: it.ID, Updated: it.Updated}
				}
				res.Cache.Notices[e.file].Feed = feed
			}
		}
	}
	return res, nil
}

// historyKey names the commits a notice's version history is read from.
func historyKey(hist *history.Reader, file string) string {
	if hist == nil {
		return ""
	}
	return strings.Join(hist.Commits(file), ",")
}

// reuse returns c when the notice in e.file is still what c was made
// from, and fills e from it; else it returns nil and e is to be built.
// A file whose metadata is unchanged is not read at all. Whatever the
// record says is checked first: a notice is kept only when a build of it
// would give what is kept, its files and its entries on the index pages.
func (e *entry) reuse(c *CachedNotice, bc *BuildCache, last *lastSite, langs []string, l notice.Loader, hist *history.Reader) *CachedNotice {
	if c == nil || !c.sane(e.file, langs, l.Defaults) {
		return nil
	}
	e.history = historyKey(hist, e.file)
	if e.history != c.History {
		return nil
	}
	same, st, sum, _, err := cache.Check(e.file, c.Stat, c.Sum, bc.Stamp, l.Read)
	if err != nil || !same {
		return nil
	}
	index := make([]IndexItem, len(c.Index))
	for k, l := range c.Langs {
		it := c.Index[k]
		if !strings.HasPrefix(it.Page, l+"/") {
			return nil // a page of another language's index
		}
		page := last.pages[it.Page]
		if it.Off < 0 || it.Len <= 0 || it.Off > len(page) || it.Len > len(page)-it.Off {
			return nil // not on the page: render again
		}
		// Copied, then checked: what is checked is what is published.
		html := string(page[it.Off : it.Off+it.Len])
		if entrySum(c.ID, l, it.indexKey(), html) != it.Sum {
			return nil
		}
		index[k] = IndexItem{Key: it.Key, Group: it.Group, Controller: it.Controller, HTML: html, Sum: it.Sum}
	}
	for _, f := range append(noticeFiles(c.ID, c.Langs), c.Extra...) {
		if !last.has(f) {
			return nil
		}
	}
	if bc.files == nil { // on disk: the folders must be as the last build left them
		if len(c.Dirs) != len(c.Langs) {
			return nil
		}
		for k, l := range c.Langs {
			if st, err := cache.StatFile(filepath.Join(bc.dir, l, c.ID)); err != nil || st != c.Dirs[k] {
				return nil
			}
		}
	}
	e.loaded, e.stat, e.sum = true, st, sum
	e.id, e.langs, e.updated, e.index = c.ID, c.Langs, c.Updated, index
	// Its versions in the languages' feeds are what its own feeds, kept
	// as they are, say: read from them, never from the record, unless
	// they are as the record's build left them (their Stats), and then
	// read when an entry of theirs makes a language's feed (feedKept).
	if c.feedTrusted(bc) {
		feed := make([]feedItem, len(c.Feed))
		for k, key := range c.Feed {
			feed[k] = feedItem{Lang: key.Lang, FeedEntry: render.FeedEntry{ID: key.ID, Updated: key.Updated}}
		}
		e.findings, e.extra, e.feed, e.feedKept, e.last = c.Findings, c.Extra, feed, true, last
		return c
	}
	var feed []feedItem
	for _, l := range c.Langs {
		b, ok := last.read(l + "/" + c.ID + "/" + feedFile)
		if !ok {
			return nil
		}
		items, err := readFeedEntries(b)
		if err != nil {
			return nil
		}
		for _, it := range items {
			feed = append(feed, feedItem{Lang: l, FeedEntry: it})
		}
	}
	e.findings, e.extra, e.feed = c.Findings, c.Extra, feed
	return c
}

// feedTrusted reports whether the notice's feeds in the last site on disk
// are as the record's build left them, by their Stats (cache.Stat.Trust).
func (c *CachedNotice) feedTrusted(bc *BuildCache) bool {
	if bc.files != nil || len(c.FeedStats) != len(c.Langs) {
		return false
	}
	// Every language's feed has the current version at least, and a
	// version once.
	ids := map[FeedKey]bool{}
	for _, k := range c.Feed {
		if ids[FeedKey{Lang: k.Lang, ID: k.ID}] {
			return false
		}
		ids[FeedKey{Lang: k.Lang, ID: k.ID}] = true
		ids[FeedKey{Lang: k.Lang}] = true
	}
	for _, l := range c.Langs {
		if !ids[FeedKey{Lang: l}] {
			return false
		}
	}
	for k, l := range c.Langs {
		st, err := cache.StatFile(filepath.Join(bc.dir, l, c.ID, feedFile))
		if err != nil || !c.FeedStats[k].Trust(st, bc.Stamp) {
			return false
		}
	}
	return true
}

// sane reports whether c could be the record of a build of file with
// langs: a slug for an id, some of langs in their order, an index entry
// for each, and warnings about file (or the defaults it takes) only.
func (c *CachedNotice) sane(file string, langs []string, defaults *notice.Defaults) bool {
	if !slugOK(c.ID) || len(c.Index) != len(c.Langs) {
		return false
	}
	k := 0
	for _, l := range c.Langs {
		for k < len(langs) && langs[k] != l {
			k++
		}
		if k == len(langs) {
			return false // not built, twice, or out of order
		}
		k++
	}
	for _, f := range c.Findings {
		if f.Severity != validate.Warning || f.File != file && (defaults == nil || f.File != defaults.Path) {
			return false
		}
	}
	return true
}

// entrySum binds a notice's entry on the index page of lang to the notice
// and the key the page is sorted by: an entry found at the place a record
// names is kept only when it is the one that record's build wrote there.
func entrySum(id, lang, key, html string) string {
	return cache.Key([]byte(id), []byte(lang), []byte(key), []byte(html))
}

// lastSite is what of the last build a kept notice is checked against:
// the files it made and its index pages.
type lastSite struct {
	dir    string
	files  map[string]bool
	mem    map[string][]byte // a build in memory (serve)
	pages  map[string][]byte
	mapped []*mapped
}

func openLastSite(c *BuildCache, langs []string) *lastSite {
	s := &lastSite{pages: map[string][]byte{}}
	ofLangs := func(p string) bool {
		lang, _, _ := strings.Cut(p, "/")
		return indexPageOK(p) && slices.Contains(langs, lang)
	}
	if c.files != nil {
		s.mem = c.files
		for p, b := range c.files {
			if ofLangs(p) {
				s.pages[p] = b
			}
		}
		return s
	}
	s.files = map[string]bool{}
	s.dir = c.dir
	if m, err := mapFile(c.dir, publish.Marker); err == nil {
		if len(m.data) <= publish.MaxMarker {
			for line := range bytes.Lines(m.data) {
				if line = bytes.TrimSuffix(line, []byte("\n")); len(line) > 0 && line[0] != '#' {
					s.files[string(line)] = true
				}
			}
		}
		m.close()
	}
	for p := range c.Pages {
		if !ofLangs(p) {
			continue
		}
		if m, err := mapFile(c.dir, p); err == nil {
			s.mapped = append(s.mapped, m)
			s.pages[p] = m.data
		}
	}
	return s
}

// has reports whether the last build made the file p.
func (s *lastSite) has(p string) bool {
	if s.mem != nil {
		_, ok := s.mem[p]
		return ok
	}
	return s.files[p]
}

// read returns the last build's file p, when it made one.
func (s *lastSite) read(p string) ([]byte, bool) {
	if s.mem != nil {
		b, ok := s.mem[p]
		return b, ok
	}
	if !s.files[p] {
		return nil, false
	}
	m, err := mapFile(s.dir, p)
	if err != nil {
		return nil, false
	}
	defer m.close()
	if len(m.data) > maxFeedBytes {
		return nil, false
	}
	return bytes.Clone(m.data), true
}

// close unmaps the pages; kept entries were copied from them.
func (s *lastSite) close() {
	for _, m := range s.mapped {
		m.close()
	}
	s.pages = nil
}

// build loads, validates and renders the notice in e.file.
func (e *entry) build(langs []string, opt Options, hist *history.Reader, put func(string, []byte)) error {
	st, statErr := cache.StatFile(e.file)
	l := opt.Config.Loader()
	src, err := l.Read(e.file)
	var doc *notice.Document
	if err == nil {
		doc, err = l.Parse(e.file, src)
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
		return buildNotice(e, doc, langs, opt, hist, put)
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
		lines, flang := findingLinesIn(e.findings, l)
		if err := opt.Renderer.RenderErrorIn(&buf, l, e.file, lines, flang); err != nil {
			return err
		}
		put(path.Join(l, e.id, "index.html"), buf.Bytes())
	}
	return nil
}

// findingLinesIn are the findings in the page's language, and that
// language; in English when the language has no message catalogue or a
// finding has its English text only (one made outside package validate,
// or kept by a cache that did not say it in other languages).
func findingLinesIn(fs []validate.Finding, lang string) ([]string, string) {
	m, err := i18n.LoadMessages(templates.FS, lang)
	if err != nil || m == nil {
		return findingLines(fs), "en"
	}
	lines := make([]string, len(fs))
	for i, f := range fs {
		if !f.Translatable() {
			return findingLines(fs), "en"
		}
		lines[i] = f.StringIn(m)
	}
	return lines, lang
}

// findingLines are findings as validate prints them, for the error page.
func findingLines(fs []validate.Finding) []string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.String()
	}
	return lines
}

// sameInEveryLanguage is the format whose file is the same in every
// language, the model's JSON (TestJSONSameInEveryLanguage): a build
// makes it once per notice.
const sameInEveryLanguage = "json"

func buildNotice(e *entry, doc *notice.Document, langs []string, opt Options, hist *history.Reader, put func(string, []byte)) error {
	n := &doc.Notice
	nl := noticeLangs(n, langs)
	e.langs, e.updated = nl, n.Updated
	e.index = make([]IndexItem, len(nl))
	var versions []*notice.Notice
	if hist != nil {
		versions = hist.Versions(e.file, doc)
	}
	// Which earlier versions get pages of their own, by version: one whose
	// version can be a folder name, written in the language of the page,
	// and the newest of versions whose names differ only by case ("1.0-A",
	// "1.0-a"), which a case-insensitive disk takes as one folder.
	archived := func(l, v string) bool {
		for i, o := range versions {
			if o.Version == v {
				for _, newer := range versions[:i] {
					if strings.EqualFold(newer.Version, v) {
						return false
					}
				}
				return versionSlugOK(v) && slices.Contains(o.Languages, l)
			}
		}
		return false
	}
	e.extra, e.feed = nil, nil
	var data []byte // the notice's JSON, made once for every language
	for _, l := range nl {
		base := path.Join(l, n.ID)
		c, err := opt.Renderer.Catalog(l)
		if err != nil {
			return err
		}
		feeds := feedLinks(c, opt.Config, l, "")
		ro := render.Options{Lang: l, Stylesheet: "../../style.css", IndexURL: "../index.html", Languages: nl, History: versions, ShowHistory: true,
			Canonical: pageURL(opt.Config.BaseURL, l, n.ID, ""), Feeds: feeds,
			Site: siteInfo(opt.Config, noticeCrumbs(c, opt.Config, l, "")...), Downloads: downloads(c),
			VersionHref: func(v string) string {
				if archived(l, v) {
					return versionDir(v) + "/index.html"
				}
				return ""
			},
			DiffHref: func(older string) string {
				if archived(l, older) {
					return versionDir(older) + "/" + diffDir + "/index.html"
				}
				return ""
			},
		}
		if opt.Config.BaseURL != "" {
			ro.AltURL = func(lang, id string) string { return opt.Config.BaseURL + lang + "/" + id + "/" }
		}
		page, err := opt.Renderer.Page(n, ro)
		if err != nil {
			return fmt.Errorf("%s: %w", e.file, err)
		}
		for _, f := range noticeOutputs {
			if f.Name == sameInEveryLanguage && data != nil {
				put(path.Join(base, f.File), data)
				continue
			}
			var buf bytes.Buffer
			ro.Format = f.Name
			if err := opt.Renderer.RenderPage(&buf, page, ro); err != nil {
				return fmt.Errorf("%s: %w", e.file, err)
			}
			if f.Name == sameInEveryLanguage {
				data = buf.Bytes()
			}
			put(path.Join(base, f.File), buf.Bytes())
		}
		items := feedEntries(n, versions, l, c, opt.Config.BaseURL, archived)
		for _, it := range items {
			e.feed = append(e.feed, feedItem{Lang: l, FeedEntry: it})
		}
		var fb bytes.Buffer
		if err := opt.Renderer.RenderFeed(&fb, noticeFeed(c, opt.Config, l, n, items)); err != nil {
			return err
		}
		put(path.Join(base, feedFile), fb.Bytes())
		for i, v := range versions {
			if !archived(l, v.Version) {
				continue
			}
			// The version that replaced v, and its page seen from v's: a
			// version without a page of its own is linked as the current.
			next, nextHref := n, "../../index.html"
			if i > 0 {
				next = versions[i-1]
				if archived(l, next.Version) {
					nextHref = "../" + next.Version + "/index.html"
				}
			}
			if err := buildVersion(e, v, next, n, nextHref, nl, l, c, opt, put); err != nil {
				return fmt.Errorf("%s: version %s: %w", e.file, v.Version, err)
			}
		}
		ie := render.IndexEntry{
			ID: n.ID, Title: n.Title[l], URL: n.ID + "/index.html", Controller: n.Controller.Name.In(l),
			Updated: c.Date(n.Updated), UpdatedISO: n.Updated,
		}
		var b strings.Builder
		if err := opt.Renderer.RenderIndexEntry(&b, l, ie); err != nil {
			return err
		}
		it := IndexItem{Key: sortKey(ie.Title), Group: indexGroupName(n.IndexGroup[l]), Controller: ie.Controller, HTML: b.String()}
		it.Sum = entrySum(e.id, l, it.indexKey(), it.HTML)
		e.index[slices.Index(nl, l)] = it
	}
	return nil
}

// The folders of an earlier version's pages in a notice's folder:
// versjon/<version>/ the notice as it was, versjon/<version>/endringer/
// what changed when the next version replaced it. The names are the same
// in every language, so that a link survives a language switch.
const (
	versionsDir = "versjon"
	diffDir     = "endringer"
)

func versionDir(v string) string { return versionsDir + "/" + v }

// versionSlugOK reports whether a notice's version can name its folder:
// letters, digits, dots, hyphens and underscores, starting with a letter
// or digit (never "." or ".."), as "1.0" or "2024-1".
func versionSlugOK(v string) bool {
	if v == "" || len(v) > 32 {
		return false
	}
	for i, r := range v {
		alnum := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !alnum && (i == 0 || r != '.' && r != '-' && r != '_') {
			return false
		}
	}
	return true
}

// pageURL is the address of a notice's page (sub: a folder in it, ending
// in "/"), for rel=canonical: absolute under the base URL, else relative
// to the page itself.
func pageURL(base, lang, id, sub string) string {
	if base == "" {
		return "./"
	}
	return base + lang + "/" + id + "/" + sub
}

// siteURL is the address of a page at p in the site (a folder, ending in
// "/"), for rel=canonical; relative to the page itself without a base URL.
func siteURL(base, p string) string {
	if base == "" {
		return "./"
	}
	return base + p
}

// buildVersion writes the page of an earlier version v of the notice
// current in lang, and the page of the changes from v to next, the
// version that replaced it.
func buildVersion(e *entry, v, next, current *notice.Notice, nextHref string, nl []string, lang string, c *i18n.Catalog, opt Options, put func(string, []byte)) error {
	dir := path.Join(lang, current.ID, versionDir(v.Version))
	sub := versionDir(v.Version) + "/"
	up := "../../" // from the version's folder to the notice's
	var vl []string
	for _, l := range nl {
		if slices.Contains(v.Languages, l) {
			vl = append(vl, l)
		}
	}
	from, to := c.DateRange(v.Updated, next.Updated)
	ro := render.Options{
		Lang: lang, Format: "html", Stylesheet: up + "../../style.css", IndexURL: up + "../index.html", Languages: vl,
		Feeds:     feedLinks(c, opt.Config, lang, up),
		Site:      siteInfo(opt.Config, append(noticeCrumbs(c, opt.Config, lang, up), render.Crumb{Text: current.Title[lang], Href: up + "index.html"})...),
		Canonical: pageURL(opt.Config.BaseURL, lang, current.ID, sub),
		AltHref:   func(l, id string) string { return up + "../../" + l + "/" + id + "/" + sub + "index.html" },
		Archive: &render.Archive{
			From: from, To: to, Next: next.Version,
			CurrentHref: up + "index.html", DiffHref: diffDir + "/index.html",
		},
	}
	if opt.Config.BaseURL != "" {
		ro.AltURL = func(l, id string) string { return opt.Config.BaseURL + l + "/" + id + "/" + sub }
	} else {
		ro.AltURL = func(l, id string) string { return up + "../../" + l + "/" + id + "/" + sub }
	}
	// Every format of the version, as the current version has them, each
	// saying when it applied.
	ro.Downloads = downloads(c)
	page, err := opt.Renderer.Page(v, ro)
	if err != nil {
		return err
	}
	for _, f := range noticeOutputs {
		var buf bytes.Buffer // a new buffer each: a sink may keep the bytes it is given
		ro.Format = f.Name
		if err := opt.Renderer.RenderPage(&buf, page, ro); err != nil {
			return err
		}
		p := path.Join(dir, f.File)
		put(p, buf.Bytes())
		e.extra = append(e.extra, p)
	}

	var buf bytes.Buffer
	rep := diff.Compare(v, next, "", "", c)
	dp := render.DiffPage{
		Stylesheet: up + "../../../style.css", IndexURL: up + "../../index.html",
		Canonical: pageURL(opt.Config.BaseURL, lang, current.ID, sub+diffDir+"/"),
		OldHref:   "../index.html", NewHref: "../" + nextHref, NewCurrent: nextHref == up+"index.html",
		Feeds: feedLinks(c, opt.Config, lang, "../"+up),
		Site: siteInfo(opt.Config, append(noticeCrumbs(c, opt.Config, lang, "../"+up),
			render.Crumb{Text: current.Title[lang], Href: "../" + up + "index.html"},
			render.Crumb{Text: c.T("history.version", v.Version, c.Date(v.Updated)), Href: "../index.html"})...),
	}
	if err := opt.Renderer.RenderDiffPage(&buf, rep, dp); err != nil {
		return err
	}
	p := path.Join(dir, diffDir, "index.html")
	put(p, buf.Bytes())
	e.extra = append(e.extra, p)
	return nil
}

// noticeOutputs are the files of a notice in each of its languages.
var noticeOutputs = render.SiteFormats()

// Publishes reports whether a build makes a file at the slash path p: a
// file at the top (the front page, stylesheet, sitemap), a language's
// index page, or one of a notice's files in a language. It is the Layout
// a site is published with (see publish.Options).
func Publishes(p string) bool {
	parts := strings.Split(p, "/")
	switch len(parts) {
	case 1:
		return p == "index.html" || p == "style.css" || p == "sitemap.xml"
	case 2:
		return i18n.IsLanguageCode(parts[0]) && (parts[1] == "index.html" || parts[1] == feedFile || indexPartFile(parts[1]))
	case 3:
		if !i18n.IsLanguageCode(parts[0]) || !slugOK(parts[1]) {
			return false
		}
		return parts[2] == feedFile || isNoticeOutput(parts[2])
	case 5, 6:
		// An earlier version: <lang>/<id>/versjon/<version>/ with the files
		// of a notice (index.html, index.md, …) and
		// its changes, …/endringer/index.html.
		return i18n.IsLanguageCode(parts[0]) && slugOK(parts[1]) && parts[2] == versionsDir && versionSlugOK(parts[3]) &&
			(len(parts) == 5 && isNoticeOutput(parts[4]) || len(parts) == 6 && parts[4] == diffDir && parts[5] == "index.html")
	}
	return false
}

// isNoticeOutput reports whether name is the file of a notice's format.
func isNoticeOutput(name string) bool {
	return slices.ContainsFunc(noticeOutputs, func(f render.Format) bool { return f.File == name })
}

// versionFile reports whether p is a page of an earlier version of the
// notice id in one of langs (see Publishes).
func versionFile(p, id string, langs []string) bool {
	parts := strings.Split(p, "/")
	return len(parts) >= 5 && slices.Contains(langs, parts[0]) && parts[1] == id && Publishes(p)
}

// noticeFiles are the paths of a notice's files in the site.
func noticeFiles(id string, langs []string) []string {
	out := make([]string, 0, len(langs)*(len(noticeOutputs)+1))
	for _, l := range langs {
		for _, f := range noticeOutputs {
			out = append(out, l+"/"+id+"/"+f.File) // id and lang are slugs
		}
		out = append(out, l+"/"+id+"/"+feedFile)
	}
	return out
}

func manifest(r *Result) []byte {
	var b strings.Builder
	b.Grow(len(r.paths) * 48)
	b.WriteString("# Made by personvern build. personvern replaces these files on the next\n# build and refuses to touch a folder with other files in it.\n")
	for _, p := range r.Paths() {
		if p != publish.Marker {
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
