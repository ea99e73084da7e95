package publish

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// identity is what a record holds of a folder: its device, inode and
// birth time. The inode alone is not enough, since a file system hands a
// freed inode number to the next folder made; the birth time tells them
// apart, and unlike the change time it stays through renames.
func identity(path string) (string, error) {
	var st unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, path, unix.AT_SYMLINK_NOFOLLOW, unix.STATX_INO|unix.STATX_BTIME, &st); err != nil {
		return "", &os.PathError{Op: "statx", Path: path, Err: err}
	}
	var btime string
	if st.Mask&unix.STATX_BTIME != 0 {
		btime = fmt.Sprintf("%d.%09d", st.Btime.Sec, st.Btime.Nsec)
	}
	return fmt.Sprintf("%d:%d:%d:%d:%s\n", st.Dev_major, st.Dev_minor, st.Ino, st.Mode&unix.S_IFMT, btime), nil
}
