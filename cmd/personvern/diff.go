package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/validate"
	"github.com/spf13/cobra"
)

func newDiffCmd() *cobra.Command {
	var lang, format, failOn, tmplDir string
	var rules bool
	var cf configFlags
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed in meaning between two versions of a notice, and whether it is material",
		Long: `Compare two versions of a notice by meaning: lists are matched by their ids
(or replaces:), so reordering is no change, and every change is classified
by a named rule as material (people must be told before it takes effect,
GDPR art. 13(3)), notable or editorial. Free-text changes show a word-level
redline.

OLD and NEW are files, or REV:PATH read from the git repository you stand in.
Each takes the defaults of the personvern.yaml that applies to it (for
REV:PATH, as it was in REV); --config or --defaults gives both sides the
same ones, as build --config or --defaults would publish them.

Exit status, as diff(1): 0 no change, 1 changes, 2 trouble. With
--fail-on material, exit 1 only when a change is material (notable: notable
or material), so CI can ask for a sign-off on those. Notes to the editor
(the other language's text left as it was, a version number left as it
was, an id renamed) follow the changes under their own heading, counted
in no class; a text changed in one language is still a change. A gate
set with --fail-on still exits 1 for a changed notice whose version was
left as it was: the site could not keep the new version apart.`,
		Example: `  personvern diff HEAD~1:notices/joblearn.yaml notices/joblearn.yaml
  personvern diff main:notices/kvalifiseringsprogrammet.yaml notices/kvalifiseringsprogrammet.yaml --lang nn --format html > endringer.html
  personvern diff main:notices/kvalifiseringsprogrammet.yaml notices/kvalifiseringsprogrammet.yaml --fail-on material`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			format = formatName(format, render.DiffFormats)
			if !slices.Contains(render.DiffFormats, format) {
				return trouble("unknown --format %q; use one of %s", format, strings.Join(render.DiffFormats, ", "))
			}
			threshold := diff.Editorial
			if failOn != "any" {
				c, ok := diff.ParseClass(failOn)
				if !ok {
					return trouble("unknown --fail-on %q; use material, notable, editorial or any", failOn)
				}
				threshold = c
			}
			r, err := renderer(tmplDir)
			if err != nil {
				return err
			}
			lang = pageLang(cmd, lang, r.Languages())
			if !slices.Contains(r.Languages(), lang) {
				return trouble("unknown --lang %q; use one of %s", lang, strings.Join(r.Languages(), ", "))
			}
			v, err := validate.New()
			if err != nil {
				return trouble("%v", err)
			}
			load := diff.Load
			if cf.given() {
				cfg, _, err := cf.load(nil)
				if err != nil {
					return err
				}
				load = func(arg string) (*notice.Document, error) {
					name, src, err := diff.ReadSource(arg)
					if err != nil {
						return nil, err
					}
					return cfg.Loader().Parse(name, src)
				}
			}
			old, err := load(args[0])
			if err != nil {
				return trouble("%v", err)
			}
			new, err := load(args[1])
			if err != nil {
				return trouble("%v", err)
			}
			m, err := messagesFor(cmd)
			if err != nil {
				return err
			}
			var errs int
			for _, doc := range [][]validate.Finding{v.Validate(old), v.Validate(new)} {
				n, _ := validate.Count(doc)
				errs += n
				for _, f := range doc {
					if f.Severity == validate.Error {
						fmt.Fprintln(cmd.ErrOrStderr(), f.StringIn(m))
					}
				}
			}
			if errs > 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "personvern: "+say(m, "warning: %d %s in the notices above; comparing anyway", errs, plural(errs, word("error"), word("errors"))))
			}
			c, err := r.Catalog(lang)
			if err != nil {
				return trouble("%v", err)
			}
			rep := diff.Compare(&old.Notice, &new.Notice, args[0], args[1], c)
			if err := r.RenderDiffWith(cmd.OutOrStdout(), rep, format, render.DiffOptions{Rules: rules}); err != nil {
				return trouble("%v", err)
			}
			// The notes to the editor (a text changed in one language
			// only, a version left as it was) are in the report, after
			// the classes, counted in none (review nb8x 13); a gate sees
			// them on stderr too, where CI logs show them. A version left
			// as it was still stops a gate, whatever the class: the site
			// keeps every version by its number, so the change would
			// overwrite the published one.
			if cmd.Flags().Changed("fail-on") {
				stop := false
				for _, n := range rep.Notes {
					fmt.Fprintln(cmd.ErrOrStderr(), "personvern: "+args[1]+": "+say(m, "note to the editor: %s", n.Message))
					// Only the number: a date left as it was keeps the
					// versions apart (nb9x 2).
					stop = stop || n.Rule == "version-not-raised" && old.Notice.Version == new.Notice.Version
				}
				if stop {
					return &exitError{code: exitFindings}
				}
			}
			if most, changed := rep.Most(); changed && most >= threshold {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "language of the report: nb or nn (default: $PERSONVERN_LANG or the locale when it is nb or nn, else nb)")
	cmd.Flags().StringVar(&format, "format", "text", "format: "+strings.Join(render.DiffFormats, ", "))
	cmd.Flags().BoolVar(&rules, "rules", false, "name the rule that classified each change (json always does)")
	cmd.Flags().StringVar(&failOn, "fail-on", "any", "exit 1 only for changes of this class or above: material, notable, editorial, any")
	cmd.Flags().StringVar(&tmplDir, "templates", "", "folder whose files override the embedded templates")
	cf.register(cmd)
	return cmd
}
