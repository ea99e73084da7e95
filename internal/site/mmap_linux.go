package site

import (
	"os"

	"github.com/personvern/personvern/internal/safefs"

	"golang.org/x/sys/unix"
)

// mapped is a file mapped read-only into memory. Reading a page of many
// megabytes into the heap costs a page fault per 4 KB, each paid again as
// the heap grows; a mapping filled in one call (MAP_POPULATE) from the page
// cache does not.
type mapped struct {
	data []byte
	mmap bool // data is a mapping, not memory of ours
}

// mapFile maps the file rel of the folder dir, reached with no link
// followed: dir is a site, whose files a commit can replace with links.
func mapFile(dir, rel string) (*mapped, error) {
	d, err := safefs.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	f, err := d.Open(rel)
	if err != nil {
		return nil, err
	}
	name := f.Name()
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() == 0 {
		return &mapped{}, nil
	}
	b, err := unix.Mmap(int(f.Fd()), 0, int(info.Size()), unix.PROT_READ, unix.MAP_SHARED|unix.MAP_POPULATE)
	if err != nil {
		return nil, &os.PathError{Op: "mmap", Path: name, Err: err}
	}
	return &mapped{data: b, mmap: true}, nil
}

// close unmaps the file; nothing may use its data after.
func (m *mapped) close() {
	if m != nil && m.mmap && m.data != nil {
		_ = unix.Munmap(m.data)
		m.data = nil
	}
}
