package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
	list, _ := madeFiles(dir) // none: every file is foreign
	for _, p := range list {
		made[p] = true
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
//
// An update sink (NewUpdateSink) is for a build that keeps most files of
// the last one: making a whole new folder of tens of thousands of files
// would cost more than the build itself. It writes only the new files
// beside dir and on Commit moves them in, one rename each, after writing
// down what it is about to do; a build killed while moving is finished by
// the next one (see recoverStale).
type DirSink struct {
	dir, tmp string
	exists   bool
	update   bool
	mu       sync.Mutex
	made     map[string]bool // folders already created
	put      []string        // update: files written into tmp
	lock     *os.File        // held from the start of the build to Commit or Abort
}

// journal, in an update sink's folder, lists the moves and removals of its
// Commit; while it exists the update may be half done.
const journal = ".personvern-journal"

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
	return prepare(dir, func() error {
		if !exists || clean {
			return nil
		}
		foreign, err := foreignFiles(dir)
		if err != nil {
			return err
		}
		if len(foreign) > 0 {
			shown := foreign
			if len(shown) > 5 {
				shown = append(shown[:5:5], fmt.Sprintf("and %d more", len(foreign)-5))
			}
			return fmt.Errorf("%w: %s holds %s; move them away, build into another folder with -o, or pass --clean to replace the folder with all its contents", ErrForeign, dir, strings.Join(shown, ", "))
		}
		return nil
	}, &DirSink{dir: dir, exists: exists})
}

// prepare locks dir's parent for this build, finishes or removes what a
// killed build left beside dir, runs check, and makes the temporary folder
// of s.
func prepare(dir string, check func() error, s *DirSink) (*DirSink, error) {
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockOutput(parent, dir)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*DirSink, error) {
		if lock != nil {
			lock.Close()
		}
		return nil, err
	}
	// First finish an update a killed build left half done: its new files
	// are not foreign.
	if err := recoverStale(parent, base); err != nil {
		return fail(err)
	}
	if err := check(); err != nil {
		return fail(err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fail(err)
	}
	s.tmp, s.lock, s.made = tmp, lock, map[string]bool{".": true}
	return s, nil
}

// unlock lets the next build in.
func (s *DirSink) unlock() {
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
}

// Put writes one file of the new site.
func (s *DirSink) Put(p string, data []byte) error {
	f, err := s.Create(p)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.(*sinkFile).File.Close()
		return err
	}
	return f.Close()
}

// Create writes one file of the new site as a stream; it is in the site
// once closed.
func (s *DirSink) Create(p string) (io.WriteCloser, error) {
	rel := filepath.FromSlash(p)
	if !filepath.IsLocal(rel) {
		return nil, fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	if err := s.mkdir(filepath.Dir(rel)); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(s.tmp, rel), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	return &sinkFile{File: f, done: func() {
		if s.update {
			s.mu.Lock()
			s.put = append(s.put, p)
			s.mu.Unlock()
		}
	}}, nil
}

type sinkFile struct {
	*os.File
	done func()
}

func (f *sinkFile) Close() error {
	if err := f.File.Close(); err != nil {
		return err
	}
	f.done()
	return nil
}

// mkdir makes the folder rel of the new site, once.
func (s *DirSink) mkdir(rel string) error {
	s.mu.Lock()
	made := s.made[rel]
	s.made[rel] = true
	s.mu.Unlock()
	if made {
		return nil
	}
	return os.MkdirAll(filepath.Join(s.tmp, rel), 0o755)
}

// Keep takes the file p of the last build into the new site unchanged: a
// hard link in the new folder, or nothing at all in an update sink.
func (s *DirSink) Keep(p string) error {
	rel := filepath.FromSlash(p)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("refusing to keep %q outside the output folder", p)
	}
	if s.update {
		return nil // it stays where it is
	}
	if !s.exists {
		return fmt.Errorf("cannot keep %s: there is no earlier site", p)
	}
	if err := s.mkdir(filepath.Dir(rel)); err != nil {
		return err
	}
	return os.Link(filepath.Join(s.dir, rel), filepath.Join(s.tmp, rel))
}

// Commit puts the new site in place of the old one.
func (s *DirSink) Commit() error {
	defer s.unlock()
	if s.update {
		return s.commitUpdate()
	}
	defer os.RemoveAll(s.tmp) // after the swap, this is the old site
	if !s.exists {
		return os.Rename(s.tmp, s.dir)
	}
	return swap(s.tmp, s.dir)
}

// NewUpdateSink prepares to update dir, the output of an earlier build,
// in place: files put are moved in on Commit, files kept stay, and the
// other files of the last build are removed. Files personvern did not
// make are left alone.
func NewUpdateSink(dir string) (*DirSink, error) {
	dir = filepath.Clean(dir)
	return prepare(dir, func() error {
		if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
			return fmt.Errorf("%s holds no earlier build to update: %w", dir, err)
		}
		return nil
	}, &DirSink{dir: dir, exists: true, update: true})
}

func (s *DirSink) commitUpdate() error {
	old, err := os.ReadFile(filepath.Join(s.dir, Marker))
	if err != nil {
		return err
	}
	// The new marker lists every file of the new site, kept or put: what
	// the old one lists and it does not is removed. Both are sorted.
	now, err := os.ReadFile(filepath.Join(s.tmp, Marker))
	if err != nil {
		return fmt.Errorf("an update must put a new %s: %w", Marker, err)
	}
	var j strings.Builder
	for _, p := range sortedMinus(old, now) {
		j.WriteString("remove " + p + "\n")
	}
	// The marker goes last: until it moves, the old one still lists
	// every file the old build made.
	sort.Slice(s.put, func(i, j int) bool {
		if (s.put[i] == Marker) != (s.put[j] == Marker) {
			return s.put[j] == Marker
		}
		return s.put[i] < s.put[j]
	})
	for _, p := range s.put {
		j.WriteString("move " + p + "\n")
	}
	// Written whole and renamed into place: a journal is complete or absent.
	if err := os.WriteFile(filepath.Join(s.tmp, journal+".new"), []byte(j.String()), 0o644); err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(s.tmp, journal+".new"), filepath.Join(s.tmp, journal)); err != nil {
		return err
	}
	return replay(s.tmp, s.dir)
}

// sortedMinus returns the lines of the marker a that the marker b does not
// have. Markers list their files sorted, so one pass over both does, with
// no string made for the tens of thousands of lines they share.
func sortedMinus(a, b []byte) []string {
	var out []string
	next := func(s []byte) (line, rest []byte) {
		for len(s) > 0 {
			i := bytes.IndexByte(s, '\n')
			if i < 0 {
				i = len(s)
			}
			line, s = s[:i], s[min(i+1, len(s)):]
			if len(line) > 0 && line[0] != '#' {
				return line, s
			}
		}
		return nil, nil
	}
	lb, b := next(b)
	for la, a := next(a); la != nil; la, a = next(a) {
		for lb != nil && bytes.Compare(lb, la) < 0 {
			lb, b = next(b)
		}
		if lb == nil || !bytes.Equal(la, lb) {
			out = append(out, string(la))
		}
	}
	return out
}

// replay carries out the journal in tmp on dir, then removes tmp. Each step
// can be done twice: a move whose file is gone already happened.
func replay(tmp, dir string) error {
	b, err := os.ReadFile(filepath.Join(tmp, journal))
	if err != nil {
		return err
	}
	made := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		op, p, ok := strings.Cut(line, " ")
		if !ok || !filepath.IsLocal(filepath.FromSlash(p)) {
			continue
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		switch op {
		case "remove":
			if err := os.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			if d := filepath.Dir(target); d != filepath.Clean(dir) {
				os.Remove(d) // a notice's folder, once empty
			}
		case "move":
			if d := filepath.Dir(target); !made[d] {
				if err := os.MkdirAll(d, 0o755); err != nil {
					return err
				}
				made[d] = true
			}
			err := os.Rename(filepath.Join(tmp, filepath.FromSlash(p)), target)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return os.RemoveAll(tmp)
}

// madeFiles lists the files dir's marker says the last build made.
func madeFiles(dir string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, Marker))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, nil
}

// Abort throws the new site away and leaves the old one.
func (s *DirSink) Abort() {
	os.RemoveAll(s.tmp)
	s.unlock()
}

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

// recoverStale deals with the folders a killed build left beside dir: an
// update that had written its journal is finished, anything else (a new
// site never swapped in, or an old one swapped out) is removed.
func recoverStale(parent, base string) error {
	old, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, o := range old {
		if _, err := os.Stat(filepath.Join(o, journal)); err == nil {
			if err := replay(o, filepath.Join(parent, base)); err != nil {
				return fmt.Errorf("finishing the update a killed build left in %s: %w", o, err)
			}
			continue
		}
		os.RemoveAll(o)
	}
	return nil
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
