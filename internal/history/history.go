// Package history reads the earlier published versions of notices from
// the git repository they are in: the "Endringer" section of a page, and
// what a build's cache keys on.
package history

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/personvern/personvern/internal/notice"
	"gopkg.in/yaml.v3"
)

// Reader reads the earlier versions of notices from git for one build.
// A site of thousands of notices must not start thousands of git
// processes, nor have git find a file by name in a tree of thousands of
// entries once per version: it asks git log once per folder for the
// commits of every file in it and the blob each commit left it as, and
// reads old versions by blob id through one git cat-file --batch per
// folder. A blob that is the working copy is not read at all.
type Reader struct {
	mu      sync.Mutex
	folders map[string]*gitFolder
	// loader parses old versions as the current one is parsed: with the
	// shared defaults, so that a field taken from them is no change.
	loader notice.Loader
	// command makes every git process the Reader starts.
	command func(dir string, args ...string) *exec.Cmd
	// Valid, when set, decides whether an earlier version may be shown:
	// one a commit added and a later one took back never went through the
	// gate (validate runs on the working copy), yet it would be published
	// as it was, a link whose text names another address included.
	Valid func(*notice.Document) bool
	count counts
}

// counts are what a Reader asked of git and parsed, for the tests that
// hold the cost of the history to the versions it reads.
type counts struct {
	processes atomic.Int64 // git processes started
	byPath    atomic.Int64 // objects named commit:path (git walks the commit's trees)
	byID      atomic.Int64 // objects named by their id
	parsed    atomic.Int64 // old versions parsed
}

type gitFolder struct {
	h       *Reader
	once    sync.Once
	dir     string
	ok      bool                // inside a git work tree
	prefix  string              // dir relative to the top of the repository
	commits map[string][]string // file name → commits that touched it, newest first
	// blobs[name][i] is the blob commits[name][i] left the file as; ""
	// when it deleted it or made it other than a file (a symbolic link, a
	// submodule), which is never read.
	blobs map[string][]string

	mu  sync.Mutex // one request at a time on the cat-file pipe
	cat *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader

	cfgMu sync.Mutex
	cfgAt map[string]*commitConfig // commit + "\x00" + path → the configuration in it
	ownMu sync.Mutex
	own   map[string]string // the build's own configuration file → its blob id
}

// commitConfig is the configuration a commit holds: its blob id ("" when
// the commit has none) and the loader of its defaults.
type commitConfig struct {
	id     string
	loader notice.Loader
	ok     bool // false: it does not read as a configuration
	// version: its defaults set a version, which a notice that sets none
	// takes, so that the working copy's blob may be another version.
	version bool
}

// New returns a Reader that parses old versions with l, as the current
// ones are parsed. Close ends the git processes it starts.
func New(l notice.Loader) *Reader {
	return &Reader{folders: map[string]*gitFolder{}, loader: l, command: Git}
}

// Git makes a git process in dir, the one way personvern runs git. A pull
// request controls what is in the folders it names: it can commit the
// files of a bare repository (HEAD, objects/, refs/, a config) into one,
// and git run there would take that folder as the repository and obey its
// config (log.showSignature with gpg.program runs a program the request
// committed). safe.bareRepository=explicit, set on the command line (a
// protected scope), makes git refuse a bare repository it was not pointed
// at, so the folder is read as part of the checkout's own repository or
// not at all; the other settings close what a repository's or a user's
// config could otherwise make a read start.
func Git(dir string, args ...string) *exec.Cmd {
	base := []string{
		"-c", "safe.bareRepository=explicit",
		"-c", "log.showSignature=false",
		"-c", "core.fsmonitor=false",
		"--no-pager",
	}
	if dir != "" {
		base = append(base, "-C", dir)
	}
	cmd := exec.Command("git", append(base, args...)...)
	// Never a prompt on a terminal CI does not have. The system and user
	// config stay: CI sets safe.directory there for a checkout it made.
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
	return cmd
}

// git makes a git process in dir; every process of the Reader is made
// here.
func (h *Reader) git(dir string, args ...string) *exec.Cmd {
	h.count.processes.Add(1)
	return h.command(dir, args...)
}

func (h *Reader) folder(file string) (*gitFolder, string) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	h.mu.Lock()
	f := h.folders[dir]
	if f == nil {
		f = &gitFolder{h: h, dir: dir}
		h.folders[dir] = f
	}
	h.mu.Unlock()
	f.once.Do(f.load)
	return f, base
}

func (f *gitFolder) load() {
	out, err := f.h.git(f.dir, "rev-parse", "--is-inside-work-tree", "--show-prefix").Output()
	lines := strings.Split(string(out), "\n")
	if err != nil || len(lines) < 2 || lines[0] != "true" {
		return
	}
	f.prefix = lines[1]
	// --raw names the blob each commit left a file as; the commits are
	// those --name-only listed before (a rename counts for the new name).
	// -m shows a merge's changes too (once per parent, both naming the
	// merge's blob), so a version a merge resolved into, which no other
	// commit holds, is history like any other; -m works on every git,
	// where --diff-merges needs 2.31.
	log, err := f.h.git(f.dir, "log", "--format=%x1e%H", "--raw", "-m", "--no-abbrev", "--relative", "-z", "--", ".").Output()
	if err != nil {
		return
	}
	f.ok = true
	f.commits, f.blobs = parseLog(log)
}

// parseLog reads git log --format=%x1e%H --raw -z: per commit its hash,
// then per file ":oldmode newmode oldblob newblob status", NUL, the path
// (two paths for a rename or copy, the new one last), each ended by NUL.
func parseLog(log []byte) (commits, blobs map[string][]string) {
	commits, blobs = map[string][]string{}, map[string][]string{}
	// The stream is read in order, token by token (NUL-separated): a
	// commit's header, then per file its metadata and its one or two
	// paths. A path is taken by its position, never by what it holds, so
	// a file named "x.yaml\x1e<hash>" cannot start a commit of its own.
	fields := strings.Split(string(log), "\x00")
	hash := ""
	for i := 0; i < len(fields); i++ {
		tok := strings.TrimPrefix(fields[i], "\n")
		if h, ok := strings.CutPrefix(tok, "\x1e"); ok {
			hash = ""
			if objectID(h) {
				hash = h
			}
			continue
		}
		if !strings.HasPrefix(tok, ":") {
			continue
		}
		parts := strings.Fields(tok[1:])
		paths := 1
		if len(parts) == 5 {
			if st := parts[4]; st != "" && (st[0] == 'R' || st[0] == 'C') {
				paths = 2
			}
		}
		if i+paths >= len(fields) {
			break
		}
		name := fields[i+paths]
		i += paths
		if hash == "" || len(parts) != 5 || name == "" || strings.Contains(name, "/") {
			continue
		}
		blob := parts[3]
		// Only a regular file is a notice; a symbolic link's blob is the
		// name it points at, never followed.
		if mode := parts[1]; (mode != "100644" && mode != "100755") || !objectID(blob) || strings.Trim(blob, "0") == "" {
			blob = ""
		}
		// A merge is reported once per parent, one after the other.
		if c := commits[name]; len(c) > 0 && c[len(c)-1] == hash {
			continue
		}
		commits[name] = append(commits[name], hash)
		blobs[name] = append(blobs[name], blob)
	}
	return commits, blobs
}

// objectID reports whether s is a git object id: 40 (SHA-1) or 64
// (SHA-256) lower-case hex digits.
func objectID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// blobID is the id git gives a blob holding b, in the object format of
// like (an id of the same repository).
func blobID(like string, b []byte) string {
	var h hash.Hash
	switch len(like) {
	case 40:
		h = sha1.New()
	case 64:
		h = sha256.New()
	default:
		return ""
	}
	fmt.Fprintf(h, "blob %d\x00", len(b))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
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

// byID returns the blob id, as read through the folder's cat-file.
func (f *gitFolder) byID(id string, max int) ([]byte, bool) {
	if !objectID(id) {
		return nil, false
	}
	f.h.count.byID.Add(1)
	_, b, ok := f.request(id, max)
	return b, ok
}

// byPath returns the blob id and contents of base, a file of the folder
// or one above it (../personvern.yaml), as it was in commit; "" and
// false when the commit has no such file.
func (f *gitFolder) byPath(commit, base string, max int) (string, []byte, bool) {
	// Named from the top of the repository; one above the top is none.
	name := path.Clean(f.prefix + base)
	if name == ".." || strings.HasPrefix(name, "../") || !objectID(commit) {
		return "", nil, false
	}
	// A line break in a name would end this request and start another.
	if strings.ContainsAny(name, "\n\r") {
		return "", nil, false
	}
	f.h.count.byPath.Add(1)
	return f.request(commit+":"+name, max)
}

// request asks the folder's cat-file for one object; it returns the
// object's id and contents, refusing unread one that is not a blob or
// is larger than max bytes.
func (f *gitFolder) request(spec string, max int) (string, []byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cat == nil {
		cmd := f.h.git(f.dir, "cat-file", "--batch")
		in, err := cmd.StdinPipe()
		if err != nil {
			return "", nil, false
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return "", nil, false
		}
		if err := cmd.Start(); err != nil {
			return "", nil, false
		}
		f.cat, f.in, f.out = cmd, in, bufio.NewReader(out)
	}
	if _, err := io.WriteString(f.in, spec+"\n"); err != nil {
		return "", nil, false
	}
	head, err := f.out.ReadString('\n')
	if err != nil {
		return "", nil, false
	}
	parts := strings.Fields(head)
	if len(parts) != 3 || parts[1] != "blob" {
		if len(parts) == 3 {
			// Another kind of object, named by a hostile path (a tree, a
			// commit): its contents are still in the pipe.
			f.stopCat()
		}
		return "", nil, false // "<name> missing"
	}
	size, err := strconv.Atoi(parts[2])
	if err != nil || size < 0 {
		return "", nil, false
	}
	if size > max {
		// Not a notice: refused unread. The rest of this answer is still
		// in the pipe, so this cat-file is ended and the next request
		// starts another.
		f.stopCat()
		return "", nil, false
	}
	buf := make([]byte, size+1) // and the newline after the contents
	if _, err := io.ReadFull(f.out, buf); err != nil {
		return "", nil, false
	}
	return parts[0], buf[:size], true
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
// newest first, read from the git repository the file is in; doc is the
// working copy, as the Reader's loader parsed it.
// Versions are told apart by the notice's own version field, not by
// commits: of the commits with the same version the newest wins, and the
// working copy wins over all of them, so that building before and after
// a commit gives the same site. Without git, or outside a repository, it
// returns nil.
func (h *Reader) Versions(file string, doc *notice.Document) []*notice.Notice {
	current := &doc.Notice
	f, base := h.folder(file)
	if !f.ok {
		return nil
	}
	seen := map[string]bool{current.Version: true}
	var cfg string // the configuration that applies to file
	if h.loader.Defaults != nil {
		cfg = notice.FindConfig(file)
	}
	commits, blobs := f.commits[base], f.blobs[base]
	own := ""
	if len(commits) > 0 {
		own = blobID(commits[0], doc.Src)
	}
	// The working copy sets its version itself, which no defaults change.
	_, versionDefault := doc.Origin["version"]
	ownVersion := !versionDefault && hasKey(doc.Root, "version")
	// A blob parsed with the same defaults gives the same notice: a
	// version already seen, or one that does not parse.
	done := map[string]bool{}
	var versions []*notice.Notice
	for i, hash := range commits {
		id := blobs[i]
		if id == "" {
			continue
		}
		c := h.loaderAt(f, cfg, hash)
		if !c.ok {
			continue
		}
		// The working copy is the current version, seen, unless the
		// defaults of that commit gave it another version: a notice's own
		// version wins over the defaults', and one with none took the
		// version of the defaults it is parsed with now.
		if id == own && (!c.version || ownVersion) {
			continue
		}
		if key := id + "\x00" + c.id; done[key] {
			continue
		} else {
			done[key] = true
		}
		old, ok := f.byID(id, h.loader.Limits.File())
		if !ok {
			continue
		}
		h.count.parsed.Add(1)
		d, err := c.loader.Parse(file, bytes.TrimSpace(old))
		if err != nil || d.Notice.Version == "" || seen[d.Notice.Version] {
			continue
		}
		if h.Valid != nil && !h.Valid(d) {
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

// loaderAt returns the configuration for a version of a notice in f at
// commit: when the build's defaults are cfg, the personvern.yaml that
// applies to the notice (notice.FindConfig), the defaults that file had in
// that commit, which that version was published with (as diff REV:PATH
// reads it), so that a change of the shared controller shows in
// "Endringer" and moving it into the defaults does not. Other defaults
// (--defaults, --config) have no history: they apply as they are. It is
// not ok when that commit's configuration cannot be read as one, and the
// version is left out like one that does not parse. Its id is "" when the
// loader is the Reader's own (no history, or the commit's configuration
// is the file as it is now), and else the commit's configuration's blob
// id ("-" for none). Each commit's configuration is looked up once per
// folder, whatever the number of notices in it.
func (h *Reader) loaderAt(f *gitFolder, cfg, commit string) *commitConfig {
	def := h.loader.Defaults
	own := &commitConfig{loader: h.loader, ok: true}
	if def == nil || cfg == "" || filepath.Clean(def.Path) != filepath.Clean(cfg) {
		return own
	}
	// The configuration as git names it: from the notice's folder, which
	// it is in or above.
	rel, err := filepath.Rel(f.dir, def.Path)
	if err != nil {
		return own
	}
	rel = filepath.ToSlash(rel)
	key := commit + "\x00" + rel
	f.cfgMu.Lock()
	c := f.cfgAt[key]
	f.cfgMu.Unlock()
	if c != nil {
		return c
	}
	id, src, found := f.byPath(commit, rel, notice.MaxFileSize)
	switch {
	case !found:
		c = &commitConfig{id: "-", loader: notice.Loader{Limits: h.loader.Limits}, ok: true} // none in that commit
	case id == f.ownConfig(def):
		c = own
	default:
		d, err := notice.ConfigDefaults(def.Path, src)
		c = &commitConfig{id: id, loader: notice.Loader{Defaults: d, Limits: h.loader.Limits}, ok: err == nil, version: setsVersion(d)}
	}
	f.cfgMu.Lock()
	if f.cfgAt == nil {
		f.cfgAt = map[string]*commitConfig{}
	}
	f.cfgAt[key] = c
	f.cfgMu.Unlock()
	return c
}

// setsVersion reports whether defaults d set a notice's version.
func setsVersion(d *notice.Defaults) bool {
	return d != nil && hasKey(d.Node, "version")
}

// hasKey reports whether the mapping m has the key.
func hasKey(m *yaml.Node, key string) bool {
	if m == nil || m.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// ownConfig is the blob id of the configuration def was read from, as it
// is now.
func (f *gitFolder) ownConfig(def *notice.Defaults) string {
	f.ownMu.Lock()
	defer f.ownMu.Unlock()
	if id, ok := f.own[def.Path]; ok {
		return id
	}
	var like string
	for _, cs := range f.commits {
		like = cs[0]
		break
	}
	id := blobID(like, def.Src)
	if f.own == nil {
		f.own = map[string]string{}
	}
	f.own[def.Path] = id
	return id
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
		out, err := Git(d, "rev-parse", "--is-shallow-repository").Output()
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
