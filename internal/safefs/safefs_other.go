//go:build !linux

package safefs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// Without openat2 each part of the path is looked at before it is used.
// That leaves a window between the look and the use, which a hostile
// commit cannot reach (it plants files before the build, not during it).

func openDirNoFollow(path string) (*os.File, error) { return os.Open(path) }

var errLoop = errors.New("a link on the way")

func (d *Dir) check(rel string) error {
	p := d.path
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		if info.Mode()&os.ModeSymlink != 0 || (i < len(parts)-1 && !info.IsDir()) {
			return errLoop
		}
	}
	return nil
}

func (d *Dir) open(rel string) (*os.File, error) {
	if err := d.check(rel); err != nil {
		return nil, err
	}
	return os.Open(d.join(rel))
}

func (d *Dir) link(rel, dst string) error {
	if err := d.check(rel); err != nil {
		return err
	}
	info, err := os.Lstat(d.join(rel))
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return notRegular(d.join(rel), info.Mode())
	}
	return os.Link(d.join(rel), dst)
}

func isLoop(err error) bool { return errors.Is(err, errLoop) }

// Without a portable inode, no two files are known to be one: callers
// then link again, which is correct, only slower.
func (d *Dir) fileID(rel string) (FileID, error) {
	if err := d.check(rel); err != nil {
		return FileID{}, err
	}
	return FileID{}, nil
}

// FileIDOf is the zero FileID here (see fileID).
func FileIDOf(path string) (FileID, error) {
	_, err := os.Lstat(path)
	return FileID{}, err
}
