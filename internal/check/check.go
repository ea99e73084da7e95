// Package check validates many notice files in one run, as validate and
// render do, loading each through the commands' notice.Loader and keeping
// the findings between runs (see package cache), so that checking
// thousands of notices again on every push checks only the changed ones.
package check

import (
	"time"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/internal/work"
)

// Options say how to load and check the notices.
type Options struct {
	Loader    notice.Loader // the configuration's defaults (see site.Config.Loader)
	Validator *validate.Validator
	// Cache keeps findings between runs in the cache folder (cache.Dir);
	// a run over a single file does not use it either way.
	Cache bool
	// Translatable asks for findings that can be said in another language
	// (validate.Finding.Translatable): a file whose cached findings kept
	// their English text only is checked again.
	Translatable bool
}

// Result is what checking a set of files found.
type Result struct {
	Files    []string
	Findings []validate.Finding // sorted (validate.Sort)
	// Docs are the notices whose source lines a report shows: those with
	// findings, or the only one checked (render uses it, parsed whole);
	// when more are checked, each holds only its Path, and Line reads its
	// source when a report shows a line of it (most reports show none).
	Docs []*notice.Document
	// LoadFailed is set when a file could not be read or parsed; its
	// finding says why.
	LoadFailed bool
	Reused     int // notices whose findings were taken from the cache

	defaults *notice.Defaults
	loader   notice.Loader
	byPath   map[string]*notice.Document
}

// Line returns line n of file's source, for showing a finding in context.
func (r *Result) Line(file string, n int) string {
	if r.byPath == nil {
		r.byPath = make(map[string]*notice.Document, len(r.Docs))
		for _, d := range r.Docs {
			r.byPath[d.Path] = d
		}
	}
	if d := r.byPath[file]; d != nil {
		if d.Src == nil {
			d.Src, _ = r.loader.Read(file)
			if d.Src == nil {
				d.Src = []byte{} // read once, even when it cannot be
			}
		}
		return d.Line(n)
	}
	if r.defaults != nil && r.defaults.Path == file { // a finding in a default
		return (&notice.Document{Src: r.defaults.Src}).Line(n)
	}
	return ""
}

// Files loads and validates every file. A file that cannot be loaded
// becomes a finding too, so that all files are checked and reported in
// one run.
func Files(files []string, opt Options) *Result {
	res := &Result{Files: files, defaults: opt.Loader.Defaults, loader: opt.Loader}
	docs := make([]*notice.Document, len(files))
	shown := make([]bool, len(files)) // docs[i] holds only a Path, for Line
	found := make([][]validate.Finding, len(files))
	reused := make([]bool, len(files))
	trusted := make([]bool, len(files)) // reused without reading the file
	caching := opt.Cache && len(files) > 1 && cache.Dir() != ""
	prev := &record{}
	if caching {
		prev = load(files, opt.Loader)
	}
	next := &record{Stamp: time.Now().UnixNano(), Notices: make([]entry, len(files))}
	defaults := ""
	if opt.Loader.Defaults != nil {
		defaults = opt.Loader.Defaults.Path
	}
	work.Each(len(files), func(i int) {
		file := files[i]
		var src []byte
		if c, ok := prev.byFile[file]; ok && c.sane(defaults) {
			same, st, sum, b, err := cache.Check(file, c.Stat, c.Sum, prev.Stamp, opt.Loader.Read)
			if err == nil && same && (!opt.Translatable || translatable(c.Findings)) {
				found[i], reused[i], trusted[i] = c.Findings, true, b == nil
				next.Notices[i] = entry{File: file, Stat: st, Sum: sum, Findings: c.Findings}
				docs[i] = &notice.Document{}
				if len(c.Findings) > 0 { // their source lines may be shown
					docs[i], shown[i] = &notice.Document{Path: file}, true
				}
				return
			}
			src = b
		}
		// Stat before reading: an edit after the read then shows next time.
		var st cache.Stat
		keep := false
		if caching {
			var err error
			st, err = cache.StatFile(file)
			keep = err == nil
		}
		var err error
		if src == nil {
			src, err = opt.Loader.Read(file)
		}
		var doc *notice.Document
		if err == nil {
			doc, err = opt.Loader.Parse(file, src)
		}
		if err != nil {
			found[i] = []validate.Finding{validate.LoadFinding(file, err)}
			return
		}
		found[i] = opt.Validator.Validate(doc)
		if keep {
			next.Notices[i] = entry{File: file, Stat: st, Sum: cache.Key(src), Findings: found[i]}
		}
		switch {
		case len(files) == 1:
			docs[i] = doc // for render
		case len(found[i]) > 0:
			// For showing source lines, read again if a report shows one:
			// neither the parsed tree nor the source, which a run of
			// thousands of notices with warnings would all hold.
			docs[i], shown[i] = &notice.Document{Path: file}, true
		default:
			docs[i] = &notice.Document{} // loaded; clean notices are not kept
		}
	})
	// When every file was taken from the record on its Stat alone, the
	// record says all it would say again: it is not written anew (a few
	// megabytes at 10,000 notices). Its older stamp trusts no more than
	// the new one would.
	if caching && !allTrue(trusted) {
		next.save(files, opt.Loader)
	}
	for i := range files {
		switch {
		case docs[i] == nil:
			res.LoadFailed = true
		case docs[i].Src != nil || shown[i]:
			res.Docs = append(res.Docs, docs[i])
		}
		if reused[i] {
			res.Reused++
		}
		res.Findings = append(res.Findings, found[i]...)
	}
	validate.Sort(res.Findings)
	return res
}

func allTrue(bs []bool) bool {
	for _, b := range bs {
		if !b {
			return false
		}
	}
	return true
}

func translatable(fs []validate.Finding) bool {
	for _, f := range fs {
		if !f.Translatable() {
			return false
		}
	}
	return true
}
