package site

import "os"

// swapTwoSteps moves the old site aside and the new one in. Where the
// system has no atomic exchange, a kill between the two renames leaves the
// old site at tmp+".old", never lost.
func swapTwoSteps(tmp, dir string) error {
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return err
	}
	return os.Rename(old, tmp) // removed by the caller
}
