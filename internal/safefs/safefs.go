// Package safefs reads and links files inside a folder without ever
// following a symbolic link, so that a link planted in a build's output
// (a hostile commit can put one in the committed site/) cannot make
// personvern read, publish or overwrite a file outside it.
package safefs

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ErrLink is wrapped by the error for a symbolic link met on the way to a
// file, or a file that is not a regular file.
var ErrLink = errors.New("not a regular file or folder")

// Dir is an open folder. Paths under it are local, slash-separated paths,
// and are resolved with no symbolic link followed and no way out of it.
type Dir struct {
	f    *os.File
	path string
}

// OpenDir opens the folder path, which must itself be a folder, not a link
// to one.
func OpenDir(path string) (*Dir, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, notRegular(path, info.Mode())
	}
	f, err := openDirNoFollow(path)
	if err != nil {
		return nil, err
	}
	return &Dir{f: f, path: path}, nil
}

// Path is the folder's path as it was opened.
func (d *Dir) Path() string { return d.path }

// Close closes the folder.
func (d *Dir) Close() error { return d.f.Close() }

// Open opens the regular file rel for reading. A link anywhere on the way,
// a pipe, a device or a folder is refused (ErrLink), before anything is
// read and without blocking.
func (d *Dir) Open(rel string) (*os.File, error) {
	if err := local(rel); err != nil {
		return nil, err
	}
	f, err := d.open(rel)
	if err != nil {
		return nil, d.explain(rel, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(d.join(rel), info.Mode())
	}
	return f, nil
}

// ReadFile reads the regular file rel, refusing one larger than max bytes.
func (d *Dir) ReadFile(rel string, max int64) ([]byte, error) {
	f, err := d.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > max {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d a file here may have", d.join(rel), info.Size(), max)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(b)) > max {
		err = fmt.Errorf("%s grew past %d bytes while it was read", d.join(rel), max)
	}
	return b, err
}

// Link makes dst, a path of the caller's own (not under d), a hard link to
// the regular file rel. It is how a build takes an unchanged file of the
// last site into the new one without copying it.
func (d *Dir) Link(rel, dst string) error {
	if err := local(rel); err != nil {
		return err
	}
	if err := d.link(rel, dst); err != nil {
		return d.explain(rel, err)
	}
	return nil
}

func (d *Dir) join(rel string) string { return filepath.Join(d.path, filepath.FromSlash(rel)) }

// explain turns the system's "too many levels of links" into which part of
// rel is the link, found by looking at each part without following it.
func (d *Dir) explain(rel string, err error) error {
	if !isLoop(err) {
		return err
	}
	p := d.path
	for _, part := range strings.Split(rel, "/") {
		p = filepath.Join(p, part)
		if info, lerr := os.Lstat(p); lerr == nil && !info.IsDir() && !info.Mode().IsRegular() {
			return notRegular(p, info.Mode())
		}
	}
	return err
}

func local(rel string) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, "\\") {
		return fmt.Errorf("refusing the path %q: it is not inside the folder", rel)
	}
	return nil
}

// notRegular is the error for a file of the wrong kind, by name: personvern
// never follows a link in its output and never reads a pipe or device.
func notRegular(path string, mode os.FileMode) error {
	return fmt.Errorf("%w: %s is %s; personvern only reads and replaces regular files there and never follows links; remove it", ErrLink, path, Kind(mode))
}

// Kind names the kind of file mode is: "a symbolic link", "a named pipe",
// and so on, or "" for a regular file.
func Kind(mode os.FileMode) string {
	switch {
	case mode.IsRegular():
		return ""
	case mode&os.ModeSymlink != 0:
		return "a symbolic link"
	case mode&os.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&os.ModeSocket != 0:
		return "a socket"
	case mode&os.ModeDevice != 0:
		return "a device"
	case mode.IsDir():
		return "a folder"
	}
	return "not a regular file"
}

// FileID identifies a file: two paths with the same FileID are one file
// (hard links). The zero FileID matches nothing.
type FileID struct{ Dev, Ino uint64 }

// FileID returns the identity of the regular file rel, reached with no
// link followed.
func (d *Dir) FileID(rel string) (FileID, error) {
	if err := local(rel); err != nil {
		return FileID{}, err
	}
	id, err := d.fileID(rel)
	if err != nil {
		return FileID{}, d.explain(rel, err)
	}
	return id, nil
}
