// Package publish puts a site in place of the last one: atomically (a new
// folder swapped in whole), never outside its output, never over files
// the build did not make, and so that a killed build leaves the last site
// as it was. It knows nothing of notices: what a site may hold is its
// Layout, given by the caller.
package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/personvern/personvern/internal/cache"

	"github.com/personvern/personvern/internal/safefs"
)

// Marker is the file a published site holds: the list of files the build
// made, so that a later build knows it may replace them and nothing else.
const Marker = ".personvern-site"

// MaxMarker bounds the list of files of the last build read back: some
// hundred thousand notices.
const MaxMarker = 256 << 20

// MaxFile bounds a file of the site read back (for comparison, or by a
// build that keeps what the last one made).
const MaxFile = 1 << 30

// Options say what a DirSink may replace.
type Options struct {
	// Clean replaces the output folder with all its contents, also files
	// the last build did not make.
	Clean bool
	// Inputs are the build's inputs (notices folders, configuration,
	// defaults, templates): the output is never one of them, inside one
	// or around one.
	Inputs []string
	// Layout reports whether a build makes a file at the slash path p.
	// The marker is in the output, where a commit can write it: it vouches
	// only for such files, never for a CNAME or the user's notes it lists.
	// Nil vouches for none.
	Layout func(p string) bool
	// Record keeps, in the cache folder, the Stats of the folders of the
	// site and its spare after the swap (see treeRecord), so that the
	// next build reads and compares only the folders changed since.
	Record bool
}

// ErrForeign is returned when the output folder holds files the build did
// not make: personvern never deletes those without --clean.
var ErrForeign = errors.New("output folder holds files personvern did not make")

// scanOutput looks at every entry of the site folder dir, never following
// a link: it refuses what a site never holds (a link, a special file, a
// repository), and lists the files that dir's marker does not name, which
// the build did not make. A folder without a marker counts every file.
func scanOutput(dir string, layout func(string) bool) (foreign []string, err error) {
	foreign, _, _, _, err = scanOutputTrusting(dir, layout, nil, 0)
	return foreign, err
}

// scanOutputTrusting is scanOutput that does not read the folders rec
// trusts (see walkTrusted); it returns the files the marker names too.
func scanOutputTrusting(dir string, layout func(string) bool, rec map[string]cache.Stat, stamp int64) (foreign []string, made map[string]bool, tree *folderTree, markerSum string, err error) {
	made = map[string]bool{Marker: true}
	if d, err := safefs.OpenDir(dir); err == nil && layout != nil {
		b, _ := d.ReadFile(Marker, MaxMarker) // none: every file is foreign
		d.Close()
		markerSum = cache.Key(b)
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") && layout(l) {
				made[l] = true
			}
		}
	}
	tree, err = walkTrusted(dir, rec, stamp, func(rel string, d fs.DirEntry) error {
		if err := unsafeEntry(dir, filepath.FromSlash(rel), d); err != nil {
			return err
		}
		if !d.IsDir() && !made[rel] {
			foreign = append(foreign, Printable(rel))
		}
		return nil
	})
	sort.Strings(foreign)
	return foreign, made, tree, markerSum, err
}

// DirSink writes a site into a new folder beside dir, as the build makes
// it, and swaps it in whole on Commit, so that a failed or killed build
// leaves the previous site as it was, and a reader sees one build or the
// other, never a mixture. Files of the last site that an incremental
// build keeps are hard links in the new folder: nothing is copied.
//
// Every file the sink writes is in a folder it made itself; every file it
// takes from the last site is reached with no link followed (safefs), so
// a link planted in the output never leads a build outside it.
type DirSink struct {
	dir, tmp string
	old      *safefs.Dir // the last site, when there is one
	mu       sync.Mutex
	made     map[string]bool // folders already created
	lock     *os.File        // held from the start of the build to Commit or Abort
	// spare is set when tmp is the site the last build swapped out, being
	// updated into the new one; seen are the files of the new site, so
	// that Commit removes the rest.
	spare bool
	seen  map[string]bool
	// With Options.Record: when this build began, the record of the last
	// one (nil: none, or not trusted), the folders of the last site and
	// of the spare it trusted, the files the last site's marker names,
	// the files this build wrote and the spare's folders it changed.
	record    bool
	start     int64
	tree      *treeRecord
	live      *folderTree
	spareT    *folderTree
	oldFiles  map[string]bool
	put       map[string]bool
	touched   map[string]bool
	spareKids map[string][]string
	foreign   bool   // the last site held files its marker did not name
	marker    string // cache.Key of the marker this build wrote
	// Warnings are things the build left alone and the user should know,
	// e.g. a folder beside the output that looks like a leftover
	// temporary folder but was not made by this machine's personvern.
	Warnings []Msg
}

// WarnedError is a refusal that comes with warnings about what was left
// alone before it, which the user should see all the same.
type WarnedError struct {
	Err      error
	Warnings []Msg
}

func (e *WarnedError) Error() string { return e.Err.Error() }

// Translate is the refusal in the language of sprintf, when it is kept
// for translation.
func (e *WarnedError) Translate(sprintf func(format string, args ...any) string) string {
	if t, ok := e.Err.(interface {
		Translate(func(string, ...any) string) string
	}); ok {
		return t.Translate(sprintf)
	}
	return e.Err.Error()
}
func (e *WarnedError) Unwrap() error { return e.Err }

// NewDirSink prepares to replace dir. It refuses a dir that CheckOutput
// refuses (see Options.Inputs), one that holds a link, a special file or
// a repository, and, unless opt.Clean, one that holds files the last
// build did not make.
func NewDirSink(dir string, opt Options) (*DirSink, error) {
	clean := opt.Clean
	dir = filepath.Clean(dir)
	if err := CheckOutput(dir, opt.Inputs); err != nil {
		return nil, err
	}
	info, err := os.Lstat(dir)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	case exists && !info.IsDir():
		return nil, errorf(nil, "%s is a file, not a folder; choose another output with -o", dir)
	case exists && isMountPoint(dir):
		return nil, mountError(dir)
	}
	s := &DirSink{dir: dir, record: opt.Record, start: time.Now().UnixNano(), seen: map[string]bool{}, put: map[string]bool{}, touched: map[string]bool{}}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if s.lock, err = lockOutput(parent, dir); err != nil {
		return nil, err
	}
	fail := func(err error) (*DirSink, error) {
		s.unlock()
		if s.old != nil {
			s.old.Close()
		}
		if len(s.Warnings) > 0 {
			err = &WarnedError{Err: err, Warnings: s.Warnings}
		}
		return nil, err
	}
	spare := findSpare(dir)
	if s.Warnings, err = recoverStale(parent, base, spare); err != nil {
		return fail(err)
	}
	if !exists { // recovery may have put back a site a killed build moved aside
		if info, err := os.Lstat(dir); err == nil && info.IsDir() {
			exists = true
		}
	}
	if opt.Record {
		s.tree = loadTree(dir)
	} else {
		removeTree(dir) // this build changes what it describes
	}
	if exists {
		var rec map[string]cache.Stat
		var stamp int64
		if s.tree != nil {
			rec, stamp = s.tree.Live, s.tree.Stamp
		}
		foreign, made, tree, markerSum, err := scanOutputTrusting(dir, opt.Layout, rec, stamp)
		if err != nil {
			return fail(err)
		}
		if s.tree != nil && markerSum != s.tree.Marker {
			// Trusted folders hold files of the marker the record knew:
			// with another, read every folder.
			s.tree = nil
			if foreign, made, tree, _, err = scanOutputTrusting(dir, opt.Layout, nil, 0); err != nil {
				return fail(err)
			}
		}
		s.oldFiles, s.live, s.foreign = made, tree, len(foreign) > 0
		if len(foreign) > 0 && !clean {
			list := any(strings.Join(foreign, ", "))
			if len(foreign) > 5 {
				list = msgf("%s and %d more", strings.Join(foreign[:5], ", "), len(foreign)-5)
			}
			return fail(errorf(ErrForeign, "the output folder %s holds files personvern did not make: %s. Move them away, build into another folder with -o, or pass --clean to replace the folder with all its contents", dir, list))
		}
		if s.old, err = safefs.OpenDir(dir); err != nil {
			return fail(err)
		}
	}
	if spare != "" {
		dropSpare(dir) // from now on it is changed: a kill leaves a leftover
		// The spare sits beside the output, where a commit can reach it
		// (git changes files in a folder it tracks in place, keeping the
		// folder's identity): anything in it that a site never holds
		// means it is not used, only removed.
		var rec map[string]cache.Stat
		var stamp int64
		if s.tree != nil {
			rec, stamp = s.tree.Spare, s.tree.Stamp
		}
		var err error
		if s.spareT, err = checkSpareTrusting(spare, rec, stamp); err != nil {
			s.Warnings = append(s.Warnings, msgf("not using the spare %s: %v", spare, err))
			removeTemp(spare)
			spare = ""
		}
	}
	if spare != "" {
		if exists && !clean {
			s.tmp, s.spare = spare, true
			s.made = map[string]bool{".": true}
			return s, nil
		}
		removeTemp(spare)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return fail(err)
	}
	if err := recordTemp(tmp, tmp); err != nil {
		s.Warnings = append(s.Warnings, msgf("cannot record the temporary folder %s (%v): if this build is killed, remove it yourself", tmp, err))
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		removeTemp(tmp)
		return fail(err)
	}
	s.tmp, s.made = tmp, map[string]bool{".": true}
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
	if p == Marker {
		s.mu.Lock()
		s.marker = cache.Key(data)
		s.mu.Unlock()
	}
	f, err := s.Create(p)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Create writes one file of the new site as a stream; it is in the site
// once closed.
func (s *DirSink) Create(p string) (io.WriteCloser, error) {
	rel := filepath.FromSlash(p)
	if !filepath.IsLocal(rel) {
		return nil, errorf(nil, "refusing to write %q outside the output folder", p)
	}
	if err := s.mkdir(filepath.Dir(rel)); err != nil {
		return nil, err
	}
	full := filepath.Join(s.tmp, rel)
	s.see(p, true)
	if s.spare {
		s.touch(p)
		// The spare's file may be a hard link to the live site's: it is
		// replaced, never written into.
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	// The folder is the sink's own; O_NOFOLLOW all the same.
	return os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|oNoFollow, 0o644)
}

// mkdir makes the folder rel of the new site, once.
func (s *DirSink) mkdir(rel string) error {
	s.mu.Lock()
	made := s.made[rel]
	s.made[rel] = true
	if !made && s.spare { // it, or its folder, may change
		d := filepath.ToSlash(rel)
		s.touched[d], s.touched[path.Dir(d)] = true, true
	}
	s.mu.Unlock()
	if made {
		return nil
	}
	return os.MkdirAll(filepath.Join(s.tmp, rel), 0o755)
}

// Keep takes the file p of the last build into the new site unchanged, as
// a hard link in the new folder.
func (s *DirSink) Keep(p string) error {
	rel := filepath.FromSlash(p)
	if !filepath.IsLocal(rel) {
		return errorf(nil, "refusing to keep %q outside the output folder", p)
	}
	if s.old == nil {
		return errorf(nil, "cannot keep %s: there is no earlier site", p)
	}
	if s.spare && s.sameInSpare(p) {
		s.see(p, false)
		return nil // the spare has this very file already, by the record
	}
	if err := s.mkdir(filepath.Dir(rel)); err != nil {
		return err
	}
	full := filepath.Join(s.tmp, rel)
	s.see(p, false)
	if s.spare {
		live, err := s.old.FileID(p)
		if err != nil {
			return err
		}
		if have, err := safefs.FileIDOf(full); err == nil && have == live && live != (safefs.FileID{}) {
			return nil // the spare has this very file already
		}
		s.touch(p)
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return s.old.Link(p, full)
}

// see counts p a file of the new site, written by this build (put) or
// kept; in the spare, its folder may change.
func (s *DirSink) see(p string, put bool) {
	s.mu.Lock()
	s.seen[p] = true
	if put {
		s.put[p] = true
	}
	s.mu.Unlock()
}

// touch notes that this build changes the spare's folder of p.
func (s *DirSink) touch(p string) {
	s.mu.Lock()
	s.touched[path.Dir(p)] = true
	s.mu.Unlock()
}

// sameInSpare reports whether the spare's file p is the live site's by
// the tree record: the last build left them one file (p is neither one
// it wrote nor one of the site before), both were in folders not changed
// since, and the live site's marker names p.
func (s *DirSink) sameInSpare(p string) bool {
	if s.tree == nil || s.live == nil || s.spareT == nil || s.tree.Diff[p] || !s.oldFiles[p] {
		return false
	}
	d := path.Dir(p)
	return d != "." && s.live.trusted[d] && s.spareT.trusted[d]
}

// checkSpare walks the spare, never following a link, and refuses it if
// it holds a link, a special file or a repository.
func checkSpare(spare string) error {
	_, err := checkSpareTrusting(spare, nil, 0)
	return err
}

// checkSpareTrusting is checkSpare that does not read the folders rec
// trusts (see walkTrusted).
func checkSpareTrusting(spare string, rec map[string]cache.Stat, stamp int64) (*folderTree, error) {
	return walkTrusted(spare, rec, stamp, func(rel string, d fs.DirEntry) error {
		return unsafeEntry(spare, filepath.FromSlash(rel), d)
	})
}

// tidySpare removes from the spare whatever the new site does not have:
// files of notices gone, and anything else found there (the spare is not
// trusted to hold only what its last build put), with no link followed.
// A folder the tree record trusted and this build did not change holds
// at most the last site's files and those in which the spare differed
// (treeRecord.Diff): those of them the new site lacks are removed, and it
// is not read. It returns the folders left, the new site's.
func (s *DirSink) tidySpare() (map[string]bool, error) {
	known := map[string][]string{} // the files a trusted folder may hold
	if s.tree != nil {
		for _, set := range []map[string]bool{s.oldFiles, s.tree.Diff} {
			for p := range set {
				if d := path.Dir(p); s.spareT != nil && s.spareT.trusted[d] && !s.touched[d] {
					known[d] = append(known[d], p)
				}
			}
		}
	}
	left := map[string]bool{}
	var walk func(rel string) error
	walk = func(rel string) error {
		full := filepath.Join(s.tmp, filepath.FromSlash(rel))
		var files, dirs []string
		if rel != "." && s.spareT != nil && s.spareT.trusted[rel] && !s.touched[rel] {
			files = known[rel]
			dirs = s.spareChildren(rel)
		} else {
			entries, err := os.ReadDir(full)
			if err != nil {
				return err
			}
			for _, e := range entries {
				p := path.Join(rel, e.Name())
				if e.IsDir() {
					dirs = append(dirs, p)
				} else {
					files = append(files, p)
				}
			}
		}
		busy := false // holds a file of the new site
		for _, p := range files {
			if s.seen[p] {
				busy = true
			} else {
				// A link is removed, not followed.
				if err := os.Remove(filepath.Join(s.tmp, filepath.FromSlash(p))); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
		}
		for _, d := range dirs {
			if err := walk(d); err != nil {
				return err
			}
			busy = busy || left[d]
		}
		if rel != "." && !busy && os.Remove(full) == nil { // only an empty one goes
			return nil
		}
		left[rel] = true
		return nil
	}
	return left, walk(".")
}

// spareChildren are the folders in the spare's folder rel by the record.
func (s *DirSink) spareChildren(rel string) []string {
	if s.spareKids == nil {
		s.spareKids = map[string][]string{}
		for p := range s.tree.Spare {
			s.spareKids[path.Dir(p)] = append(s.spareKids[path.Dir(p)], p)
		}
	}
	return s.spareKids[rel]
}

// Commit puts the new site in place of the old one.
func (s *DirSink) Commit() error {
	defer s.unlock()
	newDirs := map[string]bool{}
	for d := range s.made {
		for d = filepath.ToSlash(d); d != "." && !newDirs[d]; d = path.Dir(d) {
			newDirs[d] = true
		}
	}
	if s.old == nil {
		if err := os.Rename(s.tmp, s.dir); err != nil {
			removeTemp(s.tmp)
			return err
		}
		forgetTemp(s.tmp)
		s.saveTree(newDirs, "")
		return nil
	}
	s.old.Close()
	if s.spare {
		var err error
		if newDirs, err = s.tidySpare(); err != nil {
			removeTemp(s.tmp)
			return err
		}
	}
	// After the swap the temporary folder holds the old site: its record
	// must name that folder too, or a kill now would leave it unproven.
	if err := recordTemp(s.tmp, s.tmp, s.dir); err != nil {
		s.Warnings = append(s.Warnings, msgf("cannot record the temporary folder %s (%v): if this build is killed, remove it yourself", s.tmp, err))
	}
	aside, err := swap(s.tmp, s.dir)
	if err != nil {
		removeTemp(s.tmp)
		if isBusy(err) {
			return mountError(s.dir)
		}
		return err
	}
	// Where the exchange was one step, the old site is kept as the next
	// build's spare.
	if aside != s.tmp || saveSpare(s.dir, aside) != nil {
		removeTemp(aside)
		aside = ""
	}
	s.saveTree(newDirs, aside)
	return nil
}

// saveTree writes the tree record of the site just swapped in, whose
// folders are dirs, and of its spare, when there is one (see treeRecord).
// A spare that held files the last site's marker did not name (--clean)
// gets no record: it is read in full.
func (s *DirSink) saveTree(dirs map[string]bool, spare string) {
	if !s.record {
		return
	}
	if s.marker == "" {
		return // the site has no marker of this build's
	}
	t := &treeRecord{Stamp: s.start, Marker: s.marker, Live: statDirs(s.dir, dirs), Diff: map[string]bool{}}
	if spare != "" && s.live != nil && !s.foreign {
		t.Spare = statDirs(spare, s.live.dirs)
		for p := range s.put {
			t.Diff[p] = true
		}
		for p := range s.oldFiles {
			if !s.seen[p] {
				t.Diff[p] = true
			}
		}
	}
	_ = saveTree(s.dir, t)
}

// Abort throws the new site away and leaves the old one.
func (s *DirSink) Abort() {
	removeTemp(s.tmp)
	if s.old != nil {
		s.old.Close()
	}
	s.unlock()
}

// removeTemp removes a temporary folder of this build and its record.
func removeTemp(tmp string) {
	os.RemoveAll(tmp) // RemoveAll removes links, never what they point to
	forgetTemp(tmp)
}

// mountError is the refusal for an output that is a mount point.
func mountError(dir string) error {
	return errorf(nil, "%s is a mount point (a volume or a file system of its own); personvern publishes a site by swapping a complete new folder in, which cannot be done to a mount point. Build into a folder inside it instead, e.g. -o %s", dir, filepath.Join(dir, "site"))
}

// tempName matches the temporary folders a build makes beside its output
// (os.MkdirTemp's random digits), and the old site moved aside where the
// system cannot exchange two folders in one step.
func tempName(base, name string) (ok, aside bool) {
	rest, found := strings.CutPrefix(name, "."+base+".tmp-")
	if !found {
		return false, false
	}
	rest, aside = strings.CutSuffix(rest, ".old")
	if rest == "" {
		return false, false
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			return false, false
		}
	}
	return true, aside
}

// recoverStale deals with the folders a killed build left beside dir: the
// old site moved aside is put back if the site is gone, and every other
// temporary folder is removed. Only folders this machine's personvern
// made and recorded are touched (see provenTemp); a look-alike, committed
// or the user's own, is left alone and reported.
func recoverStale(parent, base, spare string) (warnings []Msg, err error) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(parent, base)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "."+base+".tmp-") {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if p == spare {
			continue
		}
		ok, aside := tempName(base, e.Name())
		if !ok || !provenTemp(p) {
			warnings = append(warnings, msgf("left %s alone: it is named like a temporary folder of personvern's, but this machine's personvern did not make it (it may be committed, or yours); remove it yourself if it is not needed", p))
			continue
		}
		if aside {
			if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
				if err := os.Rename(p, dir); err != nil {
					return warnings, errorf(err, "putting back the site a killed build moved aside to %s: %v", p, err)
				}
				forgetTemp(p)
				continue
			}
		}
		removeTemp(p)
	}
	return warnings, nil
}

// CheckSink compares a site, as it is made, with the files in dir, keeping
// only the names of the files that differ.
type CheckSink struct {
	dir     string
	root    *safefs.Dir // nil when dir is not a folder: every file is missing
	mu      sync.Mutex
	seen    map[string]bool
	stale   []string
	missing []string
}

// CheckResult is what build --check found: files that differ from what
// the build makes, files the build makes that are not there, and files
// there that the build did not make.
type CheckResult struct {
	Stale, Missing, Extra []string
}

// Len is how many files are out of date.
func (r CheckResult) Len() int { return len(r.Stale) + len(r.Missing) + len(r.Extra) }

// NewCheckSink compares against dir.
func NewCheckSink(dir string) *CheckSink {
	root, _ := safefs.OpenDir(dir)
	return &CheckSink{dir: dir, root: root, seen: map[string]bool{}}
}

// Put compares one file. A link in the output is never followed: the
// file it stands for counts as stale. A file that is not there is missing,
// not stale (nb7x 5).
func (c *CheckSink) Put(p string, want []byte) error {
	var got []byte
	err := fs.ErrNotExist
	if c.root != nil {
		got, err = c.root.ReadFile(p, MaxFile)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[p] = true
	switch {
	case errors.Is(err, fs.ErrNotExist):
		c.missing = append(c.missing, p)
	case err != nil || !bytes.Equal(got, want):
		c.stale = append(c.stale, p)
	}
	return nil
}

// Result returns the files that differ, the files that are missing, and
// the files dir has that the build did not make.
func (c *CheckSink) Result() (CheckResult, error) {
	var extra []string
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
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
	r := CheckResult{Stale: slices.Clone(c.stale), Missing: slices.Clone(c.missing), Extra: extra}
	sort.Strings(r.Stale)
	sort.Strings(r.Missing)
	sort.Strings(r.Extra)
	return r, err
}
