package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/site"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/internal/work"
	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	var format, context string
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check notices against GDPR art. 13/14 (default: notices/)",
		Long: `Check notice files, or folders of them, against the schema and the rules.

Every finding names file:line:column, the field, and the GDPR article.

Exit status: 0 when there are no errors (warnings allowed), 1 when any
notice has an error, 2 when a file cannot be read or parsed, or on usage
errors.`,
		Example: `  personvern validate
  personvern validate notices/kvalifiseringsprogrammet.yaml --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(validate.Formats, format) {
				return trouble("unknown --format %q; use one of %s", format, strings.Join(validate.Formats, ", "))
			}
			showContext, err := contextMode(context, cmd)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{"notices"}
			}
			res, err := check(args)
			if err != nil {
				return trouble("%v", err)
			}
			opt := validate.WriteOptions{Format: format, Context: showContext && format == "text", Source: res.line, Files: res.files}
			if err := validate.Write(cmd.OutOrStdout(), res.findings, opt); err != nil {
				return trouble("writing findings: %v", err)
			}
			errs, warns := validate.Count(res.findings)
			if format == "text" {
				fmt.Fprintf(cmd.ErrOrStderr(), "%d %s checked: %d %s, %d %s\n",
					len(res.files), plural(len(res.files), "notice", "notices"),
					errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
			}
			switch {
			case res.loadFailed:
				return &exitError{code: exitTrouble}
			case errs > 0:
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(validate.Formats, ", "))
	cmd.Flags().StringVar(&context, "context", "auto", "show the source line and a caret under each finding: auto (on a terminal), always, never")
	return cmd
}

func contextMode(mode string, cmd *cobra.Command) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		f, ok := cmd.OutOrStdout().(*os.File)
		if !ok {
			return false, nil
		}
		info, err := f.Stat()
		return err == nil && info.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, trouble("unknown --context %q; use auto, always or never", mode)
}

// checkResult is what validating a set of paths found.
type checkResult struct {
	files      []string
	docs       []*notice.Document
	findings   []validate.Finding
	loadFailed bool
}

func (r *checkResult) line(file string, n int) string {
	for _, d := range r.docs {
		if d.Path == file {
			return d.Line(n)
		}
	}
	return ""
}

// check loads and validates every notice under paths. A file that cannot be
// loaded becomes a finding too, so that all files are checked and reported
// in one run.
func check(paths []string) (*checkResult, error) {
	files, err := notice.Find(paths)
	if err != nil {
		return nil, err
	}
	cfg, err := configFor(paths)
	if err != nil {
		return nil, err
	}
	loader := cfg.Loader()
	if len(files) == 0 {
		return nil, fmt.Errorf("no notice files (*.yaml) in %s", strings.Join(paths, ", "))
	}
	v, err := validate.New()
	if err != nil {
		return nil, err
	}
	res := &checkResult{files: files}
	docs := make([]*notice.Document, len(files))
	found := make([][]validate.Finding, len(files))
	// Checking thousands of notices again on every push: results are kept
	// by content hash and only changed files are checked (see cache).
	caching := len(files) > 1 && cache.Dir() != ""
	vc := &validateCache{}
	if caching {
		vc = loadValidateCache(files, loader)
	}
	next := &validateCache{Stamp: time.Now().UnixNano(), Notices: make([]cachedCheck, len(files))}
	work.Each(len(files), func(i int) {
		var src []byte
		if c, ok := vc.byFile[files[i]]; ok {
			same, st, sum, b, err := cache.Check(files[i], c.Stat, c.Sum, vc.Stamp, notice.ReadFile)
			if err == nil && same {
				found[i] = c.Findings
				next.Notices[i] = cachedCheck{File: files[i], Stat: st, Sum: sum, Findings: c.Findings}
				docs[i] = &notice.Document{}
				if len(c.Findings) > 0 { // their source lines are shown
					if b == nil {
						b, _ = notice.ReadFile(files[i])
					}
					docs[i] = &notice.Document{Path: files[i], Src: b}
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
			st, err = cache.StatFile(files[i])
			keep = err == nil
		}
		var err error
		if src == nil {
			src, err = notice.ReadFile(files[i])
		}
		var doc *notice.Document
		if err == nil {
			doc, err = loader.Parse(files[i], src)
		}
		if err != nil {
			found[i] = []validate.Finding{validate.LoadFinding(files[i], err)}
			return
		}
		found[i] = v.Validate(doc)
		if keep {
			next.Notices[i] = cachedCheck{File: files[i], Stat: st, Sum: cache.Key(src), Findings: found[i]}
		}
		if len(files) == 1 || len(found[i]) > 0 {
			docs[i] = doc // for showing source lines, or for render
		} else {
			docs[i] = &notice.Document{} // loaded; clean notices are not kept
		}
	})
	if caching {
		next.save(files, loader)
	}
	for i := range files {
		switch {
		case docs[i] == nil:
			res.loadFailed = true
		case docs[i].Src != nil:
			res.docs = append(res.docs, docs[i])
		}
		res.findings = append(res.findings, found[i]...)
	}
	validate.Sort(res.findings)
	return res, nil
}

// validateCache is what a validate run of many files keeps for the next
// run over the same files: each file's Stat, content hash and findings.
type validateCache struct {
	Stamp   int64
	Notices []cachedCheck
	byFile  map[string]cachedCheck
}

type cachedCheck struct {
	File     string
	Stat     cache.Stat
	Sum      string
	Findings []validate.Finding
}

// validateCacheName names the cache of a run over files with this build
// of personvern, whose schema and rules the findings come from, and these
// defaults, which are part of every notice.
func validateCacheName(files []string, l notice.Loader) string {
	parts := [][]byte{[]byte(cache.BuildID()), []byte(l.Defaults.Fingerprint())}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			abs = f
		}
		parts = append(parts, []byte(abs))
	}
	return cache.Name("validate", cache.Key(parts...))
}

// A validate cache file is a header record, then a record for each file
// (see cache.Reader); a damaged record makes that file be checked again.
const validateCacheKind = "personvern validate cache"

func loadValidateCache(files []string, l notice.Loader) *validateCache {
	vc := &validateCache{}
	ok := cache.Load(validateCacheName(files, l), func(r *cache.Reader) error {
		d, err := r.Next()
		if err != nil {
			return err
		}
		kind, stamp := d.String(), d.Int()
		if err := d.Err(); err != nil || kind != validateCacheKind {
			return errors.New("not a validate cache")
		}
		vc.Stamp, vc.byFile = stamp, map[string]cachedCheck{}
		for {
			d, err := r.Next()
			switch {
			case err == cache.ErrDamaged:
				continue
			case err != nil:
				return nil // the end, or the rest is lost: checked again
			}
			c := cachedCheck{File: d.String(), Stat: d.Stat(), Sum: d.String(), Findings: d.Findings()}
			if d.Err() != nil || !c.sane() {
				continue
			}
			vc.byFile[c.File] = c
		}
	})
	if !ok {
		return &validateCache{}
	}
	return vc
}

// sane reports whether c could be what checking c.File found: a content
// hash, and findings about that file.
func (c cachedCheck) sane() bool {
	if c.File == "" || len(c.Sum) != 64 {
		return false
	}
	for _, f := range c.Findings {
		if f.File != c.File {
			return false
		}
	}
	return true
}

func (vc *validateCache) save(files []string, l notice.Loader) {
	_ = cache.Save(validateCacheName(files, l), func(w *cache.Writer) error {
		var e cache.Enc
		e.String(validateCacheKind)
		e.Int(vc.Stamp)
		if err := w.Write(&e); err != nil {
			return err
		}
		for _, c := range vc.Notices {
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

// configFor reads the configuration that applies to a run over paths (see
// site.ConfigPath), the one build reads: validate and render must judge
// the notice build publishes.
func configFor(paths []string) (*site.Config, error) {
	p := site.ConfigPath(paths)
	if p == "" {
		return &site.Config{}, nil
	}
	return site.LoadConfig(p)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
