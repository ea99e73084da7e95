package publish

import "os"

// swapTwoSteps moves the old site aside and the new one in. Where the
// system has no atomic exchange, a kill between the two renames leaves the
// old site at tmp+".old", recorded, and the next build puts it back.
func swapTwoSteps(tmp, dir string) (aside string, err error) {
	old := tmp + ".old"
	if err := recordTemp(old, dir); err != nil {
		return "", err
	}
	if err := os.Rename(dir, old); err != nil {
		forgetTemp(old)
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		forgetTemp(old)
		return "", err
	}
	forgetTemp(tmp)
	return old, nil
}
