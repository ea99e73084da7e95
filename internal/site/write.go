package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// ErrForeign is returned when the output folder holds files the build did
// not make: personvern never deletes those without --clean.
var ErrForeign = errors.New("output folder holds files personvern did not make")

// foreignFiles lists the files in dir that are not in its marker's list.
// A folder without a marker counts every file as foreign.
func foreignFiles(dir string) ([]string, error) {
	made := map[string]bool{Marker: true}
	if b, err := os.ReadFile(filepath.Join(dir, Marker)); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				made[l] = true
			}
		}
	}
	var foreign []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if rel = filepath.ToSlash(rel); !made[rel] {
			foreign = append(foreign, rel)
		}
		return nil
	})
	sort.Strings(foreign)
	return foreign, err
}

// DirSink writes a site into a new folder beside dir, as the build makes
// it, and swaps it in on Commit, so that a failed or killed build leaves
// the previous site as it was.
type DirSink struct {
	dir, tmp string
	exists   bool
	mu       sync.Mutex
	made     map[string]bool // folders already created
}

// NewDirSink prepares to replace dir. It refuses when dir holds files the
// last build did not make, unless clean.
func NewDirSink(dir string, clean bool) (*DirSink, error) {
	dir = filepath.Clean(dir)
	info, err := os.Stat(dir)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	case exists && !info.IsDir():
		return nil, fmt.Errorf("%s is a file, not a folder; choose another output with -o", dir)
	}
	if exists && !clean {
		foreign, err := foreignFiles(dir)
		if err != nil {
			return nil, err
		}
		if len(foreign) > 0 {
			shown := foreign
			if len(shown) > 5 {
				shown = append(shown[:5:5], fmt.Sprintf("and %d more", len(foreign)-5))
			}
			return nil, fmt.Errorf("%w: %s holds %s; move them away, build into another folder with -o, or pass --clean to replace the folder with all its contents", ErrForeign, dir, strings.Join(shown, ", "))
		}
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &DirSink{dir: dir, tmp: tmp, exists: exists, made: map[string]bool{".": true}}, nil
}

// Put writes one file of the new site.
func (s *DirSink) Put(p string, data []byte) error {
	rel := filepath.FromSlash(p)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	full := filepath.Join(s.tmp, rel)
	d := filepath.Dir(rel)
	s.mu.Lock()
	made := s.made[d]
	s.made[d] = true
	s.mu.Unlock()
	if !made {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(full, data, 0o644)
}

// Commit puts the new site in place of the old one.
func (s *DirSink) Commit() error {
	defer os.RemoveAll(s.tmp) // after the swap, this is the old site
	if !s.exists {
		return os.Rename(s.tmp, s.dir)
	}
	return swap(s.tmp, s.dir)
}

// Abort throws the new site away and leaves the old one.
func (s *DirSink) Abort() { os.RemoveAll(s.tmp) }

// Write replaces dir with exactly the files, atomically (see DirSink).
func Write(dir string, files map[string][]byte, clean bool) error {
	s, err := NewDirSink(dir, clean)
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := s.Put(p, files[p]); err != nil {
			s.Abort()
			return err
		}
	}
	return s.Commit()
}

// removeStale removes temporary folders a killed build left beside dir.
func removeStale(parent, base string) {
	old, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, o := range old {
		os.RemoveAll(o)
	}
}

// CheckSink compares a site, as it is made, with the files in dir, keeping
// only the names of the files that differ.
type CheckSink struct {
	dir   string
	mu    sync.Mutex
	seen  map[string]bool
	stale []string
}

// NewCheckSink compares against dir.
func NewCheckSink(dir string) *CheckSink { return &CheckSink{dir: dir, seen: map[string]bool{}} }

// Put compares one file.
func (c *CheckSink) Put(p string, want []byte) error {
	got, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(p)))
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[p] = true
	if err != nil || !bytes.Equal(got, want) {
		c.stale = append(c.stale, p)
	}
	return nil
}

// Result returns the files that differ or are missing, and the files dir
// has that the build did not make.
func (c *CheckSink) Result() (stale, extra []string, err error) {
	err = filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(c.dir, p)
		if !c.seen[filepath.ToSlash(rel)] {
			extra = append(extra, filepath.ToSlash(rel))
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	stale = append(stale, c.stale...)
	sort.Strings(stale)
	sort.Strings(extra)
	return stale, extra, err
}

// Check compares the site in dir with files (see CheckSink).
func Check(dir string, files map[string][]byte) (stale, extra []string, err error) {
	c := NewCheckSink(dir)
	for p, b := range files {
		_ = c.Put(p, b)
	}
	return c.Result()
}
