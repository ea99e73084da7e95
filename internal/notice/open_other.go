//go:build !unix

package notice

import "os"

// openNonBlocking is a plain open where there are no FIFOs to block on;
// readBounded has already refused what is not a regular file.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
