package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(?:[_-][a-z0-9]+)*$`)

func newNewCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "new ID",
		Short: "Write a starter notice notices/ID.yaml with a comment on every field",
		Long: `Write a starter notice with a comment on every field saying what to fill
in and which GDPR article asks for it. Values to replace start with
"FYLL INN"; validate lists those that are left. Refuses to overwrite.

ID becomes the page's address: lower case a-z, digits, '-' and '_'. A name
is made into one: "Søknad om plass" gives soknad-om-plass (æ ae, ø o, å a).`,
		Example: `  personvern new barnehage
  personvern new "søknad om plass"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := messagesFor(cmd)
			if err != nil {
				return err
			}
			id, ok := slug(args[0])
			if !ok {
				return trouble("%q is not a valid id: use letters, digits, spaces, '-' and '_' (at most 64), e.g. kvalifiseringsprogrammet or \"søknad om plass\"", args[0])
			}
			src, err := starterNotice(id, messagesLang(m), "new")
			if err != nil {
				return err
			}
			// A notices folder that is a link (a commit can make one) would
			// put the file wherever it points.
			if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
				return trouble("%s is a symbolic link; personvern writes a new notice only into a real folder. Name the folder itself with --dir", dir)
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return trouble("%v", err)
			}
			path := filepath.Join(dir, id+".yaml")
			if err := writeNew(path, src); errors.Is(err, fs.ErrExist) {
				return trouble("%s already exists; choose another id or edit that file", path)
			} else if err != nil {
				return trouble("%v", err)
			}
			if id != args[0] {
				fmt.Fprintln(cmd.OutOrStdout(), say(m, "id %s (made from %s)", id, quoted(args[0])))
			}
			fmt.Fprintln(cmd.OutOrStdout(), say(m, "wrote %s\nFill in the values marked FYLL INN, then run: personvern validate %s", path, path))
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "notices", "folder to write the notice in")
	return cmd
}

// starterNotice is the commented starter notice with the given id, its
// comments in lang (new.nb.yaml, new.nn.yaml; new.yaml is English), made
// by the command by (new or init). The notice itself is the same in every
// language (TestStarterLanguages).
func starterNotice(id, lang, by string) ([]byte, error) {
	name := "new.yaml"
	if lang == "nb" || lang == "nn" {
		name = "new." + lang + ".yaml"
	}
	tmpl, err := template.ParseFS(templates.FS, name)
	if err != nil {
		return nil, trouble("starter template: %v", err)
	}
	var buf bytes.Buffer
	data := struct{ ID, Date, By string }{id, time.Now().Format("2006-01-02"), by}
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, trouble("starter template: %v", err)
	}
	return buf.Bytes(), nil
}

// writeNew writes a file that must not exist yet: O_EXCL never
// overwrites one, even one made between a check and the write.
func writeNew(path string, src []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(src); err != nil {
		f.Close()
		os.Remove(path) // ours: made by O_EXCL just now
		return err
	}
	return f.Close()
}

// slugFold writes the Norwegian and other common Latin letters in a-z, as
// Norwegian addresses do (søknad → soknad, Tromsø → tromso).
var slugFold = strings.NewReplacer(
	"æ", "ae", "ø", "o", "å", "a", "ä", "a", "ö", "o", "ü", "u", "é", "e", "è", "e", "ê", "e", "á", "a", "à", "a", "ó", "o", "ò", "o", "ô", "o", "í", "i", "ú", "u", "ç", "c", "ñ", "n", "š", "s", "ž", "z", "č", "c", "đ", "d",
)

// slug turns an id or a name into an id: lower case, the letters above
// folded, runs of spaces into '-'. Anything else (a '/', a '.') makes it
// no id, so a path can never become one.
func slug(arg string) (string, bool) {
	s := slugFold.Replace(strings.ToLower(strings.TrimSpace(arg)))
	s = strings.Join(strings.Fields(s), "-")
	if !slugRE.MatchString(s) || len(s) > 64 {
		return "", false
	}
	return s, true
}
