package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/personvern/personvern/internal/history"
	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/site"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
)

// siteFlags are the settings shared by build and serve; each overrides
// the same setting in personvern.yaml.
type siteFlags struct {
	configFlags
	baseURL, langs, title, templates string
	// inputs are the files and folders a build reads (set by load): its
	// output may never be, hold or lie inside one of them.
	inputs []string
}

func (f *siteFlags) register(cmd *cobra.Command) {
	f.configFlags.register(cmd)
	cmd.Flags().StringVar(&f.baseURL, "base-url", "", "public address of the site, e.g. https://personvern.example.no/ (adds sitemap.xml)")
	// Not --lang: that is the language of the messages, on build and serve
	// as on every command. A local --lang here once shadowed it, so
	// `--lang nn build --check` called a clean site stale (nn8x 1).
	cmd.Flags().StringVar(&f.langs, "languages", "", "languages to publish, comma-separated, e.g. nb,nn (default: all)")
	cmd.Flags().StringVar(&f.title, "title", "", "site title, the same in every language, or per language: nb=Personvern,nn=Personvern")
	cmd.Flags().StringVar(&f.templates, "templates", "", "folder whose files override the embedded templates")
}

// checkLang refuses a --lang that is not a message language, or is a
// list: the old way to choose the languages to publish, which now would
// be read as the language of the messages and give a site without the
// languages asked for (nn8x 1).
func checkLang(cmd *cobra.Command) error {
	f := cmd.Flags().Lookup("lang")
	if f == nil || !f.Changed {
		return nil
	}
	v := f.Value.String()
	if _, err := i18n.MessageLang(v, os.Getenv); err == nil && !strings.Contains(v, ",") {
		return nil
	}
	return trouble("--lang %q is the language of the messages (en, nb or nn), not the languages to publish; choose those with --languages %s", v, v)
}

// load reads the configuration, applies the flags and prepares the tools.
func (f *siteFlags) load(paths []string) (*site.Options, []string, error) {
	files, err := notice.Find(paths)
	if err != nil {
		return nil, nil, trouble("%v", err)
	}
	if len(files) == 0 {
		return nil, nil, trouble("no notice files (*.yaml) in %s", strings.Join(paths, ", "))
	}
	cfg, cfgPath, err := f.configFlags.load(files)
	if err != nil {
		return nil, nil, err
	}
	f.inputs = append(append([]string(nil), paths...), cfgPath, f.defaults, f.templates)
	if f.baseURL != "" {
		cfg.BaseURL = strings.TrimSuffix(f.baseURL, "/") + "/"
	}
	if f.langs != "" {
		cfg.Languages = strings.Split(f.langs, ",")
	}
	r, err := renderer(f.templates)
	if err != nil {
		return nil, nil, err
	}
	if f.title != "" {
		cfg.Title = map[string]string{}
		for _, part := range strings.Split(f.title, ",") {
			if lang, t, ok := strings.Cut(part, "="); ok && len(lang) <= 3 {
				cfg.Title[lang] = t
			} else {
				for _, l := range r.Languages() { // one title for every catalogue
					cfg.Title[l] = f.title
				}
				break
			}
		}
	}
	if err := cfg.Validate(r.Languages()); err != nil {
		return nil, nil, trouble("%v", err)
	}
	v, err := validate.New()
	if err != nil {
		return nil, nil, trouble("%v", err)
	}
	return &site.Options{Config: *cfg, Renderer: r, Validator: v}, files, nil
}

func newBuildCmd() *cobra.Command {
	var sf siteFlags
	var out string
	var strict, clean, check, quiet, noHistory, noCache bool
	cmd := &cobra.Command{
		Use:   "build [PATH...]",
		Short: "Build the static privacy site from notices/ into site/",
		Long: `Validate every notice, then build the site: each notice in each language
as HTML, Markdown, summary text and JSON, an index per language, a front
page, a shared stylesheet, and sitemap.xml when a base URL is set.

Nothing is published when a notice has errors (--strict: or warnings).
The site is written into a new folder beside the output and swapped in
only when complete, so a failed or killed build leaves the old site as it
was, and readers see one build or the other. A folder with files
personvern did not make is refused unless --clean. Never replaced, even
with --clean: a folder that is, holds or lies inside the notices, the
configuration or the templates, one that holds a .git, a link or a special
file, your home folder, the folder you are in, or a top-level folder.

After a first build, the next build into the same folder makes again only
the notices whose file, version history, templates or settings changed;
their other files are hard links to the last site's. The record of what
each page was made from is kept in the user's cache folder
(PERSONVERN_CACHE names another, or "off").

--check builds in memory and exits 1, naming the files that are stale,
missing or not made by the build, when the output folder differs from
what a build would write.`,
		Example: `  personvern build
  personvern build notices -o public --base-url https://personvern.example.no/
  personvern build --check`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkLang(cmd); err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{"notices"}
			}
			opt, files, err := sf.load(args)
			if err != nil {
				return err
			}
			opt.NoHistory = noHistory
			if !noHistory {
				if gap := history.FindGap(files); gap != nil {
					if check {
						return historyGapCheck(gap)
					}
					m, err := messagesFor(cmd)
					if err != nil {
						return err
					}
					fmt.Fprintln(cmd.ErrOrStderr(), historyGapWarning(m, gap))
				}
			}
			start := time.Now()
			stderr := cmd.ErrOrStderr()
			// The findings and status lines are said in the language of
			// the messages, as validate says them (review nb5 1).
			m, err := messagesFor(cmd)
			if err != nil {
				return err
			}
			if !quiet && isTerminal(stderr) {
				opt.Progress = func(done, total int) {
					fmt.Fprint(stderr, "\r"+say(m, "building: %d/%d notices", done, total))
					if done == total {
						fmt.Fprint(stderr, "\r\033[K")
					}
				}
			}
			// Files go straight to disk (or to the comparison) as they are
			// made, so even a large site is never held in memory.
			var dirSink *publish.DirSink
			var checkSink *publish.CheckSink
			if check {
				checkSink = publish.NewCheckSink(out)
				opt.Sink = checkSink
			} else {
				// After a build into the same folder, only the notices
				// that changed are made again (see BuildCache).
				// When the binary, templates or settings changed, every page
				// changes: a new folder swapped in is then the faster way.
				if !noCache && !clean {
					if c := site.LoadCache(out); c.Matches(*opt) {
						opt.Cache = c
					}
				}
				dirSink, err = publish.NewDirSink(out, publish.Options{Clean: clean, Inputs: sf.inputs, Layout: site.Publishes, Record: !noCache})
				var warned *publish.WarnedError
				warnings := []publish.Msg(nil)
				if errors.As(err, &warned) {
					warnings = warned.Warnings
				} else if err == nil {
					warnings = dirSink.Warnings
				}
				for _, w := range warnings {
					fmt.Fprintln(stderr, say(m, "personvern: warning: %s", w))
				}
				if err != nil {
					return trouble("%v", err)
				}
				opt.Sink = dirSink
			}
			res, err := site.Build(files, *opt)
			if err != nil {
				if dirSink != nil {
					dirSink.Abort()
				}
				return trouble("%v", err)
			}
			if len(res.Findings) > 0 {
				_ = validate.Write(stderr, res.Findings, validate.WriteOptions{Format: "text", Messages: m})
			}
			refuse := func(e *exitError) error {
				if dirSink != nil {
					dirSink.Abort()
				}
				return e
			}
			switch {
			case res.LoadFailed:
				return refuse(failure(exitTrouble, "cannot read every notice; nothing was published"))
			case res.Errors > 0:
				return refuse(failure(exitFindings, "refusing to publish: %d %s; nothing was written", res.Errors, plural(res.Errors, word("error"), word("errors"))))
			case strict && res.Warnings > 0:
				return refuse(failure(exitFindings, "refusing to publish with --strict: %d %s; nothing was written", res.Warnings, plural(res.Warnings, word("warning"), word("warnings"))))
			}
			if check {
				r, err := checkSink.Result()
				if err != nil {
					return trouble("%v", err)
				}
				for _, p := range r.Stale {
					fmt.Fprintln(cmd.OutOrStdout(), say(m, "stale: %s", publish.Printable(filepath.Join(out, p))))
				}
				for _, p := range r.Missing {
					fmt.Fprintln(cmd.OutOrStdout(), say(m, "missing: %s", publish.Printable(filepath.Join(out, p))))
				}
				for _, p := range r.Extra {
					fmt.Fprintln(cmd.OutOrStdout(), say(m, "not made by the build: %s", publish.Printable(filepath.Join(out, p))))
				}
				// Files the build did not make are never removed by a
				// plain build (it refuses them), so "run personvern
				// build" would send the editor in a circle (nb9x 12); a
				// check of fewer languages than the site has counts the
				// others among them (nn9x 6).
				switch {
				case r.Len() > 0 && sf.langs != "":
					return failure(exitFindings, "%s differs from a build of only %s: %s. The pages of the other languages count as not made by this build, and the pages it made lack the links to them; check with the languages the site is built with, or without --languages", out, langNames(strings.Split(sf.langs, ",")), outOfDate(r))
				case len(r.Extra) > 0:
					return failure(exitFindings, "%s is out of date: %s. personvern build removes no file it did not make, and will not build over them: move them away if they are yours, or run personvern build --clean to remove them; then commit the result", out, outOfDate(r))
				case r.Len() > 0:
					return failure(exitFindings, "%s is out of date: %s; run personvern build and commit the result", out, outOfDate(r))
				}
				if !quiet {
					fmt.Fprintln(stderr, say(m, "%s is up to date: %d files", out, len(res.Paths())))
				}
				return nil
			}
			if err := dirSink.Commit(); err != nil {
				return trouble("%v", err)
			}
			_ = site.SaveCache(out, res.Cache) // without it the next build is a full one
			if !quiet {
				reused := ""
				if res.Reused > 0 {
					reused = say(m, " (%d unchanged)", res.Reused)
				}
				fmt.Fprintln(stderr, say(m, "built %d %s%s, %d pages, %d files in %s → %s", res.Notices, plural(res.Notices, word("notice"), word("notices")), reused,
					res.Pages, len(res.Paths()), seconds(m, time.Since(start)), out))
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "site", "folder to write the site to")
	cmd.Flags().BoolVar(&strict, "strict", false, "refuse to publish when there are warnings too")
	cmd.Flags().BoolVar(&clean, "clean", false, "replace the output folder even if it holds files personvern did not make")
	cmd.Flags().BoolVar(&check, "check", false, "build in memory and exit 1, naming the stale and missing files, if the output folder is not up to date")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors")
	cmd.Flags().BoolVar(&noHistory, "no-history", false, "leave out the version history read from git")
	cmd.Flags().BoolVar(&noCache, "no-cache", false, "make every page again, even of notices unchanged since the last build")
	return cmd
}

// isTerminal reports whether w is a terminal (not a file, a pipe or
// /dev/null).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && terminalFD(f.Fd())
}

// historyGapCheck is why build --check refuses: the committed site was
// built with the whole history, so comparing with less would call it stale.
func historyGapCheck(g *history.Gap) error {
	if g.NoGit {
		return trouble(`git is not installed: build --check needs it to read the history for the "Endringer" section; install git, or pass --no-history if the site is built without history`)
	}
	return trouble(`%s is in a shallow git clone: build --check needs the full history for the "Endringer" section; fetch it (actions/checkout: fetch-depth: 0; git fetch --unshallow), or pass --no-history if the site is built without history`, g.Dir)
}

func historyGapWarning(m *i18n.Messages, g *history.Gap) string {
	if g.NoGit {
		return say(m, `personvern: warning: git is not installed, so "Endringer" lacks the earlier versions of notices in a git repository; install git, or pass --no-history`)
	}
	return say(m, `personvern: warning: %s is in a shallow git clone, so "Endringer" lacks the earlier versions; fetch the full history (actions/checkout: fetch-depth: 0; git fetch --unshallow), or pass --no-history`, g.Dir)
}

// seconds is a build's duration as people write it: "1.298s" in English,
// "1,3 s" in Norwegian (decimal comma, a no-break space before the unit).
func seconds(m *i18n.Messages, d time.Duration) string {
	if m == nil {
		return d.Round(time.Millisecond).String()
	}
	f := "%.1f"
	if d < time.Second {
		f = "%.2f"
	}
	return strings.Replace(fmt.Sprintf(f, d.Seconds()), ".", ",", 1) + "\u00a0s"
}

// decimal is a number with one decimal as people write it: "34.4" in
// English, "34,4" in Norwegian.
func decimal(m *i18n.Messages, f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if m == nil {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}

// outOfDate counts what build --check found, each count with its noun in
// the singular for one (rv6nb 7 b: "1 for mye" left the reader to guess),
// a file that is not there apart from one that differs (nb7x 5), and no
// count of none ("0 utdaterte filer" is noise).
type outOfDate publish.CheckResult

func (r outOfDate) String() string { return r.Localize(nil) }

func (r outOfDate) Localize(m *i18n.Messages) string {
	var parts []string
	switch n := len(r.Stale); {
	case n == 1:
		parts = append(parts, say(m, "%d stale file", n))
	case n > 1:
		parts = append(parts, say(m, "%d stale files", n))
	}
	switch n := len(r.Missing); {
	case n == 1:
		parts = append(parts, say(m, "%d missing file", n))
	case n > 1:
		parts = append(parts, say(m, "%d missing files", n))
	}
	switch n := len(r.Extra); {
	case n == 1:
		parts = append(parts, say(m, "%d file the build did not make", n))
	case n > 1:
		parts = append(parts, say(m, "%d files the build did not make", n))
	}
	return m.List(parts)
}

// langNames are languages as a message names them: "nb" in English,
// "bokmål (nb)" in bokmål and nynorsk (review nb11 7), with the
// language's own list ("bokmål (nb) og nynorsk (nn)").
type langNames []string

var pageCatalogs = i18n.Catalogs{FS: templates.FS}

func (l langNames) String() string { return strings.Join(l, ",") }

func (l langNames) Localize(m *i18n.Messages) string {
	c := pageCatalogs.Get(messagesLang(m))
	if c == nil {
		return strings.Join(l, ",")
	}
	names := make([]string, len(l))
	for i, code := range l {
		names[i] = c.TOr("language."+code, code) + " (" + code + ")"
	}
	return c.List(names)
}
