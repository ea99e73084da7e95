//go:build !linux

package publish

func swap(tmp, dir string) (string, error) { return swapTwoSteps(tmp, dir) }
