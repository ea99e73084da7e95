//go:build !race

package testtool

// Race is true when the tests run under the race detector.
const Race = false
