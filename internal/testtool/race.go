//go:build race

package testtool

// Race is true when the tests run under the race detector, which makes
// them several times slower: the heaviest tests do less then.
const Race = true
