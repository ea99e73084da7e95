package main

import "golang.org/x/sys/unix"

// terminalFD reports whether fd is a terminal: one that answers a terminal's
// request for its settings. /dev/null is a character device too, but not a
// terminal: output sent there shows no context and no progress.
func terminalFD(fd uintptr) bool {
	_, err := unix.IoctlGetTermios(int(fd), unix.TCGETS)
	return err == nil
}
