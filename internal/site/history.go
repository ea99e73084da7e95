package site

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/personvern/personvern/internal/notice"
)

// History returns the earlier published versions of the notice in file,
// newest first, read from the git repository the file is in. Versions are
// told apart by the notice's own version field, not by commits: of the
// commits with the same version the newest wins, and the working copy
// wins over all of them, so that building before and after a commit gives
// the same site. Without git, or outside a repository, it returns nil.
func History(file string, current *notice.Notice) []*notice.Notice {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	if !inRepo(dir) {
		return nil
	}
	git := func(args ...string) ([]byte, error) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Stderr = nil
		return cmd.Output()
	}
	out, err := git("log", "--format=%H", "--", base)
	if err != nil {
		return nil
	}
	seen := map[string]bool{current.Version: true}
	var versions []*notice.Notice
	for _, hash := range strings.Fields(string(out)) {
		src, err := git("show", hash+":./"+base)
		if err != nil || len(src) > notice.MaxFileSize {
			continue
		}
		d, err := notice.Parse(file, bytes.TrimSpace(src))
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

var repoDirs sync.Map // folder → bool: asked once, not once per notice

// inRepo reports whether dir is inside a git work tree (false without git).
func inRepo(dir string) bool {
	if v, ok := repoDirs.Load(dir); ok {
		return v.(bool)
	}
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--is-inside-work-tree").Output()
	in := err == nil && strings.TrimSpace(string(out)) == "true"
	repoDirs.Store(dir, in)
	return in
}
