package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/summary"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
)

func newRenderCmd() *cobra.Command {
	var lang, format, out, tmplDir string
	var stats bool
	var cf configFlags
	cmd := &cobra.Command{
		Use:   "render FILE",
		Short: "Render one notice as HTML, Markdown, text or a plain-language summary",
		Long: `Render one notice to stdout, or to a file with -o.

The notice is validated first; a notice with errors is refused with the
findings, as validate prints them (exit 1).

--templates DIR overrides the embedded templates file by file: a DIR with
only style.css, or only lang/nn.yaml, changes just that.`,
		Example: `  personvern render notices/joblearn.yaml --lang nn --format html -o joblearn.html
  personvern render notices/joblearn.yaml --format text
  personvern render notices/joblearn.yaml --format summary --stats`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := renderer(tmplDir)
			if err != nil {
				return err
			}
			lang = pageLang(cmd, lang, r.Languages())
			if !slices.Contains(r.Languages(), lang) {
				return trouble("unknown --lang %q; use one of %s", lang, strings.Join(r.Languages(), ", "))
			}
			format = formatName(format, render.Formats)
			if !slices.Contains(render.Formats, format) {
				return trouble("unknown --format %q; use one of %s", format, strings.Join(shownFormats(render.Formats), ", "))
			}
			m, err := messagesFor(cmd)
			if err != nil {
				return err
			}
			res, err := checkWith(args, &cf, m != nil)
			if err != nil {
				return err
			}
			if err := refuseInvalid(cmd, res, m); err != nil {
				return err
			}
			n := &res.docs[0].Notice
			if !slices.Contains(n.Languages, lang) {
				return trouble("%s is written in %s, not %q", args[0], strings.Join(n.Languages, " and "), lang)
			}
			var buf bytes.Buffer
			if err := r.Render(&buf, n, render.Options{Lang: lang, Format: format}); err != nil {
				return trouble("rendering %s: %v", args[0], err)
			}
			if out == "" || out == "-" {
				if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
					return err
				}
			} else if err := checkRenderOutput(out, args[0]); err != nil {
				return err
			} else if err := writeFileAtomic(out, buf.Bytes()); err != nil {
				return err
			}
			if stats {
				c, err := r.Catalog(lang)
				if err != nil {
					return trouble("%v", err)
				}
				m, err := messagesFor(cmd)
				if err != nil {
					return err
				}
				// In the language of the run, with its decimal comma: an
				// nn run printed "LIX 34.4, 23 sentences" (review nn8 2).
				st := summary.Measure(summary.Build(n, c).Text())
				fmt.Fprintln(cmd.ErrOrStderr(), say(m, "%s (%s): LIX %s · %d sentences, %d words (%d long), longest %d words: «%s»", args[0], lang, decimal(m, st.LIX), st.Sentences, st.Words, st.LongWords, st.Longest, st.LongestSentence))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "language of the page: nb or nn (default: $PERSONVERN_LANG or the locale when it is nb or nn, else nb)")
	cmd.Flags().StringVar(&format, "format", "html", "format: "+strings.Join(shownFormats(render.Formats), ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().StringVar(&tmplDir, "templates", "", "folder whose files override the embedded templates")
	cmd.Flags().BoolVar(&stats, "stats", false, "print the summary's readability to stderr: LIX, sentences, longest sentence")
	cf.register(cmd)
	return cmd
}

func renderer(dir string) (*render.Renderer, error) {
	var fsys fs.FS = templates.FS
	if dir != "" {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() {
			return nil, trouble("--templates %s: not a folder", dir)
		}
		fsys = render.Overlay(dir, templates.FS)
	}
	r, err := render.New(fsys)
	if err != nil {
		return nil, trouble("%v", err)
	}
	return r, nil
}

// refuseInvalid prints the findings and fails when a notice cannot be
// published: an unreadable file is trouble (2), an error is a finding (1).
func refuseInvalid(cmd *cobra.Command, res *checkResult, m *i18n.Messages) error {
	errs, _ := validate.Count(res.findings)
	if errs == 0 && !res.loadFailed {
		return nil
	}
	_ = validate.Write(cmd.ErrOrStderr(), res.findings, validate.WriteOptions{Format: "text", Source: res.line, Messages: m})
	if res.loadFailed {
		return failure(exitTrouble, "cannot read the notice; fix the errors above")
	}
	return failure(exitFindings, "refusing to render: %d %s; run personvern validate for details", errs, plural(errs, word("error"), word("errors")))
}

// checkRenderOutput refuses an -o that would overwrite what is not a
// rendered page: the notice itself (a typo away: -o notices/x.yaml), any
// other notice or YAML file, a link, or a folder.
func checkRenderOutput(out, input string) error {
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		if ext := strings.ToLower(filepath.Ext(out)); ext == ".yaml" || ext == ".yml" {
			return trouble("-o %s: refusing to write a page into a .yaml file; name the page .html, .md or .txt", out)
		}
		return nil
	}
	if err != nil {
		return trouble("-o %s: %v", out, err)
	}
	if in, err := os.Stat(input); err == nil && os.SameFile(in, info) {
		return trouble("-o %s is the notice being rendered; refusing to overwrite it. Name another file for the page", out)
	}
	switch ext := strings.ToLower(filepath.Ext(out)); {
	case info.Mode()&fs.ModeSymlink != 0:
		return trouble("-o %s is a symbolic link; personvern does not write through links. Name the file itself", out)
	case !info.Mode().IsRegular():
		return trouble("-o %s is not a regular file; name a file for the page", out)
	case ext == ".yaml" || ext == ".yml":
		return trouble("-o %s is a YAML file, perhaps a notice; refusing to overwrite it with a page. Name the page .html, .md or .txt", out)
	}
	return nil
}

// writeFileAtomic writes through a temporary file beside path, so that a
// failed write never leaves half a file behind.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return trouble("%v", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return trouble("%v", err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return trouble("%v", err)
	}
	if err := tmp.Close(); err != nil {
		return trouble("%v", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return trouble("%v", err)
	}
	return nil
}

// shownFormats are the format names as help and messages give them: text,
// as diff calls it, for the plain-text page, which --format txt still
// asks for (nb9x 15).
func shownFormats(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		if n == "txt" {
			n = "text"
		}
		out[i] = n
	}
	return out
}
