//go:build unix

package notice

import (
	"os"
	"syscall"
)

// openNonBlocking opens for reading without waiting: O_NONBLOCK makes the
// open of a FIFO return at once (Stat then refuses it), and O_NOCTTY keeps
// a terminal from becoming the controlling one. Reads of a regular file
// ignore O_NONBLOCK.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}
