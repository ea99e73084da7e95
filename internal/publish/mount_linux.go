package publish

import (
	"errors"
	"path/filepath"

	"github.com/personvern/personvern/internal/cache"
	"golang.org/x/sys/unix"
)

// isMountPoint reports whether dir is the root of a mount: a Docker
// volume, a tmpfs, a bind mount. No folder can be renamed over one.
func isMountPoint(dir string) bool {
	var st unix.Statx_t
	err := unix.Statx(unix.AT_FDCWD, dir, unix.AT_SYMLINK_NOFOLLOW, unix.STATX_BASIC_STATS, &st)
	if err == nil && st.Attributes_mask&unix.STATX_ATTR_MOUNT_ROOT != 0 {
		return st.Attributes&unix.STATX_ATTR_MOUNT_ROOT != 0
	}
	a, err1 := cache.StatFile(dir)
	b, err2 := cache.StatFile(filepath.Dir(dir))
	return err1 == nil && err2 == nil && a.Device != b.Device
}

// isBusy reports an error from swapping folders that a mount point gives.
func isBusy(err error) bool { return errors.Is(err, unix.EBUSY) || errors.Is(err, unix.EXDEV) }

// oNoFollow: a file is never opened through a link.
const oNoFollow = unix.O_NOFOLLOW
