package main

import (
	"fmt"
	"github.com/personvern/personvern/internal/history"
	"path/filepath"
	"slices"
	"strings"

	checkpkg "github.com/personvern/personvern/internal/check"
	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	var format, context, since string
	var cf configFlags
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check notices against GDPR art. 13/14 (default: notices/)",
		Long: `Check notice files, or folders of them, against the schema and the rules.

Every finding names file:line:column and the field, and cites the
article of the GDPR (or the law) it rests on where there is one.

Exit status: 0 when there are no errors (warnings allowed), 1 when any
notice has an error, 2 when a file cannot be read or parsed, or on usage
errors.`,
		Example: `  personvern validate
  personvern validate notices/kvalifiseringsprogrammet.yaml --format github
  personvern validate --since origin/main`,
		RunE: func(cmd *cobra.Command, args []string) error {
			format = formatName(format, validate.Formats)
			if !slices.Contains(validate.Formats, format) {
				return trouble("unknown --format %q; use one of %s", format, strings.Join(validate.Formats, ", "))
			}
			showContext, err := contextMode(context, cmd)
			if err != nil {
				return err
			}
			m, err := messagesFor(cmd)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{"notices"}
			}
			res, err := checkWith(args, &cf, m != nil)
			if err != nil {
				return err
			}
			if since != "" {
				drift, err := driftSince(cmd, since, res.files)
				if err != nil {
					return err
				}
				res.findings = append(res.findings, drift...)
				validate.Sort(res.findings)
			}
			opt := validate.WriteOptions{Format: format, Context: showContext && format == "text", Source: res.line, Files: res.files, Messages: m}
			if err := validate.Write(cmd.OutOrStdout(), res.findings, opt); err != nil {
				return trouble("writing findings: %v", err)
			}
			errs, warns := validate.Count(res.findings)
			if format == "text" {
				fmt.Fprintln(cmd.ErrOrStderr(), say(m, "%d %s checked: %d %s, %d %s",
					len(res.files), plural(len(res.files), word("notice"), word("notices")),
					errs, plural(errs, word("error"), word("errors")), warns, plural(warns, word("warning"), word("warnings"))))
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
	cmd.Flags().StringVar(&since, "since", "", "also compare each notice with its version at this git revision and warn of texts changed in one language but not the other")
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
		// Only a terminal: output to /dev/null, as in a benchmark or a
		// script that wants the exit status only, reads no source lines.
		return isTerminal(cmd.OutOrStdout()), nil
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

// checkWith loads and validates every notice under paths with the
// defaults of the configuration that applies to them, as build does (see
// configFlags.load and check.Files), with the cache; translated asks for
// findings that can be said in a language other than English. Its errors
// are the run's trouble.
func checkWith(paths []string, cf *configFlags, translated bool) (*checkResult, error) {
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
	res := checkpkg.Files(files, checkpkg.Options{Loader: cfg.Loader(), Validator: v, Cache: true, Translatable: translated})
	return &checkResult{files: res.Files, docs: res.Docs, findings: res.Findings, loadFailed: res.LoadFailed, line: res.Line}, nil
}

func plural[T any](n int, one, many T) T {
	if n == 1 {
		return one
	}
	return many
}

// driftSince compares each file with its version at rev and returns the
// translation-drift findings. A file the revision lacks, or cannot read,
// is new or was broken then: nothing to compare it with.
func driftSince(cmd *cobra.Command, rev string, files []string) ([]validate.Finding, error) {
	if strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\n\x00:") {
		return nil, trouble("--since %q: name a branch, tag or commit", rev)
	}
	if out, err := history.Git("", "rev-parse", "--verify", "--quiet", rev+"^{commit}").Output(); err != nil || len(out) == 0 {
		return nil, trouble("--since %s: no such revision in the git repository you stand in", rev)
	}
	var out []validate.Finding
	for _, f := range files {
		old, err := diff.Load(rev + ":" + filepath.ToSlash(f))
		if err != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "personvern: %s: not compared with %s (%v)\n", f, rev, firstLine(err))
			continue
		}
		cur, err := diff.Load(f)
		if err != nil {
			continue // check has reported it
		}
		out = append(out, validate.Drift(old, cur, rev)...)
	}
	return out, nil
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
