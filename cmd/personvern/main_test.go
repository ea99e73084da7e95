package main

import (
	"errors"
	"github.com/personvern/personvern/internal/testtool"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"personvern": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script: one .txtar
// per scenario, readable without Go.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			wd, err := os.Getwd()
			if err != nil {
				return err
			}
			env.Setenv("REPO", wd+"/../..")
			// Messages follow PERSONVERN_LANG and the locale: the
			// scenarios expect English unless they set them, whatever the
			// host's locale is.
			env.Setenv("PERSONVERN_LANG", "")
			env.Setenv("LC_ALL", "")
			env.Setenv("LC_MESSAGES", "")
			env.Setenv("LANG", "C")
			// The folder of the personvern command, for scripts that
			// set PATH to run it without other programs (git).
			env.Setenv("TESTBIN", filepath.SplitList(env.Getenv("PATH"))[0])
			// The go command's own folders, for adopt.txtar, which
			// installs personvern from this checkout as a user would.
			for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOFLAGS", "GOTOOLCHAIN"} {
				if v := goEnv(k); v != "" {
					env.Setenv(k, v)
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exitcode N prog args... runs prog and checks its exit status,
			// since the tool's 1 (findings) and 2 (trouble) mean different
			// things to CI.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: exitcode N command [args...]")
				}
				exitCode(ts, neg, args, args[1:])
			},
			// bounded N prog args... is exitcode for an attack that would
			// hang or eat memory: prog is killed after 20 s (exit 124) and
			// may map at most 2 GiB, so that a regression fails the test
			// instead of stalling or swapping the machine.
			"bounded": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: bounded N command [args...]")
				}
				limit := `ulimit -v 2097152 && `
				if testtool.Race {
					// ThreadSanitizer reserves far more address space
					// than 2 GiB and fails to start under the limit
					// (exit 66); the time limit still holds.
					limit = ""
				}
				exitCode(ts, neg, args, append([]string{"sh", "-c", limit + `exec timeout -k 5 20 "$@"`, "sh"}, args[1:]...))
			},
		},
	})
}

func exitCode(ts *testscript.TestScript, neg bool, args, command []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	if err := ts.Exec(command[0], command[1:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

var (
	goEnvMu    sync.Mutex
	goEnvCache = map[string]string{}
)

// goEnv is a setting of the go command, asked once per test run; scripts
// run in parallel, so the cache is locked.
func goEnv(key string) string {
	goEnvMu.Lock()
	defer goEnvMu.Unlock()
	if v, ok := goEnvCache[key]; ok {
		return v
	}
	out, err := exec.Command("go", "env", key).Output()
	v := ""
	if err == nil {
		v = strings.TrimSpace(string(out))
	}
	goEnvCache[key] = v
	return v
}
