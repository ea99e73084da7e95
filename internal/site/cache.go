package site

import (
	"encoding/gob"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/validate"
	"gopkg.in/yaml.v3"
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
	// Pages are the Stats of the index pages, which kept notices' entries
	// are copied from.
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
	Index    []IndexItem        // where its entry is on the index page of each of Langs
}

func cacheName(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return cache.Name("build", cache.Key([]byte(abs)))
}

// cacheHeader starts a cache file; a CachedNotice and its file name follow
// for each of Count notices.
type cacheHeader struct {
	Global string
	Stamp  int64
	Site   cache.Stat
	Pages  map[string]cache.Stat
	Count  int
}

// LoadCache returns the record of the last build into out, or nil when
// there is none, or out has changed since.
func LoadCache(out string) *BuildCache {
	var c BuildCache
	ok := cache.Load(cacheName(out), func(dec *gob.Decoder) error {
		var h cacheHeader
		if err := dec.Decode(&h); err != nil {
			return err
		}
		c = BuildCache{Global: h.Global, Stamp: h.Stamp, Site: h.Site, Pages: h.Pages, Notices: make(map[string]*CachedNotice, h.Count), dir: out}
		for i := 0; i < h.Count; i++ {
			var file string
			n := &CachedNotice{}
			if err := dec.Decode(&file); err != nil {
				return err
			}
			if err := dec.Decode(n); err != nil {
				return err
			}
			c.Notices[file] = n
		}
		return nil
	})
	if !ok {
		return nil
	}
	st, err := cache.StatFile(filepath.Join(out, Marker))
	if err != nil || st != c.Site {
		return nil
	}
	for lang, want := range c.Pages {
		if st, err := cache.StatFile(filepath.Join(out, lang, "index.html")); err != nil || st != want {
			return nil
		}
	}
	return &c
}

// SaveCache records c as the last build into out; call it after the
// output is in place.
func SaveCache(out string, c *BuildCache) error {
	if c == nil {
		return nil
	}
	st, err := cache.StatFile(filepath.Join(out, Marker))
	if err != nil {
		return err
	}
	c.Site = st
	c.Pages = map[string]cache.Stat{}
	langs := map[string]bool{}
	for _, n := range c.Notices {
		for _, l := range n.Langs {
			langs[l] = true
		}
	}
	for l := range langs {
		if c.Pages[l], err = cache.StatFile(filepath.Join(out, l, "index.html")); err != nil {
			return err
		}
	}
	files := make([]string, 0, len(c.Notices))
	for f := range c.Notices {
		files = append(files, f)
	}
	sort.Strings(files)
	return cache.Save(cacheName(out), func(enc *gob.Encoder) error {
		if err := enc.Encode(cacheHeader{Global: c.Global, Stamp: c.Stamp, Site: c.Site, Pages: c.Pages, Count: len(files)}); err != nil {
			return err
		}
		for _, f := range files {
			if err := enc.Encode(f); err != nil {
				return err
			}
			if err := enc.Encode(c.Notices[f]); err != nil {
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
	if d := opt.Config.Defaults; d != nil && d.Node != nil {
		// With positions: a finding in a default points into its file.
		var b strings.Builder
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			fmt.Fprintf(&b, "%d %d:%d %s %q\n", n.Kind, n.Line, n.Column, n.Tag, n.Value)
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(d.Node)
		parts = append(parts, []byte(d.Path), []byte(b.String()))
	}
	return cache.Key(parts...)
}
