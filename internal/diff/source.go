package diff

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/personvern/personvern/internal/history"
	"github.com/personvern/personvern/internal/notice"
)

// ReadSource reads a notice named as a file, or as REV:PATH from the git
// repository the working directory is in (REV:./PATH), so that a
// reviewer can compare against the last published version without
// checking it out. A path that exists as a file is always a file.
//
// Both are read like every input: a file through notice.ReadInput (a
// regular file inside the folder it is in, of bounded size), a blob only
// after git has said its size. REV never reaches git's command line, so
// it cannot be taken for an option.
func ReadSource(arg string) (name string, src []byte, err error) {
	if _, statErr := os.Lstat(arg); statErr == nil {
		b, err := notice.ReadInput(arg, "")
		return arg, b, err
	}
	rev, path, ok := strings.Cut(arg, ":")
	if !ok || rev == "" || path == "" || len(rev) == 1 && filepath.VolumeName(arg) != "" {
		_, err := os.Stat(arg)
		return arg, nil, err
	}
	if strings.HasPrefix(rev, "-") {
		return arg, nil, fmt.Errorf("%s: the revision %q starts with '-', which git would take for an option; name a branch, tag or commit, or ./%s for a file", arg, rev, arg)
	}
	if strings.ContainsAny(arg, "\n\r\x00") {
		return arg, nil, fmt.Errorf("%s: a line break or NUL in REV:PATH; name a branch, tag or commit and a file", strconv.Quote(arg))
	}
	if !filepath.IsAbs(path) && !strings.HasPrefix(path, "./") {
		path = "./" + path
	}
	src, err = gitBlob(rev + ":" + path)
	if err != nil {
		return arg, nil, fmt.Errorf("%s: %v", arg, err)
	}
	return arg, src, nil
}

// gitBlob reads one blob through git cat-file --batch: the object name
// goes on stdin, never on the command line, and the header gives type and
// size before any content, so a huge blob is refused unread.
func gitBlob(object string) ([]byte, error) {
	cmd := history.Git("", "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(object + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot run git: %v", err)
	}
	src, err := readBatch(bufio.NewReader(stdout))
	if err != nil {
		// Unread content, if any, goes unread: the process is ended.
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if msg := strings.TrimSpace(stderr.String()); msg != "" && errors.Is(err, errNoObject) {
			return nil, errors.New(strings.TrimPrefix(msg, "fatal: "))
		}
		return nil, err
	}
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(strings.TrimPrefix(msg, "fatal: "))
	}
	return src, nil
}

var errNoObject = errors.New("no such file at that revision in the git repository you stand in; check the revision and the path (relative to the folder you stand in)")

// readBatch reads one answer of git cat-file --batch: "<oid> blob <size>"
// and the content, or "<name> missing".
func readBatch(r *bufio.Reader) ([]byte, error) {
	head, err := r.ReadString('\n')
	if err != nil {
		return nil, errNoObject
	}
	parts := strings.Fields(head)
	if len(parts) != 3 {
		return nil, errNoObject
	}
	if parts[1] != "blob" {
		return nil, fmt.Errorf("a %s, not a file; name a notice file", parts[1])
	}
	size, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || size < 0 {
		return nil, fmt.Errorf("git gave a malformed answer %q", strings.TrimSpace(head))
	}
	if size > notice.MaxFileSize {
		return nil, fmt.Errorf("the file is larger than %d bytes in git; a notice is a few kilobytes, check that this is the right file", notice.MaxFileSize)
	}
	buf := make([]byte, size)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("reading from git: %v", err)
	}
	return buf, nil
}

// Load reads and parses a notice from a file or REV:PATH, with the
// defaults of the personvern.yaml beside it (see ConfigFor), so that diff
// compares the notices build publishes: moving the controller into the
// defaults is no change.
func Load(arg string) (*notice.Document, error) {
	name, src, err := ReadSource(arg)
	if err != nil {
		return nil, err
	}
	if len(src) > notice.MaxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, notice.MaxFileSize)
	}
	def, err := ConfigFor(arg)
	if err != nil {
		return nil, err
	}
	return notice.Loader{Defaults: def}.Parse(name, src)
}

// ConfigFor returns the defaults that apply to the notice arg names: those
// of the personvern.yaml notice.FindConfig finds for a file, and for
// REV:PATH the one found the same way in that revision (its folder's, or
// the nearest above, no higher than the top of the repository), as it was
// then, since the notice was written against it. nil when there is none.
func ConfigFor(arg string) (*notice.Defaults, error) {
	if _, err := os.Lstat(arg); err == nil {
		cfg := notice.FindConfig(arg)
		if cfg == "" {
			return nil, nil
		}
		src, err := notice.ReadInput(cfg, "")
		if err != nil {
			return nil, err
		}
		return notice.ConfigDefaults(cfg, src)
	}
	rev, p, _ := strings.Cut(arg, ":")
	for _, cfg := range revConfigs(p) {
		src, err := gitBlob(rev + ":" + cfg)
		switch {
		case errors.Is(err, errNoObject):
			continue // none there in that revision
		case err != nil:
			return nil, fmt.Errorf("%s:%s: %v", rev, cfg, err)
		}
		return notice.ConfigDefaults(rev+":"+strings.TrimPrefix(cfg, "./"), src)
	}
	return nil, nil
}

// revConfigs are the places, nearest first, where a personvern.yaml may
// apply to the notice at p in a revision: p's folder and each above it up
// to the top of the repository the working directory is in, named as git
// reads them.
func revConfigs(p string) []string {
	p = filepath.ToSlash(p)
	own := path.Join(path.Dir(p), notice.ConfigName)
	if !path.IsAbs(own) {
		own = "./" + own
	}
	if path.IsAbs(p) {
		return []string{own}
	}
	// The working directory within the repository, e.g. "sub/".
	prefix, err := history.Git("", "rev-parse", "--show-prefix").Output()
	if err != nil {
		return []string{own}
	}
	dir := path.Dir(path.Join(strings.TrimSpace(string(prefix)), p))
	if dir == ".." || strings.HasPrefix(dir, "../") {
		return []string{own} // not in the repository: git says so
	}
	var out []string
	for {
		// Without ./ a path in REV:PATH is from the top of the repository.
		out = append(out, path.Join(dir, notice.ConfigName))
		if dir == "." {
			return out
		}
		dir = path.Dir(dir)
	}
}
