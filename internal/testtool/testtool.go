// Package testtool is what the tests of several packages share. It lets
// tests that need an outside tool (a browser, a JVM, a spell checker) skip
// on a developer's machine that lacks it, and fail in CI, where the tool
// must be there.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// EnvRequire is the environment variable that turns a missing tool from a
// skip into a failure. .ci/run sets it to 1.
const EnvRequire = "PERSONVERN_REQUIRE_TOOLS"

// Required reports whether missing tools must fail the tests rather than
// skip them.
func Required() bool { return os.Getenv(EnvRequire) == "1" }

// Require does nothing when ok. Otherwise it skips the test, saying which
// tool is missing and how to install it, or, when PERSONVERN_REQUIRE_TOOLS=1,
// fails it, so CI cannot pass by skipping.
func Require(t testing.TB, name string, ok bool, howToInstall string) {
	t.Helper()
	if ok {
		return
	}
	msg := name + " is not available"
	if howToInstall != "" {
		msg += "; install it with: " + howToInstall
	}
	if Required() {
		t.Fatalf("%s (%s=1, so tools are required)", msg, EnvRequire)
	}
	t.Skipf("%s (skipping; %s=1 makes this a failure)", msg, EnvRequire)
}

// Git returns a function that runs git in dir, as a fixed author and
// without the user's configuration, failing the test on error.
func Git(t testing.TB, dir string) func(args ...string) {
	return func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}
