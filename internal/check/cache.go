package check

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
)

// record is what a run over many files keeps for the next run over the
// same files: each file's Stat, content hash and findings.
type record struct {
	Stamp   int64
	Notices []entry
	byFile  map[string]entry
}

type entry struct {
	File     string
	Stat     cache.Stat
	Sum      string
	Findings []validate.Finding
}

// cacheName names the cache of a run over files with this build of
// personvern, whose schema and rules the findings come from, and these
// defaults, which are part of every notice, and limits, which decide what
// loads.
func cacheName(files []string, l notice.Loader) string {
	parts := [][]byte{[]byte(cache.BuildID()), []byte(l.Defaults.Fingerprint()), []byte(fmt.Sprint(l.Limits))}
	// The folder one is in is asked once, not once a file as filepath.Abs
	// does (two stats each: a tenth of a warm run over 10,000 notices).
	wd, wdErr := os.Getwd()
	for _, f := range files {
		abs := filepath.Clean(f) // what filepath.Abs gives
		if !filepath.IsAbs(f) && wdErr == nil {
			abs = filepath.Join(wd, f)
		}
		parts = append(parts, []byte(abs))
	}
	return cache.Name("validate", cache.Key(parts...))
}

// A cache file is a header record, then a record for each file (see
// cache.Reader); a damaged record makes that file be checked again.
const cacheKind = "personvern validate cache"

func load(files []string, l notice.Loader) *record {
	rec := &record{}
	ok := cache.Load(cacheName(files, l), func(r *cache.Reader) error {
		d, err := r.Next()
		if err != nil {
			return err
		}
		kind, stamp := d.String(), d.Int()
		if err := d.Err(); err != nil || kind != cacheKind {
			return errors.New("not a validate cache")
		}
		rec.Stamp, rec.byFile = stamp, map[string]entry{}
		for {
			d, err := r.Next()
			switch {
			case err == cache.ErrDamaged:
				continue
			case err != nil:
				return nil // the end, or the rest is lost: checked again
			}
			c := entry{File: d.String(), Stat: d.Stat(), Sum: d.String(), Findings: d.Findings()}
			if d.Err() != nil {
				continue
			}
			rec.byFile[c.File] = c
		}
	})
	if !ok {
		return &record{}
	}
	return rec
}

// sane reports whether c could be what checking c.File found: a content
// hash, and findings about that file or the defaults it takes (a file
// named defaults, "" for none).
func (c entry) sane(defaults string) bool {
	if c.File == "" || len(c.Sum) != 64 {
		return false
	}
	for _, f := range c.Findings {
		if f.File != c.File && (defaults == "" || f.File != defaults) {
			return false
		}
	}
	return true
}

func (rec *record) save(files []string, l notice.Loader) {
	_ = cache.Save(cacheName(files, l), func(w *cache.Writer) error {
		var e cache.Enc
		e.String(cacheKind)
		e.Int(rec.Stamp)
		if err := w.Write(&e); err != nil {
			return err
		}
		for _, c := range rec.Notices {
			if c.File == "" {
				continue // not loaded: checked again next time
			}
			e.Reset()
			e.String(c.File)
			e.Stat(c.Stat)
			e.String(c.Sum)
			e.Findings(c.Findings)
			if err := w.Write(&e); err != nil {
				return err
			}
		}
		return nil
	})
}
