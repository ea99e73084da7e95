package publish

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lockOutput takes the lock for building into dir: an advisory lock on the
// folder that holds it, so that two builds never write (or clean up) the
// same temporary folders. The lock goes with the process, also when it is
// killed.
func lockOutput(parent, dir string) (*os.File, error) {
	f, err := os.Open(parent)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, errorf(nil, "another personvern build is writing into %s; wait for it to finish", dir)
		}
		return nil, fmt.Errorf("locking %s: %w", parent, err)
	}
	return f, nil
}
