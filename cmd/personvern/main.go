// Command personvern turns structured YAML privacy notices into checked,
// rendered and published privacy pages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"slices"

	"github.com/spf13/cobra"
)

// Exit codes, as diff(1) and compilers use them: 1 means the input has
// problems, 2 means the tool could not do its job.
const (
	exitOK       = 0
	exitFindings = 1
	exitTrouble  = 2
)

// exitError carries an exit code out of a command; a nil-message one means
// the command has already printed what the user needs.
type exitError struct {
	code int
	msg  string
	// format and args are msg before formatting, for saying it in the
	// user's language.
	format string
	args   []any
}

func (e *exitError) Error() string { return e.msg }

func trouble(format string, args ...any) error {
	return failure(exitTrouble, format, args...)
}

func main() {
	// A run is short and batch-shaped: collecting garbage less often is
	// faster (at 10,000 notices, GOGC 400 against 200: validate 9.2 s
	// against 11.9 s, 102 MB against 63; the build 42 s against 52, 368
	// MB against 213). The build streams its output, so the live heap is
	// small; the soft limit makes the collector work harder only if a
	// very large site would take the heap past it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(450 << 20)
	}
	// PERSONVERN_CPUPROFILE=file writes a CPU profile, for performance work.
	if p := os.Getenv("PERSONVERN_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			_ = pprof.StartCPUProfile(f)
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot()
	setHelp(root, args)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			m, lerr := messagesFor(cmd)
			if lerr != nil { // a bad --lang: say it in the environment's language
				if m, lerr = messagesIn(""); lerr != nil {
					m = nil // a bad PERSONVERN_LANG too: say it in English
				}
			}
			fmt.Fprintln(stderr, "personvern: "+ee.text(m))
		}
		return ee.code
	}
	// cobra's own errors: unknown command, bad flag, wrong arguments. The
	// flags were not parsed, so --lang is looked for in the arguments.
	m, lerr := messagesIn(langArg(args))
	if lerr != nil {
		m = nil
	}
	fmt.Fprintln(stderr, "personvern: "+cobraMessage(m, cmd, err))
	return exitTrouble
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "personvern",
		Short: "Check, render and publish GDPR privacy notices written in YAML",
		Long: `personvern turns structured YAML privacy notices (personvernerklæringer)
into checked, rendered and published privacy pages.

A notice is one YAML file; the JSON Schema and the rules check it against
GDPR articles 13 and 14.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	// The same line as personvern version.
	root.SetVersionTemplate("personvern {{.Version}}\n")
	root.CompletionOptions.DisableDefaultCmd = true
	addLangFlag(root)
	root.AddCommand(newBuildCmd(), newServeCmd(), newValidateCmd(), newRenderCmd(), newDiffCmd(), newNewCmd(), newInitCmd(), newCodesCmd(), newSchemaCmd(), newVersionCmd())
	return root
}

// formatName is the name in formats of a --format given by another name
// the help uses: "text" for render's txt, "txt" for diff's and validate's
// text, "markdown" for md (nb8 6).
func formatName(format string, formats []string) string {
	for _, alias := range [][2]string{{"text", "txt"}, {"txt", "text"}, {"markdown", "md"}} {
		if format == alias[0] && !slices.Contains(formats, format) && slices.Contains(formats, alias[1]) {
			return alias[1]
		}
	}
	return format
}
