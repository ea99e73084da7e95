package notice

import (
	"os"
	"path/filepath"
)

// FindConfig returns the site configuration that applies to the notice
// file: personvern.yaml in the file's folder or, when it has none, in the
// nearest folder above that holds one. Every command asks it, for every
// file, so that a notice takes the same defaults whether its folder, a
// folder above it or the file alone is named: build notices and validate
// notices/sub/x.yaml read notices/personvern.yaml alike.
//
// It looks no higher than the top of the git repository the file is in
// (the folder holding .git), and, outside a repository, than the folder
// the command runs in, when the file is under it, or else the file's own
// folder: a personvern.yaml above those is someone else's (a planted
// /tmp/personvern.yaml must not give a notice its controller). "" when
// there is none.
func FindConfig(file string) string {
	start, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return ""
	}
	top := repoTop(start)
	if top == "" {
		top = start
		if wd, err := os.Getwd(); err == nil && isUnder(start, wd) {
			top = wd
		}
	}
	for dir := start; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ConfigName)); err == nil {
			// Named as the file is (relative stays relative), for messages.
			rel, err := filepath.Rel(start, dir)
			if err != nil {
				return filepath.Join(dir, ConfigName)
			}
			return filepath.Join(filepath.Dir(file), rel, ConfigName)
		}
		if dir == top || dir == filepath.Dir(dir) {
			return ""
		}
	}
}

// repoTop returns the folder at or above dir that holds a .git (a work
// tree's top, as git finds it), or "".
func repoTop(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// isUnder reports whether p is dir or lies under it.
func isUnder(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel) || p == dir
}
