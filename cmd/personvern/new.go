package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
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
"FYLL INN"; validate lists those that are left. Refuses to overwrite.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if !slugRE.MatchString(id) || len(id) > 64 {
				return trouble("%q is not a valid id: use lower case letters, digits, '-' and '_', e.g. kvalifiseringsprogrammet", id)
			}
			src, err := starterNotice(id)
			if err != nil {
				return err
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
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\nfill in the values marked FYLL INN, then run: personvern validate %s\n", path, path)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "notices", "folder to write the notice in")
	return cmd
}

// starterNotice is the commented starter notice with the given id.
func starterNotice(id string) ([]byte, error) {
	tmpl, err := template.ParseFS(templates.FS, "new.yaml")
	if err != nil {
		return nil, trouble("starter template: %v", err)
	}
	var buf bytes.Buffer
	data := struct{ ID, Date string }{id, time.Now().Format("2006-01-02")}
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
