package safefs

import (
	"errors"
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

func openDirNoFollow(path string) (*os.File, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// resolveFlags keep a path under its folder and refuse every link on the
// way, the last part included (openat2, Linux 5.6).
const resolveFlags = unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS

// openat opens rel under the folder fd with flags and no link followed:
// with openat2 where the kernel has it, else one part at a time with
// O_NOFOLLOW.
func openat(dirfd int, rel string, flags int) (int, error) {
	flags |= unix.O_NOFOLLOW | unix.O_CLOEXEC
	fd, err := unix.Openat2(dirfd, rel, &unix.OpenHow{Flags: uint64(flags), Resolve: resolveFlags})
	if err != unix.ENOSYS && err != unix.EPERM { // EPERM: openat2 blocked by a seccomp filter
		return fd, err
	}
	return openatWalk(dirfd, rel, flags)
}

// openatWalk is openat for kernels without openat2.
func openatWalk(dirfd int, rel string, flags int) (int, error) {
	flags |= unix.O_NOFOLLOW | unix.O_CLOEXEC
	parts := strings.Split(rel, "/")
	cur := dirfd
	for i, part := range parts {
		f := unix.O_RDONLY | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC
		if i == len(parts)-1 {
			f = flags
		}
		next, err := unix.Openat(cur, part, f, 0)
		if cur != dirfd {
			unix.Close(cur)
		}
		if err != nil {
			return -1, err
		}
		cur = next
	}
	return cur, nil
}

func (d *Dir) open(rel string) (*os.File, error) {
	fd, err := openat(int(d.f.Fd()), rel, unix.O_RDONLY|unix.O_NONBLOCK)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: d.join(rel), Err: err}
	}
	// Back to blocking reads: O_NONBLOCK was only so that opening a pipe
	// cannot hang; a regular file reads the same either way.
	_ = unix.SetNonblock(fd, false)
	return os.NewFile(uintptr(fd), d.join(rel)), nil
}

// parent opens the folder rel is in, with no link followed, and stats
// rel itself without following it: it must be a regular file. The caller
// closes the returned fd when it is not d's own.
func (d *Dir) parent(rel string) (pfd int, name string, st unix.Stat_t, err error) {
	dir, name := ".", rel
	if i := strings.LastIndexByte(rel, '/'); i >= 0 {
		dir, name = rel[:i], rel[i+1:]
	}
	pfd = int(d.f.Fd())
	if dir != "." {
		fd, err := openat(pfd, dir, unix.O_PATH|unix.O_DIRECTORY)
		if err != nil {
			return -1, "", st, &os.PathError{Op: "open", Path: d.join(dir), Err: err}
		}
		pfd = fd
	}
	if err := unix.Fstatat(pfd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		d.closeParent(pfd)
		return -1, "", st, &os.PathError{Op: "stat", Path: d.join(rel), Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		d.closeParent(pfd)
		return -1, "", st, notRegular(d.join(rel), modeOf(st.Mode))
	}
	return pfd, name, st, nil
}

func (d *Dir) closeParent(fd int) {
	if fd != int(d.f.Fd()) {
		unix.Close(fd)
	}
}

func (d *Dir) fileID(rel string) (FileID, error) {
	pfd, _, st, err := d.parent(rel)
	if err != nil {
		return FileID{}, err
	}
	d.closeParent(pfd)
	return FileID{Dev: uint64(st.Dev), Ino: st.Ino}, nil
}

// FileIDOf is the FileID of the file at path itself (a link is not
// followed).
func FileIDOf(path string) (FileID, error) {
	var st unix.Stat_t
	if err := unix.Lstat(path, &st); err != nil {
		return FileID{}, &os.PathError{Op: "lstat", Path: path, Err: err}
	}
	return FileID{Dev: uint64(st.Dev), Ino: st.Ino}, nil
}

func (d *Dir) link(rel, dst string) error {
	pfd, name, _, err := d.parent(rel)
	if err != nil {
		return err
	}
	defer d.closeParent(pfd)
	// Flags 0: a link at name itself would be linked, not followed; it was
	// just seen to be a regular file.
	if err := unix.Linkat(pfd, name, unix.AT_FDCWD, dst, 0); err != nil {
		return &os.LinkError{Op: "link", Old: d.join(rel), New: dst, Err: err}
	}
	return nil
}

func isLoop(err error) bool {
	return errors.Is(err, unix.ELOOP) || errors.Is(err, unix.ENOTDIR) || errors.Is(err, unix.EXDEV)
}

func modeOf(m uint32) os.FileMode {
	switch m & unix.S_IFMT {
	case unix.S_IFLNK:
		return os.ModeSymlink
	case unix.S_IFIFO:
		return os.ModeNamedPipe
	case unix.S_IFSOCK:
		return os.ModeSocket
	case unix.S_IFCHR, unix.S_IFBLK:
		return os.ModeDevice
	case unix.S_IFDIR:
		return os.ModeDir
	}
	return os.ModeIrregular
}
