//go:build !linux

package site

func swap(tmp, dir string) (string, error) { return swapTwoSteps(tmp, dir) }
