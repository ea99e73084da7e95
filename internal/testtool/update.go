package testtool

import "flag"

// Update is the one -update flag of every package's golden files:
// go test ./... -update rewrites them all, and each test that has goldens
// reads it here rather than defining a flag of its own.
var Update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")
