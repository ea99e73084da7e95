// Package history reads the earlier published versions of notices from
// the git repository they are in: the "Endringer" section of a page, and
// what a build's cache keys on.
package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/personvern/personvern/internal/notice"
)

// Reader reads the earlier versions of notices from git for one build.
// A site of thousands of notices must not start thousands of git
// processes, so it asks git log once per folder for the commits of every
// file in it, and reads old versions through one git cat-file --batch per
// folder.
type Reader struct {
	mu      sync.Mutex
	folders map[string]*gitFolder
	// loader parses old versions as the current one is parsed: with the
	// shared defaults, so that a field taken from them is no change.
	loader notice.Loader
}

type gitFolder struct {
	once    sync.Once
	dir     string
	ok      bool                // inside a git work tree
	prefix  string              // dir relative to the top of the repository
	commits map[string][]string // file name → commits that touched it, newest first

	mu  sync.Mutex // one request at a time on the cat-file pipe
	cat *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// New returns a Reader that parses old versions with l, as the current
// ones are parsed. Close ends the git processes it starts.
func New(l notice.Loader) *Reader {
	return &Reader{folders: map[string]*gitFolder{}, loader: l}
}

func (h *Reader) folder(file string) (*gitFolder, string) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	h.mu.Lock()
	f := h.folders[dir]
	if f == nil {
		f = &gitFolder{dir: dir}
		h.folders[dir] = f
	}
	h.mu.Unlock()
	f.once.Do(f.load)
	return f, base
}

func (f *gitFolder) load() {
	git := func(args ...string) ([]byte, error) {
		return exec.Command("git", append([]string{"-C", f.dir}, args...)...).Output()
	}
	out, err := git("rev-parse", "--is-inside-work-tree", "--show-prefix")
	lines := strings.Split(string(out), "\n")
	if err != nil || len(lines) < 2 || lines[0] != "true" {
		return
	}
	f.prefix = lines[1]
	log, err := git("log", "--format=%x1e%H", "--name-only", "--relative", "-z", "--", ".")
	if err != nil {
		return
	}
	f.ok = true
	f.commits = map[string][]string{}
	for _, rec := range strings.Split(string(log), "\x1e") {
		fields := strings.Split(rec, "\x00")
		if len(fields) < 2 {
			continue
		}
		hash := fields[0]
		for _, name := range fields[1:] {
			name = strings.TrimPrefix(name, "\n")
			if name != "" && !strings.Contains(name, "/") {
				f.commits[name] = append(f.commits[name], hash)
			}
		}
	}
}

// Commits returns the commits that touched file, newest first; nil outside
// a repository. A build's cache keys on them: a new commit may change the
// version history on the notice's pages.
func (h *Reader) Commits(file string) []string {
	f, base := h.folder(file)
	if !f.ok {
		return nil
	}
	return f.commits[base]
}

// blob returns file as it was in commit, through the folder's cat-file;
// one larger than max bytes is refused unread.
func (f *gitFolder) blob(commit, base string, max int) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cat == nil {
		cmd := exec.Command("git", "-C", f.dir, "cat-file", "--batch")
		in, err := cmd.StdinPipe()
		if err != nil {
			return nil, false
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, false
		}
		if err := cmd.Start(); err != nil {
			return nil, false
		}
		f.cat, f.in, f.out = cmd, in, bufio.NewReader(out)
	}
	// base is a file of the folder, or one above it (../personvern.yaml),
	// named from the top of the repository; one above the top is none.
	name := path.Clean(f.prefix + base)
	if name == ".." || strings.HasPrefix(name, "../") {
		return nil, false
	}
	// A line break in a name would end this request and start another.
	if strings.ContainsAny(name, "\n\r") {
		return nil, false
	}
	if _, err := fmt.Fprintf(f.in, "%s:%s\n", commit, name); err != nil {
		return nil, false
	}
	head, err := f.out.ReadString('\n')
	if err != nil {
		return nil, false
	}
	parts := strings.Fields(head)
	if len(parts) != 3 || parts[1] != "blob" {
		return nil, false // "<name> missing"
	}
	size, err := strconv.Atoi(parts[2])
	if err != nil || size < 0 {
		return nil, false
	}
	if size > max {
		// Not a notice: refused unread. The rest of this answer is still
		// in the pipe, so this cat-file is ended and the next request
		// starts another.
		f.stopCat()
		return nil, false
	}
	buf := make([]byte, size+1) // and the newline after the contents
	if _, err := io.ReadFull(f.out, buf); err != nil {
		return nil, false
	}
	return buf[:size], true
}

// stopCat ends the folder's cat-file process; f.mu is held.
func (f *gitFolder) stopCat() {
	f.in.Close()
	_ = f.cat.Process.Kill()
	_ = f.cat.Wait()
	f.cat, f.in, f.out = nil, nil, nil
}

// Close ends the cat-file processes.
func (h *Reader) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, f := range h.folders {
		if f.cat != nil {
			f.in.Close()
			_ = f.cat.Wait()
		}
	}
}

// Versions returns the earlier published versions of the notice in file,
// newest first, read from the git repository the file is in. Versions are
// told apart by the notice's own version field, not by commits: of the
// commits with the same version the newest wins, and the working copy
// wins over all of them, so that building before and after a commit gives
// the same site. Without git, or outside a repository, it returns nil.
func (h *Reader) Versions(file string, current *notice.Notice) []*notice.Notice {
	f, base := h.folder(file)
	if !f.ok {
		return nil
	}
	seen := map[string]bool{current.Version: true}
	var cfg string // the configuration that applies to file
	if h.loader.Defaults != nil {
		cfg = notice.FindConfig(file)
	}
	var versions []*notice.Notice
	for _, hash := range f.commits[base] {
		src, ok := f.blob(hash, base, h.loader.Limits.File())
		if !ok {
			continue
		}
		l, ok := h.loaderAt(f, cfg, hash)
		if !ok {
			continue
		}
		d, err := l.Parse(file, bytes.TrimSpace(src))
		if err != nil || d.Notice.Version == "" || seen[d.Notice.Version] {
			continue
		}
		seen[d.Notice.Version] = true
		n := d.Notice
		versions = append(versions, &n)
	}
	// A version updated later than the current one is not history: the
	// working copy went back (a revert); keep what the copy says.
	kept := versions[:0]
	for _, v := range versions {
		if v.Updated <= current.Updated {
			kept = append(kept, v)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Updated != kept[j].Updated {
			return kept[i].Updated > kept[j].Updated
		}
		return kept[i].Version > kept[j].Version
	})
	return kept
}

// loaderAt returns the loader for a version of a notice in f at commit:
// when the build's defaults are cfg, the personvern.yaml that applies to
// the notice (notice.FindConfig), the defaults that file had in that commit, which
// that version was published with (as diff REV:PATH reads it), so that a
// change of the shared controller shows in "Endringer" and moving it into
// the defaults does not. Other defaults (--defaults, --config) have no
// history: they apply as they are. It reports false when that commit's
// configuration cannot be read as one, and the version is left out like
// one that does not parse.
func (h *Reader) loaderAt(f *gitFolder, cfg, commit string) (notice.Loader, bool) {
	def := h.loader.Defaults
	if def == nil || cfg == "" || filepath.Clean(def.Path) != filepath.Clean(cfg) {
		return h.loader, true
	}
	// The configuration as git names it: from the notice's folder, which
	// it is in or above.
	rel, err := filepath.Rel(f.dir, def.Path)
	if err != nil {
		return h.loader, true
	}
	src, ok := f.blob(commit, filepath.ToSlash(rel), notice.MaxFileSize)
	if !ok {
		return notice.Loader{Limits: h.loader.Limits}, true // none in that commit
	}
	d, err := notice.ConfigDefaults(def.Path, src)
	if err != nil {
		return notice.Loader{}, false
	}
	return notice.Loader{Defaults: d, Limits: h.loader.Limits}, true
}

// Gap says why the version history of some notices cannot be read
// whole: git is not installed though they are in a repository, or the
// repository is a shallow clone (GitHub's default checkout), whose early
// commits are missing. Either way the "Endringer" section of their pages
// lacks versions, so a build must say so and build --check cannot judge.
type Gap struct {
	Dir     string // the notices folder, as named on the command line
	NoGit   bool   // git is not installed
	Shallow bool   // the repository is a shallow clone
}

// FindGap returns the first gap in the history of the folders that
// hold files, or nil when there is none (including outside a repository).
func FindGap(files []string) *Gap {
	seen := map[string]bool{}
	var dirs []string
	for _, f := range files {
		d := filepath.Dir(f)
		if !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		for _, d := range dirs {
			if inRepository(d) {
				return &Gap{Dir: d, NoGit: true}
			}
		}
		return nil
	}
	for _, d := range dirs {
		out, err := exec.Command("git", "-C", d, "rev-parse", "--is-shallow-repository").Output()
		if err == nil && strings.TrimSpace(string(out)) == "true" {
			return &Gap{Dir: d, Shallow: true}
		}
	}
	return nil
}

// inRepository reports whether dir or a folder above it holds a .git, as
// git would find it; for telling, without git, that history was expected.
func inRepository(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return true
		}
		up := filepath.Dir(abs)
		if up == abs {
			return false
		}
		abs = up
	}
}
