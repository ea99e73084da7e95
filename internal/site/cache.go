package site

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/validate"
)

// BuildCache records what the last build into an output folder made from
// each notice, so that the next build renders only the notices whose
// inputs changed and takes the rest of the files as they are.
type BuildCache struct {
	// Global hashes everything all pages depend on: the personvern
	// binary, the templates, the site settings and the defaults.
	Global string
	// Stamp is when the build started (unix nanoseconds); see cache.Stat.
	Stamp int64
	// Site is the Stat of the output's marker file after the build: when
	// it differs, the output is no longer the one this cache describes
	// (another build, a checkout), and the cache is not used.
	Site cache.Stat
	// Pages are the Stats of the index pages, by path (nb/index.html, and
	// the pages of a split index), which kept notices' entries are copied
	// from.
	Pages   map[string]cache.Stat
	Notices map[string]*CachedNotice // by notice file
	dir     string                   // the output folder
	files   map[string][]byte        // or the files of a build in memory
}

// CachedNotice is one notice of a BuildCache.
type CachedNotice struct {
	Stat     cache.Stat
	Sum      string // content of the file
	History  string // the commits the version history was read from
	ID       string
	Langs    []string
	Updated  string
	Findings []validate.Finding // warnings; notices with errors are not kept
	Index    []IndexItem        // where its entry is on the index page of each of Langs, and its entrySum
	// Dirs are the Stats of the notice's folder in each of Langs after the
	// build. git replaces a file by removing it and making it anew, which
	// changes its folder: a page a commit changed is made again, never kept.
	Dirs []cache.Stat
	// Extra are the pages of its earlier versions (versjon/…), which its
	// History decides.
	Extra []string
	// Feed are its versions in the feeds of its languages, by the keys
	// the language's feed is sorted by, and FeedStats the Stats of its
	// own feed in each of Langs after the build. When those are
	// unchanged, and older than the build (cache.Stat.Trust), the feeds
	// say what Feed does, and only the entries that make a language's
	// feed are read from them (see entry.feedKept).
	Feed      []FeedKey
	FeedStats []cache.Stat
}

// FeedKey is a version of a notice in the feed of Lang, by what the feed
// is sorted by.
type FeedKey struct{ Lang, ID, Updated string }

func cacheName(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return cache.Name("build", cache.Key([]byte(abs)))
}

// A build cache file is a header record, then a record for each notice
// (see cache.Reader). Each is checked on its own: a damaged notice record
// makes that notice be built again, a damaged header no cache at all.
const cacheKind = "personvern build cache"

func encodeHeader(e *cache.Enc, c *BuildCache) {
	e.String(cacheKind)
	e.String(c.Global)
	e.Int(c.Stamp)
	e.Stat(c.Site)
	pages := make([]string, 0, len(c.Pages))
	for p := range c.Pages {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	e.Uint(uint64(len(pages)))
	for _, p := range pages {
		e.String(p)
		e.Stat(c.Pages[p])
	}
}

func decodeHeader(d *cache.Dec, out string) (*BuildCache, error) {
	if d.String() != cacheKind {
		return nil, errors.New("not a build cache")
	}
	c := &BuildCache{Global: d.String(), Stamp: d.Int(), Site: d.Stat(), Pages: map[string]cache.Stat{}, Notices: map[string]*CachedNotice{}, dir: out}
	for n := d.Len(); n > 0 && d.OK(); n-- {
		p := d.String()
		if !indexPageOK(p) {
			return nil, errors.New("build cache: bad index page")
		}
		c.Pages[p] = d.Stat()
	}
	return c, d.Err()
}

func encodeNotice(e *cache.Enc, file string, n *CachedNotice) {
	e.String(file)
	e.Stat(n.Stat)
	e.String(n.Sum)
	e.String(n.History)
	e.String(n.ID)
	e.Strings(n.Langs)
	e.String(n.Updated)
	e.Findings(n.Findings)
	e.Uint(uint64(len(n.Index)))
	for _, it := range n.Index {
		e.String(it.Key)
		e.String(it.Group)
		e.String(it.Controller)
		e.String(it.Page)
		e.String(it.Sum)
		e.Int(int64(it.Off))
		e.Int(int64(it.Len))
	}
	e.Uint(uint64(len(n.Dirs)))
	for _, st := range n.Dirs {
		e.Stat(st)
	}
	e.Strings(n.Extra)
	e.Uint(uint64(len(n.Feed)))
	for _, k := range n.Feed {
		e.String(k.Lang)
		e.String(k.ID)
		e.String(k.Updated)
	}
	e.Uint(uint64(len(n.FeedStats)))
	for _, st := range n.FeedStats {
		e.Stat(st)
	}
}

// decodeNotice reads a notice record and refuses values no build makes;
// what depends on this build (its languages, the last site's pages) is
// checked when the notice is kept (entry.reuse).
func decodeNotice(d *cache.Dec) (string, *CachedNotice, error) {
	file := d.String()
	n := &CachedNotice{Stat: d.Stat(), Sum: d.String(), History: d.String(), ID: d.String(), Langs: d.Strings(), Updated: d.String(), Findings: d.Findings()}
	for k := d.Len(); k > 0 && d.OK(); k-- {
		n.Index = append(n.Index, IndexItem{Key: d.String(), Group: d.String(), Controller: d.String(), Page: d.String(), Sum: d.String(), Off: d.Int32(), Len: d.Int32()})
	}
	for k := d.Len(); k > 0 && d.OK(); k-- {
		n.Dirs = append(n.Dirs, d.Stat())
	}
	n.Extra = d.Strings()
	for k := d.Len(); k > 0 && d.OK(); k-- {
		n.Feed = append(n.Feed, FeedKey{Lang: d.String(), ID: d.String(), Updated: d.String()})
	}
	for k := d.Len(); k > 0 && d.OK(); k-- {
		n.FeedStats = append(n.FeedStats, d.Stat())
	}
	if err := d.Err(); err != nil {
		return "", nil, err
	}
	if file == "" || !slugOK(n.ID) || len(n.Index) != len(n.Langs) {
		return "", nil, errors.New("build cache: bad notice record")
	}
	for _, k := range n.Feed {
		if !slices.Contains(n.Langs, k.Lang) || k.ID == "" {
			return "", nil, errors.New("build cache: bad feed entry")
		}
	}
	for _, p := range n.Extra {
		if !versionFile(p, n.ID, n.Langs) {
			return "", nil, errors.New("build cache: bad version page")
		}
	}
	for _, it := range n.Index {
		if it.Off < 0 || it.Len <= 0 || len(it.Sum) != 64 || !indexPageOK(it.Page) {
			return "", nil, errors.New("build cache: bad index entry")
		}
	}
	return file, n, nil
}

// LoadCache returns the record of the last build into out, or nil when
// there is none, or out has changed since.
func LoadCache(out string) *BuildCache {
	var c *BuildCache
	ok := cache.Load(cacheName(out), func(r *cache.Reader) error {
		d, err := r.Next()
		if err != nil {
			return err
		}
		if c, err = decodeHeader(d, out); err != nil {
			return err
		}
		for {
			d, err := r.Next()
			switch {
			case err == cache.ErrDamaged:
				continue // that notice is built again
			case err != nil:
				return nil // the end, or what follows is lost: built again
			}
			if file, n, err := decodeNotice(d); err == nil {
				c.Notices[file] = n
			}
		}
	})
	if !ok || c == nil {
		return nil
	}
	st, err := cache.StatFile(filepath.Join(out, publish.Marker))
	if err != nil || st != c.Site {
		return nil
	}
	for p, want := range c.Pages {
		if st, err := cache.StatFile(filepath.Join(out, filepath.FromSlash(p))); err != nil || st != want {
			return nil
		}
	}
	return c
}

// SaveCache records c as the last build into out; call it after the
// output is in place.
func SaveCache(out string, c *BuildCache) error {
	if c == nil {
		return nil
	}
	st, err := cache.StatFile(filepath.Join(out, publish.Marker))
	if err != nil {
		return err
	}
	c.Site = st
	c.Pages = map[string]cache.Stat{}
	for _, n := range c.Notices {
		for _, it := range n.Index {
			if _, done := c.Pages[it.Page]; done || !indexPageOK(it.Page) {
				continue
			}
			st, err := cache.StatFile(filepath.Join(out, filepath.FromSlash(it.Page)))
			switch {
			case errors.Is(err, fs.ErrNotExist):
				continue // no entry can be kept from it
			case err != nil:
				return err
			}
			c.Pages[it.Page] = st
		}
	}
	files := make([]string, 0, len(c.Notices))
notices:
	for f, n := range c.Notices {
		n.Dirs, n.FeedStats = n.Dirs[:0], n.FeedStats[:0]
		for _, l := range n.Langs {
			if !slugOK(l) || !slugOK(n.ID) {
				continue notices // no build makes such a record: not kept
			}
			st, err := cache.StatFile(filepath.Join(out, l, n.ID))
			if err != nil {
				continue notices // made again next time
			}
			n.Dirs = append(n.Dirs, st)
			if st, err = cache.StatFile(filepath.Join(out, l, n.ID, feedFile)); err == nil {
				n.FeedStats = append(n.FeedStats, st)
			}
		}
		if len(n.FeedStats) != len(n.Langs) {
			n.FeedStats = nil // its feeds are read next time
		}
		files = append(files, f)
	}
	sort.Strings(files)
	return cache.Save(cacheName(out), func(w *cache.Writer) error {
		var e cache.Enc
		encodeHeader(&e, c)
		if err := w.Write(&e); err != nil {
			return err
		}
		for _, f := range files {
			e.Reset()
			encodeNotice(&e, f, c.Notices[f])
			if err := w.Write(&e); err != nil {
				return err
			}
		}
		return nil
	})
}

// Matches reports whether c was made with the same binary, templates and
// settings as a build with opt would use, so that its files can be kept.
func (c *BuildCache) Matches(opt Options) bool {
	return c != nil && c.Global == globalKey(opt, buildLangs(opt))
}

// globalKey hashes what every page of a build depends on besides its own
// notice.
func globalKey(opt Options, langs []string) string {
	parts := [][]byte{
		[]byte(cache.BuildID()),
		[]byte(opt.Renderer.Fingerprint()),
		[]byte(opt.Config.BaseURL),
		[]byte(strings.Join(langs, ",")),
		[]byte(strconv.FormatBool(opt.NoHistory)),
		[]byte(strconv.FormatBool(opt.Lenient)),
	}
	for _, l := range langs {
		parts = append(parts, []byte(l+"="+opt.Config.Title[l]))
	}
	// The owner is on every page.
	o := opt.Config.Owner
	parts = append(parts, []byte(o.Name), []byte(o.URL), []byte(o.Contact), []byte(o.Accessibility))
	if fp := opt.Config.Defaults.Fingerprint(); fp != "" {
		parts = append(parts, []byte(fp))
	}
	return cache.Key(parts...)
}
