package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	checkpkg "github.com/personvern/personvern/internal/check"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	var format, context string
	var cf configFlags
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check notices against GDPR art. 13/14 (default: notices/)",
		Long: `Check notice files, or folders of them, against the schema and the rules.

Every finding names file:line:column, the field, and the GDPR article.

Exit status: 0 when there are no errors (warnings allowed), 1 when any
notice has an error, 2 when a file cannot be read or parsed, or on usage
errors.`,
		Example: `  personvern validate
  personvern validate notices/kvalifiseringsprogrammet.yaml --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(validate.Formats, format) {
				return trouble("unknown --format %q; use one of %s", format, strings.Join(validate.Formats, ", "))
			}
			showContext, err := contextMode(context, cmd)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{"notices"}
			}
			res, err := check(args, &cf)
			if err != nil {
				return err
			}
			opt := validate.WriteOptions{Format: format, Context: showContext && format == "text", Source: res.line, Files: res.files}
			if err := validate.Write(cmd.OutOrStdout(), res.findings, opt); err != nil {
				return trouble("writing findings: %v", err)
			}
			errs, warns := validate.Count(res.findings)
			if format == "text" {
				fmt.Fprintf(cmd.ErrOrStderr(), "%d %s checked: %d %s, %d %s\n",
					len(res.files), plural(len(res.files), "notice", "notices"),
					errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
			}
			switch {
			case res.loadFailed:
				return &exitError{code: exitTrouble}
			case errs > 0:
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(validate.Formats, ", "))
	cmd.Flags().StringVar(&context, "context", "auto", "show the source line and a caret under each finding: auto (on a terminal), always, never")
	cf.register(cmd)
	return cmd
}

func contextMode(mode string, cmd *cobra.Command) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		f, ok := cmd.OutOrStdout().(*os.File)
		if !ok {
			return false, nil
		}
		info, err := f.Stat()
		return err == nil && info.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, trouble("unknown --context %q; use auto, always or never", mode)
}

// checkResult is what validating a set of paths found (see check.Result).
type checkResult struct {
	files      []string
	docs       []*notice.Document
	findings   []validate.Finding
	loadFailed bool
	line       func(file string, n int) string
}

// check loads and validates every notice under paths with the defaults of
// the configuration that applies to them, as build does (see
// configFlags.load and check.Files). Its errors are the run's trouble.
func check(paths []string, cf *configFlags) (*checkResult, error) {
	files, err := notice.Find(paths)
	if err != nil {
		return nil, trouble("%v", err)
	}
	if len(files) == 0 {
		return nil, trouble("no notice files (*.yaml) in %s", strings.Join(paths, ", "))
	}
	cfg, _, err := cf.load(files)
	if err != nil {
		return nil, err
	}
	v, err := validate.New()
	if err != nil {
		return nil, trouble("%v", err)
	}
	res := checkpkg.Files(files, checkpkg.Options{Loader: cfg.Loader(), Validator: v, Cache: true})
	return &checkResult{files: res.Files, docs: res.Docs, findings: res.Findings, loadFailed: res.LoadFailed, line: res.Line}, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
