package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges the new site folder and the old one in one rename
// (renameat2 RENAME_EXCHANGE), so there is no moment without a site. It
// returns where the old site now is.
func swap(tmp, dir string) (aside string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	if err == unix.ENOSYS || err == unix.EINVAL {
		return swapTwoSteps(tmp, dir)
	}
	if err != nil {
		return "", &os.LinkError{Op: "exchange", Old: tmp, New: dir, Err: err}
	}
	return tmp, nil
}
