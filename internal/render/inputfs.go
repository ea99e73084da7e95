package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/personvern/personvern/internal/notice"
)

// inputFS is a --templates folder read like every other input (see
// notice.ReadInput): each file, after its links are resolved, must be a
// regular file inside the folder and at most notice.MaxFileSize bytes. A
// template committed as a link to /etc/shadow, /dev/zero or a FIFO is
// refused by name instead of being read, hanging the build or being
// quoted in a parse error.
type inputFS struct{ root string }

func (f inputFS) path(name string, op string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(f.root, filepath.FromSlash(name)), nil
}

func (f inputFS) ReadFile(name string) ([]byte, error) {
	p, err := f.path(name, "read")
	if err != nil {
		return nil, err
	}
	// Only a name that is not there at all falls back to the embedded
	// file; a dangling link or a refused file is an error, not a default.
	if _, err := os.Lstat(p); err != nil {
		return nil, err
	}
	b, err := notice.ReadInput(p, f.root)
	if err != nil && missing(err) {
		return nil, fmt.Errorf("%s: a link to nothing; remove it or make it point at a file", p)
	}
	return b, err
}

func (f inputFS) Open(name string) (fs.File, error) {
	p, err := f.path(name, "open")
	if err != nil {
		return nil, err
	}
	info, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return os.DirFS(f.root).Open(name)
	}
	b, err := f.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(b), name: filepath.Base(p), size: int64(len(b))}, nil
}

func (f inputFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(os.DirFS(f.root), name)
}

// memFile is a file already read (and checked) whole.
type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (m *memFile) Stat() (fs.FileInfo, error) { return memInfo{m.name, m.size}, nil }
func (m *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }

// missing reports whether err means the overlay has no such file, so the
// embedded one is taken.
func missing(err error) bool { return errors.Is(err, fs.ErrNotExist) }
