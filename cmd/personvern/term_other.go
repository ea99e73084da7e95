//go:build !linux

package main

import "os"

// terminalFD reports whether fd is a character device other than the null
// device, the nearest test without the system's terminal request.
func terminalFD(fd uintptr) bool {
	f := os.NewFile(fd, "")
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(info, null)
}
