//go:build !linux

package publish

import (
	"errors"
	"path/filepath"
	"syscall"

	"github.com/personvern/personvern/internal/cache"
)

func isMountPoint(dir string) bool {
	a, err1 := cache.StatFile(dir)
	b, err2 := cache.StatFile(filepath.Dir(dir))
	return err1 == nil && err2 == nil && a.Device != b.Device
}

func isBusy(err error) bool { return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV) }

// oNoFollow is not portable; the folders written are the build's own.
const oNoFollow = 0
