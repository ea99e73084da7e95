//go:build !linux

package publish

import (
	"fmt"

	"github.com/personvern/personvern/internal/cache"
)

// identity is what a record holds of a folder: its device and inode (no
// birth time is to be had portably, and the change and modification
// times move as the build fills it).
func identity(path string) (string, error) {
	st, err := cache.StatFile(path)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d:%d\n", st.Device, st.Inode), nil
}
