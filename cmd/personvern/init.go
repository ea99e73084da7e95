package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
)

// starterID is the id of the notice init writes; the author renames it.
const starterID = "eksempel"

// initFile is one file personvern init writes: its path under DIR and
// the template in templates/init it comes from.
type initFile struct {
	path, tmpl string
}

var initFiles = []initFile{
	{"notices/personvern.yaml", "init/personvern.yaml"},
	{"notices/" + starterID + ".yaml", ""}, // the starter notice of personvern new
	{".gitignore", "init/gitignore"},
	{".github/workflows/personvern.yml", "init/github-workflow.yml"},
	{".gitlab-ci.yml", "init/gitlab-ci.yml"},
}

func newInitCmd() *cobra.Command {
	var pin string
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write the files for a new repository of an organisation's notices into DIR (default: here)",
		Long: `Write what an organisation's own repository needs:

  notices/personvern.yaml           site title, base URL, languages, defaults
  notices/` + starterID + `.yaml             a starter notice, every field commented
  .gitignore
  .github/workflows/personvern.yml  GitHub Actions: validate, build --check,
                                    and a sign-off label for material changes
  .gitlab-ci.yml                    the same for GitLab

The CI installs the personvern release it names (PERSONVERN_VERSION; by
default this one) with go install and calls the binary, so its exit status
is personvern's. init never overwrites: when one of these files exists,
it writes nothing.`,
		Example: `  personvern init personvern-eksempel-kommune
  cd personvern-eksempel-kommune && git init
  personvern validate
  personvern build`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := messagesFor(cmd)
			if err != nil {
				return err
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			version := pin
			if version == "" {
				version = releaseVersion()
			}
			// The warning is about the CI files, so it is given only
			// when they are written: a second init, which writes
			// nothing, gave it too (nb9x 18).
			devBuild := version == ""
			if devBuild {
				version = "latest"
			}
			files, err := initContents(version, messagesLang(m))
			if err != nil {
				return err
			}
			// Look at everything before writing anything: a file that is
			// there already, or a folder that is a link out of DIR, stops
			// the whole init.
			var conflicts []string
			for _, f := range initFiles {
				p := filepath.Join(dir, filepath.FromSlash(f.path))
				if _, err := os.Lstat(p); err == nil {
					conflicts = append(conflicts, p)
				}
				for parent := filepath.Dir(f.path); parent != "."; parent = filepath.Dir(parent) {
					if info, err := os.Lstat(filepath.Join(dir, parent)); err == nil && !info.IsDir() {
						conflicts = append(conflicts, filepath.Join(dir, parent)+" (not a folder)")
					}
				}
			}
			if len(conflicts) > 0 {
				return trouble("already there: %s; init writes the files for a new repository and never overwrites, so nothing was written", strings.Join(dedupe(conflicts), ", "))
			}
			var written []string
			undo := func() {
				for _, p := range written {
					os.Remove(p)
				}
			}
			for _, f := range initFiles {
				p := filepath.Join(dir, filepath.FromSlash(f.path))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					undo()
					return trouble("%v", err)
				}
				if err := writeNew(p, files[f.path]); err != nil {
					undo()
					return trouble("%v; nothing was written", err)
				}
				written = append(written, p)
			}
			if devBuild {
				fmt.Fprintln(cmd.ErrOrStderr(), say(m, "personvern: warning: this personvern is a development build, so the CI installs @latest; set PERSONVERN_VERSION in the CI files to a release, or pass --pin"))
			}
			out := cmd.OutOrStdout()
			for _, p := range written {
				fmt.Fprintln(out, say(m, "wrote %s", p))
			}
			fmt.Fprint(out, say(m, `next:
  1. set the title in notices/personvern.yaml
  2. rename notices/%[1]s.yaml to your service, fill in the values marked FYLL INN
     (personvern codes lists the codes), and remove the examples you do not need
  3. personvern validate     check the notices
  4. personvern serve        preview on http://127.0.0.1:8080/
  5. personvern build        write site/; commit it with the notices
`, starterID))
			return nil
		},
	}
	cmd.Flags().StringVar(&pin, "pin", "", "personvern version the CI installs, e.g. v1.2.0 (default: this one)")
	return cmd
}

// releaseVersion is this binary's module version when it is one go
// install can fetch again (a release or pseudo-version), else "".
func releaseVersion() string {
	v := version()
	if strings.HasPrefix(v, "v") && !strings.Contains(v, " ") && !strings.HasSuffix(v, "+dirty") {
		return v
	}
	return ""
}

// initContents renders every file init writes, by path; the starter
// notice's comments are in lang, the language of the messages.
func initContents(version, lang string) (map[string][]byte, error) {
	signOff, err := templates.FS.ReadFile("init/sign-off.sh")
	if err != nil {
		return nil, trouble("init template: %v", err)
	}
	// The comments in the files are in the messages' language
	// (comments.<lang>.tmpl), as the starter notice's are (review nb5 13).
	comments := "init/comments.tmpl"
	if lang == "nb" || lang == "nn" {
		comments = "init/comments." + lang + ".tmpl"
	}
	data := struct{ Version, Made, SignOff string }{version, "personvern " + version, ""}
	c, err := template.New("comments").Delims("[[", "]]").ParseFS(templates.FS, comments)
	if err != nil {
		return nil, trouble("init template: %v", err)
	}
	var head bytes.Buffer
	if err := c.ExecuteTemplate(&head, "sign-off", data); err != nil {
		return nil, trouble("init template: %v", err)
	}
	// The gate's messages are in the comments' language too (rv6nb 2).
	say, err := c.New("sign-off.sh").Parse(string(signOff))
	if err != nil {
		return nil, trouble("init template: %v", err)
	}
	var script bytes.Buffer
	if err := say.Execute(&script, data); err != nil {
		return nil, trouble("init template: %v", err)
	}
	data.SignOff = head.String() + "\n" + strings.TrimRight(script.String(), "\n")
	funcs := template.FuncMap{"indent": func(n int, s string) string {
		pad := strings.Repeat(" ", n)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if l != "" {
				lines[i] = pad + l
			}
		}
		return strings.Join(lines, "\n")
	}}
	files := map[string][]byte{}
	for _, f := range initFiles {
		if f.tmpl == "" {
			src, err := starterNotice(starterID, lang, "init")
			if err != nil {
				return nil, err
			}
			files[f.path] = src
			continue
		}
		tmpl := f.tmpl
		// The site settings are commented in the messages' language.
		if localised := strings.TrimSuffix(tmpl, ".yaml") + "." + lang + ".yaml"; strings.HasSuffix(tmpl, ".yaml") && (lang == "nb" || lang == "nn") {
			tmpl = localised
		}
		// [[ ]]: the CI files are full of GitHub's ${{ }}.
		t, err := template.New(filepath.Base(tmpl)).Delims("[[", "]]").Funcs(funcs).ParseFS(templates.FS, tmpl, comments)
		if err != nil {
			return nil, trouble("init template: %v", err)
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, data); err != nil {
			return nil, trouble("init template: %v", err)
		}
		files[f.path] = buf.Bytes()
	}
	return files, nil
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
